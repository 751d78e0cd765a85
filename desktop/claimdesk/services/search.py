"""Full-text search over the whole desk, for the window and `claimdesk search`."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from sqlalchemy.exc import OperationalError

from claimdesk.domain import SearchHit
from claimdesk.errors import KnownError
from claimdesk.services.workbench import Workbench
from claimdesk.storage import fts
from claimdesk.storage.db import Database, open_database

#: Runs of what SQLite's unicode61 tokenizer keeps together (letters and digits).
_TOKEN = re.compile(r"[^\W_]+")
#: More words than anyone types; keeps a pasted page from making a huge query.
MAX_TERMS = 32
#: Shorter words match exactly: "UK" should not find "Ukraine", and a two-letter prefix
#: matches so many words that ranking them all would be slow.
MIN_PREFIX = 3


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None if it has no words.

    Nothing the user types is FTS5 syntax: every word is quoted, so AND, OR, NOT, NEAR,
    colons, hyphens, parentheses, stars and carets are only text. A word of three or
    more letters matches as a prefix ("fact" finds "factual"); a shorter one matches
    exactly. Text between double quotes is a phrase, matched exactly; an unbalanced
    quote is ignored. A word with inner punctuation ("covid-19", "a:b", "U.S.") is the
    phrase of its parts, the last as a prefix. All terms must match (AND).
    """
    pieces = unicodedata.normalize("NFC", query).split('"')
    closed = len(pieces) % 2 == 1
    terms: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2 == 1 and (closed or i < len(pieces) - 1):
            tokens = _TOKEN.findall(piece)
            if tokens:
                terms.append('"' + " ".join(tokens) + '"')
            continue
        for chunk in piece.split():
            tokens = _TOKEN.findall(chunk)
            if tokens:
                star = "*" if len(tokens[-1]) >= MIN_PREFIX else ""
                terms.append('"' + " ".join(tokens) + '"' + star)
    return " ".join(terms[:MAX_TERMS]) or None


def search(source: Workbench | Database, query: str, limit: int = 50) -> list[SearchHit]:
    """The best `limit` hits for `query` over articles (title, text), claims (text,
    speaker), verdict explanations and source notes (title, URL, quote, note).

    Hits come best first (bm25; an article title weighs ten times its text). Each has a
    plain-text snippet and the offsets of the matched words in it (SearchHit.marks;
    SearchHit.marked() wraps them in [[…]]). Claim, verdict and source hits carry the
    claim's id, so the window can open the article and select the claim.
    """
    db = source.db if isinstance(source, Workbench) else source
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    with db.sessions() as session:
        try:
            return fts.search(session, match, limit)
        except OperationalError as exc:  # pragma: no cover - fts_query makes this a bug
            raise KnownError(f"Cannot search for {query!r}: {exc.orig}.") from exc


class Search:
    """Full-text search over one database (the window's search panel uses it)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search(self.db, query, limit)


def search_database(
    query: str, db: str | None, data_dir: str | None, limit: int = 50
) -> list[SearchHit]:
    """`search` over an existing database file (the user's, or `db`), for the CLI.

    A missing database raises a KnownError instead of creating an empty one.
    """
    from claimdesk.paths import app_paths

    paths = app_paths(data_dir)
    path = paths.database if db is None else Path(db).expanduser()
    database = open_database(path, backups=paths.backups, create=False)
    try:
        return search(database, query, limit)
    finally:
        database.dispose()
