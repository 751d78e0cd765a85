"""`claimdesk desk push --to URL` / `desk pull --from URL`: a desk file onto a server and back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("desk", help="copy the desk onto a shared desk on a server, or back")
    actions = p.add_subparsers(dest="action", required=True)
    push = actions.add_parser(
        "push", help="copy every article, claim, verdict and note of --db to the desk at URL"
    )
    push.add_argument("--to", required=True, metavar="URL",
                      help="the shared desk: postgresql+psycopg://user@host/database "
                      "(or another desk file)")  # fmt: skip
    common(push)
    pull = actions.add_parser("pull", help="copy everything of the desk at URL into --db")
    pull.add_argument("--from", dest="source", required=True, metavar="URL",
                      help="the shared desk to copy from (or another desk file)")  # fmt: skip
    common(pull)


def cmd_desk(args: argparse.Namespace) -> int:
    """Rows already there are skipped; any row taken by other content refuses the whole move."""
    from claimdesk.paths import app_paths
    from claimdesk.services import desk_move

    paths = app_paths(args.data_dir)
    local = args.db or paths.database
    if args.action == "push":
        counts = desk_move.push(local, args.to, paths.backups)
    else:
        counts = desk_move.pull(args.source, local, paths.backups)
    print(counts.summary("pushed" if args.action == "push" else "pulled"))
    return 0
