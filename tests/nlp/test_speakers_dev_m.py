"""Speaker causes found on part `m-` of the news set once it became a development part
(3 December 2026, evening), each with sentences written for the test (none copied from
the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.transcripts import line_speaker
from tests.nlp.speaker_cases import Case, speaker_of

CAUSES: list[Case] = [
]

GUARDS: list[Case] = [
]


@pytest.mark.parametrize(("text", "opening", "expected"), CAUSES + GUARDS)
def test_speaker_causes_of_part_m(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected


_RANKED = (
    "Coal stocks\n"
    "HC Deb 4 March 1941 vol 369 cc10-1\n"
    "12. Mr. Hale: asked the Secretary for Mines what stocks of coal are held in London.\n"
    "The Secretary for Mines (Lieut.-Colonel Ashby-Pryce): Stocks in London stand at "
    "four weeks' supply.\n"
    "Mr. Hale: Is the hon. and gallant Gentleman aware of the shortage in Stepney?\n"
    "Lieut.-ColonelAshby-Pryce: I am aware of the reports and I am looking into them.\n"
    "Captain Dorrell: Will the hon. and gallant Gentleman make a statement next week?\n"
    "Lieut.-Colonel Ashby-Pryce: I hope to do so.\n"
)


def test_a_member_who_sits_by_a_rank_opens_a_turn(pipeline: LoadedPipeline) -> None:
    # Older Hansard names members by a military rank, and now and then loses the space
    # after it; each of the minister's answers is his, not the last questioner's.
    assert line_speaker("Captain Dorrell: Will he?") == (len("Captain Dorrell: "),
                                                         "Captain Dorrell")
    assert line_speaker("Lieut.-ColonelAshby-Pryce: I hope so.") == (
        len("Lieut.-ColonelAshby-Pryce: "), "Lieut.-Colonel Ashby-Pryce")
    assert speaker_of(pipeline, _RANKED, "Stocks in London") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "I am aware of the") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "I hope to do so") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "Will the hon.") == "Captain Dorrell"
