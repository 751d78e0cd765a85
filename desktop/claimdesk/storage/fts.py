"""SQLite FTS5 full-text index over the desk: triggers keep it in sync, repair rebuilds it."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from claimdesk.domain import HitKind, SearchHit
from claimdesk.errors import DatabaseError

log = logging.getLogger(__name__)

#: Characters that mark a match inside snippet() output; removed again before it leaves.
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
#: Only options every FTS5 build has had for years (SQLite ≥ 3.27); checked at open
#: together with the trigram tokenizer (≥ 3.34; every installer bundles a newer one).
OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='3'"
#: The fact-check library's index: the same words, no prefixes (see INDEXES).
FACTCHECK_OPTIONS = "tokenize='unicode61 remove_diacritics 2'"
#: Every three-character run of the text is a token, so any substring of three or more
#: characters is found in any script, with or without spaces (SQLite ≥ 3.34, 2020).
TRIGRAM_OPTIONS = "tokenize='trigram'"


@dataclass(frozen=True, slots=True)
class FtsIndex:
    """One external-content FTS5 table over one of our tables (no text is stored twice)."""

    name: str
    content: str
    columns: tuple[str, ...]
    options: str = OPTIONS

    def ddl(self) -> list[str]:
        """CREATE statements: the virtual table, then insert/delete/update triggers."""
        cols = ", ".join(self.columns)
        new = ", ".join(f"new.{c}" for c in self.columns)
        old = ", ".join(f"old.{c}" for c in self.columns)
        insert = f"INSERT INTO {self.name}(rowid, {cols}) VALUES (new.id, {new});"
        remove = (
            f"INSERT INTO {self.name}({self.name}, rowid, {cols}) "
            f"VALUES ('delete', old.id, {old});"
        )
        return [
            f"CREATE VIRTUAL TABLE {self.name} USING fts5({cols}, "
            f"content='{self.content}', content_rowid='id', {self.options})",
            f"CREATE TRIGGER {self.name}_ai AFTER INSERT ON {self.content} BEGIN {insert} END",
            f"CREATE TRIGGER {self.name}_ad AFTER DELETE ON {self.content} BEGIN {remove} END",
            f"CREATE TRIGGER {self.name}_au AFTER UPDATE OF {cols} ON {self.content} "
            f"BEGIN {remove} {insert} END",
        ]

    @property
    def triggers(self) -> tuple[str, ...]:
        return (f"{self.name}_ai", f"{self.name}_ad", f"{self.name}_au")


WORD_INDEXES = (
    FtsIndex("fts_articles", "articles", ("title", "text")),
    FtsIndex("fts_claims", "claims", ("text", "speaker")),
    FtsIndex("fts_verdicts", "verdicts", ("explanation",)),
    FtsIndex("fts_sources", "source_notes", ("title", "url", "quote", "note")),
)
#: The same columns again by trigrams (migration 0006): for the words the index above
#: cannot split (Chinese, Japanese, Thai…), clitics (Arabic) and parts of compounds.
TRIGRAM_INDEXES = tuple(
    FtsIndex(f"{i.name}_trigram", i.content, i.columns, TRIGRAM_OPTIONS) for i in WORD_INDEXES
)
#: The fact-check library (migration 0008) is matched by whole words only: no prefix and no
#: trigram index, which would grow the file and which desk search does not read.
FACTCHECK_INDEX = FtsIndex("fts_factchecks", "factchecks", ("claim", "title"), FACTCHECK_OPTIONS)
#: Text extracted from evidence files (migration 0009), once per distinct file, by words
#: and by trigrams like the other kinds (the trigram index is about three times the text,
#: which is small beside the files' bytes).
EVIDENCE_INDEX = FtsIndex("fts_evidence", "evidence_blobs", ("text",))
EVIDENCE_TRIGRAM_INDEX = FtsIndex(
    "fts_evidence_trigram", "evidence_blobs", ("text",), TRIGRAM_OPTIONS
)
#: The fact-check index's words with their entry counts, for matching's word counts. In
#: the connection's temp schema (nothing added to the file), made when the connection
#: opens (storage/db.py), outside any transaction: made inside a match's read
#: transaction, it went with that transaction's rollback and every match made it again,
#: paying a schema reload that expired every prepared statement (0.6 ms of a match's
#: median at 200,000 entries, docs/matching.md). Before migration 0008 it exists too and
#: is only unreadable.
FACTCHECK_VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.factcheck_terms "
    "USING fts5vocab(main, fts_factchecks, row)"
)
INDEXES = WORD_INDEXES + TRIGRAM_INDEXES + (
    FACTCHECK_INDEX, EVIDENCE_INDEX, EVIDENCE_TRIGRAM_INDEX
)


@cache
def fts5_problem() -> str | None:
    """Why this Python's SQLite cannot hold our index, or None if it can."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute(f"CREATE VIRTUAL TABLE probe USING fts5(a, {OPTIONS})")
        con.execute("INSERT INTO probe(a) VALUES ('probe')")
        con.execute(
            "SELECT snippet(probe, -1, '[', ']', '…', 8) FROM probe WHERE probe MATCH 'pro*'"
        )
        con.execute(f"CREATE VIRTUAL TABLE probe3 USING fts5(a, {TRIGRAM_OPTIONS})")
        con.execute("INSERT INTO probe3(a) VALUES ('probe')")
        con.execute("SELECT rowid FROM probe3 WHERE probe3 MATCH 'rob'")
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        con.close()
    return None


def require_fts5() -> None:
    problem = fts5_problem()
    if problem is not None:
        raise DatabaseError(
            f"This installation's SQLite {sqlite3.sqlite_version} has no usable FTS5 "
            f"full-text search ({problem}). Install ClaimDesk from its installer, or use a "
            "Python whose SQLite (3.34 or newer) includes FTS5."
        )


def _objects(conn: Connection) -> set[str]:
    return {
        r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type IN "
                                           "('table', 'trigger')")
    }


def _stale(conn: Connection, index: FtsIndex, objects: set[str]) -> bool:
    """A part is missing, or it indexes a different number of rows than its table has."""
    if index.name not in objects or any(t not in objects for t in index.triggers):
        return True
    indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {index.name}_docsize").scalar()
    rows = conn.exec_driver_sql(f"SELECT count(*) FROM {index.content}").scalar()
    return bool(indexed != rows)


def needs_repair(conn: Connection) -> bool:
    """Whether ensure_index would change anything; only reads (no write lock needed)."""
    if conn.dialect.name == "postgresql":
        from claimdesk.storage import fts_pg

        return fts_pg.needs_repair(conn)
    objects = _objects(conn)
    return any(_stale(conn, index, objects) for index in INDEXES)


def ensure_index(conn: Connection) -> list[str]:
    """Recreate what is missing of the index and rebuild stale parts; returns their names.

    A table is rebuilt when it or one of its triggers was missing (a batch migration
    that rebuilds a table drops its triggers), or when it indexes a different number
    of rows than its content table has. On PostgreSQL: fts_pg.ensure_index.
    """
    if conn.dialect.name == "postgresql":
        from claimdesk.storage import fts_pg

        return fts_pg.ensure_index(conn)
    objects = _objects(conn)
    rebuilt: list[str] = []
    for index in INDEXES:
        if not _stale(conn, index, objects):
            continue
        ddl = index.ddl()
        if index.name not in objects:
            conn.exec_driver_sql(ddl[0])
        for name, statement in zip(index.triggers, ddl[1:], strict=True):
            if name not in objects:
                conn.exec_driver_sql(statement)
        rebuild(conn, index.name)
        rebuilt.append(index.name)
    if rebuilt:
        log.warning("rebuilt the full-text index: %s", ", ".join(rebuilt))
    return rebuilt


def rebuild(conn: Connection, name: str) -> None:
    conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


# ----------------------------------------------------------------------------- search

#: At most this many matches of one kind are ranked: the newest ones. Only a word in
#: most of a large desk matches more, and ranking every such row (bm25 reads each one's
#: size) would make the answer slower than typing.
RANK_WINDOW = 2000

@dataclass(frozen=True, slots=True)
class _Part:
    """One index desk search reads: what its hits are and how a hit reaches its article.

    `sql` yields (row id, rank, article id, title, claim id, source id, label); a label
    is put before the snippet (the file name of an evidence hit).
    """

    kind: HitKind
    table: str
    snippet_tokens: int
    sql: str


_NO_SOURCE = "NULL, NULL FROM"
#: Phase one, per part: the best rows by rank with what a hit needs besides its snippet.
_PARTS = (
    _Part(HitKind.ARTICLE, "fts_articles", 16, f"""
        SELECT s.id, s.rank, a.id, a.title, NULL, {_NO_SOURCE} (
            SELECT rowid AS id, rank FROM fts_articles
            WHERE fts_articles MATCH :q AND rowid > :floor AND rank MATCH 'bm25(10.0, 1.0)'
            ORDER BY rank LIMIT :n
        ) AS s JOIN articles AS a ON a.id = s.id"""),
    _Part(HitKind.CLAIM, "fts_claims", 32, f"""
        SELECT s.id, s.rank, a.id, a.title, c.id, {_NO_SOURCE} (
            SELECT rowid AS id, rank FROM fts_claims
            WHERE fts_claims MATCH :q AND rowid > :floor
            ORDER BY rank LIMIT :n
        ) AS s JOIN claims AS c ON c.id = s.id JOIN articles AS a ON a.id = c.article_id"""),
    _Part(HitKind.VERDICT, "fts_verdicts", 24, f"""
        SELECT s.id, s.rank, a.id, a.title, c.id, {_NO_SOURCE} (
            SELECT rowid AS id, rank FROM fts_verdicts
            WHERE fts_verdicts MATCH :q AND rowid > :floor
            ORDER BY rank LIMIT :n
        ) AS s JOIN verdicts AS v ON v.id = s.id JOIN claims AS c ON c.id = v.claim_id
        JOIN articles AS a ON a.id = c.article_id"""),
    _Part(HitKind.SOURCE, "fts_sources", 24, """
        SELECT s.id, s.rank, a.id, a.title, c.id, s.id, NULL FROM (
            SELECT rowid AS id, rank FROM fts_sources
            WHERE fts_sources MATCH :q AND rowid > :floor AND rank MATCH 'bm25(2.0, 1.0, 1.0, 1.0)'
            ORDER BY rank LIMIT :n
        ) AS s JOIN source_notes AS n ON n.id = s.id JOIN claims AS c ON c.id = n.claim_id
        JOIN articles AS a ON a.id = c.article_id"""),
    # Words inside an attached file are a hit on the source note holding it (the newest
    # attachment of those bytes; bytes no attachment names any more find nothing).
    _Part(HitKind.SOURCE, "fts_evidence", 24, """
        SELECT s.id, s.rank, a.id, a.title, c.id, n.id, e.file_name FROM (
            SELECT rowid AS id, rank FROM fts_evidence
            WHERE fts_evidence MATCH :q AND rowid > :floor
            ORDER BY rank LIMIT :n
        ) AS s JOIN evidence_blobs AS b ON b.id = s.id
        JOIN evidence AS e ON e.id = (SELECT max(id) FROM evidence WHERE sha256 = b.sha256)
        JOIN source_notes AS n ON n.id = e.source_note_id JOIN claims AS c ON c.id = n.claim_id
        JOIN articles AS a ON a.id = c.article_id"""),
)  # fmt: skip


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain snippet text and the [start, end) offsets of its marked matches."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in snippet:
        if ch == MARK_OPEN:
            start = length
        elif ch == MARK_CLOSE:
            if start is not None and start < length:
                marks.append((start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    return "".join(out), tuple(marks)


def search(session: Session, match: str, limit: int) -> list[SearchHit]:
    """Best `limit` hits of an FTS5 MATCH expression over every kind, best first.

    `match` must already be a safe expression (services.search builds it). Of a kind
    with more than RANK_WINDOW matches, the newest RANK_WINDOW are ranked. Snippets
    cost the most for common words, so only the hits that make the cut get one. A
    shared desk on PostgreSQL is searched by fts_pg.search, with the same results' shape.
    """
    if session.get_bind().dialect.name == "postgresql":
        from claimdesk.storage import fts_pg

        return fts_pg.search(session, match, limit)
    #: (rank, part index, row id, article id, title, claim id, source id, label)
    ranked: list[tuple[float, int, int, int, str, int | None, int | None, str | None]] = []
    for index, part in enumerate(_PARTS):
        table = part.table
        floor = session.execute(
            text(
                f"SELECT rowid FROM {table} WHERE {table} MATCH :q "
                "ORDER BY rowid DESC LIMIT 1 OFFSET :window"
            ),
            {"q": match, "window": RANK_WINDOW},
        ).scalar()
        params = {"q": match, "n": limit, "floor": floor or 0}
        for row_id, rank, article_id, title, claim_id, source_id, label in session.execute(
            text(part.sql), params
        ):
            ranked.append(
                (float(rank), index, row_id, article_id, title, claim_id, source_id, label)
            )
    ranked.sort(key=lambda r: (r[0], _PARTS[r[1]].kind.value, r[3], r[5] or 0, r[2], r[1]))
    del ranked[limit:]
    snippets: dict[tuple[int, int], str] = {}
    for index, part in enumerate(_PARTS):
        table, tokens = part.table, part.snippet_tokens
        ids = {r[2] for r in ranked if r[1] == index}
        if not ids:
            continue
        # One pass over the matches in the hits' rowid range, a snippet only for hits:
        # asking row by row would rebuild the match list of a prefix term every time.
        query = text(
            f"SELECT rowid, CASE WHEN rowid IN :ids "
            f"THEN snippet({table}, -1, :o, :c, '…', {tokens}) END FROM {table} "
            f"WHERE {table} MATCH :q AND rowid BETWEEN :lo AND :hi"
        ).bindparams(bindparam("ids", expanding=True))
        params = {
            "q": match,
            "o": MARK_OPEN,
            "c": MARK_CLOSE,
            "ids": sorted(ids),
            "lo": min(ids),
            "hi": max(ids),
        }
        for row_id, snip in session.execute(query, params):
            if row_id in ids:
                snippets[index, row_id] = snip or ""
    hits: list[SearchHit] = []
    for rank, index, row_id, article_id, title, claim_id, source_id, label in ranked:
        raw = snippets.get((index, row_id), "")
        hits.append(
            search_hit(_PARTS[index].kind, rank, article_id, title, claim_id, source_id,
                       unmark(f"{label}: {raw}" if label else raw))
        )
    return hits


def search_hit(
    kind: HitKind, rank: float, article_id: int, title: str, claim_id: int | None,
    source_id: int | None, snippet: tuple[str, tuple[tuple[int, int], ...]],
) -> SearchHit:
    """One hit, its snippet given as plain text and the spans to mark in it."""
    plain, marks = snippet
    return SearchHit(kind=kind, article_id=article_id, article_title=title,
                     claim_id=claim_id, snippet=plain, marks=marks, rank=rank,
                     source_id=source_id)
