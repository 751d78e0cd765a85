"""English check-worthiness (model v3) throughput on one core, beside the encoder alone.

Run: make bench, or
    .venv/bin/python -m pytest tests/benchmarks/test_bench_scorer.py --benchmark-enable \
        --benchmark-only -q -p no:cacheprovider
Pinned to one CPU, one BLAS thread, at batch size 1 and at the batch extraction uses
(nlp/batching.py); the figure is the best round's CPU time (one_core.Clock says why).
The 256 sentences repeat six templates, so in batches each distinct word and word piece
is worked on once for many sentences (nlp/encoder_forward.py): the batched figure here
flatters; the article's sentences in test_bench_extract.py are the figure to read.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimdesk.nlp.batching import BATCH
from claimdesk.nlp.encoder import SentenceEncoder
from claimdesk.nlp.scorer import CheckWorthinessScorer
from tests.benchmarks.figures import Figure, record
from tests.benchmarks.one_core import cpu_timed, one_core, score_on_one_core

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
    cpu_seconds, how = score_on_one_core(benchmark, scorer.score, SENTENCES, batch_size)
    rate = _record(benchmark, cpu_seconds)
    benchmark.extra_info["measured_on"] = how
    record(Figure(
        f"check-worthiness scoring (v3), batch {batch_size}, one core", rate, "sentences/s",
        f"≥ {MIN_PER_SECOND:g}/s", rate >= MIN_PER_SECOND, _FLOOR.get("encode"),
        f"encoder alone, batch {BATCH}",
        f"{how}; wall-clock {benchmark.extra_info['sentences_per_wall_second_mean']:g}/s",
    ))
