"""Argument types shared by the command-line modules."""

from __future__ import annotations

import argparse
import unicodedata
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


def one_line(text: object) -> str:
    """`text` with its control characters written as escapes (\\n, \\r, \\x1b): a file
    name with a line break stays one line on stderr, and cannot move the cursor."""
    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in str(text)
    )


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
    A desk that existed before, or a shared desk on a server, is never touched; the
    data folder's backups/ and logs/, when new, go again if they are still empty.
    """

    def __init__(self, db: str | None, data_dir: str | None) -> None:
        from claimdesk.paths import app_paths, desk_file
        from claimdesk.storage.db_server import is_server_url

        paths = app_paths(data_dir)
        target = db or paths.database
        self.path: Path | None = None
        self._folders: list[Path] = []
        # First, so that a name too long or a loop of links is said in one line.
        path = None if is_server_url(target) else desk_file(target)
        for folder in (paths.backups, paths.logs):
            self._note_new(folder)
        if path is None:
            return
        if path.exists() or path.is_symlink():
            return
        self.path = path
        self._note_new(path.parent)

    def _note_new(self, folder: Path) -> None:
        try:
            folder = folder.expanduser().resolve()
            folder.exists()
        except (OSError, RuntimeError):  # a name too long, a loop: the desk's open says so
            return
        while not folder.exists() and folder != folder.parent and folder not in self._folders:
            self._folders.append(folder)
            folder = folder.parent

    def take_back(self) -> None:
        if self.path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with suppress(OSError):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        # Innermost first; one that holds something now (a log, a backup) stays.
        for folder in sorted(self._folders, key=lambda f: len(f.parts), reverse=True):
            with suppress(OSError):
                folder.rmdir()


def refuse_the_desk(output: str, db: str | None, data_dir: str | None) -> None:
    """Refuse an -o that names the desk file (or its -wal, -shm, -journal): writing a
    report there replaced every article, claim and verdict with the report."""
    from claimdesk.errors import KnownError
    from claimdesk.paths import app_paths
    from claimdesk.storage.db_server import is_server_url

    target = db or app_paths(data_dir).database
    if output == "-" or is_server_url(target):
        return
    try:
        desk = Path(target).expanduser().resolve()
        wanted = Path(output).expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of links: the writer says so
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        taken = Path(f"{desk}{suffix}")
        same = wanted == taken
        with suppress(OSError):
            same = same or wanted.samefile(taken)
        if same:
            raise KnownError(
                f"Cannot write {output}: that is the desk's own database file; "
                "writing there would replace the desk. Give -o another file name."
            )
