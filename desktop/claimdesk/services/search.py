"""Full-text search over the whole desk, for the window and `claimdesk search`."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy.exc import OperationalError

from claimdesk.domain import SearchHit
from claimdesk.errors import KnownError
from claimdesk.services.workbench import Workbench
from claimdesk.storage import fts, fts_substring
from claimdesk.storage.db import Database, open_database

#: Runs of what SQLite's unicode61 tokenizer keeps together (letters and digits).
_TOKEN = re.compile(r"[^\W_]+")
#: More words than anyone types; keeps a pasted page from making a huge query.
MAX_TERMS = 32
#: Shorter words match exactly: "UK" should not find "Ukraine", and a two-letter prefix
#: matches so many words that ranking them all would be slow.
MIN_PREFIX = 3
#: Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
#: Myanmar, Tibetan), or whose words carry attached articles, prepositions and
#: conjunctions (Arabic, Hebrew, Korean particles): the word index cannot find their
#: words, so a query in them goes to the trigram index straight away.
_UNSPLIT = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
    "\u0e00-\u0fff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff]"
)
#: The Arabic article and the conjunctions and prepositions written onto it.
_ARABIC_ARTICLE = re.compile("^(?:[وفبكل]?ال|لل)(?=..)")
#: Russian, Ukrainian and Bulgarian case and number endings, longest first: "Россия",
#: "России" and "Россией" share the stem "Росс". A light stemmer, not a dictionary.
_ENDINGS = (
    "а я ы и е у ю о ь й ой ей ий ый ая яя ое ее ые ие ых их ым им ом ем ам ям ах ях ов ев"
    " ия ии ию ью ами ями ого его ому ему ыми ими ией иях иям ием"
)
_CYRILLIC_ENDINGS = tuple(sorted(_ENDINGS.split(), key=len, reverse=True))
_CYRILLIC = re.compile("^[\u0400-\u04ff]+$")


def _cyrillic_stem(word: str) -> str:
    """`word` without its case ending, if it is Cyrillic and keeps four letters or more."""
    if len(word) < 5 or not _CYRILLIC.match(word):
        return word
    low = word.lower()
    for ending in _CYRILLIC_ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None if it has no words.

    Nothing the user types is FTS5 syntax: every word is quoted, so AND, OR, NOT, NEAR,
    colons, hyphens, parentheses, stars and carets are only text. A word of three or
    more letters matches as a prefix ("fact" finds "factual"); a shorter one matches
    exactly. Text between double quotes is a phrase, matched exactly; an unbalanced
    quote is ignored. A word with inner punctuation ("covid-19", "a:b", "U.S.") is the
    phrase of its parts, the last as a prefix. All terms must match (AND). A Cyrillic
    word loses its case ending before it becomes a prefix ("Россия" finds "России").
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
                tokens[-1] = _cyrillic_stem(tokens[-1])
                star = "*" if len(tokens[-1]) >= MIN_PREFIX else ""
                terms.append('"' + " ".join(tokens) + '"' + star)
    return " ".join(terms[:MAX_TERMS]) or None


def _runs(chunk: str) -> list[str]:
    """Runs of letters, digits and the marks inside words (Thai vowels, Hindi signs)."""
    out: list[str] = []
    run: list[str] = []
    for ch in chunk:
        if unicodedata.category(ch)[0] in "LNM":
            run.append(ch)
        elif run:
            out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return out


def _root(term: str) -> str:
    """The part of a word every form of it contains: without the Arabic article or a
    Cyrillic ending (a substring of the word, so it only ever finds more)."""
    return _cyrillic_stem(_ARABIC_ARTICLE.sub("", term))


def substring_terms(query: str) -> tuple[list[str], bool]:
    """The terms a substring search looks for, and whether the query quoted a phrase.

    A phrase between double quotes is one term (its words joined by single spaces);
    otherwise every run of letters is a term of its own.
    """
    pieces = unicodedata.normalize("NFC", query).split('"')
    closed = len(pieces) % 2 == 1
    terms: list[str] = []
    phrase = False
    for i, piece in enumerate(pieces):
        if i % 2 == 1 and (closed or i < len(pieces) - 1):
            runs = _runs(piece)
            if runs:
                terms.append(" ".join(runs))
                phrase = True
            continue
        terms += [_root(run) for chunk in piece.split() for run in _runs(chunk)]
    return terms[:MAX_TERMS], phrase


def search(source: Workbench | Database, query: str, limit: int = 50) -> list[SearchHit]:
    """The best `limit` hits for `query` over articles (title, text), claims (text,
    speaker), verdict explanations and source notes (title, URL, quote, note).

    Hits come best first (bm25; an article title weighs ten times its text). Each has a
    plain-text snippet and the offsets of the matched words in it (SearchHit.marks;
    SearchHit.marked() wraps them in [[…]]). Claim, verdict and source hits carry the
    claim's id, so the window can open the article and select the claim.

    A query in a script the word index cannot split (_UNSPLIT) is looked up by
    substring in the trigram index; so is any other query that finds no word, unless it
    quotes a phrase (quotes ask for exact words) or has a word shorter than three
    letters (a short word is exact: "UK" must not find "Ukraine"). Substring hits of
    three or more characters are ranked by bm25 too; a query whose every word is
    shorter than that scans the newest rows (fts_substring.SCAN_ROWS).
    """
    db = source.db if isinstance(source, Workbench) else source
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    terms, phrase = substring_terms(query)
    with db.sessions() as session:
        try:
            if _UNSPLIT.search(query):
                return fts_substring.search(session, terms, limit)
            hits = fts.search(session, match, limit)
            if hits or phrase or any(len(t) < MIN_PREFIX for t in terms):
                return hits
            return fts_substring.search(session, terms, limit)
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
    # A file name or a shared desk's address: open_database tells them apart.
    database = open_database(db or paths.database, backups=paths.backups, create=False)
    try:
        return search(database, query, limit)
    finally:
        database.dispose()
