"""pgvector on a shared desk: the server searches the fact-check vectors when it can."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)

#: Beside factcheck_vectors, not in it: the desk's own tables stay the same on every
#: server (and on SQLite), and an administrator who drops the extension drops this table
#: alone. Each row follows its factcheck_vectors row: a vector replaced or dropped (a
#: claim's text changed) takes its embedding with it.
TABLE = "factcheck_embeddings"
DIMENSIONS = 512
_CREATE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    "factcheck_id integer PRIMARY KEY REFERENCES factcheck_vectors (factcheck_id) "
    f"ON DELETE CASCADE, model varchar(64) NOT NULL, embedding vector({DIMENSIONS}) NOT NULL)"
)
#: A 512-float vector (2 KB) is just over the size PostgreSQL moves out of line: stored
#: in place, a search reads one page per three rows instead of TOAST chunks per row.
_PLAIN = f"ALTER TABLE {TABLE} ALTER COLUMN embedding SET STORAGE PLAIN"
#: HNSW over cosine distance: vectors are L2-normalised, so its order is the similarity's.
INDEX = f"{TABLE}_hnsw"
_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} "
    "USING hnsw (embedding vector_cosine_ops)"
)
_STATE = text(
    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector'), "
    "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector'), "
    f"to_regclass('{TABLE}') IS NOT NULL"
)
#: HNSW returns at most ef_search rows (40 by default): a search asks for more.
_MAX_EF_SEARCH = 1000
#: ORDER BY the distance alone and a LIMIT: the form the HNSW index serves.
NEAREST = text(
    f"SELECT factcheck_id FROM {TABLE} WHERE model = :m "
    "ORDER BY embedding <=> CAST(:q AS vector) LIMIT :n"
)
_BACKFILL_BATCH = 2000
#: Missing embeddings from which a backfill rebuilds the index rather than inserting
#: into it (a desk pushed from a file, a large import before the extension came).
REBUILD_FROM = 5000


def _is_postgresql(bind: Connection | Session) -> bool:
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return bool(engine.dialect.name == "postgresql")


def ready(session: Session) -> bool:
    """Whether this desk's vectors can be searched by the server (a PostgreSQL desk whose
    database has the extension and the embeddings table)."""
    if not _is_postgresql(session):
        return False
    installed, _available, table = session.execute(_STATE).one()
    return bool(installed and table)


def needs_setup(conn: Connection) -> bool:
    """Whether the server offers pgvector but this desk does not use it yet."""
    if not _is_postgresql(conn):
        return False
    installed, available, table = conn.execute(_STATE).one()
    return bool((installed or available) and not table)


def ensure(conn: Connection) -> bool:
    """Create the extension (when the server has it and this role may) and the table and
    index; returns whether the desk is ready. Never fails the desk's opening: a role that
    may not create them leaves matching on the same path as a desk file."""
    from psycopg.errors import InsufficientPrivilege, UndefinedFile

    if not _is_postgresql(conn):
        return False
    installed, available, table = conn.execute(_STATE).one()
    if table and installed:
        return True
    if not (installed or available):
        return False
    statements = [_CREATE, _PLAIN, _INDEX]
    if not installed:
        statements.insert(0, "CREATE EXTENSION IF NOT EXISTS vector")
    savepoint = conn.begin_nested()
    try:
        for statement in statements:
            conn.execute(text(statement))
    except DBAPIError as exc:
        savepoint.rollback()
        if not isinstance(exc.orig, InsufficientPrivilege | UndefinedFile):
            raise
        log.info(
            "pgvector is on the server but this role may not set it up (%s); ask the "
            "database administrator for CREATE EXTENSION vector in the desk's database",
            str(exc.orig).strip().splitlines()[0],
        )
        return False
    savepoint.commit()
    log.info("pgvector set up on the shared desk: the server searches fact-check vectors")
    return True


def literal(vector: Sequence[float] | NDArray[np.floating]) -> str:
    """A vector as pgvector reads it from text: '[0.1,-0.2,…]'."""
    return "[" + ",".join(f"{float(x):.7g}" for x in vector) + "]"


def store(
    session: Session, model: str, ids: Sequence[int], vectors: NDArray[np.floating]
) -> None:
    """Store embeddings of vectors just written to factcheck_vectors (same ids, same order)."""
    if not ids:
        return
    session.execute(
        text(
            f"INSERT INTO {TABLE} (factcheck_id, model, embedding) "
            "VALUES (:id, :model, CAST(:vector AS vector)) ON CONFLICT (factcheck_id) "
            "DO UPDATE SET model = EXCLUDED.model, embedding = EXCLUDED.embedding"
        ),
        [
            {"id": int(i), "model": model, "vector": literal(row)}
            for i, row in zip(ids, vectors, strict=True)
        ],
    )


#: Stored vectors of :m without an embedding; a wrong-sized one (a desk edited elsewhere)
#: gets none: on a desk file it reads as zeros, which no search would rank anyway.
_WITHOUT_EMBEDDING = (
    f"FROM factcheck_vectors AS v LEFT JOIN {TABLE} AS e ON e.factcheck_id = v.factcheck_id "
    f"WHERE v.model = :m AND e.factcheck_id IS NULL AND octet_length(v.vector) = {2 * DIMENSIONS}"
)


def missing(session: Session, model: str, limit: int) -> list[tuple[int, bytes]]:
    """Up to `limit` stored vectors of `model` without an embedding (pushed from a desk file,
    written before the extension came)."""
    rows = session.execute(
        text(
            f"SELECT v.factcheck_id, v.vector {_WITHOUT_EMBEDDING} "
            "ORDER BY v.factcheck_id LIMIT :n"
        ),
        {"m": model, "n": limit},
    )
    return [(int(i), bytes(blob)) for i, blob in rows]


def _owns_table(session: Session) -> bool:
    return bool(session.scalar(text(
        "SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class "
        f"WHERE oid = to_regclass('{TABLE}')"
    )))  # fmt: skip


def backfill(
    session: Session, model: str, batch: int = _BACKFILL_BATCH, rebuild_from: int = REBUILD_FROM
) -> int:
    """Give every stored vector of `model` its embedding; returns how many were added.

    From `rebuild_from` missing on, a role that owns the table drops the HNSW index and
    builds it again after the rows: 20,000 vectors took 31 s against 98 s inserted batch
    by batch into the live index (tests/benchmarks/test_bench_pgvector.py). Inside this
    transaction, so others' searches wait, then find it.
    """
    import numpy as np

    pending = int(
        session.scalar(text(f"SELECT count(*) {_WITHOUT_EMBEDDING}"), {"m": model}) or 0
    )
    rebuild = pending >= rebuild_from and _owns_table(session)
    if rebuild:
        session.execute(text(f"DROP INDEX IF EXISTS {INDEX}"))
    done = 0
    while rows := missing(session, model, batch):
        matrix = np.frombuffer(b"".join(blob for _i, blob in rows), dtype=np.float16)
        store(session, model, [i for i, _b in rows], matrix.reshape(-1, DIMENSIONS))
        done += len(rows)
    if rebuild:
        session.execute(text(_INDEX))
    return done


def nearest(
    session: Session, model: str, query: NDArray[np.floating], n: int
) -> list[int]:
    """Ids of the (about) `n` embeddings of `model` most similar to `query`, best first."""
    if n <= 0:
        return []
    # SET LOCAL: for this transaction only, so a pooled connection keeps the defaults.
    # Without statistics (a table just filled, before autovacuum analysed it) the planner
    # guesses a few dozen rows and reads them all: 110 ms at 20,000 entries against 5 ms
    # through the index, so the sequential scan is ruled out for this statement alone.
    ef_search = min(_MAX_EF_SEARCH, max(40, 2 * n))
    session.execute(text(f"SET LOCAL hnsw.ef_search = {ef_search}"))
    session.execute(text("SET LOCAL enable_seqscan = off"))
    try:
        rows = session.execute(NEAREST, {"m": model, "q": literal(query), "n": n}).all()
    finally:
        session.execute(text("SET LOCAL enable_seqscan = on"))
    return [int(i) for (i,) in rows]
