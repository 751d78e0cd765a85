"""Checked before on a shared desk: pgvector on the server against every checker's own index.

Run: make bench, or
    .venv/bin/python -m pytest tests/benchmarks/test_bench_pgvector.py --benchmark-enable \
        --benchmark-only -q -s
The same desk on one PostgreSQL 18 server with pgvector (tests/pg.py: pgvector_bin), the
same synthetic vectors as test_bench_factchecks and real encoded queries; the baseline is
the same matcher told to keep the vectors in memory, measured in the same run.
"""

from __future__ import annotations

import os
import random
import statistics
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

from claimdesk.services.factcheck_import import import_factcheck_files
from claimdesk.services.factcheck_match import VECTOR_MODEL, FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_vectors, pgvector
from claimdesk.storage.db import Database, open_database
from tests.benchmarks.figures import Figure, record
from tests.benchmarks.one_core import Clock, machine_load
from tests.benchmarks.test_bench_factchecks import _feed, _synthetic_vectors
from tests.pg import PgServer

FACTCHECKS = int(os.environ.get("CLAIMDESK_BENCH_PGVECTOR", "20000"))
QUERIES = 60


@pytest.fixture(scope="module")
def desk(
    pgvector_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("bench-pgvector")
    claims = _feed(folder / "feed.json", FACTCHECKS)
    name = pgvector_server.create_database()
    db = open_database(pgvector_server.url(name))
    assert import_factcheck_files(db, [folder / "feed.json"]).added == FACTCHECKS
    vectors = _synthetic_vectors(FACTCHECKS)
    clock = Clock()
    with db.sessions.begin() as s:
        for start in range(0, FACTCHECKS, 2_000):
            ids = list(range(start + 1, min(start + 2_001, FACTCHECKS + 1)))
            factcheck_vectors.store_vectors(s, VECTOR_MODEL, ids, vectors[start : start + len(ids)])
    stored_s = clock.read()[0]
    # A desk pushed from a file: every vector there, no embedding yet.
    with db.sessions.begin() as s:
        s.execute(text(f"DELETE FROM {pgvector.TABLE}"))
    clock = Clock()
    with db.sessions.begin() as s:
        assert pgvector.backfill(s, VECTOR_MODEL) == FACTCHECKS
    backfill_s = clock.read()[0]
    yield {"db": db, "claims": claims, "stored_s": stored_s, "backfill_s": backfill_s}
    db.dispose()
    pgvector_server.drop_database(name)


def _latencies(matcher: FactCheckMatcher, queries: list[str]) -> list[float]:
    matcher.match(queries[0])  # the first match loads (in memory) or checks (server)
    times = []
    for query in queries:
        clock = Clock()
        matcher.match(query)
        times.append(clock.read()[0] * 1000)
    return times


@pytest.mark.benchmark(group="pgvector")
def test_bench_match_on_the_server_against_in_memory(
    benchmark: Any, desk: dict[str, Any]
) -> None:
    db: Database = desk["db"]
    encoder = default_encoder()
    rng = random.Random(5)
    queries = [" ".join(c.split()[:8]) for c in rng.sample(desk["claims"], QUERIES)]
    encoder.encode(queries)  # warm
    server = FactCheckMatcher(db, encoder)
    memory = FactCheckMatcher(db, encoder, server_vectors=False)
    on_server = _latencies(server, queries)
    in_memory = _latencies(memory, queries)
    assert server.server_side and not memory.server_side
    overlap = statistics.mean(
        len({m.factcheck.id for m in server.match(q)} & {m.factcheck.id for m in memory.match(q)})
        / 5 for q in queries[:20]
    )
    p95, base = float(np.percentile(on_server, 95)), float(np.percentile(in_memory, 95))
    record(Figure(
        f"match one claim on a shared desk of {FACTCHECKS:,} fact-checks with pgvector, "
        "wall p95", p95, "ms", "stated", True, base, "the same matcher with the vectors in "
        "memory (wall p95)", note=f"median {statistics.median(on_server):.1f} ms against "
        f"{statistics.median(in_memory):.1f} ms; top-5 shared with in-memory {overlap:.0%}; "
        f"memory held by the checker 0 MB against {memory.index_bytes / 2**20:.1f} MB; "
        f"{machine_load()}",
    ))  # fmt: skip
    record(Figure(
        f"embeddings for {FACTCHECKS:,} stored vectors (a pushed desk's first match)",
        desk["backfill_s"], "s", "stated", True, desk["stored_s"], "storing the same "
        "vectors with their embeddings into the live index, batch by batch",
    ))  # fmt: skip
    benchmark.extra_info.update(p95_ms=round(p95, 2), memory_p95_ms=round(base, 2),
                                top5_overlap=round(overlap, 3))  # fmt: skip
    benchmark.pedantic(lambda: server.match(queries[1]), rounds=5)
