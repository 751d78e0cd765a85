"""Speaker causes found on the development part `e-` of the news set, each with a
sentence written for the test (none copied from the set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimdesk.domain import SpeakerKind
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.names import NameBook, Who, entity_speaker
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
TITLES: list[tuple[str, int, str | None]] = [
    # An office "to" a body before the name, which the tagger glued to the body.
    ("Former British Ambassador to the European Union Helen Clarke wrote on Facebook, "
     "\"We cannot leave our partners behind when they need us most.\"", 0, "Helen Clarke"),
    # An occupation that opens the sentence is no part of the name it comes before.
    ("Broadcaster James Holden commented, \"The whole town turned out to help them.\"", 0,
     "James Holden"),
    ("Novelist Sarah Bright wrote that the library closures were a disgrace.", 0,
     "Sarah Bright"),
    # A titled name the tagger did not see as a person is the person, not "X of Y".
    ("Cardinal Luca Ferrant of the Holy See said, \"The bishops must report every case.\"",
     0, "Luca Ferrant"),
    ("Cardinal Jorge Amadeo Ruiz of the Holy See said the bishops must report every case.",
     0, "Jorge Amadeo Ruiz"),
    ("Bishop Tomas Ouellin of Utrecht said the bishops must report every case.", 0,
     "Tomas Ouellin"),
]
FRAMES: list[tuple[str, int, str | None]] = [
    # Verbs that say what something is by an "as" after their object.
    ("Governor Tom Reyes characterized the vote as \"a disgrace to the state.\"", 0,
     "Tom Reyes"),
    ("Senator Ann Lowe attacked the new tax as \"a burden on every family.\"", 0, "Ann Lowe"),
    # Defending a decision is a statement, and the quotation after it is the defence.
    ("Mayor Paul Kent, speaking on radio, defended his decision, \"We had no other choice "
     "at all. The bridge was not safe.\"", 1, "Paul Kent"),
    # A court speaks by ruling; a party that ruled a country does not.
    ("On Monday the Court of Appeal of Ontario ruled in the case of the closed mine.", 0,
     "Court of Appeal of Ontario"),
    ("The party ruled the country for forty years.", 0, None),
    ("He was fined under the Act of 1890, which the Supreme Court later ruled to be "
     "unlawful.", 0, None),
    # Narration stays nobody's: an attack on a place, a defence of a city.
    ("Rebels attacked the convoy as it left the town.", 0, None),
    ("The troops defended the city for three weeks.", 0, None),
]

SOURCES: list[tuple[str, int, str | None]] = [
    # "Per X" is "according to X".
    ("Per figures released by the Office for National Statistics, unemployment rose in "
     "March.", 0, "Office for National Statistics"),
    # A post, tweet or filing by someone speaks for its author.
    ("According to a Facebook post by Jane Miller, the school will reopen on Monday.", 0,
     "Jane Miller"),
    # Of a source and a named outlet, the outlet can speak.
    ("According to witnesses' videos and the BBC, the officers fired twice.", 0, "BBC"),
    # A document someone spoke in is theirs when the article comes back to it.
    ("Governor Ana Ortiz said in a statement that the bridge would close. The statement "
     "also said repairs would take a month.", 1, "Ana Ortiz"),
    ("Harlow Motors said in a filing to regulators that sales fell. According to the "
     "filing, sales have fallen for three years.", 1, "Harlow Motors"),
    # An outlet after a quotation only relays it when the sentence names who spoke.
    ("Market news\nThe finance minister, Ana Pires, spoke on Monday. Pires called the "
     "budget a \"betrayal of every worker in the country,\" according to Reuters.", 1,
     "Ana Pires"),
    # "Per" that is no source: a rate.
    ("The fee is ten pounds per person.", 0, None),
]

ROLES: list[tuple[str, int, str | None]] = [
    # The role phrase after a sentence whose one person was its subject (foreign
    # secretary and foreign minister are the same office).
    ("Storm news\nBrazil's Foreign Secretary Carlos Souza said the talks would go on. "
     "The foreign minister said Brazil would send aid to the region.", 1, "Carlos Souza"),
    ("Study news\n\"The ice is melting faster,\" said co-author Maria Lund. The Oslo "
     "professor added, \"We do not know how much faster yet.\"", 1, "Maria Lund"),
    # The same after a quotation whose speaker follows it, with a role phrase whose place
    # the tagger took for a person's name.
    ("Study news\n\"The glaciers are thinning at their edges,\" said study co-author Maria "
     "Lund. The Bergen professor added, \"We do not know how much faster yet.\"", 1,
     "Maria Lund"),
]


# A block quotation printed without quotation marks, credited on the line below it.
CREDITS: list[tuple[str, int, str | None]] = [
    ("Storm news\nThe Royal National Lifeboat Institution (RNLI) sent two boats.\n"
     "Are they still inside the cabin? Can you open the hatch?\n– RNLI coordinator, BBC\n"
     "The boat sank an hour later.", 1, "Royal National Lifeboat Institution"),
    ("Court news\nThe court published its judgment on Monday.\nBy this judgment, the "
     "Court answers that the law does not stop a member state from acting.\n"
     "– European Court of Human Rights\nThe boat sank an hour later.", 1,
     "European Court of Human Rights"),
    # A block ending in a colon is no "X said:" because a noun in it is spelt like a
    # reporting verb ("a Member State").
    ("Court news\nThe court published its judgment on Monday.\nBy this judgment, the "
     "Court answers that the law does not stop a court of a Member State from ordering a "
     "host to:\n– European Court of Human Rights\nThe boat sank an hour later.", 1,
     "European Court of Human Rights"),
    # The line after the credited one is narration again.
    ("Storm news\nThe Royal National Lifeboat Institution (RNLI) sent two boats.\n"
     "Are they still inside the cabin? Can you open the hatch?\n– RNLI coordinator, BBC\n"
     "The boat sank an hour later.", 3, None),
    # A list item after a dash is no credit.
    ("Plan news\nThe plan has three parts:\n– more buses on rural routes\n"
     "The council will vote in May.", 1, None),
]

# A reporting verb right after a quotation, before the speaker's title and name, which the
# parser took for an adjective of the title; a given name the tagger left out of the name.
INVERTED: list[tuple[str, int, str | None]] = [
    ("\"We will rebuild the bridge before winter\" tweeted Mayor of Leeds Adam Rashid "
     "(no relation). \"The courage of the crews was remarkable.\"", 0, "Adam Rashid"),
    ("\"We will rebuild the bridge before winter\" tweeted Mayor of Leeds Adam Rashid "
     "(no relation). \"The courage of the crews was remarkable.\"", 1, "Adam Rashid"),
]
# A name defined with its short form, where the tagger saw no entity in the name.
DEFINED: list[tuple[str, int, str | None]] = [
    ("Market news\nAccording to Letters from Lagos (LFL), the market closed early. "
     "LFL added that prices had risen.", 0, "Letters from Lagos"),
    ("Market news\nAccording to Letters from Lagos (LFL), the market closed early. "
     "LFL added that prices had risen.", 1, "Letters from Lagos"),
]
# "he" after a surname the article gave a person, which the tagger left untagged here.
PRONOUNS: list[tuple[str, int, str | None]] = [
    ("Court news\nAli Farooq was sentenced on Friday. The cleric Jan Bielski was "
     "acquitted, which he denied. Farooq appeared at a news conference after his arrest in "
     "which he expressed no regret for the crime. He has since said his confession was "
     "forced.", 2, "Ali Farooq"),
    ("Court news\nAli Farooq was sentenced on Friday. The cleric Jan Bielski was "
     "acquitted, which he denied. Farooq appeared at a news conference after his arrest in "
     "which he expressed no regret for the crime. He has since said his confession was "
     "forced.", 3, "Ali Farooq"),
    # The same for a surname the tagger took for a place ("according to Lincoln").
    ("Rugby news\nFly half Tom Lincoln enjoyed the win. \"It was a good start\", Lincoln "
     "said.\nThe visitors ran away with it. \"We got back on even\", coach Peter Vance "
     "said.\nFitness was a big factor in that according to Lincoln. \"We have been working "
     "hard on our fitness\", he said.", 5, "Tom Lincoln"),
]

CASES = TITLES + FRAMES + SOURCES + ROLES + CREDITS + INVERTED + DEFINED + PRONOUNS


@pytest.mark.parametrize(("text", "index", "expected"), CASES)
def test_development_speakers(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected


def test_given_name_the_tagger_left_out(pipeline: LoadedPipeline) -> None:
    """ "Sadiq Khan" with only "Khan" tagged is Sadiq Khan; a title before it stays out."""
    for text, expected in (("Chief Sami Okafor said the road was closed.", "Sami Okafor"),
                           ("Mayor Okafor said the road was closed.", "Okafor")):
        doc = pipeline.nlp(text)
        surname = next(t for t in doc if t.text == "Okafor")
        assert doc[surname.i - 1].dep_ == "compound"
        doc.ents = [Span(doc, surname.i, surname.i + 1, label="PERSON")]
        who = entity_speaker(doc.ents[0], surname, NameBook(), {})
        assert who == Who(expected, SpeakerKind.PERSON)
