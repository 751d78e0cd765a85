"""Speaker causes found on part `k-` of the news set once it became a development part
(3 December 2026), each with sentences written for the test (none copied from the set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from claimdesk.domain import SpeakerKind
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.names import joined_entities, name_kind
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.speaker_nouns import member_of
from claimdesk.nlp.transcripts import line_speaker
from tests.nlp.speaker_cases import Case, speaker_of

BODIES: list[Case] = [
    # A short form that is also a pronoun ("WHO") is the body it was defined for.
    ("Virus spreads\nThe World Health Organization (WHO) met in Geneva on Monday. WHO said "
     "it is not yet known whether carriers without symptoms spread the virus.", "WHO said",
     "World Health Organization"),
    # "the academy" after the academy was named.
    ("Prize announced\nOn Tuesday, the Royal Northfield Academy of Sciences named the winners "
     "of its physics prize.\nSince the first discovery, according to the academy, more than "
     "four thousand planets have been found.", "Since the first", "Royal Northfield Academy of "
     "Sciences"),
    # A body the tagger left untagged, then its document by a common noun.
    ("Hotel fire\nNorth Dale Fire and Rescue Service were called to the building at nine. "
     "Crews came from six towns, according to a fire service statement.", "Crews came",
     "North Dale Fire and Rescue Service"),
    # "the report" of the body that spoke last.
    ("First case\nThe Ministry of Health in Lyon confirmed a case of the infection on Monday. "
     "The patient is isolated and in good condition, the report said.", "The patient",
     "Ministry of Health"),
    # "It read, “…”" after a body released a statement.
    ("Player arrested\nThe Northfield Tennis Federation (NTF) released a statement on the "
     "arrest. It read, \"The federation has always condemned any form of violence and will "
     "wait for the police to finish their work.\"", "It read", "Northfield Tennis Federation"),
    # A body's name the tagger cut at "and" is whole again; two bodies stay two.
    ("Attack on the base\nThe Islamic State of Syria and the Levant later claimed "
     "responsibility for the attack.", "The Islamic", "Islamic State of Syria and the Levant"),
    ("Deal\nThe Bank of Canada and Google said the deal was done.", "The Bank",
     "Bank of Canada"),
    # "No organization claimed" names no one.
    ("Base attacked\nNo organization immediately claimed responsibility for the rockets, "
     "officials in the capital said on Friday.", "No organization", None),
]

ANSWERS: list[Case] = [
    # Dismissing a claim and demanding an explanation are statements (found on j-).
    ("Poison found\nThe Ruritanian government dismissed the claim from Berlin as groundless.",
     "The Ruritanian", "Ruritanian government"),
    ("Poison found\nAnna Berg, the Chancellor of Northland, demanded an explanation from "
     "Ruritania.", "Anna Berg", "Anna Berg"),
    # But dismissing staff or rejecting a bill is no statement.
    ("Cuts\nThe city council dismissed forty workers on Monday.", "The city", None),
]

PEOPLE: list[Case] = [
    # A passive "described by X as" is X's description.
    ("Bishop dies\nThe Northfield Bishops' Conference (NBC) announced the death of Bishop "
     "Tomas Reyes on Monday.\nReyes was described by the NBC as \"a brave voice for "
     "the poor in a province of mines.\"", "Reyes was", "Northfield Bishops' Conference"),
    # A long role before the name that closes the subject.
    ("Hotel shut\nThe former manager of Dale Publicity and Director of the North Dale Tourism "
     "Partnership, Mary Clay, called the closure \"a step backwards\".", "The former",
     "Mary Clay"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), BODIES + ANSWERS + PEOPLE)
def test_speaker_causes_of_part_k(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected


def test_older_hansard_turns_with_initials_and_peers() -> None:
    assert line_speaker("31. Mr. A. Edward Davies: asked the Minister of Transport why.") == (
        26, "Mr. A. Edward Davies")
    assert line_speaker("Earl of Dalkeith: Could he not answer these Questions?") == (
        18, "Earl of Dalkeith")
    assert line_speaker("Lord Hunt of Kings Heath: My Lords, I beg to move.") == (
        26, "Lord Hunt of Kings Heath")
    # Prose that opens like a title is no turn.
    assert line_speaker("Earl Grey tea: a short history of the blend.") is None


def test_a_peer_and_a_member_with_initials_give_their_turns(pipeline: LoadedPipeline) -> None:
    text = ("Fares\nHC Deb 28 April 1952\n"
            "31. Mr. A. Edward Davies: asked the Minister of Transport why the fare rises were "
            "deferred.\n"
            "Mr. Brown: The reasons were given by the Prime Minister on 21st April.\n"
            "Earl of Dalkeith: Could the Prime Minister not answer these Questions himself?\n"
            "Mr. Speaker: Order.\n")
    claims = extract_candidates(text, pipeline)
    got = {c.text[:12]: c.speaker for c in claims if c.speaker}
    assert got.get("asked the Mi") == "Mr. A. Edward Davies"
    assert got.get("Could the Pr") == "Earl of Dalkeith"
    assert all(":" not in c.text[:30] for c in claims if c.speaker)


def test_a_person_of_a_campus_the_parser_made_the_subject(pipeline: LoadedPipeline) -> None:
    # The parse the pipeline gave a sentence of the set: "Angeles" the subject of
    # "disagreed", the campus cut in two ("the University of California" ORG, "Los
    # Angeles" GPE). The person before "of the University …" is who disagreed.
    words = ["Ann", "Van", "Dorn", "of", "the", "University", "of", "California", ",", "Los",
             "Angeles", "disagreed", "."]
    heads = [2, 2, 2, 2, 5, 3, 5, 6, 11, 10, 11, 11, 11]
    deps = ["compound", "compound", "nsubj", "prep", "det", "pobj", "prep", "pobj", "punct",
            "compound", "nsubj", "ROOT", "punct"]
    spaces = [w not in {"California", "disagreed"} for w in words]
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 4, 8, "ORG"), Span(doc, 9, 11, "GPE")]
    joined = joined_entities(doc)
    assert [(e.text, e.label_) for e in joined] == [
        ("Ann Van Dorn", "PERSON"), ("the University of California, Los Angeles", "ORG")]
    ents = {i: e for e in joined for i in range(e.start, e.end)}
    person = member_of(ents[10], ents)
    assert person is not None and person.text == "Ann Van Dorn"
    # A body alone, with no person before it, stays the body.
    assert member_of(ents[5], {i: e for i, e in ents.items() if i >= 4}) is None


def test_peers_are_people() -> None:
    assert name_kind("Earl of Dalkeith") is SpeakerKind.PERSON
    assert name_kind("Lord Hunt of Kings Heath") is SpeakerKind.PERSON
    assert name_kind("Bank of England") is SpeakerKind.ORGANISATION
