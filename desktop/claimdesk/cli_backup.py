"""`claimdesk backup list | now | restore FILE`: the rolling backups from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimdesk.errors import KnownError


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("backup", help="list, make or restore backups of the database")
    actions = p.add_subparsers(dest="action", required=True)
    common(actions.add_parser("list", help="the database's backups, newest first"))
    common(actions.add_parser("now", help="back the database up now"))
    r = actions.add_parser(
        "restore", help="make a backup the database again (the current file is kept aside)"
    )
    r.add_argument("file", help="a backup file, or its name as `backup list` prints it")
    common(r)


def _cell(value: int | None) -> str:
    return "?" if value is None else str(value)


def cmd_backup(args: argparse.Namespace) -> int:
    """Works on the file without opening it as the app does, so a damaged one can be restored."""
    from claimdesk.paths import app_paths, desk_file
    from claimdesk.services import backups
    from claimdesk.storage.db_server import is_server_url

    paths = app_paths(args.data_dir)
    if is_server_url(args.db):
        raise KnownError(backups.SERVER_BACKUPS)
    database = desk_file(args.db or paths.database)
    folder = paths.backups
    if args.action == "list":
        found = backups.list_backups(database, folder)
        if not found:
            print(f"No backups of {database} yet (they go to {folder}).")
        for b in found:
            print(
                f"{b.made:%Y-%m-%d %H:%M:%S}\t{b.kind}\t{_cell(b.articles)}\t"
                f"{_cell(b.verdicts)}\t{b.size}\t{b.path.name}"
            )
        return 0
    if args.action == "now":
        made = backups.backup_now(database, folder)
        print(f"{made.path}\t{made.describe()}")
        return 0
    chosen = Path(args.file).expanduser()
    if not chosen.is_file() and (folder / chosen.name).is_file():
        chosen = folder / chosen.name
    if not chosen.is_file():
        raise KnownError(
            f"There is no backup at {chosen}; `claimdesk backup list` names the backups."
        )
    print(backups.restore(database, chosen.resolve(), folder).summary())
    return 0
