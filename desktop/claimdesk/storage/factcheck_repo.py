"""The fact-check library's rows: bulk upsert by review URL and full-text candidates."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from claimdesk.domain.clock import local_day
from claimdesk.domain.factchecks import FactCheck, FactCheckDraft, FactCheckSource
from claimdesk.domain.urls import with_lowercase_host
from claimdesk.storage.fts import FACTCHECK_VOCABULARY
from claimdesk.storage.orm import FactCheckRow, FactCheckVectorRow, VerdictRow

_CHUNK = 500  # rows per IN (...) query: well under SQLite's 32,766 variables
_COMPARED = ("claim", "title", "rating", "rating_value", "rating_best", "rating_worst",
             "publisher", "published", "language")  # fmt: skip
_TITLE = _COMPARED.index("title")


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
    An entry whose title changed loses its vector, which sums the claim's and the
    title's encodings (a trigger drops it when the claim changes), so the next fill
    encodes it again.
    """
    # One review per address: its host in any case is one host (a path is not), so the
    # address is stored with a lower-case host, and found so (migration 0012 lowered
    # the hosts stored before).
    latest: dict[str, FactCheckDraft] = {}
    for draft in drafts:
        url = with_lowercase_host(draft.url)
        latest.pop(url, None)  # re-insert: keep the order of last appearance
        latest[url] = draft
    added = updated = unchanged = 0
    urls = list(latest)
    for start in range(0, len(urls), _CHUNK):
        chunk = urls[start : start + _CHUNK]
        columns = [getattr(FactCheckRow, name) for name in _COMPARED]
        found = session.execute(
            select(FactCheckRow.id, FactCheckRow.url, *columns).where(
                FactCheckRow.url.in_(chunk)
            )
        ).all()
        existing = {row[1]: (row[0], tuple(row[2:])) for row in found}
        new_rows: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        retitled: list[int] = []
        for url in chunk:
            values = _values(latest[url])
            if url not in existing:
                new_rows.append(
                    {**values, "url": url, "source": FactCheckSource.IMPORTED.value,
                     "imported_at": now}
                )  # fmt: skip
            elif existing[url][1] != tuple(values.values()):
                changed.append({**values, "url": url, "id": existing[url][0]})
                if existing[url][1][_TITLE] != values["title"]:
                    retitled.append(existing[url][0])
            else:
                unchanged += 1
        if new_rows:
            session.execute(insert(FactCheckRow), new_rows)
            added += len(new_rows)
        if changed:
            session.execute(update(FactCheckRow), changed)  # bulk UPDATE by primary key
            updated += len(changed)
        if retitled:
            session.execute(
                delete(FactCheckVectorRow).where(FactCheckVectorRow.factcheck_id.in_(retitled))
            )
    return UpsertCounts(added, updated, unchanged, len(drafts) - len(latest))


#: With the desk's own entries, the time of their verdict (stored UTC): the day the
#: triggers store with them is the UTC day, which is not the checker's day for a verdict
#: given in the evening west of UTC, or the morning east of it.
_SHOWN = ("SELECT f.id, f.url, f.claim, f.rating, f.rating_value, f.publisher, f.published, "
          "f.language, f.source, f.title, f.claim_id, v.updated_at FROM factchecks AS f "
          "LEFT JOIN verdicts AS v ON v.claim_id = f.claim_id "
          "WHERE f.id IN (SELECT value FROM json_each(?))")


_SHOWN_PG = _SHOWN.replace("IN (SELECT value FROM json_each(?))", "= ANY(:ids)")


def _driver(session: Session) -> sqlite3.Connection:
    """The session's own SQLite connection, inside its transaction, for the statements a
    match runs: SQLAlchemy's per-statement and per-row layers cost more than SQLite's
    work on them (1 ms of a 30 ms match, most of it fetching 300 rows one at a time)."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _day(value: object) -> date | None:
    """A stored day ("2020-04-06" from SQLite, a date from PostgreSQL), or None for
    anything else (a file edited elsewhere)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _shown_day(published: object, verdict_time: object) -> date | None:
    """The day an entry shows: for the desk's own, the local day of its verdict's time
    (stored UTC); else the stored day."""
    if isinstance(verdict_time, str):  # SQLite hands back text
        try:
            verdict_time = datetime.fromisoformat(verdict_time)
        except ValueError:
            verdict_time = None
    if isinstance(verdict_time, datetime):
        return local_day(verdict_time)
    return _day(published)


def entries(session: Session, ids: Iterable[int]) -> dict[int, FactCheck]:
    """The entries with these ids. Plain SQL, one statement: a match shows five entries,
    and building the ORM's statement and objects for them cost 1 ms of its 30."""
    import json

    wanted = list(dict.fromkeys(int(i) for i in ids))
    found: dict[int, FactCheck] = {}
    if session.get_bind().dialect.name == "postgresql":
        rows = [
            tuple(r)
            for start in range(0, len(wanted), _CHUNK)
            for r in session.execute(
                text(_SHOWN_PG),
                {"ids": wanted[start : start + _CHUNK]},
            )
        ]
    else:
        rows = _driver(session).execute(_SHOWN, (json.dumps(wanted),)).fetchall()
    for (id_, url, claim, rating, rating_value, publisher, published, language, source,
         title, claim_id, verdict_time) in rows:  # fmt: skip
        found[int(id_)] = FactCheck(
            id=int(id_), url=url, claim=claim, rating=rating,
            rating_value=None if rating_value is None else float(rating_value),
            publisher=publisher, published=_shown_day(published, verdict_time),
            language=language,
            source=FactCheckSource(source), title=title or "",
            claim_id=None if claim_id is None else int(claim_id),
        )  # fmt: skip
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


def imported_drafts(session: Session) -> list[FactCheckDraft]:
    """Every imported entry (not the desk's own verdicts) as it was read, oldest first:
    what a case bundle carries of the library."""
    rows = session.scalars(
        select(FactCheckRow)
        .where(FactCheckRow.source == FactCheckSource.IMPORTED.value, FactCheckRow.url.is_not(None))
        .order_by(FactCheckRow.id)
    )
    return [
        FactCheckDraft(
            url=str(r.url), claim=r.claim, rating=r.rating, rating_value=r.rating_value,
            rating_best=r.rating_best, rating_worst=r.rating_worst, publisher=r.publisher,
            published=r.published, language=r.language, title=r.title,
        )
        for r in rows
    ]  # fmt: skip


def desk_entries(
    session: Session, claim_ids: Collection[int] | None = None
) -> dict[int, tuple[object, ...]]:
    """The desk's own entries (of these claims, or all): claim id → what a match shows of
    it (entry id, claim, rating, rating value, publisher, local day). Comparing two
    readings says whether verdicts given, changed or cleared changed the library."""
    query = select(
        FactCheckRow.claim_id, FactCheckRow.id, FactCheckRow.claim, FactCheckRow.rating,
        FactCheckRow.rating_value, FactCheckRow.publisher, FactCheckRow.published,
        VerdictRow.updated_at,
    ).outerjoin(VerdictRow, VerdictRow.claim_id == FactCheckRow.claim_id).where(
        FactCheckRow.source == FactCheckSource.DESK.value
    )  # fmt: skip
    if claim_ids is not None:
        if not claim_ids:
            return {}
        query = query.where(FactCheckRow.claim_id.in_(list(claim_ids)))
    return {
        int(row[0]): (*row[1:6], _shown_day(row[6], row[7]))
        for row in session.execute(query)
        if row[0] is not None
    }


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
    to the file's schema, so the schema check has nothing new to accept. Counting a
    term reads its whole posting list: cheap for a rare word, not for a common one
    (common_terms reads those once).
    """
    if not terms:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        return _pg_document_frequencies(session, terms)
    connection = _driver(session)
    # Made with each connection (storage/db.py); asked again here at no cost, for a
    # connection made some other way (the schema snapshot's, for one).
    connection.execute(FACTCHECK_VOCABULARY)
    marks = ", ".join("?" * len(terms))
    rows = connection.execute(
        f"SELECT term, doc FROM temp.factcheck_terms WHERE term IN ({marks})", tuple(terms)
    ).fetchall()
    return {str(t): int(d) for t, d in rows}


def common_terms(session: Session, more_than: int) -> dict[str, int]:
    """Every term in more than `more_than` entries, with its count: one pass over the
    index (0.2 s at 200,000 entries), so that no match has to count a common word's
    long posting list (14 ms for a ten-word claim's common words at 200,000 entries).
    On PostgreSQL none is known ahead: each match counts its own words."""
    if session.get_bind().dialect.name == "postgresql":
        return {}
    connection = _driver(session)
    connection.execute(FACTCHECK_VOCABULARY)
    rows = connection.execute(
        "SELECT term, doc FROM temp.factcheck_terms WHERE doc > ?", (more_than,)
    ).fetchall()
    return {str(t): int(d) for t, d in rows}


def bm25_candidates(
    session: Session, match: str, limit: int, language: str | None = None
) -> list[tuple[int, float]]:
    """The best `limit` entries for an FTS5 MATCH expression: (id, bm25), best first.

    `match` must be a safe expression (nlp.matching builds it from quoted words). The
    claim counts twice as much as the review's title. With `language`, only entries in
    that language (or of no known language) are candidates: shared words mean little
    across languages, and the vectors find those entries anyway.

    bm25() is called directly rather than through `rank MATCH 'bm25(2.0, 1.0)'`: the
    same numbers and order (FTS5 sorts `rank` with this very query inside), without
    the nested statement — 7 ms instead of 10 for a claim at 200,000 entries.
    """
    if session.get_bind().dialect.name == "postgresql":
        return _pg_candidates(session, match, limit, language)
    if language is None:
        sql = (
            "SELECT rowid, bm25(fts_factchecks, 2.0, 1.0) AS score FROM fts_factchecks "
            "WHERE fts_factchecks MATCH ? ORDER BY score LIMIT ?"
        )
        params: tuple[object, ...] = (match, limit)
    else:
        sql = (
            "SELECT s.rowid, bm25(fts_factchecks, 2.0, 1.0) AS score FROM fts_factchecks AS s "
            "JOIN factchecks AS f ON f.id = s.rowid WHERE fts_factchecks MATCH ? "
            "AND (f.language IS NULL OR f.language = ? OR f.language LIKE ?) "
            "ORDER BY score LIMIT ?"
        )
        params = (match, language, f"{language}-%", limit)
    rows = _driver(session).execute(sql, params).fetchall()
    return [(int(i), float(r)) for i, r in rows]


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
