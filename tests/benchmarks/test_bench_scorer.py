"""Check-worthiness scoring throughput on one thread, beside tokenization alone."""

from __future__ import annotations

from typing import Any

import pytest
from tokenizers import Tokenizer

from claimdesk.nlp.scorer import TOKENIZER_NAME, CheckWorthinessScorer, default_model_dir
from tests.benchmarks.figures import Figure, record

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
    return CheckWorthinessScorer.load(threads=1)


#: The issue's floor for scoring on one core; 800/s would leave room for spaCy in extract.
MIN_PER_SECOND = 400.0
#: Tokenising alone, measured earlier in the same run: the scorer's baseline.
_FLOOR: dict[str, float] = {}


def _record(benchmark: Any) -> float:
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["sentences"] = len(SENTENCES)
    benchmark.extra_info["sentences_per_second"] = round(len(SENTENCES) / mean, 1)
    return len(SENTENCES) / mean


@pytest.mark.benchmark(group="checkworthiness")
def test_bench_tokenize_only(benchmark: Any) -> None:
    # The floor: what the same sentences cost before the network runs.
    tokenizer = Tokenizer.from_file(str(default_model_dir() / TOKENIZER_NAME))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    encodings = benchmark.pedantic(
        tokenizer.encode_batch, args=(SENTENCES,), rounds=5, warmup_rounds=1
    )
    assert len(encodings) == len(SENTENCES)
    _FLOOR["tokenise"] = _record(benchmark)


@pytest.mark.benchmark(group="checkworthiness")
def test_bench_score_one_thread(benchmark: Any, scorer: CheckWorthinessScorer) -> None:
    scores = benchmark.pedantic(scorer.score, args=(SENTENCES,), rounds=3, warmup_rounds=1)
    assert len(scores) == len(SENTENCES)
    assert all(0.0 <= s <= 1.0 for s in scores)
    rate = _record(benchmark)
    record(Figure(
        "check-worthiness scoring, one thread", rate, "sentences/s",
        f"≥ {MIN_PER_SECOND:g}/s (800/s ideal)",
        rate >= MIN_PER_SECOND, _FLOOR.get("tokenise"), "tokenising alone",
    ))
