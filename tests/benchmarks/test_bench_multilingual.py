"""Multilingual check-worthiness throughput on one core, beside the English v3 scorer.

Run:
    .venv/bin/python -m pytest tests/benchmarks/test_bench_multilingual.py --benchmark-enable \
        --benchmark-only -q -p no:cacheprovider
Pinned to one CPU, one BLAS thread (one_core sets it before numpy loads); the figure is the
best round's CPU time. The baseline is the shipped English scorer (the same head + lexical
model) on the same sentences in the same run, so the two are measured under the same load.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimdesk.nlp.encoder import SentenceEncoder
from claimdesk.nlp.multilingual_scorer import MultilingualScorer
from claimdesk.nlp.scorer import CheckWorthinessScorer
from tests.benchmarks.figures import Figure, record
from tests.benchmarks.one_core import cpu_timed, machine_load, one_core
from tests.benchmarks.test_bench_scorer import SENTENCES

#: Sentences a second on one core that article scoring needs to keep up with extraction.
MIN_PER_SECOND = 200.0
#: The English scorer, measured earlier in the same run.
_BASELINE: dict[str, float] = {}


@pytest.fixture(scope="module")
def scorer() -> MultilingualScorer:
    scorer = MultilingualScorer.load(encoder=SentenceEncoder(threads=1))
    scorer.score(["Warm up: the weights load on first use."])
    return scorer


def _rate(benchmark: Any, cpu_seconds: list[float]) -> float:
    rate = len(SENTENCES) / min(cpu_seconds)
    benchmark.extra_info["sentences"] = len(SENTENCES)
    benchmark.extra_info["sentences_per_cpu_second"] = round(rate, 1)
    return rate


@pytest.mark.benchmark(group="multilingual")
def test_bench_english_v3_baseline(benchmark: Any, scorer: MultilingualScorer) -> None:
    english = CheckWorthinessScorer.load(encoder=scorer.encoder)
    cpu_seconds: list[float] = []
    with one_core():
        scores = benchmark.pedantic(cpu_timed(english.score, cpu_seconds), args=(SENTENCES,),
                                    rounds=3, warmup_rounds=1)
    assert len(scores) == len(SENTENCES)
    _BASELINE["english"] = _rate(benchmark, cpu_seconds)


@pytest.mark.parametrize("batch_size", [1, 64])
@pytest.mark.benchmark(group="multilingual")
def test_bench_multilingual_one_core(
    benchmark: Any, scorer: MultilingualScorer, batch_size: int
) -> None:
    with one_core() as cpu:
        before = machine_load()
        cpu_seconds: list[float] = []
        scores = benchmark.pedantic(cpu_timed(scorer.score, cpu_seconds),
                                    args=(SENTENCES, batch_size), rounds=3, warmup_rounds=1)
        after = machine_load()
    assert len(scores) == len(SENTENCES)
    assert all(0.0 <= s <= 1.0 for s in scores)
    rate = _rate(benchmark, cpu_seconds)
    how = f"CPU time on one core (CPU {cpu}), {before} before, {after} after"
    record(Figure(
        f"multilingual scoring (USE + head), batch {batch_size}, one core", rate,
        "sentences/s", f"≥ {MIN_PER_SECOND:g}/s", rate >= MIN_PER_SECOND,
        _BASELINE.get("english"), "English v3 scorer (head + lexical), batch 1", how,
    ))
