"""`claimdesk factchecks import|vectors|status` and `claimdesk match`: the library from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from claimdesk.cli_args import NewDesk, one_line, positive_id
from claimdesk.domain.factchecks import counted
from claimdesk.errors import KnownError

if TYPE_CHECKING:
    from claimdesk.domain.factchecks import FactCheckMatch
    from claimdesk.services.factcheck_match import FactCheckMatcher
    from claimdesk.storage.db import Database

#: `match` encodes up to this many entries that still lack a vector (the desk's newest
#: verdicts, a small import) before answering; more is left to `factchecks vectors`.
FILL_BEFORE_MATCH = 2_000
#: The longest text `match` takes. Encoding costs memory with the text's length (10,000
#: words: 0.8 GB; 40,000: 2.9 GB); a claim or a post is a few hundred characters, and
#: the library's own claims are cut at 2,000.
MAX_CLAIM_CHARS = 10_000


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("factchecks", help="the library of earlier fact-checks")
    actions = p.add_subparsers(dest="action", required=True)
    i = actions.add_parser(
        "import", help="import ClaimReview JSON-LD, feeds, saved fact-check pages or CSV"
    )
    i.add_argument("files", nargs="+")
    i.add_argument("--no-vectors", action="store_true",
                   help="only store the entries; encode them later with `factchecks vectors`")
    common(i)
    common(actions.add_parser("vectors", help="encode every entry that has no vector yet"))
    common(actions.add_parser("status", help="how many entries, from where, how many encoded"))
    m = sub.add_parser("match", help="earlier fact-checks of a claim, or of an article's claims")
    m.add_argument("text", nargs="?", help="the claim (or use --article)")
    m.add_argument("--article", type=positive_id, metavar="ID",
                   help="match every claim of this article")
    m.add_argument("--lang", metavar="xx", help="the claim's language (e.g. es)")
    m.add_argument("--limit", type=int, default=5, help="matches per claim (default 5)")
    m.add_argument("--format", choices=("text", "json"), default="text")
    common(m)


@contextmanager
def _library(args: argparse.Namespace, create: bool) -> Iterator[Database]:
    from claimdesk.paths import app_paths
    from claimdesk.storage.db import open_database

    paths = app_paths(args.data_dir)
    # A file name or a shared desk's address: open_database tells them apart.
    database = open_database(args.db or paths.database, backups=paths.backups, create=create)
    try:
        yield database
    finally:
        database.dispose()


def _say(message: str) -> None:
    print(f"claimdesk: {message}", file=sys.stderr, flush=True)


def _fill(matcher: FactCheckMatcher, limit: int | None = None) -> int:
    missing = matcher.missing_vectors()
    if not missing:
        return 0
    todo = missing if limit is None else min(limit, missing)
    _say(f"encoding {counted(todo)}…")
    step = max(1000, todo // 10)
    said = [0]

    def progress(done: int) -> None:
        if done - said[0] >= step:
            said[0] = done
            _say(f"{done:,} of {todo:,}")

    return matcher.fill_vectors(limit=todo, progress=progress)


def _import(args: argparse.Namespace) -> int:
    from claimdesk.services.factcheck_import import import_factcheck_files
    from claimdesk.services.factcheck_match import FactCheckMatcher

    new_desk = NewDesk(args.db, args.data_dir)
    added = False
    try:
        with _library(args, create=True) as db:
            result = import_factcheck_files(db, args.files)
            added = bool(result.added)
            for path, found in result.per_file:
                print(f"{one_line(path)}\t{counted(found)}")
            for path, reason in result.refused:
                print(f"claimdesk: Cannot import fact-checks from {one_line(path)}: {reason}.",
                      file=sys.stderr)
            print(result.summary())
            if not args.no_vectors:
                _fill(FactCheckMatcher(db))
    finally:
        if not added:  # nothing went in (refused, or stopped): no new empty desk stays
            new_desk.take_back()
    return 1 if result.refused else 0


def cmd_factchecks(args: argparse.Namespace) -> int:
    from claimdesk.services.factcheck_match import FactCheckMatcher

    if args.action == "import":
        return _import(args)
    with _library(args, create=False) as db:
        matcher = FactCheckMatcher(db)
        if args.action == "vectors":
            print(f"{counted(_fill(matcher))} encoded.")
            return 0
        from claimdesk.domain.factchecks import FactCheckSource
        from claimdesk.storage import factcheck_repo

        with db.sessions() as session:
            total = factcheck_repo.count(session)
            desk = factcheck_repo.count(session, FactCheckSource.DESK)
        missing = matcher.missing_vectors()
        print(f"{counted(total)} ({total - desk:,} imported, {desk:,} the desk's own); "
              f"{total - missing:,} encoded, {missing:,} not yet.")  # fmt: skip
        if db.path is None:  # a shared desk: say where its nearest vectors are found
            from claimdesk.storage import pgvector

            with db.sessions() as session:
                server = pgvector.ready(session)
            print("Similar fact-checks: found by the server (pgvector)." if server else
                  "Similar fact-checks: found in each checker's memory (no pgvector in "
                  "this desk's database).")  # fmt: skip
        return 0


def match_json(match: FactCheckMatch) -> dict[str, Any]:
    f = match.factcheck
    return {
        "url": f.url,
        "claim": f.claim,
        "title": f.title,
        "rating": f.rating,
        "rating_value": f.rating_value,
        "publisher": f.publisher,
        "date": f.published.isoformat() if f.published else None,
        "language": f.language,
        "source": f.source.value,
        "desk_claim_id": f.claim_id,
        "similarity": None if match.similarity is None else round(match.similarity, 4),
        "score": round(match.score, 6),
        "bm25_rank": match.bm25_rank,
        "vector_rank": match.vector_rank,
    }


def _text_line(match: FactCheckMatch) -> str:
    f = match.factcheck
    similarity = "  -  " if match.similarity is None else f"{match.similarity:.3f}"
    where = f.url or f"desk claim {f.claim_id}"
    day = f.published.isoformat() if f.published else "-"
    return (f"{similarity}\t{f.rating or '-'}\t{f.publisher or '-'}\t{day}\t"
            f"{f.language or '-'}\t{' '.join(f.claim.split())}\t{where}")  # fmt: skip


def typed(text: str) -> str:
    """The claim as the user typed it. Bytes that are not UTF-8 (a Latin-1 terminal's
    "según") reach Python as lone surrogates, which nothing downstream can encode: they
    are read back as bytes and decoded as an imported file would be."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    from claimdesk.importers.common import Unreadable, decode_text, normalise_text

    try:
        return normalise_text(decode_text(text.encode("utf-8", "surrogateescape")))
    except (UnicodeError, Unreadable):
        return normalise_text(text)  # what cannot be read becomes U+FFFD


def _has_words(text: str) -> bool:
    """Whether matching reads any word in `text` (nlp.matching's cleaning: links out,
    hashtags split); with none it would match an empty query, at random."""
    from claimdesk.nlp.matching import clean_query, query_terms

    return bool(query_terms(clean_query(text[: MAX_CLAIM_CHARS + 1])))


def _language(value: str | None) -> str | None:
    """--lang as the library stores languages: its primary subtag, lower case ("es" for
    "ES", "es-ES" or "es_ES"), so that entries in "es" and "es-mx" stay full-text
    candidates; a value that is no language code is refused rather than quietly keeping
    only the entries of no known language."""
    if value is None:
        return None
    from claimdesk.importers.claimreview import language_code

    code = language_code(value)
    if code is None:
        raise KnownError(
            f"--lang {value} is not a language code: give one such as en, es or pt-BR."
        )
    return code.split("-")[0]


def cmd_match(args: argparse.Namespace) -> int:
    """Text: per claim, one match per line (similarity, rating, publisher, date, language,
    claim, URL). JSON: a list of {claim, claim_id, matches: [...]}. Exit 1: no match."""
    from claimdesk.services.factcheck_match import FactCheckMatcher

    if args.text is not None:
        args.text = typed(args.text)
    if (args.text is None) == (args.article is None):
        raise KnownError("Give either a claim's text or --article ID, not both or neither.")
    if args.text is not None and not args.text.strip():
        raise KnownError("The claim to match is empty: give its words, or --article ID.")
    if args.text is not None and not _has_words(args.text):
        raise KnownError(
            "The claim to match has no words once links are taken out (only a link, "
            "emoji or punctuation): give its words, or --article ID."
        )
    if args.text is not None and len(args.text) > MAX_CLAIM_CHARS:
        raise KnownError(
            f"The claim to match is {len(args.text):,} characters long, more than the "
            f"{MAX_CLAIM_CHARS:,} a claim or a post may have: give the claim alone, or import "
            "the article and use --article ID."
        )
    if not 1 <= args.limit <= 1000:
        raise KnownError("--limit must be between 1 and 1000.")
    language = _language(args.lang)
    with _library(args, create=False) as db:
        claims: list[tuple[int | None, str]] = [(None, args.text)] if args.text else []
        if args.article is not None:
            from claimdesk.storage import repositories as repo
            from claimdesk.storage.rows import MissingRowError

            with db.sessions() as session:
                try:
                    repo.get_article(session, args.article)
                except MissingRowError:
                    raise KnownError(f"There is no article {args.article} in {db.where}.") from None
                claims = [(c.id, c.text) for c in repo.list_claims(session, args.article)]
            if not claims:
                _say(f"Article {args.article} has no claims to match.")
        matcher = FactCheckMatcher(db)
        results: list[list[FactCheckMatch]] = [[] for _ in claims]
        if not matcher.has_entries():
            # Said, not left to an empty answer; and the encoder is not even loaded.
            _say("The fact-check library is empty: import earlier fact-checks with "
                 "`claimdesk factchecks import FILE…` first.")  # fmt: skip
        elif claims:
            _fill(matcher, FILL_BEFORE_MATCH)
            left = matcher.missing_vectors()
            if left:
                one = left == 1
                _say(f"{counted(left)} {'has' if one else 'have'} no vector yet and "
                     f"{'is' if one else 'are'} found by {'its' if one else 'their'} words "
                     "only; run `claimdesk factchecks vectors`.")  # fmt: skip
            results = matcher.match_many(
                [t for _, t in claims], language, args.limit, [c for c, _ in claims]
            )
    if args.format == "json":
        payload = [
            {"claim_id": cid, "claim": text, "matches": [match_json(m) for m in found]}
            for (cid, text), found in zip(claims, results, strict=True)
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for (cid, text), found in zip(claims, results, strict=True):
            if args.article is not None:
                print(f"# claim {cid}: {' '.join(text.split())}")
            for match in found:
                print(_text_line(match))
    return 0 if any(results) else 1
