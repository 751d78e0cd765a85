"""`claimdesk extract FILE`: an article's claims, or its text, printed; nothing is stored."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from claimdesk.errors import KnownError


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("extract", help="print an article's claims (nothing is stored)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument(
        "--text",
        action="store_true",
        help="print the article text that claim offsets index, instead of claims",
    )
    p.add_argument(
        "--language",
        metavar="CODE",
        help="the article's language as an ISO 639-1 code (de, ar, pt-BR…), instead of "
        "detecting it",
    )
    common(p)


def _claim_json(c: Any) -> dict[str, Any]:
    return {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "score": c.score,
        "types": [t.value for t in c.types],
        "speaker": c.speaker,
        "speaker_kind": c.speaker_kind.value if c.speaker_kind else None,
        "entities": [asdict(e) for e in c.entities],
    }


class UnknownLanguage(KnownError):
    """--language named no language ClaimDesk knows."""


def _language_code(given: str) -> str:
    """`given` if it names a language (any region or script after "-" or "_")."""
    from claimdesk.nlp.language import language_name
    from claimdesk.nlp.languages import base_code

    base = base_code(given)
    if not base.isalpha() or language_name(base) in {base, "Unknown language"}:
        raise UnknownLanguage(
            f"{given!r} is not a language code ClaimDesk knows. Give a two-letter ISO 639-1 "
            "code such as de, es or ar, or leave --language out to detect the language."
        )
    return given


def cmd_extract(args: argparse.Namespace) -> int:
    from claimdesk.importers import read_article
    from claimdesk.nlp.language import detect_language, language_name
    from claimdesk.services.nlp_provider import NlpProvider

    given = _language_code(args.language) if args.language else None
    doc = read_article(args.file)
    if args.text:
        sys.stdout.write(doc.text)
        return 0
    detected = None if given else detect_language(doc.text)
    nlp = NlpProvider()
    found = nlp.extract(doc.text, language=given or (detected.code if detected else None))
    # The language's line first: what this article gets ("Arabic: claims and scores; no
    # entities or speakers"), then what this run lacks (a model that failed to load).
    notes = nlp.limitations()
    limitations = ([found.limitation] if found.limitation else []) + notes
    if args.format == "json":
        for note in notes:
            print(f"claimdesk: note: {note}", file=sys.stderr)
        out = {
            "language": found.language,
            "language_name": language_name(found.language),
            # The detector's confidence in what it found, or null when --language decided.
            "language_confidence": round(detected.confidence, 4) if detected else None,
            "limitations": limitations,
            "claims": [_claim_json(c) for c in found.candidates],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for note in limitations:
            print(f"claimdesk: note: {note}", file=sys.stderr)
        for c in found.candidates:
            score = "  -  " if c.score is None else f"{c.score:.2f}"
            kinds = ",".join(t.value for t in c.types) or "-"
            print(f"{score}\t{kinds}\t{c.speaker or '-'}\t{' '.join(c.text.split())}")
    return 0
