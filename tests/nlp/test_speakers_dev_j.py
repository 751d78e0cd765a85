"""Speaker causes found on part `j-` of the news set once it became a development part
(3 December 2026), each with sentences written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from tests.nlp.speaker_cases import Case, speaker_of

TEAMS: list[Case] = [
    # A research team speaks for the institution it comes from, and "the researchers"
    # after it too.
    ("Birds and wings\nIn findings published on Monday, scientists from Northfield "
     "University reported that young birds flap before they can fly.", "In findings",
     "Northfield University"),
    ("Birds and wings\nIn findings published on Monday, scientists from Northfield "
     "University reported that young birds flap before they can fly.\nThe researchers "
     "estimate a chick flaps its wings 40 times a minute.", "The researchers",
     "Northfield University"),
]

FIGURES: list[Case] = [
    # A role giving a figure, and a named source's database showing one.
    ("Cases on the base\nOn Tuesday, the regional health minister reported 21 confirmed "
     "cases on the supply ship.", "On Tuesday", "regional health minister"),
    ("Tanker found\nShipTrack's tracking database shows a new signal from the tanker on "
     "January 6.", "ShipTrack", "ShipTrack"),
    ("Wreck photographed\nPhotographs showed the aircraft without its wings.", "Photographs",
     None),
]

VERBS: list[Case] = [
    # Underlining, reasserting and attributing are statements.
    ("Pipeline row\nForeign Ministry spokesman Omar Celik underlined the country's drilling "
     "rights in the region.", "Foreign", "Omar Celik"),
    ("Pipeline row\nOn Tuesday, prime minister Nikos Andreou reasserted the openness of the "
     "project.", "On Tuesday", "Nikos Andreou"),
    ("Bomb in the port\nThe general manager of the broadcaster, Dr Sami bin Hadi, attributed "
     "the bombing to rebels.", "The general", "Sami bin Hadi"),
]

NAMES: list[Case] = [
    # A barrister's letters and the role before a name are no part of it.
    ("Abuse trial\nProsecutor Kama Melly QC said the victims were \"vulnerable to "
     "manipulation\".", "Prosecutor", "Kama Melly"),
    # A party's name the tagger cut before "of".
    ("Pipeline deal\nProgressive Party of Working People, the main opposition force, "
     "underlined that the agreement is only a framework.", "Progressive",
     "Progressive Party of Working People"),
    # "its press release" is the body's the article named before.
    ("Season suspended\nThe Northfield Basketball League suspended its season on Wednesday. "
     "According to its press release, the league was \"suspending play until further "
     "notice\".", "According", "Northfield Basketball League"),
    # A spokesperson for a government named by its nation speaks for it.
    ("Poison found\nThe spokesperson for the German government said the attack was a "
     "crime.", "The spokesperson", "German government"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), TEAMS + FIGURES + VERBS + NAMES)
def test_speaker_causes_of_part_j(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected
