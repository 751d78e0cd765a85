"""English check-worthiness (model v3) throughput on one core, beside the encoder alone.

Run: make bench, or
    .venv/bin/python -m pytest tests/benchmarks/test_bench_scorer.py --benchmark-enable \
        --benchmark-only -q -p no:cacheprovider
Pinned to one CPU, one BLAS thread, at batch size 1 and at the batch extraction uses
(nlp/batching.py); the figure is the best round's CPU time (one_core.Clock says why).
"""

from __future__ import annotations

from typing import Any

import pytest

from claimdesk.nlp.batching import BATCH
from claimdesk.nlp.encoder import SentenceEncoder
from claimdesk.nlp.scorer import CheckWorthinessScorer
from tests.benchmarks.figures import Figure, record
from tests.benchmarks.one_core import cpu_timed, machine_load, one_core

TEMPLATES = (
    "Unemployment fell to {n} percent last year.",
    "Thank you very much.",
    "We spent ${n} billion on a war that my opponent voted for, and we got nothing back "
    "for it except a deficit that our children will be paying off for {n} years.",
    "I think the American people deserve better than that.",
    "Since {n}, crime in our cities has dropped by a quarter, according to the FBI.",
    "Let me say this about my record: I have cut taxes {n} times as governor, balanced "
    "every budget, and left the state with a surplus.",
)
SENTENCES = [t.format(n=i) for i in range(43) for t in TEMPLATES][:256]


@pytest.fixture(scope="module")
def scorer() -> CheckWorthinessScorer:
    scorer = CheckWorthinessScorer.load(threads=1)
    scorer.score(["Warm up: the weights load on first use."])
    return scorer


#: Issue 12: scoring at least this fast on one core.
MIN_PER_SECOND = 400.0
#: The encoder alone, measured earlier in the same run: the scorer's baseline.
_FLOOR: dict[str, float] = {}


def _record(benchmark: Any, cpu_seconds: list[float]) -> float:
    """Sentences a second from the best round's CPU time (wall-clock mean beside it)."""
    rate = len(SENTENCES) / min(cpu_seconds)
    benchmark.extra_info["sentences"] = len(SENTENCES)
    benchmark.extra_info["sentences_per_cpu_second"] = round(rate, 1)
    benchmark.extra_info["sentences_per_wall_second_mean"] = round(
        len(SENTENCES) / benchmark.stats.stats.mean, 1)
    return rate


@pytest.mark.benchmark(group="checkworthiness")
def test_bench_encode_only(benchmark: Any, scorer: CheckWorthinessScorer) -> None:
    # The floor: what the same sentences cost in the encoder, before head and lexical model.
    encoder: SentenceEncoder = scorer.encoder
    cpu_seconds: list[float] = []
    with one_core():
        vectors = benchmark.pedantic(
            cpu_timed(encoder.encode, cpu_seconds), args=(SENTENCES, BATCH), rounds=3,
            warmup_rounds=1,
        )
    assert len(vectors) == len(SENTENCES)
    _FLOOR["encode"] = _record(benchmark, cpu_seconds)


@pytest.mark.parametrize("batch_size", [1, BATCH])
@pytest.mark.benchmark(group="checkworthiness")
def test_bench_score_one_thread(
    benchmark: Any, scorer: CheckWorthinessScorer, batch_size: int
) -> None:
    with one_core() as cpu:
        before = machine_load()
        cpu_seconds: list[float] = []
        scores = benchmark.pedantic(cpu_timed(scorer.score, cpu_seconds),
                                    args=(SENTENCES, batch_size), rounds=3, warmup_rounds=1)
        after = machine_load()
    assert len(scores) == len(SENTENCES)
    assert all(0.0 <= s <= 1.0 for s in scores)
    rate = _record(benchmark, cpu_seconds)
    how = f"CPU time on one core (CPU {cpu}), {before} before, {after} after"
    benchmark.extra_info["measured_on"] = how
    record(Figure(
        f"check-worthiness scoring (v3), batch {batch_size}, one core", rate, "sentences/s",
        f"≥ {MIN_PER_SECOND:g}/s", rate >= MIN_PER_SECOND, _FLOOR.get("encode"),
        f"encoder alone, batch {BATCH}",
        f"{how}; wall-clock {benchmark.extra_info['sentences_per_wall_second_mean']:g}/s",
    ))
