"""Search by substring: the trigram index for three characters or more, a bounded scan below."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from claimdesk.domain import HitKind, SearchHit
from claimdesk.storage.fts import search_hit

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
    """Where one kind of hit lives and how a hit row reaches its article and claim.

    `joins` yields (article id, title, claim id, source id, label); a label is put
    before the snippet (the file name of an evidence hit).
    """

    kind: HitKind
    trigram: str
    content: str
    columns: tuple[str, ...]
    weights: str | None
    joins: str
    snippet_chars: int


_NOTE = "JOIN claims AS c ON c.id = n.claim_id JOIN articles AS a ON a.id = c.article_id"
_PARTS = (
    _Kind(
        HitKind.ARTICLE, "fts_articles_trigram", "articles", ("title", "text"),
        "bm25(10.0, 1.0)",
        "a.id, a.title, NULL, NULL, NULL FROM s JOIN articles AS a ON a.id = s.id", 90,
    ),
    _Kind(
        HitKind.CLAIM, "fts_claims_trigram", "claims", ("text", "speaker"), None,
        "a.id, a.title, c.id, NULL, NULL FROM s JOIN claims AS c ON c.id = s.id "
        "JOIN articles AS a ON a.id = c.article_id", 160,
    ),
    _Kind(
        HitKind.VERDICT, "fts_verdicts_trigram", "verdicts", ("explanation",), None,
        "a.id, a.title, c.id, NULL, NULL FROM s JOIN verdicts AS v ON v.id = s.id "
        "JOIN claims AS c ON c.id = v.claim_id JOIN articles AS a ON a.id = c.article_id", 120,
    ),
    _Kind(
        HitKind.SOURCE, "fts_sources_trigram", "source_notes", ("title", "url", "quote", "note"),
        "bm25(2.0, 1.0, 1.0, 1.0)",
        f"a.id, a.title, c.id, n.id, NULL FROM s JOIN source_notes AS n ON n.id = s.id {_NOTE}",
        120,
    ),
    # Text inside an attached file is a hit on the note holding it (as in storage/fts.py).
    _Kind(
        HitKind.SOURCE, "fts_evidence_trigram", "evidence_blobs", ("text",), None,
        "a.id, a.title, c.id, n.id, e.file_name FROM s JOIN evidence_blobs AS b ON b.id = s.id "
        "JOIN evidence AS e ON e.id = (SELECT max(id) FROM evidence WHERE sha256 = b.sha256) "
        f"JOIN source_notes AS n ON n.id = e.source_note_id {_NOTE}", 120,
    ),
)  # fmt: skip


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


#: (rank, row id, article id, title, claim id, source id, label) of one candidate.
Candidate = tuple[float, int, int, str, int | None, int | None, str | None]


def _candidates(
    session: Session, kind: _Kind, long: Sequence[str], short: Sequence[str], limit: int
) -> list[Candidate]:
    """The best `limit` rows of one kind (see Candidate)."""
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
        (float(rank), int(row_id), int(article_id), str(title), claim_id, source_id, label)
        for rank, row_id, article_id, title, claim_id, source_id, label in session.execute(
            text(sql), params_all
        )
    ]


def _pg_candidates(
    session: Session, kind: _Kind, long: Sequence[str], short: Sequence[str], limit: int
) -> list[Candidate]:
    """_candidates on PostgreSQL: ILIKE over the pg_trgm index's own expression.

    Every term, long or short, is one ILIKE (case by the server's locale); terms of three
    characters or more let the index narrow the rows first. Hits come newest first
    (rank 0.0): ranking substrings by similarity would read every matching row's text.
    A query of short terms only checks the newest SCAN_ROWS rows, as on SQLite.
    """
    from claimdesk.storage.fts_pg import TRIGRAM_BY_NAME

    index = TRIGRAM_BY_NAME[kind.trigram]
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
    sql = f"WITH s AS ({inner}) SELECT s.rank, s.id, {kind.joins}"
    return [
        (float(rank), int(row_id), int(article_id), str(title), claim_id, source_id, label)
        for rank, row_id, article_id, title, claim_id, source_id, label in session.execute(
            text(sql), params
        )
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
    #: (part index, candidate) of every part, best first.
    ranked: list[tuple[int, Candidate]] = []
    server = session.get_bind().dialect.name == "postgresql"
    for index, part in enumerate(_PARTS):
        find = _pg_candidates if server else _candidates
        ranked.extend((index, c) for c in find(session, part, long, short, limit))
    ranked.sort(key=lambda r: (r[1][0], _PARTS[r[0]].kind.value, -r[1][2], r[1][4] or 0,
                               r[1][1], r[0]))
    del ranked[limit:]
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE
    )
    texts: dict[tuple[int, int], tuple[str | None, ...]] = {}
    for index, part in enumerate(_PARTS):
        ids = sorted({c[1] for i, c in ranked if i == index})
        if ids:
            query = text(
                f"SELECT id, {', '.join(part.columns)} FROM {part.content} WHERE id IN :ids"
            ).bindparams(bindparam("ids", expanding=True))
            for row in session.execute(query, {"ids": ids}):
                texts[index, int(row[0])] = tuple(row[1:])
    hits: list[SearchHit] = []
    for index, (rank, row_id, article_id, title, claim_id, source_id, label) in ranked:
        part = _PARTS[index]
        plain, marks = snippet(texts.get((index, row_id), ()), pattern, part.snippet_chars)
        if label:
            shift = len(label) + 2
            plain, marks = f"{label}: {plain}", tuple((a + shift, b + shift) for a, b in marks)
        hits.append(
            search_hit(part.kind, rank, article_id, title, claim_id, source_id, (plain, marks))
        )
    return hits
