"""The fact-check library's sentence vectors: one per entry, stored and read in batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from claimdesk.storage import pgvector
from claimdesk.storage.factcheck_repo import _CHUNK, _driver, count
from claimdesk.storage.orm import FactCheckRow, FactCheckVectorRow

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

#: Sentence vectors have this many dimensions and are stored as float16 (1 KB each).
DIMENSIONS = pgvector.DIMENSIONS


def without_vector(session: Session, model: str, limit: int) -> list[tuple[int, str, str]]:
    """Up to `limit` entries (id, claim, title) without a vector from `model`, oldest first."""
    rows = session.execute(
        select(FactCheckRow.id, FactCheckRow.claim, FactCheckRow.title)
        .outerjoin(
            FactCheckVectorRow,
            (FactCheckVectorRow.factcheck_id == FactCheckRow.id)
            & (FactCheckVectorRow.model == model),
        )
        .where(FactCheckVectorRow.factcheck_id.is_(None))
        .order_by(FactCheckRow.id)
        .limit(limit)
    )
    return [(int(i), str(c), str(t or "")) for i, c, t in rows]


def count_without_vector(session: Session, model: str) -> int:
    have = select(func.count()).select_from(FactCheckVectorRow).where(
        FactCheckVectorRow.model == model
    )
    return count(session) - int(session.scalar(have) or 0)


def store_vectors(
    session: Session, model: str, ids: Sequence[int], vectors: NDArray[np.floating]
) -> None:
    """Store one vector per id (replacing another model's), as float16 bytes, and on a
    shared desk with pgvector as the server's embedding too."""
    import numpy as np
    if len(ids) != len(vectors):
        raise ValueError(f"{len(ids)} ids but {len(vectors)} vectors")
    half = np.asarray(vectors, dtype=np.float16)
    if half.ndim != 2 or half.shape[1] != DIMENSIONS:
        raise ValueError(f"vectors must be (n, {DIMENSIONS}), not {half.shape}")
    session.execute(
        delete(FactCheckVectorRow).where(FactCheckVectorRow.factcheck_id.in_(list(ids)))
    )
    session.execute(
        insert(FactCheckVectorRow),
        [
            {"factcheck_id": int(i), "model": model, "vector": row.tobytes()}
            for i, row in zip(ids, half, strict=True)
        ],
    )
    if pgvector.ready(session):
        pgvector.store(session, model, ids, half)


def vector_state(session: Session, model: str) -> tuple[int, int]:
    """(count, highest id) of `model`'s vectors: a cheap way to see whether they changed."""
    row = session.execute(
        select(func.count(), func.coalesce(func.max(FactCheckVectorRow.factcheck_id), 0)).where(
            FactCheckVectorRow.model == model
        )
    ).one()
    return int(row[0]), int(row[1])


def iter_vectors(
    session: Session, model: str, after: int = 0, batch: int = 20_000
) -> Iterator[tuple[NDArray[np.int64], NDArray[np.float16]]]:
    """`model`'s vectors with ids above `after`, in id order, a batch at a time."""
    import numpy as np
    last = after
    while True:
        rows = session.execute(
            select(FactCheckVectorRow.factcheck_id, FactCheckVectorRow.vector)
            .where(FactCheckVectorRow.model == model, FactCheckVectorRow.factcheck_id > last)
            .order_by(FactCheckVectorRow.factcheck_id)
            .limit(batch)
        ).all()
        if not rows:
            return
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(_checked(r[1]) for r in rows), dtype=np.float16)
        yield ids, matrix.reshape(len(rows), DIMENSIONS)
        last = int(ids[-1])


def sample_vectors(session: Session, model: str, every: int) -> NDArray[np.float16]:
    """Every `every`-th vector of `model` (by id): a sample, without reading the rest."""
    import numpy as np
    rows = session.execute(
        select(FactCheckVectorRow.vector).where(
            FactCheckVectorRow.model == model, FactCheckVectorRow.factcheck_id % every == 0
        )
    ).scalars()
    blob = b"".join(_checked(r) for r in rows)
    return np.frombuffer(blob, dtype=np.float16).reshape(-1, DIMENSIONS)


def vectors_of(
    session: Session, model: str, ids: Sequence[int]
) -> tuple[list[int], NDArray[np.float16]]:
    """The stored vectors of these entries: the ids that have one, in the order given,
    and their vectors as the rows of one (n, 512) float16 matrix.

    One statement whatever the number of ids (they travel as one JSON array, so the
    statement's text never changes and SQLite keeps it prepared), and one buffer for
    every row: a match reads about 200 of them.
    """
    import json

    import numpy as np
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if session.get_bind().dialect.name == "postgresql":
        rows = [
            tuple(r)
            for start in range(0, len(wanted), _CHUNK)
            for r in session.execute(
                text(
                    "SELECT factcheck_id, vector FROM factcheck_vectors WHERE model = :m "
                    "AND factcheck_id = ANY(:ids)"
                ),
                {"m": model, "ids": wanted[start : start + _CHUNK]},
            )
        ]
    else:
        rows = _driver(session).execute(
            "SELECT factcheck_id, vector FROM factcheck_vectors WHERE model = ? "
            "AND factcheck_id IN (SELECT value FROM json_each(?))",
            (model, json.dumps(wanted)),
        ).fetchall()
    blobs = {int(i): blob for i, blob in rows}
    found = [i for i in wanted if i in blobs]
    matrix = np.frombuffer(b"".join(_checked(blobs[i]) for i in found), dtype=np.float16)
    return found, matrix.reshape(len(found), DIMENSIONS)


_ZERO = bytes(2 * DIMENSIONS)


def _checked(blob: object) -> bytes:
    """A stored vector's bytes; a wrong-sized one (a file edited elsewhere) reads as zeros."""
    if isinstance(blob, bytes) and len(blob) == 2 * DIMENSIONS:
        return blob
    return _ZERO
