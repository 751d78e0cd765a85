"""The fact-check library's rows: bulk upsert by review URL, full-text candidates, vectors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from claimdesk.domain.factchecks import FactCheck, FactCheckDraft, FactCheckSource
from claimdesk.storage.orm import FactCheckRow, FactCheckVectorRow

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

#: Sentence vectors have this many dimensions and are stored as float16 (1 KB each).
DIMENSIONS = 512
_CHUNK = 500  # rows per IN (...) query: well under SQLite's 32,766 variables
_COMPARED = ("claim", "title", "rating", "rating_value", "rating_best", "rating_worst",
             "publisher", "published", "language")  # fmt: skip


@dataclass(frozen=True, slots=True)
class UpsertCounts:
    """What storing a batch did: new entries, entries changed, entries already there,
    and items left out because the batch named the same review URL again."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0


def _values(draft: FactCheckDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in _COMPARED}


def upsert(session: Session, drafts: Sequence[FactCheckDraft], now: datetime) -> UpsertCounts:
    """Store `drafts`, one entry per review URL: new ones added, changed ones updated.

    Within `drafts` the last entry for a URL wins (a feed lists a review again when it
    was corrected). Bulk statements, chunk by chunk: 200,000 entries take seconds.
    """
    latest: dict[str, FactCheckDraft] = {}
    for draft in drafts:
        latest.pop(draft.url, None)  # re-insert: keep the order of last appearance
        latest[draft.url] = draft
    added = updated = unchanged = 0
    urls = list(latest)
    for start in range(0, len(urls), _CHUNK):
        chunk = urls[start : start + _CHUNK]
        columns = [getattr(FactCheckRow, name) for name in _COMPARED]
        existing = {
            row[1]: (row[0], tuple(row[2:]))
            for row in session.execute(
                select(FactCheckRow.id, FactCheckRow.url, *columns).where(
                    FactCheckRow.url.in_(chunk)
                )
            )
        }
        new_rows: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        for url in chunk:
            values = _values(latest[url])
            if url not in existing:
                new_rows.append(
                    {**values, "url": url, "source": FactCheckSource.IMPORTED.value,
                     "imported_at": now}
                )  # fmt: skip
            elif existing[url][1] != tuple(values.values()):
                changed.append({**values, "id": existing[url][0]})
            else:
                unchanged += 1
        if new_rows:
            session.execute(insert(FactCheckRow), new_rows)
            added += len(new_rows)
        if changed:
            session.execute(update(FactCheckRow), changed)  # bulk UPDATE by primary key
            updated += len(changed)
    return UpsertCounts(added, updated, unchanged, len(drafts) - len(latest))


def _factcheck(row: FactCheckRow) -> FactCheck:
    return FactCheck(
        id=row.id,
        url=row.url,
        claim=row.claim,
        rating=row.rating,
        rating_value=row.rating_value,
        publisher=row.publisher,
        published=row.published,
        language=row.language,
        source=FactCheckSource(row.source),
        title=row.title,
        claim_id=row.claim_id,
    )


def entries(session: Session, ids: Iterable[int]) -> dict[int, FactCheck]:
    wanted = list(dict.fromkeys(ids))
    found: dict[int, FactCheck] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = session.scalars(
            select(FactCheckRow).where(FactCheckRow.id.in_(wanted[start : start + _CHUNK]))
        )
        found.update((row.id, _factcheck(row)) for row in rows)
    return found


def ids_of_claims(session: Session, claim_ids: Sequence[int]) -> dict[int, int]:
    """The library entry id of each desk claim that has a verdict: claim id → entry id."""
    if not claim_ids:
        return {}
    rows = session.execute(
        select(FactCheckRow.claim_id, FactCheckRow.id).where(
            FactCheckRow.claim_id.in_(list(claim_ids))
        )
    )
    return {int(c): int(i) for c, i in rows if c is not None}


def count(session: Session, source: FactCheckSource | None = None) -> int:
    query = select(func.count()).select_from(FactCheckRow)
    if source is not None:
        query = query.where(FactCheckRow.source == source.value)
    return int(session.scalar(query) or 0)


def has_entries(session: Session) -> bool:
    """Whether the library holds anything (one row read, whatever its size)."""
    return session.scalar(select(FactCheckRow.id).limit(1)) is not None


# ----------------------------------------------------------------------------- full text


def document_frequencies(session: Session, terms: Sequence[str]) -> dict[str, int]:
    """How many entries contain each term (as the index tokenised it; absent: not there).

    Read through an fts5vocab table in the connection's temp schema: nothing is added
    to the file's schema, so the schema check has nothing new to accept.
    """
    if not terms:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        return _pg_document_frequencies(session, terms)
    session.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.factcheck_terms "
            "USING fts5vocab(main, fts_factchecks, row)"
        )
    )
    query = text("SELECT term, doc FROM temp.factcheck_terms WHERE term IN :terms").bindparams(
        bindparam("terms", expanding=True)
    )
    return {str(t): int(d) for t, d in session.execute(query, {"terms": list(terms)})}


def bm25_candidates(
    session: Session, match: str, limit: int, language: str | None = None
) -> list[tuple[int, float]]:
    """The best `limit` entries for an FTS5 MATCH expression: (id, bm25), best first.

    `match` must be a safe expression (nlp.matching builds it from quoted words). The
    claim counts twice as much as the review's title. With `language`, only entries in
    that language (or of no known language) are candidates: shared words mean little
    across languages, and the vectors find those entries anyway.
    """
    if session.get_bind().dialect.name == "postgresql":
        return _pg_candidates(session, match, limit, language)
    if language is None:
        sql = (
            "SELECT rowid, rank FROM fts_factchecks WHERE fts_factchecks MATCH :q "
            "AND rank MATCH 'bm25(2.0, 1.0)' ORDER BY rank LIMIT :n"
        )
    else:
        sql = (
            "SELECT s.rowid, s.rank FROM fts_factchecks AS s JOIN factchecks AS f "
            "ON f.id = s.rowid WHERE fts_factchecks MATCH :q AND s.rank MATCH 'bm25(2.0, 1.0)' "
            "AND (f.language IS NULL OR f.language = :lang OR f.language LIKE :prefix) "
            "ORDER BY s.rank LIMIT :n"
        )
    params = {"q": match, "n": limit, "lang": language, "prefix": f"{language}-%"}
    return [(int(i), float(r)) for i, r in session.execute(text(sql), params)]


def _pg_document_frequencies(session: Session, terms: Sequence[str]) -> dict[str, int]:
    """document_frequencies on PostgreSQL: one index-backed count per term (a query's
    handful), each term read by the index's own configuration as the index read it."""
    from claimdesk.storage.fts_pg import CONFIG, FACTCHECKS, qualified

    found: dict[str, int] = {}
    query = text(
        f"SELECT count(*) FROM factchecks AS x WHERE {qualified(FACTCHECKS)} "
        f"@@ plainto_tsquery('{CONFIG}', :term)"
    )
    for term in dict.fromkeys(terms):
        n = int(session.execute(query, {"term": term}).scalar() or 0)
        if n:
            found[term] = n
    return found


def _pg_candidates(
    session: Session, match: str, limit: int, language: str | None
) -> list[tuple[int, float]]:
    """bm25_candidates on PostgreSQL: ts_rank over the GIN index's expression (the claim
    at weight C, twice its title's D), negated so that lower is better as with bm25.
    Normalisation 1 divides by 1 + log(length): like bm25, a short claim holding the word
    outranks a long one ("Sharks never get cancer" before a 7-word claim with "cancer")."""
    from claimdesk.storage.fts_pg import CONFIG, FACTCHECKS, qualified, tsquery

    query = tsquery(match, " | ")
    if not query or limit <= 0:
        return []
    vector = qualified(FACTCHECKS)
    where = f"{vector} @@ to_tsquery('{CONFIG}', :q)"
    if language is not None:
        where += " AND (x.language IS NULL OR x.language = :lang OR x.language LIKE :prefix)"
    sql = (
        f"SELECT x.id, -ts_rank({vector}, to_tsquery('{CONFIG}', :q), 1) AS rank "
        f"FROM factchecks AS x WHERE {where} ORDER BY rank, x.id LIMIT :n"
    )
    params = {"q": query, "n": limit, "lang": language, "prefix": f"{language}-%"}
    return [(int(i), float(r)) for i, r in session.execute(text(sql), params)]


# ----------------------------------------------------------------------------- vectors


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
    """Store one vector per id (replacing another model's), as float16 bytes."""
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


def vectors_of(session: Session, model: str, ids: Sequence[int]) -> dict[int, NDArray[np.float16]]:
    """The stored vectors of these entries (those that have one)."""
    import numpy as np
    found: dict[int, NDArray[np.float16]] = {}
    wanted = list(ids)
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(FactCheckVectorRow.factcheck_id, FactCheckVectorRow.vector).where(
                FactCheckVectorRow.model == model,
                FactCheckVectorRow.factcheck_id.in_(wanted[start : start + _CHUNK]),
            )
        )
        for i, blob in rows:
            found[int(i)] = np.frombuffer(_checked(blob), dtype=np.float16)
    return found


_ZERO = bytes(2 * DIMENSIONS)


def _checked(blob: object) -> bytes:
    """A stored vector's bytes; a wrong-sized one (a file edited elsewhere) reads as zeros."""
    if isinstance(blob, bytes) and len(blob) == 2 * DIMENSIONS:
        return blob
    return _ZERO
