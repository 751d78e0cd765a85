"""Unnamed speakers: "a shop owner", "one teacher" are nobody; a spokesperson is the body."""

from __future__ import annotations

import pytest

from claimdesk.domain import SpeakerKind
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
UNNAMED: list[tuple[str, int, str | None]] = [
    ("The two ministers discussed the budget over lunch.", 0, None),
    ("“We are scared,” said a shop owner in the high street.", 0, None),
    ("One teacher told the paper that classes were too big.", 0, None),
    ("Several residents said the road was unsafe at night.", 0, None),
    ("Another parent said the fees had doubled since May.", 0, None),
    ("A number of councillors criticised the plan for the park.", 0, None),
    # A bare plural is as unnamed ("officials", "witnesses": the news set labels them null).
    ("Witnesses told police they heard a loud bang.", 0, None),
    # Named in the sentence, or a definite speaker: still theirs.
    ("A local doctor, Priya Nair, said the clinic was full.", 0, "Priya Nair"),
]


@pytest.mark.parametrize(("text", "index", "expected"), UNNAMED)
def test_unnamed_people_are_nobody_the_reader_can_check(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected


SPOKESPEOPLE: list[tuple[str, str]] = [
    ("A Home Office spokesperson said the rules were clear.", "Home Office"),
    ("A spokesman for the Bank of England said rates would stay where they are.",
     "Bank of England"),
    ("“We will appeal,” a spokeswoman for Network Rail told reporters.", "Network Rail"),
]


@pytest.mark.parametrize(("text", "expected"), SPOKESPEOPLE)
def test_an_unnamed_spokesperson_speaks_for_the_body(
    pipeline: LoadedPipeline, text: str, expected: str
) -> None:
    claim = extract_candidates(text, pipeline)[0]
    assert (claim.speaker, claim.speaker_kind) == (expected, SpeakerKind.ORGANISATION)
