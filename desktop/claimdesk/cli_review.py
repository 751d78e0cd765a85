"""`claimdesk queue|assign|review`: the team desk's assignment and review step from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from claimdesk.cli_args import positive_id
from claimdesk.domain import Claim, Queue

if TYPE_CHECKING:
    from claimdesk.services.workbench import Workbench

COMMANDS = ("queue", "assign", "review")
_QUEUES = {"mine": Queue.MINE, "unassigned": Queue.UNASSIGNED, "review": Queue.NEEDS_MY_REVIEW}


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    q = sub.add_parser("queue", help="claims assigned to me, unassigned, or waiting for my review")
    q.add_argument("which", choices=tuple(_QUEUES))
    q.add_argument("--format", choices=("text", "json"), default="text")
    common(q)
    a = sub.add_parser("assign", help="assign a claim to a checker (no name: to nobody)")
    a.add_argument("claim", type=positive_id, metavar="CLAIM_ID")
    a.add_argument("checker", nargs="?", default=None, metavar="NAME")
    common(a)
    r = sub.add_parser("review", help="ask for a review of a verdict, approve one, or set the rule")
    actions = r.add_subparsers(dest="action", required=True)
    for name, text in (("request", "offer a claim's verdict for review"),
                       ("approve", "approve a claim's verdict (a second checker)")):  # fmt: skip
        p = actions.add_parser(name, help=text)
        p.add_argument("claim", type=positive_id, metavar="CLAIM_ID")
        common(p)
    p = actions.add_parser("required", help="publish only approved verdicts: on, off, or show")
    p.add_argument("value", nargs="?", choices=("on", "off"))
    common(p)


@contextmanager
def _workbench(args: argparse.Namespace) -> Iterator[Workbench]:
    from claimdesk.paths import app_paths
    from claimdesk.services.nlp_provider import NlpProvider
    from claimdesk.services.workbench import Workbench
    from claimdesk.storage.db import open_database

    paths = app_paths(args.data_dir)
    db = open_database(args.db or paths.database, backups=paths.backups, create=False)
    try:
        yield Workbench(db, NlpProvider())  # loads no model: these commands extract nothing
    finally:
        db.dispose()


def claim_json(claim: Claim) -> dict[str, Any]:
    v = claim.verdict
    return {
        "claim_id": claim.id, "article_id": claim.article_id, "number": claim.number,
        "text": claim.text, "status": claim.status.value, "assignee": claim.assignee,
        "rating": v.rating.name if v else None, "checker": v.checker if v else None,
        "review_state": v.review_state.value if v else None,
        "reviewer": v.reviewer if v else None,
    }  # fmt: skip


def cmd_queue(args: argparse.Namespace) -> int:
    """Text: one claim per line (id, article, number, review state, assignee, text).
    JSON: a list of claims. Exit 1: the queue is empty."""
    with _workbench(args) as wb:
        claims = wb.queue(_QUEUES[args.which])
    if args.format == "json":
        json.dump([claim_json(c) for c in claims], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    for c in claims if args.format == "text" else ():
        state = c.verdict.review_state.value if c.verdict else "-"
        print(f"{c.id}\t{c.article_id}\t{c.number}\t{state}\t{c.assignee or '-'}\t"
              f"{' '.join(c.text.split())}")  # fmt: skip
    return 0 if claims else 1


def cmd_assign(args: argparse.Namespace) -> int:
    """NAME given but blank (an empty "$WHO") is refused: only leaving it out unassigns."""
    from claimdesk.domain.review import blank_name
    from claimdesk.services.review import ReviewRefused

    if args.checker is not None and blank_name(args.checker):
        raise ReviewRefused(
            "The checker's name is blank; give a name, or leave NAME out to unassign the claim."
        )
    with _workbench(args) as wb:
        wb.assign(args.claim, args.checker)
        who = wb.claim(args.claim).assignee
    print(f"claim {args.claim}: assigned to {who}" if who else f"claim {args.claim}: unassigned")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with _workbench(args) as wb:
        if args.action == "required":
            if args.value is not None:
                wb.set_review_required(args.value == "on")
            on = wb.review_required()
            changed = wb.review_rule_changes()
            print("review required: only approved verdicts are published" if on
                  else "review not required: every verdict is published")  # fmt: skip
            if changed:  # who decided what the desk publishes, and when
                print(changed[-1].summary)
            return 0
        if args.action == "request":
            wb.request_review(args.claim)
        else:
            wb.approve(args.claim)
        verdict = wb.claim(args.claim).verdict
    state = verdict.review_state.label if verdict else "-"
    print(f"claim {args.claim}: {state}")
    return 0
