"""Substring search (trigram index and short-word scan) beside word search, and its size.

Run:
    .venv/bin/python -m pytest tests/benchmarks/test_bench_search_trigram.py \
        --benchmark-enable --benchmark-only -q
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimdesk.services.search import search
from claimdesk.storage.db import Database, open_database
from tests.benchmarks.figures import Figure, record
from tests.services.corpus import fill_fast, vocabulary

ARTICLES = 10_000
SENTENCES = 25
TARGET_MS = 50.0
#: A one- or two-character word cannot use trigrams: its scan reads the text of every
#: article (fts_substring.SCAN_ROWS), so it is held to about the cost of one LIKE scan of
#: the desk per kind it searches, not to the index's target. The panel runs it off the
#: GUI thread after the typing pause, so the window does not freeze meanwhile.
SCAN_TARGET_MS = 400.0
WORDS = vocabulary()


def _infix() -> str:
    """Five letters inside a common word that start no word: only a substring finds them."""
    for word in WORDS[:400]:
        for start in range(1, len(word) - 4):
            part = word[start : start + 5]
            if not any(w.startswith(part) for w in WORDS):
                return part
    raise AssertionError("no infix in the vocabulary")


WORD_QUERIES = ("marker4321", WORDS[300], f"{WORDS[150]} {WORDS[400]}")
#: Chinese words (three and two characters) absent from the desk: the trigram lookup
#: and the full short-word scan; an English word found nowhere (word index, then the
#: trigram fallback); five letters inside words (the fallback with hits).
SUBSTRING_QUERIES = {
    "trigram, no hits": "失业率",
    "fallback, no hits": "zzqxv",
    "fallback, infix hits": _infix(),
    "short-word scan": "中国",
}


def _median_ms(fn: Callable[[], object], rounds: int = 5) -> float:
    fn()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("bench-trigram") / "desk.sqlite3"
    fill_fast(path, ARTICLES, SENTENCES)
    db = open_database(path)
    yield db
    db.dispose()


@pytest.mark.benchmark(group="search")
def test_bench_substring_queries_beside_word_queries(benchmark: Any, desk: Database) -> None:
    word_ms = statistics.mean(_median_ms(lambda q=q: search(desk, q)) for q in WORD_QUERIES)
    assert search(desk, SUBSTRING_QUERIES["fallback, infix hits"])
    assert search(desk, "中国") == [] and search(desk, "zzqxv") == []
    benchmark.pedantic(
        lambda: [search(desk, q) for q in SUBSTRING_QUERIES.values()], rounds=3, warmup_rounds=1
    )
    benchmark.extra_info["word_query_ms"] = round(word_ms, 2)
    for what, query in SUBSTRING_QUERIES.items():
        ms = _median_ms(lambda q=query: search(desk, q))
        target = SCAN_TARGET_MS if what == "short-word scan" else TARGET_MS
        benchmark.extra_info[f"ms {what} ({query})"] = round(ms, 2)
        record(Figure(
            f"desk search at {ARTICLES:,} articles, {what}", ms, "ms", f"< {target:g} ms",
            ms < target, word_ms, "word queries",
        ))  # fmt: skip


def _bytes(path: Path, trigram: bool) -> int:
    """Pages of the trigram index's tables, or of the word index's (dbstat)."""
    con = sqlite3.connect(path)
    try:
        return int(con.execute(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'fts%'"
            " AND (instr(name, 'trigram') > 0) = ?", (trigram,)
        ).fetchone()[0])  # fmt: skip
    finally:
        con.close()


@pytest.mark.benchmark(group="search")
def test_bench_trigram_index_size(benchmark: Any, tmp_path: Path) -> None:
    """What the trigram index costs on disk for a 1,000-article desk, beside its text."""
    path = tmp_path / "desk.sqlite3"
    fill_fast(path, 1000, SENTENCES)
    benchmark.pedantic(lambda: open_database(path).dispose(), rounds=1, iterations=1)
    con = sqlite3.connect(path)
    con.execute("VACUUM")
    text_bytes = con.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
    con.close()
    total = path.stat().st_size
    trigram = _bytes(path, True)
    words = _bytes(path, False)
    record(Figure(
        "trigram index at 1,000 articles", trigram / 2**20, "MiB", "< 4 × article text",
        trigram < 4 * text_bytes, text_bytes / 2**20, "article text",
    ))  # fmt: skip
    benchmark.extra_info.update(
        file_mib=round(total / 2**20, 2),
        trigram_mib=round(trigram / 2**20, 2),
        word_index_mib=round(words / 2**20, 2),
        article_text_mib=round(text_bytes / 2**20, 2),
    )
    assert 0 < trigram < total
