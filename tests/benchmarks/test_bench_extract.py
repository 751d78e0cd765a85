"""Claim extraction on a 10,000-word article beside plain nlp.pipe over the same text."""

from __future__ import annotations

import re
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from claimdesk.nlp.extract import BATCH_ITEMS, extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline, load_pipeline
from tests.benchmarks.figures import Figure, record

SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"
TARGET_WORDS = 10_000
ROUNDS = 5
#: The issue's budget: extraction may cost at most this much more than parsing alone.
MAX_RATIO = 1.3


def ten_thousand_words() -> str:
    """The seed article over and over, its paragraphs rotated and its figures changed."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").splitlines() if p.strip()]
    out: list[str] = []
    words = copy = 0
    while words < TARGET_WORDS:
        for k in range(len(paragraphs)):
            paragraph = paragraphs[(k + copy) % len(paragraphs)]
            paragraph = re.sub(r"\d+", partial(_shift, by=copy), paragraph)
            out.append(paragraph)
            words += len(paragraph.split())
            if words >= TARGET_WORDS:
                break
        copy += 1
    return "\n".join(out)


@pytest.fixture(scope="module")
def pipeline() -> LoadedPipeline:
    loaded = load_pipeline()
    assert not loaded.limited
    return loaded


@pytest.mark.benchmark(group="extract")
def test_bench_extract_against_plain_pipe(benchmark: Any, pipeline: LoadedPipeline) -> None:
    text = ten_thousand_words()
    paragraphs = text.split("\n")
    plain: list[float] = []
    same_batches: list[float] = []
    extract: list[float] = []

    def parse_only() -> None:
        # Timed in the set-up of every round, so all measures share the machine's mood.
        started = time.perf_counter()
        list(pipeline.nlp.pipe(paragraphs))
        plain.append(time.perf_counter() - started)
        # Extraction feeds nlp.pipe smaller batches, which alone parses faster than the
        # default: this second floor shows what the rules themselves cost.
        started = time.perf_counter()
        list(pipeline.nlp.pipe(paragraphs, batch_size=BATCH_ITEMS))
        same_batches.append(time.perf_counter() - started)

    def run() -> int:
        started = time.perf_counter()
        claims = extract_candidates(text, pipeline)
        extract.append(time.perf_counter() - started)
        return len(claims)

    count = benchmark.pedantic(run, setup=parse_only, rounds=ROUNDS, warmup_rounds=1)
    ratio = min(extract) / min(plain)
    benchmark.extra_info.update({
        "words": len(text.split()),
        "claims": count,
        "plain_pipe_min_s": round(min(plain), 3),
        "extract_min_s": round(min(extract), 3),
        "ratio_min": round(ratio, 3),
        "ratio_median": round(_median(extract) / _median(plain), 3),
        "same_batches_min_s": round(min(same_batches), 3),
        "ratio_to_same_batches_min": round(min(extract) / min(same_batches), 3),
    })
    record(Figure(
        f"extraction of {len(text.split()):,} words", min(extract), "s",
        f"≤ {MAX_RATIO} × plain nlp.pipe", ratio <= MAX_RATIO, min(plain), "plain nlp.pipe",
    ))
    assert len(text.split()) >= TARGET_WORDS
    assert ratio <= MAX_RATIO


def _shift(match: re.Match[str], by: int) -> str:
    return str(int(match.group()) + by)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]
