"""Command line: the window by default, sub-commands for batch work on the same core."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from claimdesk import __version__
from claimdesk.errors import KnownError

COMMANDS = ("extract", "import", "score", "eval")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimdesk",
        description="Fact-checking workbench. Sub-commands: "
        + ", ".join(COMMANDS)
        + " (claimdesk COMMAND --help).",
    )
    parser.add_argument("files", nargs="*", help="article files to open")
    _common(parser)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: the user's)")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for database, logs, backups")
    parser.add_argument("--version", action="version", version=f"ClaimDesk {__version__}")


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimdesk")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print an article's claims (nothing is stored)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument(
        "--text",
        action="store_true",
        help="print the article text that claim offsets index, instead of claims",
    )
    _common(p)
    p = sub.add_parser("import", help="import and extract articles into the database")
    p.add_argument("files", nargs="+")
    _common(p)
    p = sub.add_parser("score", help="score one sentence per line of stdin, one score per line")
    _common(p)
    p = sub.add_parser("eval", help="evaluate the check-worthiness model on ClaimBuster")
    p.add_argument("--data", metavar="DIR", help="folder with the ClaimBuster CSV files")
    _common(p)
    return parser


def _claim_json(c: Any) -> dict[str, Any]:
    return {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "score": c.score,
        "types": [t.value for t in c.types],
        "speaker": c.speaker,
        "entities": [asdict(e) for e in c.entities],
    }


def cmd_extract(args: argparse.Namespace) -> int:
    from claimdesk.importers import read_article
    from claimdesk.services.nlp_provider import NlpProvider

    doc = read_article(args.file)
    if args.text:
        sys.stdout.write(doc.text)
        return 0
    nlp = NlpProvider()
    candidates, _name = nlp.extract(doc.text)
    for note in nlp.limitations():
        print(f"claimdesk: note: {note}", file=sys.stderr)
    if args.format == "json":
        json.dump([_claim_json(c) for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for c in candidates:
            score = "  -  " if c.score is None else f"{c.score:.2f}"
            kinds = ",".join(t.value for t in c.types) or "-"
            print(f"{score}\t{kinds}\t{c.speaker or '-'}\t{' '.join(c.text.split())}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from claimdesk.app import build_services

    services = build_services(args.db, args.data_dir)
    failures = 0
    try:
        wb = services.workbench
        for path in args.files:
            try:
                result = wb.open_file(path)
                if wb.needs_extraction(result.article_id):
                    wb.extract(result.article_id)
            except KnownError as exc:
                failures += 1
                print(f"claimdesk: {exc}", file=sys.stderr)
                continue
            article = wb.article(result.article_id)
            claims = [c for c in wb.claims(result.article_id) if c.score is None or c.score >= 0.5]
            state = "" if result.created else " (already imported)"
            print(f"{article.id}\t{article.title}\t{len(claims)} claims{state}")
    finally:
        services.close()
    return 1 if failures else 0


def cmd_score(_args: argparse.Namespace) -> int:
    from claimdesk.nlp.scorer import CheckWorthinessScorer

    scorer = CheckWorthinessScorer.load()
    lines = [line.rstrip("\r\n") for line in sys.stdin]
    for start in range(0, len(lines), 256):
        for value in scorer.score(lines[start : start + 256]):
            print(f"{value:.4f}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from claimdesk.nlp import evaluate

    argv = ["--data", args.data] if args.data else []
    return int(evaluate.main(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            # Commands report problems in their own words; keep library log lines off stderr.
            logging.getLogger().addHandler(logging.NullHandler())
            args = _command_parser().parse_args(argv)
            handler = {
                "extract": cmd_extract,
                "import": cmd_import,
                "score": cmd_score,
                "eval": cmd_eval,
            }[args.command]
            return handler(args)
        args = _gui_parser().parse_args(argv)
        from claimdesk.gui.application import run

        return run(args.files, args.db, args.data_dir)
    except KnownError as exc:
        print(f"claimdesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
