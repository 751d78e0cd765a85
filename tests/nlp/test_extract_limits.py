"""Claim extraction is bounded: a huge or sentence-dense article is refused, quickly."""

from __future__ import annotations

import time

import pytest

from claimdesk.errors import KnownError
from claimdesk.nlp.extract import (
    MAX_CANDIDATES,
    MAX_EXTRACT_CHARS,
    TooMuchToExtract,
    extract_candidates,
)
from claimdesk.nlp.pipeline import LoadedPipeline

SENTENCE = "Unemployment fell to 4.1% in May, the lowest rate since 1971, the minister said. "


def test_a_one_line_megabyte_is_refused_before_any_parsing(pipeline: LoadedPipeline) -> None:
    # The reported case: a 1 MB text on one line took minutes and gave 12,048 "claims".
    text = (SENTENCE * (1_000_000 // len(SENTENCE) + 1))[:1_000_000].strip()

    started = time.monotonic()
    with pytest.raises(TooMuchToExtract) as refused:
        extract_candidates(text, pipeline)

    assert time.monotonic() - started < 1.0
    assert isinstance(refused.value, KnownError)
    assert str(refused.value) == (
        f"This article has {len(text):,} characters; ClaimDesk finds claims in articles of up to "
        "200,000 (about 100 pages): split it into smaller files, or mark its claims by hand."
    )


def test_the_limits_leave_long_reports_alone() -> None:
    # A 100-page report, and the sentences of a long one, stay within the limits.
    assert MAX_EXTRACT_CHARS >= 200_000
    assert MAX_CANDIDATES >= 2_000


def test_text_at_the_length_limit_is_extracted(pipeline: LoadedPipeline) -> None:
    text = (SENTENCE * 4).strip()

    claims = extract_candidates(text, pipeline, max_chars=len(text))

    assert len(claims) == 4


def test_too_many_sentences_stop_the_extraction(pipeline: LoadedPipeline) -> None:
    text = "\n".join(f"Tax {n} rose by {n}%." for n in range(60))

    with pytest.raises(TooMuchToExtract, match="more than 50 sentences"):
        extract_candidates(text, pipeline, max_candidates=50)
    assert len(extract_candidates(text, pipeline, max_candidates=60)) == 60
