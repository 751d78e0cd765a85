"""Search by substring: the trigram index for three characters or more, a bounded scan below."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from claimdesk.domain import HitKind, SearchHit

#: Of a kind with more matches than this, the newest `limit` are kept unranked: a
#: substring in that many rows tells little apart, and ranking them took 220 ms on a
#: 10,000-article desk.
RANK_WINDOW = 500
#: A query with only one- and two-character words (common in Chinese and Japanese)
#: cannot use trigrams: it checks the rows with the newest SCAN_ROWS ids of each kind
#: with LIKE. Bounded by ids, not by matches found, so its worst case (no match) is
#: known: about 250 ms at 10,000 articles (test_bench_search_trigram.py); older rows
#: are not searched by such a query. A common short word stops early at `limit` hits.
SCAN_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class _Kind:
    """Where one kind of hit lives and how a hit row reaches its article and claim."""

    trigram: str
    content: str
    columns: tuple[str, ...]
    weights: str | None
    joins: str
    snippet_chars: int


_KINDS = {
    HitKind.ARTICLE: _Kind(
        "fts_articles_trigram", "articles", ("title", "text"), "bm25(10.0, 1.0)",
        "a.id, a.title, NULL FROM s JOIN articles AS a ON a.id = s.id", 90,
    ),
    HitKind.CLAIM: _Kind(
        "fts_claims_trigram", "claims", ("text", "speaker"), None,
        "a.id, a.title, c.id FROM s JOIN claims AS c ON c.id = s.id "
        "JOIN articles AS a ON a.id = c.article_id", 160,
    ),
    HitKind.VERDICT: _Kind(
        "fts_verdicts_trigram", "verdicts", ("explanation",), None,
        "a.id, a.title, c.id FROM s JOIN verdicts AS v ON v.id = s.id "
        "JOIN claims AS c ON c.id = v.claim_id JOIN articles AS a ON a.id = c.article_id", 120,
    ),
    HitKind.SOURCE: _Kind(
        "fts_sources_trigram", "source_notes", ("title", "url", "quote", "note"),
        "bm25(2.0, 1.0, 1.0, 1.0)",
        "a.id, a.title, c.id FROM s JOIN source_notes AS n ON n.id = s.id "
        "JOIN claims AS c ON c.id = n.claim_id JOIN articles AS a ON a.id = c.article_id", 120,
    ),
}  # fmt: skip


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _filters(kind: _Kind, short: Sequence[str], alias: str) -> tuple[str, dict[str, str]]:
    """SQL requiring every short term somewhere in the row's columns (LIKE: ASCII case).

    LIKE, not instr(): on this SQLite it scans article text about twice as fast.
    """
    clauses: list[str] = []
    params: dict[str, str] = {}
    for i, term in enumerate(short):
        params[f"s{i}"] = _like(term)
        either = " OR ".join(f"{alias}.{c} LIKE :s{i} ESCAPE '\\'" for c in kind.columns)
        clauses.append(f"({either})")
    return " AND ".join(clauses), params


def _candidates(
    session: Session, kind: _Kind, long: Sequence[str], short: Sequence[str], limit: int
) -> list[tuple[float, int, int, str, int | None]]:
    """(rank, row id, article id, title, claim id) of the best `limit` rows of one kind."""
    if long:
        extra, params = _filters(kind, short, "x")
        where = f"t.{kind.trigram} MATCH :q"
        if extra:
            where += (
                f" AND EXISTS (SELECT 1 FROM {kind.content} AS x WHERE x.id = t.rowid AND {extra})"
            )
        params["q"] = " ".join(_quoted(t) for t in long)
        floor = session.execute(
            text(
                f"SELECT t.rowid FROM {kind.trigram} AS t WHERE {where} "
                "ORDER BY t.rowid DESC LIMIT 1 OFFSET :window"
            ),
            {**params, "window": RANK_WINDOW},
        ).scalar()
        weights = f" AND t.rank MATCH '{kind.weights}'" if kind.weights else ""
        if floor is None:
            inner = (
                f"SELECT t.rowid AS id, t.rank AS rank FROM {kind.trigram} AS t "
                f"WHERE {where}{weights} ORDER BY t.rank LIMIT :n"
            )
        else:
            # More matches than the window: the newest `limit`, unranked. bm25 needs
            # the number of rows holding the phrase, which means evaluating it in every
            # row (50 ms for a five-letter run in all 10,000 articles of a desk).
            inner = (
                f"SELECT t.rowid AS id, 0.0 AS rank FROM {kind.trigram} AS t "
                f"WHERE {where} ORDER BY t.rowid DESC LIMIT :n"
            )
        params_all: dict[str, object] = {**params, "n": limit}
    else:
        extra, params = _filters(kind, short, "y")
        top = session.execute(text(f"SELECT max(id) FROM {kind.content}")).scalar() or 0
        inner = (
            f"SELECT y.id AS id, 0.0 AS rank FROM {kind.content} AS y "
            f"WHERE y.id > :floor AND {extra} ORDER BY y.id DESC LIMIT :n"
        )
        params_all = {**params, "floor": max(0, top - SCAN_ROWS), "n": limit}
    sql = f"WITH s AS ({inner}) SELECT s.rank, s.id, {kind.joins}"
    return [
        (float(rank), int(row_id), int(article_id), str(title), claim_id)
        for rank, row_id, article_id, title, claim_id in session.execute(text(sql), params_all)
    ]


def _pg_candidates(
    session: Session, kind: HitKind, long: Sequence[str], short: Sequence[str], limit: int
) -> list[tuple[float, int, int, str, int | None]]:
    """_candidates on PostgreSQL: ILIKE over the pg_trgm index's own expression.

    Every term, long or short, is one ILIKE (case by the server's locale); terms of three
    characters or more let the index narrow the rows first. Hits come newest first
    (rank 0.0): ranking substrings by similarity would read every matching row's text.
    A query of short terms only checks the newest SCAN_ROWS rows, as on SQLite.
    """
    from claimdesk.storage.fts_pg import TRIGRAMS

    index = TRIGRAMS[kind]
    expression = index.expression.replace("coalesce(", "coalesce(y.")
    params: dict[str, object] = {"n": limit, "floor": 0}
    clauses = []
    for i, term in enumerate([*long, *short]):
        params[f"t{i}"] = _like(term)
        clauses.append(f"({expression}) ILIKE :t{i} ESCAPE '\\'")
    if not long:
        top = session.execute(text(f"SELECT max(id) FROM {index.table}")).scalar() or 0
        params["floor"] = max(0, top - SCAN_ROWS)
    inner = (
        f"SELECT y.id AS id, 0.0 AS rank FROM {index.table} AS y "
        f"WHERE y.id > :floor AND {' AND '.join(clauses)} ORDER BY y.id DESC LIMIT :n"
    )
    sql = f"WITH s AS ({inner}) SELECT s.rank, s.id, {_KINDS[kind].joins}"
    return [
        (float(rank), int(row_id), int(article_id), str(title), claim_id)
        for rank, row_id, article_id, title, claim_id in session.execute(text(sql), params)
    ]


def snippet(
    values: Sequence[str | None], pattern: re.Pattern[str], chars: int
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text around the first match in the column with the most matches, and its marks."""
    best = max(
        (v or "" for v in values), key=lambda v: len(pattern.findall(v)), default=""
    )
    first = pattern.search(best)
    start = 0 if first is None else max(0, first.start() - chars // 4)
    if first is not None and len(best) - start < chars:
        start = max(0, len(best) - chars)
    end = min(len(best), start + chars)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(best) else ""
    window = best[start:end]
    marks = tuple(
        (m.start() + len(head), m.end() + len(head))
        for m in pattern.finditer(window)
        if m.end() > m.start()
    )
    return head + window + tail, marks


def search(session: Session, terms: Sequence[str], limit: int) -> list[SearchHit]:
    """Best `limit` rows of every kind that hold every term as a substring, best first.

    Terms of three characters or more are looked up in the trigram index (ranked by
    bm25, an article title weighing ten times its text; of more than RANK_WINDOW
    matches of one kind, the newest `limit`, after every ranked hit); shorter ones are checked with
    LIKE on the rows that index finds, or, when no term is that long, on the newest
    SCAN_ROWS rows of each kind (then the newest come first). Case is ignored.
    """
    terms = [t for t in dict.fromkeys(terms) if t]
    if not terms or limit <= 0:
        return []
    long = [t for t in terms if len(t) >= 3]
    short = [t for t in terms if len(t) < 3]
    ranked: list[tuple[float, HitKind, int, int, str, int | None]] = []
    server = session.get_bind().dialect.name == "postgresql"
    for kind, where in _KINDS.items():
        found = (
            _pg_candidates(session, kind, long, short, limit)
            if server
            else _candidates(session, where, long, short, limit)
        )
        for rank, row_id, article_id, title, claim_id in found:
            ranked.append((rank, kind, row_id, article_id, title, claim_id))
    ranked.sort(key=lambda r: (r[0], r[1].value, -r[3], r[5] or 0, r[2]))
    del ranked[limit:]
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE
    )
    texts: dict[tuple[HitKind, int], tuple[str | None, ...]] = {}
    for kind, where in _KINDS.items():
        ids = sorted({r[2] for r in ranked if r[1] is kind})
        if ids:
            query = text(
                f"SELECT id, {', '.join(where.columns)} FROM {where.content} WHERE id IN :ids"
            ).bindparams(bindparam("ids", expanding=True))
            for row in session.execute(query, {"ids": ids}):
                texts[kind, int(row[0])] = tuple(row[1:])
    hits: list[SearchHit] = []
    for rank, kind, row_id, article_id, title, claim_id in ranked:
        plain, marks = snippet(texts.get((kind, row_id), ()), pattern, _KINDS[kind].snippet_chars)
        hits.append(
            SearchHit(
                kind=kind,
                article_id=article_id,
                article_title=title,
                claim_id=claim_id,
                snippet=plain,
                marks=marks,
                rank=rank,
                source_id=row_id if kind is HitKind.SOURCE else None,
            )
        )
    return hits
