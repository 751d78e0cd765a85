"""Speaker causes found on the development part `f-` of the news set, each with sentences
written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from tests.nlp.speaker_cases import Case, speaker_of

# (text, the start of the sentence, the speaker a careful reader names; None = nobody).
UNNAMED_GROUPS: list[Case] = [
    # People the article never names speak for no one a reader could check.
    ("Officials said the bridge would stay closed until March.", "Officials", None),
    ("The bridge will stay closed until March, according to officials.", "The bridge", None),
    ("Local residents told reporters the river had risen overnight.", "Local residents", None),
    ("Some reports suggest the fire was started on purpose.", "Some reports", None),
    ("Danish officials said the ferry had been delayed by ice.", "Danish officials", None),
    ("Campaigners claim the new road will harm the marsh.", "Campaigners", None),
    # "Police" is the force the article named, else no one.
    ("The driver was arrested at the scene, police said.", "The driver", None),
    ("Kent Police opened an inquiry on Monday.\nPolice said the driver had been arrested.",
     "Police said", "Kent Police"),
    ("Eyewitness accounts say the gunman fled on foot.", "Eyewitness", None),
    # Guards: the authors of a document, a group named by its field ("health officials")
    ("Estimates by march organisers show that ten thousand people took part.", "Estimates",
     "march organisers"),
    ("Health officials say the water is safe to drink.", "Health officials",
     "Health officials"),
    # Guards: a named body, a group owned by a named body, a named person stay.
    ("Northfield Council said the road would reopen in May.", "Northfield", "Northfield Council"),
    ("Officials at the Northfield Council said the road would reopen in May.", "Officials",
     "Northfield Council"),
    ("Mayor Ann Peters said the road would reopen in May.", "Mayor", "Ann Peters"),
]

APPOSED: list[Case] = [
    # A person named right after a place and a title the parser split from the name.
    ("According to Vermont Senator Paul Hale, the stolen painting is one of four copies "
     "still in the country.", "According", "Paul Hale"),
    # A person set off by commas after a role, which the parser hung elsewhere.
    ("According to Greenfield's mayor, Paul Ardent, there were twelve people on the boat.",
     "According", "Paul Ardent"),
    ("Speaking to Reuters, the head of the Danish Union of Teachers, Karin Holm, said, "
     "\"We will strike in May if nothing changes.\"", "Speaking", "Karin Holm"),
    # Guards: a body stays a body; a place alone stays the place.
    ("According to the Ohio Department of Transportation, the bridge will reopen in May.",
     "According", "Ohio Department of Transportation"),
    ("According to Ohio, the bridge will reopen in May.", "According", "Ohio"),
]

VERBS: list[Case] = [
    # Citing a source for a clause, calling something by a name, describing it "as",
    # apologising and disagreeing are statements of the one who does them.
    ("The Guardian cited a police source that the driver had been drinking.", "The Guardian",
     "Guardian"),
    ("Greenpeace referred to the spill as \"a disaster for the whole coast\".", "Greenpeace",
     "Greenpeace"),
    ("The Foreign Office described the minister in May as a \"trusted\" partner of the "
     "regime.", "The Foreign", "Foreign Office"),
    ("Acme Water Company restored supplies on Monday.\nThe company apologized for the long "
     "delay.", "The company", "Acme Water Company"),
    ("Airbus referred to the jet involved as a \"test aircraft\".", "Airbus", "Airbus"),
    ("Union leader Maria Costa disagreed with the board's figures.", "Union", "Maria Costa"),
    # Guards: describing, citing and referring to things without saying what they are.
    ("The guide described the route to the visitors.", "The guide", None),
    ("The article cited three studies.", "The article", None),
    ("The children referred to the book often.", "The children", None),
]

RELAYED: list[Case] = [
    # Unnamed people relayed by a named source: the source is whom a reader can check.
    ("Witnesses, according to the Guardian, said the gunman fled on foot.", "Witnesses",
     "Guardian"),
    ("Residents said the water had risen overnight, according to the BBC.", "Residents",
     "BBC"),
    # Guard: a named person relayed keeps the statement.
    ("Mayor Ann Peters, according to the BBC, said the road would reopen in May.", "Mayor",
     "Ann Peters"),
]

EDITIONS: list[Case] = [
    # An outlet's national edition is one organisation, though tagged outlet + country.
    ("Many homes were flooded, according to CNN Indonesia.", "Many homes", "CNN Indonesia"),
    # Guard: a country after an organisation in another phrase stays apart.
    ("According to the IMF, Indonesia grew by 5% last year.", "According", "IMF"),
]

DOCUMENTS: list[Case] = [
    # "In a statement by X," and "by X's report" say whose the sentence is, like
    # "according to X"; a schedule or an investigation speaks for whoever made it.
    ("In a statement by the Ministry of Health, the death toll rose to nine.", "In a",
     "Ministry of Health"),
    ("In a situation report of the Red Cross, 300 homes were destroyed by the storm.",
     "In a", "Red Cross"),
    ("According to Acme Rail's schedule, trains will run every hour from May.", "According",
     "Acme Rail"),
    ("An investigation by the Sentinel found no such payment was made.", "An investigation",
     "Sentinel"),
    # Guards: a document nobody is named with; a speaker named in the sentence.
    ("In the report, several errors were found in the figures.", "In the report", None),
    ("In a report published on Monday, the council said the road was safe.", "In a",
     "council"),
]

INVERTED: list[Case] = [
    # "“…,” tweeted former thinktank executive Tom Reddy": a long title before the name
    # puts the inverted subject, parsed as the verb's object, far from the verb.
    ("\"The only conclusion I can reach after reading that damning audit summary is that "
     "Acme's own board staff want him to resign or be sacked,\" tweeted former thinktank "
     "executive Tom Reddy. \"That is the only explanation I can come up with for why they "
     "would release this audit.\"", "\"The only", "Tom Reddy"),
    # Guard: the thing a verb after a quotation acts on is no speaker.
    ("\"We will be back next year,\" wrote the club in a letter to every member of the "
     "supporters' trust.", "\"We will", "club"),
]

MEMBERS: list[Case] = [
    # A group with its members named ("states including Norway and Sweden"): the first
    # named member, as with several speakers; citing concerns is a statement.
    ("Neighbouring states including Norway and Sweden have cited security concerns to ban "
     "the drones.", "Neighbouring", "Norway"),
    ("European carmakers including Volvo, Ford and Fiat have announced plans to leave the "
     "market.", "European", "Volvo"),
    # Guards: the group without members is unnamed, and so is a counted one, whose named
    # members are examples; citing a thing is no statement.
    ("European carmakers have announced plans to leave the market.", "European", None),
    ("At least two towns, including Millbrook, declared a state of emergency on Monday.",
     "At least", None),
    ("The article cited three studies.", "The article", None),
]

DESCRIBED: list[Case] = [
    # A capitalised word the tagger took for a common noun is a name when the sentence
    # describes it in apposition ("X, a database detailing…, states").
    ("Planetracks, a database detailing the jets flown by small airlines, states the plane "
     "first flew in 1977.", "Planetracks", "Planetracks"),
    # Guard: a mass noun opening a sentence is no one.
    ("Evidence suggests the drug works in most patients.", "Evidence", None),
]

OUTLETS: list[Case] = [
    # "The newspaper" after a named outlet spoke is that outlet.
    ("The Harbour Gazette reported that the ferry was late. Mayor Ann Peters said the port "
     "was safe. The newspaper further reported that two crew members had quit.",
     "The newspaper", "Harbour Gazette"),
    # Guards: with no outlet before it, the noun as written; a named person is no outlet.
    ("The newspaper reported that two crew members had quit.", "The newspaper", "newspaper"),
    ("Mayor Ann Peters said the port was safe. The newspaper reported that two crew members "
     "had quit.", "The newspaper", "newspaper"),
]

CASES = (UNNAMED_GROUPS + APPOSED + VERBS + RELAYED + EDITIONS + DOCUMENTS + INVERTED
         + MEMBERS + DESCRIBED + OUTLETS)


@pytest.mark.parametrize(("text", "opening", "expected"), CASES)
def test_development_f_speakers(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected
