"""Desk search on PostgreSQL (issue 16): GIN indexes over tsvector and pg_trgm expressions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from claimdesk.domain import HitKind, SearchHit

log = logging.getLogger(__name__)

#: The text search configuration migration 0003 makes: the simple parser's words,
#: lowercased and without diacritics (as SQLite's unicode61 remove_diacritics 2).
CONFIG = "claimdesk_words"
#: Between two columns of one trigram expression: no search term holds it.
_SEP = "chr(31)"
#: Storage options of every word index, as the migrations give them: each write goes
#: straight into the index (with GIN's pending list, a search right after a bulk import
#: reads the whole list and the planner scans the table: 1.4 s instead of 20 ms for one
#: word in 3,000 articles). The trigram indexes keep the list: writing every three-letter
#: run of an article straight away doubled the time to store 3,000 articles, and
#: substring search is only the fallback.
GIN = "WITH (fastupdate = off)"
#: Matches of one kind beyond this are not ranked: the newest are (as fts.RANK_WINDOW;
#: ts_rank recomputes each row's tsvector from its text, so ranking is the costly part).
RANK_WINDOW = 2000


def _vec(column: str, weight: str | None = None) -> str:
    vector = f"to_tsvector('{CONFIG}', coalesce({column}, ''))"
    return f"setweight({vector}, '{weight}')" if weight else vector


def _joined(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


@dataclass(frozen=True, slots=True)
class PgIndex:
    """One GIN index: its name (the SQLite index's), table and indexed expression.

    The expressions are written exactly as the migrations wrote them: PostgreSQL uses an
    expression index only for a query that spells the same expression.
    """

    name: str
    table: str
    expression: str
    trigram: bool = False

    def ddl(self) -> str:
        ops = " gin_trgm_ops" if self.trigram else ""
        storage = "" if self.trigram else f" {GIN}"
        using = f"USING gin (({self.expression}){ops}){storage}"
        return f"CREATE INDEX {self.name} ON {self.table} {using}"


ARTICLES = PgIndex(
    "fts_articles", "articles",
    f"setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A') "
    f"|| to_tsvector('{CONFIG}', coalesce(text, ''))",
)  # fmt: skip
CLAIMS = PgIndex(
    "fts_claims", "claims",
    f"to_tsvector('{CONFIG}', coalesce(text, '') || ' ' || coalesce(speaker, ''))",
)  # fmt: skip
VERDICTS = PgIndex("fts_verdicts", "verdicts", _vec("explanation"))
SOURCES = PgIndex(
    "fts_sources", "source_notes",
    f"setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'C') "
    f"|| to_tsvector('{CONFIG}', coalesce(url, '') || ' ' || coalesce(quote, '') "
    "|| ' ' || coalesce(note, ''))",
)  # fmt: skip
FACTCHECKS = PgIndex(
    "fts_factchecks", "factchecks",
    f"setweight(to_tsvector('{CONFIG}', coalesce(claim, '')), 'C') "
    f"|| to_tsvector('{CONFIG}', coalesce(title, ''))",
)  # fmt: skip
EVIDENCE = PgIndex("fts_evidence", "evidence_blobs", _vec("text"))


def _trigram(name: str, table: str, *columns: str) -> PgIndex:
    expression = f" || {_SEP} || ".join(f"coalesce({c}, '')" for c in columns)
    return PgIndex(f"{name}_trigram", table, expression, trigram=True)


TRIGRAMS = {
    HitKind.ARTICLE: _trigram("fts_articles", "articles", "title", "text"),
    HitKind.CLAIM: _trigram("fts_claims", "claims", "text", "speaker"),
    HitKind.VERDICT: _trigram("fts_verdicts", "verdicts", "explanation"),
    HitKind.SOURCE: _trigram("fts_sources", "source_notes", "title", "url", "quote", "note"),
}
#: Evidence text by trigrams (migration 0009), as on SQLite.
EVIDENCE_TRIGRAM = _trigram("fts_evidence", "evidence_blobs", "text")
#: Every trigram index by the name its SQLite twin has (fts_substring's parts name them).
TRIGRAM_BY_NAME = {i.name: i for i in (*TRIGRAMS.values(), EVIDENCE_TRIGRAM)}
INDEXES = (ARTICLES, CLAIMS, VERDICTS, SOURCES, *TRIGRAMS.values(), FACTCHECKS, EVIDENCE,
           EVIDENCE_TRIGRAM)


def _present(conn: Connection) -> set[str]:
    return set(conn.scalars(text("SELECT indexname FROM pg_indexes WHERE schemaname = "
                                 "current_schema()")))  # fmt: skip


def needs_repair(conn: Connection) -> bool:
    """Whether an index is missing. An expression index cannot go stale: it is part of
    its table, written in the same transaction as every row."""
    present = _present(conn)
    return any(index.name not in present for index in INDEXES)


def ensure_index(conn: Connection) -> list[str]:
    """Recreate the indexes someone dropped; returns their names."""
    present = _present(conn)
    made = [index for index in INDEXES if index.name not in present]
    for index in made:
        conn.execute(text(index.ddl()))
    if made:
        log.warning("recreated the search indexes: %s", ", ".join(i.name for i in made))
    return [i.name for i in made]


# ----------------------------------------------------------------------------- words

#: One term of the MATCH expressions services.search.fts_query writes: a quoted run of
#: words (letters and digits only) and an optional prefix star.
_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)')


def qualified(index: PgIndex, alias: str = "x") -> str:
    """The index expression over `alias` (its columns are bare in the index)."""
    return re.sub(r"coalesce\((\w+),", rf"coalesce({alias}.\1,", index.expression)


def tsquery(match: str, joiner: str = " & ") -> str:
    """The tsquery text for an FTS5 expression of quoted terms (services.search builds
    them): a phrase's words follow each other (<->), a starred last word is a prefix
    (:*), and all terms must match (&; `joiner` " | ": any term, for nlp.matching's
    "a" OR "b"). Every word is quoted, so none is an operator."""
    terms: list[str] = []
    for words, star in _TERM.findall(match):
        quoted = [
            "'" + w.replace("\\", "\\\\").replace("'", "''") + "'"
            for w in words.replace('""', '"').split()
        ]
        if not quoted:
            continue
        if star:
            quoted[-1] += ":*"
        terms.append("(" + " <-> ".join(quoted) + ")")
    return joiner.join(terms)


@dataclass(frozen=True, slots=True)
class _Part:
    """One kind of hit: its index, the text a snippet is cut from and how it reaches its
    article (as fts._Part); `joins` yields article id, title, claim id, source id, label."""

    kind: HitKind
    index: PgIndex
    document: str
    words: int
    joins: str


_PARTS = (
    _Part(HitKind.ARTICLE, ARTICLES, _joined("x.title", "x.text"), 16,
          "a.id, a.title, NULL, NULL, NULL FROM s JOIN articles AS a ON a.id = s.id"),
    _Part(HitKind.CLAIM, CLAIMS, _joined("x.text", "x.speaker"), 32,
          "a.id, a.title, c.id, NULL, NULL FROM s JOIN claims AS c ON c.id = s.id "
          "JOIN articles AS a ON a.id = c.article_id"),
    _Part(HitKind.VERDICT, VERDICTS, "coalesce(x.explanation, '')", 24,
          "a.id, a.title, c.id, NULL, NULL FROM s JOIN verdicts AS v ON v.id = s.id "
          "JOIN claims AS c ON c.id = v.claim_id JOIN articles AS a ON a.id = c.article_id"),
    _Part(HitKind.SOURCE, SOURCES, _joined("x.title", "x.url", "x.quote", "x.note"), 24,
          "a.id, a.title, c.id, s.id, NULL FROM s JOIN source_notes AS n ON n.id = s.id "
          "JOIN claims AS c ON c.id = n.claim_id JOIN articles AS a ON a.id = c.article_id"),
    _Part(HitKind.SOURCE, EVIDENCE, "coalesce(x.text, '')", 24,
          "a.id, a.title, c.id, n.id, e.file_name FROM s "
          "JOIN evidence_blobs AS b ON b.id = s.id "
          "JOIN evidence AS e ON e.id = (SELECT max(id) FROM evidence WHERE sha256 = b.sha256) "
          "JOIN source_notes AS n ON n.id = e.source_note_id "
          "JOIN claims AS c ON c.id = n.claim_id JOIN articles AS a ON a.id = c.article_id"),
)  # fmt: skip


def search(session: Session, match: str, limit: int) -> list[SearchHit]:
    """Best `limit` hits for an FTS5 MATCH expression, as fts.search gives them.

    Ranked by ts_rank (an article title, weight A, counts ten times its text, as bm25's
    10.0 on SQLite); SearchHit.rank is minus that, so lower is better on both engines.
    Snippets come from ts_headline, its matches marked as fts.search marks them.
    """
    from claimdesk.storage.fts import search_hit, unmark

    query = tsquery(match)
    if not query or limit <= 0:
        return []
    ranked: list[tuple[float, int, int, int, str, int | None, int | None, str | None]] = []
    for number, part in enumerate(_PARTS):
        vector = qualified(part.index)
        where = f"{vector} @@ to_tsquery('{CONFIG}', :q)"
        floor = session.execute(
            text(f"SELECT x.id FROM {part.index.table} AS x WHERE {where} "
                 "ORDER BY x.id DESC OFFSET :window LIMIT 1"),
            {"q": query, "window": RANK_WINDOW},
        ).scalar()  # fmt: skip
        inner = (
            f"SELECT x.id, -ts_rank({vector}, to_tsquery('{CONFIG}', :q)) AS rank "
            f"FROM {part.index.table} AS x WHERE {where} AND x.id > :floor "
            "ORDER BY rank, x.id DESC LIMIT :n"
        )
        sql = f"WITH s AS ({inner}) SELECT s.id, s.rank, {part.joins}"
        params = {"q": query, "floor": floor or 0, "n": limit}
        for row_id, rank, article_id, title, claim_id, source_id, label in session.execute(
            text(sql), params
        ):
            ranked.append(
                (float(rank), number, row_id, article_id, title, claim_id, source_id, label)
            )
    ranked.sort(key=lambda r: (r[0], _PARTS[r[1]].kind.value, r[3], r[5] or 0, r[2], r[1]))
    del ranked[limit:]
    snippets: dict[tuple[int, int], str] = {}
    for number, part in enumerate(_PARTS):
        ids = sorted({r[2] for r in ranked if r[1] == number})
        if not ids:
            continue
        options = (
            # fts.MARK_OPEN and MARK_CLOSE: what fts.unmark turns into SearchHit.marks.
            f"'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords={part.words}, "
            f"MinWords={max(part.words // 2, 1)}, ShortWord=0, HighlightAll=false'"
        )
        rows = session.execute(
            text(
                f"SELECT x.id, ts_headline('{CONFIG}', {part.document}, "
                f"to_tsquery('{CONFIG}', :q), {options}) FROM {part.index.table} AS x "
                "WHERE x.id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"q": query, "ids": ids},
        )
        for row_id, snip in rows:
            snippets[number, row_id] = snip or ""
    hits: list[SearchHit] = []
    for rank, number, row_id, article_id, title, claim_id, source_id, label in ranked:
        raw = snippets.get((number, row_id), "")
        snippet = unmark(f"{label}: {raw}" if label else raw)
        hits.append(search_hit(_PARTS[number].kind, rank, article_id, title, claim_id,
                               source_id, snippet))  # fmt: skip
    return hits
