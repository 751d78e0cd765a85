"""Command line: the window by default, sub-commands for batch work on the same core."""

from __future__ import annotations

import argparse
import errno
import io
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from claimdesk import (
    __version__,
    cli_backup,
    cli_desk,
    cli_export,
    cli_extract,
    cli_factchecks,
    cli_review,
)
from claimdesk.cli_args import NewDesk, not_empty, one_line, positive_id
from claimdesk.cli_export import say_waiting
from claimdesk.domain import SearchHit
from claimdesk.errors import KnownError

COMMANDS = ("extract", "import", "score", "eval", "export", "bundle", "search", "backup",
            "factchecks", "match", "desk", *cli_review.COMMANDS)
#: Errors writing the output (a full disk, a read-only place): said in one line.
_OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EACCES, errno.EPERM, errno.EFBIG}
)


class _Parser(argparse.ArgumentParser):
    """argparse with the usage block left out of errors: one line that says what to do."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"claimdesk: {self.prog}: {message}. See: {self.prog} --help\n")


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimdesk",
        description="Fact-checking workbench. Sub-commands: "
        + ", ".join(COMMANDS)
        + " (claimdesk COMMAND --help).",
    )
    parser.add_argument("files", nargs="*", help="article files to open")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (import, extract, rate, report), then exit",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "es"),
        help="interface language for this run (default: the one chosen in Settings)",
    )
    _common(parser)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH|URL", type=not_empty,
        help="database file (default: the user's), or a shared desk's address "
        "postgresql+psycopg://user@host/database",
    )  # fmt: skip
    parser.add_argument("--data-dir", metavar="DIR", type=not_empty,
                        help="folder for database, logs, backups")
    parser.add_argument("--version", action="version", version=f"ClaimDesk {__version__}")


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimdesk")
    sub = parser.add_subparsers(dest="command", required=True)
    cli_extract.add_parser(sub, _common)
    p = sub.add_parser("import", help="import and extract articles into the database")
    p.add_argument("files", nargs="+")
    _common(p)
    p = sub.add_parser("score", help="score one sentence per line of stdin, one score per line")
    _common(p)
    p = sub.add_parser("eval", help="evaluate the check-worthiness model on ClaimBuster")
    p.add_argument("--data", metavar="DIR", help="folder with the ClaimBuster CSV files")
    p.add_argument("--news", metavar="DIR", nargs="?", const="",
                   help="instead, report speakers, spans, types and entities on the labelled "
                        "news set (default: tests/data/news_eval of this checkout)")
    p.add_argument("--ct2022", metavar="DIR",
                   help="instead, score the multilingual model per language on the CheckThat! "
                        "2022 task 1A dev sets under DIR, beside majority and lexical baselines")
    p.add_argument("--format", choices=("json", "text"), default="text",
                   help="report format with --news or --ct2022")
    p.add_argument("--ct2020", metavar="DIR",
                   help="instead, MAP@5 of fact-check matching on CheckThat! 2020 task 2 (DIR)")
    p.add_argument("--scratch", metavar="PATH",
                   help="with --ct2020: database to build the library in and keep "
                        "(a second run skips encoding; default: a temporary file)")
    _common(p)
    _export_parsers(sub)
    cli_backup.add_parser(sub, _common)
    cli_factchecks.add_parsers(sub, _common)
    cli_review.add_parsers(sub, _common)
    cli_desk.add_parser(sub, _common)
    return parser


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a day: write it as YYYY-MM-DD, for example 2026-03-09"
        ) from None


def _article_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--article",
        dest="articles",
        type=positive_id,
        nargs="+",
        action="extend",
        metavar="ID",
        help="article id(s) (default: every article)",
    )


def _export_parsers(sub: Any) -> None:
    from claimdesk.reports.export import FORMATS

    p = sub.add_parser("export", help="write a report or a data export of checked articles")
    p.add_argument("--format", required=True, choices=tuple(FORMATS))
    _article_option(p)
    p.add_argument("--from", dest="checked_from", type=_day, metavar="YYYY-MM-DD",
                   help="only claims checked on or after this day (with --to)")
    p.add_argument("--to", dest="checked_to", type=_day, metavar="YYYY-MM-DD",
                   help="only claims checked on or before this day (with --from)")
    p.add_argument("--all-claims", action="store_true",
                   help="include every candidate claim, not only those worked on")
    p.add_argument("--title", help="report title (default: from the selection)")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 byte-order mark")
    p.add_argument("--copy-attachments", action="store_true",
                   help="html: copy attached files into FILE_files/ beside it and link them")
    p.add_argument("--review-url", metavar="URL",
                   help="claimreview: web address where the fact-check is published")
    p.add_argument("--org-name", help="organisation name (default: from settings)")
    p.add_argument("--org-url", metavar="URL", help="organisation web address (default: settings)")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="file to write; '-' writes a text format to stdout")
    _common(p)
    p = sub.add_parser("bundle", help="export or import a .claimdesk case bundle")
    actions = p.add_subparsers(dest="action", required=True)
    e = actions.add_parser("export", help="write articles with their claims and notes")
    _article_option(e)
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.add_argument("--with-library", action="store_true",
                   help="also carry the imported fact-check library (without its vectors: "
                        "the receiving desk encodes them)")
    _common(e)
    i = actions.add_parser("import", help="merge a bundle into the database")
    i.add_argument("file")
    i.add_argument("--take-bundle", action="store_true",
                   help="where the bundle's work on a claim differs from work done here, "
                        "take the bundle's (default: keep local work and list the conflicts)")
    _common(i)
    p = sub.add_parser("search", help="full-text search over articles, claims, verdicts, notes")
    p.add_argument("query")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=positive_id, default=50, help="at most this many hits")
    _common(p)


def cmd_import(args: argparse.Namespace) -> int:
    from claimdesk.app import build_services

    new_desk = NewDesk(args.db, args.data_dir)
    services = None
    failures = done = 0
    try:
        services = build_services(args.db, args.data_dir)
        wb = services.workbench
        wb.waiting = say_waiting
        for path in args.files:
            try:
                result = wb.open_file(path)
                if wb.needs_extraction(result.article_id):
                    wb.extract(result.article_id)
            except KnownError as exc:
                failures += 1
                print(f"claimdesk: {one_line(exc)}", file=sys.stderr)
                continue
            article = wb.article(result.article_id)
            claims = [c for c in wb.claims(result.article_id) if c.score is None or c.score >= 0.5]
            state = "" if result.created else " (already imported)"
            print(f"{article.id}\t{article.title}\t{len(claims)} claims{state}")
            done += 1
    finally:
        if services is not None:
            services.close()
        if not done:  # nothing went in (refused, or stopped): no new desk stays
            new_desk.take_back()
    return 1 if failures else 0


def cmd_score(_args: argparse.Namespace) -> int:
    from claimdesk.cli_factchecks import typed
    from claimdesk.nlp.scorer import CheckWorthinessScorer

    # Bytes that are not UTF-8 (a Latin-1 line) are read back and decoded as a file's.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")
    scorer = CheckWorthinessScorer.load()
    lines = [typed(line.rstrip("\r\n")) for line in sys.stdin]
    for start in range(0, len(lines), 256):
        for value in scorer.score(lines[start : start + 256]):
            print(f"{value:.4f}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.ct2020 is not None:
        from claimdesk.services import factcheck_eval

        return factcheck_eval.main(args.ct2020, args.scratch)
    if args.ct2022 is not None:
        from pathlib import Path

        from claimdesk.nlp import evaluate_ct2022

        return evaluate_ct2022.main(Path(args.ct2022), args.format)
    if args.news is not None:
        from claimdesk.nlp import evaluate_news

        news = ["--news", args.news] if args.news else []
        return int(evaluate_news.main([*news, "--format", args.format]))
    from claimdesk.nlp import evaluate

    argv = ["--data", args.data] if args.data else []
    return int(evaluate.main(argv))


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind.value,
        "article_id": hit.article_id,
        "article_title": hit.article_title,
        "claim_id": hit.claim_id,
        "source_id": hit.source_id,
        "snippet": hit.snippet,
        "marks": [list(m) for m in hit.marks],
        "marked": hit.marked(),
        "rank": hit.rank,
    }


def cmd_search(args: argparse.Namespace) -> int:
    """`claimdesk search QUERY [--db PATH] [--data-dir DIR] [--format json|text]`.

    Text: one hit per line, tab-separated: kind, article id, claim id (or -), article
    title, snippet with matches in [[…]]. JSON: a list of objects (see _hit_json).
    Returns 0 when something was found and 1 when nothing was (like grep).
    """
    from claimdesk.services.search import search_database

    hits = search_database(args.query, args.db, args.data_dir, args.limit)
    if args.format == "json":
        json.dump([_hit_json(h) for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for h in hits:
            snippet = " ".join(h.marked().split())
            title = " ".join(h.article_title.split())
            claim = "-" if h.claim_id is None else str(h.claim_id)
            print(f"{h.kind.value}\t{h.article_id}\t{claim}\t{title}\t{snippet}")
    return 0 if hits else 1


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service manager, `timeout`, `kill`): stop as Ctrl+C does, tidily."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    program = argv is None  # the claimdesk command itself, not a call from Python
    argv = list(sys.argv[1:] if argv is None else argv)
    on_term = None
    if threading.current_thread() is threading.main_thread():
        on_term = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    finally:
        if on_term is not None:
            signal.signal(signal.SIGTERM, on_term)
        if program and on_term is not None:
            # The answer is given; a Ctrl+C during the exit's clean-up (atexit) would
            # only print "Exception ignored" with a traceback.
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in COMMANDS:
            # Commands report problems in their own words; keep library log lines off stderr.
            logging.getLogger().addHandler(logging.NullHandler())
            args = _command_parser().parse_args(argv)
            handler = {
                "extract": cli_extract.cmd_extract,
                "import": cmd_import,
                "score": cmd_score,
                "eval": cmd_eval,
                "export": cli_export.cmd_export,
                "bundle": cli_export.cmd_bundle,
                "search": cmd_search,
                "backup": cli_backup.cmd_backup,
                "factchecks": cli_factchecks.cmd_factchecks,
                "match": cli_factchecks.cmd_match,
                "queue": cli_review.cmd_queue,
                "assign": cli_review.cmd_assign,
                "review": cli_review.cmd_review,
                "desk": cli_desk.cmd_desk,
            }[args.command]
            _need_streams(args)
            _need_a_desk_path(args.db)
            # A lone surrogate (from a PDF, say) must not stop the printing of a result.
            for stream in (sys.stdout, sys.stderr):
                if isinstance(stream, io.TextIOWrapper):
                    stream.reconfigure(errors="replace")
            code = handler(args)
            sys.stdout.flush()
            return code
        parser = _gui_parser()
        _refuse_command_words(parser, argv)
        args = parser.parse_args(argv)
        if args.self_test:
            from claimdesk.install_check import run_self_test

            return run_self_test(args.db, args.data_dir)
        from claimdesk.gui.application import run

        return run(args.files, args.db, args.data_dir, lang=args.lang)
    except KnownError as exc:
        print(f"claimdesk: {one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _silence_stdout()
        print(
            f"claimdesk: Cannot write the output: {exc.strerror}. "
            "Free some space or write to another place.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt as stop:
        stopped = isinstance(stop, Terminated)
        print(f"claimdesk: {'Stopped' if stopped else 'Interrupted'}.", file=sys.stderr)
        return 143 if stopped else 130


def _refuse_command_words(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """The window takes article files; a word that names no file is a command gone wrong
    (a typo, or options put first), not a file for the window to open."""
    import difflib
    from pathlib import Path

    words = iter(argv)
    for word in words:
        if word == "--":
            return
        if word in ("--db", "--data-dir", "--lang"):
            next(words, None)  # its value
            continue
        if word.startswith("-") or Path(word).suffix or os.path.lexists(word):
            continue
        if word in COMMANDS:
            parser.error(f"put the command first, then its options: claimdesk {word} … --db PATH")
        close = difflib.get_close_matches(word, COMMANDS, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        parser.error(f"{word!r} is neither a command nor an article file.{hint} "
                     f"The commands: {', '.join(COMMANDS)}")  # fmt: skip


def _need_a_desk_path(db: str | None) -> None:
    """--db must lead somewhere: a loop of links made every command's path lookup raise."""
    from pathlib import Path

    from claimdesk.storage.db_server import is_server_url

    if not db or is_server_url(db):
        return
    try:
        Path(db).expanduser().resolve()
    except (OSError, RuntimeError):
        raise KnownError(
            f"Cannot open {db}: the link goes round in a loop. Give --db the database file."
        ) from None


def _need_streams(args: argparse.Namespace) -> None:
    """Refuse, before anything changes, to run with a standard stream closed (`>&-`, a
    service started with none): every command prints its result, score reads stdin."""
    if sys.stdout is None:
        where = ("give a file name with -o" if getattr(args, "output", None) == "-"
                 else "send it to a file or to /dev/null (> FILE)")  # fmt: skip
        raise KnownError(f"There is no standard output to write to: {where}.")
    if args.command == "score" and sys.stdin is None:
        raise KnownError(
            "There is no standard input to read sentences from: give them one a line (< FILE)."
        )


def _silence_stdout() -> None:
    # What could not be written is still buffered; Python would fail again flushing it
    # at exit and print a second error. Send it nowhere instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
