"""Desk search at 10,000 articles, beside a LIKE scan of the same text (the no-index way).

Run: make bench, or
    .venv/bin/python -m pytest tests/benchmarks/test_bench_search.py --benchmark-enable \
        --benchmark-only -q
Each result records its mean in ms and its ratio to the LIKE scan in extra_info.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from claimdesk.services.search import search
from claimdesk.storage.db import Database, open_database
from tests.benchmarks.figures import Figure, record
from tests.services.corpus import fill_fast, vocabulary

ARTICLES = 10_000
SENTENCES = 25  # about 2,900 characters (450 words) an article
TARGET_MS = 50.0

WORDS = vocabulary()  # sorted; corpus.articles makes WORDS[r] the (r+1)-th most common
#: What checkers type: a rare word, a name, a mid-frequency word, two words, a phrase,
#: a prefix, a verdict's word.
TYPICAL = (
    "marker4321",
    "Dana Reyes",
    WORDS[300],
    f"{WORDS[150]} {WORDS[400]}",
    '"officials said marker77"',
    WORDS[700][:4],
    "register",
)
#: The worst cases: the most common word (in every article, many times) and the
#: three-letter prefix of the most common words.
COMMON = (WORDS[0], WORDS[1][:3])


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("bench-search") / "desk.sqlite3"
    fill_fast(path, ARTICLES, SENTENCES)
    db = open_database(path)
    yield db
    db.dispose()


def _median_ms(fn: Callable[[], object], rounds: int = 5) -> float:
    fn()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@pytest.fixture(scope="module")
def baseline(desk: Database) -> dict[str, float]:
    """The same desk without the index: LIKE over every article's text."""
    con = sqlite3.connect(desk.path)
    try:
        word = f"%{WORDS[300]}%"
        return {
            "like_scan_ms": _median_ms(
                lambda: con.execute(
                    "SELECT id FROM articles WHERE text LIKE ? OR title LIKE ?", (word, word)
                ).fetchall()
            ),
            "count_ms": _median_ms(
                lambda: con.execute("SELECT count(*) FROM articles").fetchone()
            ),
        }
    finally:
        con.close()


def _record(
    benchmark: Any, baseline: dict[str, float], queries: tuple[str, ...], what: str
) -> None:
    mean_ms = benchmark.stats.stats.mean * 1000 / len(queries)
    record(Figure(
        f"desk search at {ARTICLES:,} articles, {what}", mean_ms, "ms", f"< {TARGET_MS:g} ms",
        mean_ms < TARGET_MS, baseline["like_scan_ms"], "LIKE scan",
    ))
    benchmark.extra_info.update(
        articles=ARTICLES,
        queries=list(queries),
        ms_per_query=round(mean_ms, 2),
        target_ms=TARGET_MS,
        like_scan_ms=round(baseline["like_scan_ms"], 2),
        count_ms=round(baseline["count_ms"], 3),
        ratio_to_like_scan=round(mean_ms / baseline["like_scan_ms"], 3),
    )


@pytest.mark.benchmark(group="search")
def test_bench_like_scan_baseline(benchmark: Any, desk: Database) -> None:
    con = sqlite3.connect(desk.path)
    word = f"%{WORDS[300]}%"
    try:
        rows = benchmark.pedantic(
            lambda: con.execute(
                "SELECT id FROM articles WHERE text LIKE ? OR title LIKE ?", (word, word)
            ).fetchall(),
            rounds=5,
            warmup_rounds=1,
        )
    finally:
        con.close()
    assert rows
    benchmark.extra_info["ms"] = round(benchmark.stats.stats.mean * 1000, 2)


@pytest.mark.benchmark(group="search")
def test_bench_search_typical_queries(
    benchmark: Any, desk: Database, baseline: dict[str, float]
) -> None:
    def run() -> list[int]:
        return [len(search(desk, q)) for q in TYPICAL]

    counts = benchmark.pedantic(run, rounds=10, warmup_rounds=1)
    assert all(counts), dict(zip(TYPICAL, counts, strict=True))
    _record(benchmark, baseline, TYPICAL, "typical queries")
    for query in TYPICAL:
        benchmark.extra_info[f"ms {query}"] = round(_median_ms(lambda q=query: search(desk, q)), 2)


@pytest.mark.benchmark(group="search")
def test_bench_search_most_common_words(
    benchmark: Any, desk: Database, baseline: dict[str, float]
) -> None:
    def run() -> list[int]:
        return [len(search(desk, q)) for q in COMMON]

    counts = benchmark.pedantic(run, rounds=10, warmup_rounds=1)
    assert counts == [50] * len(COMMON)
    _record(benchmark, baseline, COMMON, "most common words")
    for query in COMMON:
        benchmark.extra_info[f"ms {query}"] = round(_median_ms(lambda q=query: search(desk, q)), 2)
