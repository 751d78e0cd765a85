"""Argument types shared by the command-line modules."""

from __future__ import annotations

import argparse
from contextlib import suppress
from pathlib import Path

#: SQLite integers are signed 64-bit: a bigger id or limit cannot even be asked for.
MAX_SQLITE_INT = 2**63 - 1


def positive_id(value: str) -> int:
    """A whole number SQLite can hold, from 1 up; otherwise argparse's one-line error."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= MAX_SQLITE_INT:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: give a whole number between 1 and {MAX_SQLITE_INT}"
        )
    return number


def not_empty(value: str) -> str:
    """A path option's value; an empty one (`--data-dir "$UNSET"`) would have meant the
    current folder (or, for --db, the user's own desk): refused with argparse's line."""
    if not value.strip():
        raise argparse.ArgumentTypeError("it is empty: give a folder or file name")
    return value


class NewDesk:
    """The desk file a command that stores things is about to create, if it is new.

    `take_back()` removes it again, with the folders made for it, when nothing went in:
    a refused import must not leave an empty database (or a typo's folder) behind.
    A desk that existed before, or a shared desk on a server, is never touched.
    """

    def __init__(self, db: str | None, data_dir: str | None) -> None:
        from claimdesk.paths import app_paths, desk_file
        from claimdesk.storage.db_server import is_server_url

        target = db or app_paths(data_dir).database
        self.path: Path | None = None
        self._folders: list[Path] = []
        if is_server_url(target):
            return
        path = desk_file(target)
        if path.exists() or path.is_symlink():
            return
        self.path = path
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            self._folders.append(folder)  # innermost first
            folder = folder.parent

    def take_back(self) -> None:
        if self.path is None:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            with suppress(OSError):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        for folder in self._folders:
            try:
                folder.rmdir()
            except OSError:  # something else was put there meanwhile: leave it
                break
