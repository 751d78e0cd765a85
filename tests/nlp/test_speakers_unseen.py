"""Speaker causes found on unseen news reports, each with a sentence written for the test."""

from __future__ import annotations

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
CASES: list[tuple[str, int, str | None]] = [
    # A participle after the quotation whose subject the parser put inside it ("I"):
    # the reporting verb before the quotation still names the speaker.
    ("Carlos Mendes hosts a weekly radio show. Mendes said on his radio show, \"I do not "
     "take this decision lightly\", calling it a \"difficult and sad decision\".", 1,
     "Carlos Mendes"),
    # Nor may the parser take a noun inside the quotation for the verb's subject.
    ("Shop news\nTesco, in its Monday media release, reported that with the two-pack limit "
     "in place, \"many stores are still selling out within an hour of opening\", and called "
     "the demand \"extraordinary\".", 0, "Tesco"),
    # The tagger glued the office's place to the person's name ("Ukraine Petro Kovalenko").
    ("President of Ukraine Petro Kovalenko said the strike was deliberate.", 0,
     "Petro Kovalenko"),
    ("\"The vote was a mistake,\" said Senator from Kansas Robert Hale.", 0, "Robert Hale"),
    ("\"Ratings are up,\" said the president of Warner Bros Discovery.", 0,
     "president of Warner Bros Discovery"),
    # A surname the tagger did not see as a name is still the person named before.
    ("Governor Lisa Grant took office in June. Grant tweeted she would cut taxes.", 1,
     "Lisa Grant"),
    # "The spokesperson" again is the body the spokesperson spoke for.
    ("A spokesperson for the Red Cross said aid was blocked. The spokesperson added that "
     "trucks were waiting at the border.", 1, "Red Cross"),
    ("The Herald quoted Paul Mendez, a former mayor, as saying \"the town has been "
     "forgotten by everyone\".", 0, "Paul Mendez"),
    ("The mayor of Leeds, Anna Cole, thanked \"all the volunteers who cleared the streets "
     "overnight\".", 0, "Anna Cole"),
    ("Kate Morris endorsed her former rival, Peter Hall.", 0, "Kate Morris"),
    ("Representatives from Chile acknowledged that the talks had failed.", 0, "Chile"),
    ("According to projections by the BBC, the party won six seats.", 0, "BBC"),
    ("John Reed spoke out against the plan.", 0, "John Reed"),
    ("The Ministry of Health labelled the outbreak as an epidemic.", 0, "Ministry of Health"),
    # "he" is the person the sentence before made its subject, not the one it met.
    ("The paper reported that Prince Karim Aziz had met the journalist Omar Farid in May. "
     "Speaking to reporters, he said, \"I regret nothing at all.\"", 1, "Karim Aziz"),
    # "They" after a sentence whose speaker is an organisation is that organisation.
    ("The Refugee Council criticised the plan on Monday. They released a statement which "
     "said, \"This plan will put lives at risk.\"", 1, "Refugee Council"),
    ("The Refugee Council met on Monday. They said the plan would put lives at risk.", 1,
     "Refugee Council"),
    ("Hundreds of protesters marched past the Home Office. They said the plan would put "
     "lives at risk.", 1, None),
    # "It" is no person, though the sentence before had one as its subject.
    ("Actor dies\nActor Tom Okoro died on Friday. Okoro died at home in Leeds according to "
     "a statement posted on his website. It also stated he had been ill for some years.", 2,
     None),
    # A body's noun with words before it is the body named before ("the three-judge court"),
    # not the person of the sentence before ("judge" names no role here).
    ("Court news\nMary Cole took her case to the Court of Appeal in London. Cole and two "
     "others are lawyers. The three-judge court found the order \"was unlawful and must be "
     "set aside.\"", 2, "Court of Appeal"),
    # Guidelines that cite an example speak for whoever published them.
    ("Flu news\nThe WHO published new naming guidelines in 2015. The guidelines cite the "
     "1918 flu as an example to avoid.", 1, "WHO"),
    # An unnamed official of a body speaks for it, as its spokesperson does.
    ("According to the Red Cross's chief medical officer, the camp had no clean water.", 0,
     "Red Cross"),
    # A surname with its particle is the person whose name the tagger cut at "dos".
    ("News\nThe Brazilian minister Maria Helena dos Reis spoke in Brasilia on Monday. Later, "
     "state radio said Ms. dos Reis called on the strikers to end \"all acts of violence at "
     "once.\"", 1, "Maria Helena dos Reis"),
    # Speaking on a day is no speaking on a subject.
    ("Ana Lima spoke in Recife on Monday.", 0, None),
    # A body named by its common noun: "the government of Fiji", "ministry sources".
    ("Flood news\nOn Monday the government of Fiji closed all schools. Since then, the "
     "government has said that twelve more people died.", 1, "government of Fiji"),
    ("Information ministry sources told reporters the rail line would reopen.", 0,
     "Information ministry"),
    # A directive that says what to do is a statement; "ordered bigger boxes" is not.
    ("Mayor Jan Vos instructed the police to close the bridge.", 0, "Jan Vos"),
    # A person in apposition inside the subject phrase, though the parser hung them on a body.
    ("The University of Leeds' School of Medicine's dean, Dr. Omar Haddad, said of the "
     "study, \"this changes what we thought we knew\".", 0, "Omar Haddad"),
    ("According to state broadcaster RTV, the chief judge of Lagos, Grace Obi, said the "
     "trial would resume in March.", 0, "Grace Obi"),
    ("The Conservative Party, whose leader, Michael Howard, was absent, said the vote was a "
     "farce.", 0, "Conservative Party"),
    # "He continued" after a quotation of the same paragraph is its speaker.
    ("Virus news\nDr. Sam Okafor leads the agency. Tom Frank, a former health official, "
     "said in May, \"No virus has spread this quickly.\"\nOkafor expressed a similar view, "
     "saying \"we have never before seen a virus move so fast.\" He continued, \"and we "
     "have never before seen one stopped so fast.\"", 3, "Sam Okafor"),
    # Narration stays nobody's.
    ("A man named Tom Price was arrested in Leeds.", 0, None),
    ("The shop ordered bigger boxes from its suppliers.", 0, None),
    ("A spokesman for the World Food Programme said the convoy had been stopped.", 0,
     "World Food Programme"),
]


@pytest.mark.parametrize(("text", "index", "expected"), CASES)
def test_unseen_news_speakers(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected
