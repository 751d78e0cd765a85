"""Backups as the checker sees them: list with counts, back up now, restore one safely."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimdesk.errors import DatabaseError
from claimdesk.storage import backups as rolling
from claimdesk.storage.db import Database

log = logging.getLogger(__name__)

# What each copy was made for, and the highest "backups to keep", for the front ends.
DAILY, MANUAL, BEFORE_UPGRADE, BEFORE_IMPORT, BEFORE_RESTORE = (
    rolling.DAILY, rolling.MANUAL, rolling.BEFORE_UPGRADE, rolling.BEFORE_IMPORT,
    rolling.BEFORE_RESTORE,
)  # fmt: skip
MAX_KEEP = rolling.MAX_KEEP


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup: when it was made (local time), what for, its size and what it holds.

    `articles` and `verdicts` are None when the file cannot be read as a ClaimDesk database.
    """

    path: Path
    made: datetime
    kind: str
    size: int
    articles: int | None
    verdicts: int | None

    def holds(self) -> str:
        """What it holds: "2 articles, 3 verdicts"."""
        if self.articles is None:
            return "contents unreadable"
        return f"{_count(self.articles, 'article')}, {_count(self.verdicts or 0, 'verdict')}"

    def describe(self) -> str:
        """The date and what it holds, e.g. "2026-12-01 10:40, 2 articles, 3 verdicts"."""
        return f"{self.made:%Y-%m-%d %H:%M}, {self.holds()}"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: which backup now is the database, and where the old file went."""

    database: Path
    restored: BackupInfo
    kept_aside: Path | None
    damaged: bool

    def summary(self) -> str:
        """One sentence for the CLI and the status bar."""
        text = f"Restored {self.database.name} from the backup of {self.restored.describe()}."
        if self.kept_aside is None:
            return text
        if self.damaged:
            return f"{text} The damaged file was set aside as {self.kept_aside}."
        return f"{text} The file as it was is kept as the before-restore backup {self.kept_aside}."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


#: Why a shared desk has no backups of ours: the user sees it instead of the backup list.
SERVER_BACKUPS = (
    "A shared desk on a server is backed up by the server's administrator (pg_dump), "
    "not by ClaimDesk."
)


def folder_of(db: Database) -> Path:
    """The backups folder of an open desk file (a shared desk has none: SERVER_BACKUPS)."""
    if db.path is None:
        raise DatabaseError(SERVER_BACKUPS)
    return db.backup_dir or db.path.parent / "backups"


def info(path: Path, kind: str | None = None) -> BackupInfo:
    """A backup file's details, read without writing to it."""
    stat = path.stat()
    articles, verdicts = rolling.counts(path)
    return BackupInfo(
        path=path,
        made=datetime.fromtimestamp(stat.st_mtime).astimezone(),
        kind=kind or rolling.MANUAL,
        size=stat.st_size,
        articles=articles,
        verdicts=verdicts,
    )


def list_backups(database: Path, folder: Path) -> list[BackupInfo]:
    """The backups of `database` in `folder`, newest first."""
    out = []
    for found in rolling.backups_of(Path(database), Path(folder)):
        with contextlib.suppress(FileNotFoundError):  # pruned by another process meanwhile
            out.append(info(found.path, found.kind))
    return out


def _healthy(database: Path) -> None:
    if not database.is_file():
        raise DatabaseError(f"There is no database at {database}.")
    if rolling.is_damaged(database):
        raise DatabaseError(
            f"The database {database} is damaged, so it cannot be backed up; "
            "restore one of its backups instead."
        )


def backup_now(database: Path, folder: Path) -> BackupInfo:
    """Copy the database into its backups folder now (then prune to the setting)."""
    database = Path(database)
    _healthy(database)
    return info(rolling.backup(database, Path(folder), rolling.MANUAL), rolling.MANUAL)


def before_import(db: Database) -> Path | None:
    """The copy made before a bundle import merges into a desk file (None: a server's)."""
    if db.path is None:
        log.info("no backup before the import: %s", SERVER_BACKUPS)
        return None
    return rolling.backup(db.path, folder_of(db), rolling.BEFORE_IMPORT)


@contextlib.contextmanager
def _holding(lock: threading.Lock | None) -> Iterator[None]:
    if lock is None:
        yield
        return
    with lock:
        yield


def restore(
    database: Path, backup: Path, folder: Path, lock: threading.Lock | None = None
) -> RestoreResult:
    """Make `backup` the database again; the current file is kept aside first.

    A healthy current file is copied into `folder` as a before-restore backup; a damaged
    one is renamed to "<name>.damaged-<stamp>" beside it, never overwritten. The backup
    is then written over the database with SQLite's backup API, so connections still
    open on it (WAL) read the restored pages. `lock` is the open database's write lock.
    Raises DatabaseError (nothing changed) for a missing or damaged backup.
    """
    database, backup, folder = Path(database), Path(backup), Path(folder)
    if not backup.is_file():
        raise DatabaseError(f"There is no backup at {backup}.")
    if backup.resolve() == database.resolve():
        raise DatabaseError("That file is the database itself; choose one of its backups.")
    rolling.check_backup(backup)
    chosen = info(backup, _kind_of(database, folder, backup))
    with _holding(lock):
        kept: Path | None = None
        damaged = rolling.is_damaged(database)
        if damaged:
            kept = rolling.set_aside_damaged(database)
        elif database.is_file() and database.stat().st_size > 0:
            kept = rolling.make_backup(database, folder, rolling.BEFORE_RESTORE)
        rolling.copy_over(backup, database)
    rolling.prune(database, folder)
    return RestoreResult(database=database, restored=chosen, kept_aside=kept, damaged=damaged)


def _kind_of(database: Path, folder: Path, backup: Path) -> str | None:
    for found in rolling.backups_of(database, folder):
        if found.path.resolve() == backup.resolve():
            return found.kind
    return None
