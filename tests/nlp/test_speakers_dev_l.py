"""Speaker causes found on part `l-` of the news set once it became a development part
(3 December 2026), each with sentences written for the test (none copied from the set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.speaker_syntax import subject
from claimdesk.nlp.transcripts import line_speaker
from tests.nlp.speaker_cases import Case, speaker_of

CAUSES: list[Case] = [
    # A word split at its hyphen ("co - author", three subjects to the parser) is one
    # subject, and the name set off after it says who.
    ("Study out\nA fellow co-author, marine biology lecturer Hannah Crewe, said, \"We saw "
     "the same pattern in every bay we sampled.\"", "A fellow", "Hannah Crewe"),
    # "mentioned" with a clause reports what was said.
    ("Budget vote\nThe council leader Rhian Pugh spoke on Monday. Pugh also mentioned the "
     "council will sell two car parks next year.", "Pugh also", "Rhian Pugh"),
    # "expressed a preference" is a statement.
    ("Trial dates\nSenator Dale Whitcombe has expressed a preference to hold the hearings "
     "in March.", "Senator Dale", "Dale Whitcombe"),
    # A passive report whose "by X" the parser hung on a word after the verb.
    # Announcing anything else is still a statement.
    ("Bridge\nMayor Tilda Brackett of Northfield announced the bridge would close on "
     "Friday.", "Mayor Tilda", "Tilda Brackett"),
    ("Outbreak\nThe outbreak was declared to be an \"emergency\" by the Northfield Health "
     "Agency on Friday.", "The outbreak", "Northfield Health Agency"),
    # "likened X to Y" is a judgement spoken.
    ("Tributes\nGuitarist Ross Fenwick of the Northfield Five likened the solo to a "
     "Bach fugue.", "Guitarist Ross", "Ross Fenwick"),
    # A show's name parsed as the subject: the person named right before the verb.
    ("Chef dies\nLongtime Oakes in the Kitchen writer and performer Rob Kettering tweeted: "
     "\"He was a rebel, and a kind boss.\"", "Longtime Oakes", "Rob Kettering"),
    # "its polling" is the pollster's; "the court decision stated" the court's.
    ("Caucus vote\nThe Boston Herald-Tribune ran a poll of voters on Saturday. According to its "
     "polling, most voters wanted a primary.", "According to its", "Boston Herald-Tribune"),
    ("Convictions reversed\nThe Northfield Supreme Court decision stated the two officials had "
     "acted for a political reason.", "The Northfield", "Northfield Supreme Court"),
    # "Results showed" after the research team was named.
    ("Stripes and flies\nScientists from the University of Northfield said flies are drawn to "
     "horses. Results showed the flies slowed down less over the zebras.",
     "Results showed", "University of Northfield"),
    # "the warning" is the body that issued it.
    ("Storm coming\nThe orange warning issued by the Northfield Weather Office covers six "
     "counties. \"Coastal flooding is likely along western coasts\", read the warning.",
     "\"Coastal", "Northfield Weather Office"),
]

GUARDS: list[Case] = [
    # "mentioned" with only an object names no statement.
    ("Awards\nThe judges mentioned three films in passing.", "The judges", None),
    # A passive verb with no body after "by" stays unspoken ("by train" is no agent).
    ("Travel\nThe delegates were told to be ready by Monday.", "The delegates", None),
    # A common noun subject keeps its own reading ("scientists from X and UC Y say",
    # where the tagger made "UC Y" a person).
    ("Stripes\nIn findings published on Wednesday, scientists from the University of "
     "Northfield and UC Davis say zebras may have gotten their stripes to confuse flies.",
     "In findings", "University of Northfield"),
    # "researchers from X and Y", Y parsed as in apposition to them: the team is X's.
    ("Reefs\nIn findings published on Wednesday in Science Advances, researchers from the "
     "Georgia Institute of Technology (GT) and University of South Carolina Beaufort reported "
     "that the reefs were healthier.", "In findings", "Georgia Institute of Technology"),
    # "announced her resignation" reports an act: no statement to check.
    ("Mayor quits\nMayor Tilda Brackett of Northfield announced her resignation on Friday in "
     "a video.", "Mayor Tilda", None),
    # Results with an owner of their own are not the team's ("the election results").
    ("Vote count\nScientists from the University of Northfield studied turnout. The "
     "election results showed a swing to the left.", "The election", None),
]


@pytest.mark.parametrize(("text", "opening", "expected"), CAUSES + GUARDS)
def test_speaker_causes_of_part_l(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected


def test_a_name_set_off_before_its_role_is_the_subject(pipeline: LoadedPipeline) -> None:
    # The parse the pipeline gave a sentence of the set: the person hung on "Twitter" as
    # a conjunct, the role on the person, and "said" left without a subject.
    words = ["On", "Twitter", ",", "Adrian", "Lindqvist", ",", "US", "sport", "columnist",
             "from", "ESPN", ",", "said", "the", "flight", "left", "."]
    heads = [12, 0, 1, 4, 1, 4, 8, 8, 4, 8, 9, 12, 12, 14, 15, 12, 12]
    deps = ["prep", "pobj", "punct", "compound", "conj", "punct", "compound", "compound",
            "conj", "prep", "pobj", "punct", "ROOT", "det", "nsubj", "ccomp", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "NOUN", "NOUN", "ADP",
           "PROPN", "PUNCT", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    spaces = [words[k + 1] not in {",", "."} if k + 1 < len(words) else False
              for k in range(len(words))]
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 3, 5, "PERSON"), Span(doc, 10, 11, "ORG")]
    found = subject(doc[12])
    assert found is not None and found.text == "Lindqvist"
    # A verb between the name and the verb's comma is another clause's: no subject.
    words[8] = "wrote"
    pos[8] = "VERB"
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 3, 5, "PERSON"), Span(doc, 10, 11, "ORG")]
    assert subject(doc[12]) is None


def test_a_member_whose_seat_has_a_comma_opens_a_turn() -> None:
    line = "Mr. Owen Pryce (Northfield, East): On a point of order, Mr. Speaker."
    assert line_speaker(line) == (len("Mr. Owen Pryce (Northfield, East): "), "Owen Pryce")
    # Without a style, a bracket with a comma is a place note, not a seat.
    assert line_speaker("Northfield Airport (Northfield, Ill.): closed until Monday.") is None
