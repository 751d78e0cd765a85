"""SQLite failures in plain words: a healthy file is never called damaged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from claimdesk.errors import DatabaseError


class DatabaseBusy(DatabaseError):
    """Another process holds the write lock longer than we are willing to wait."""


class DatabaseDamaged(DatabaseError):
    """The file fails SQLite's integrity checks: only this kind ever suggests a backup."""


class DatabaseMissing(DatabaseError):
    """A command that only reads was pointed at a file that does not exist."""


def busy_message(path: Path) -> str:
    return (
        f"The database {path} is busy: another ClaimDesk is writing to it. "
        "Wait until it has finished, then try again."
    )


def _code(exc: sqlite3.Error) -> str:
    # Extended names (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_SHMOPEN…) share their
    # primary code's prefix.
    name = getattr(exc, "sqlite_errorname", "") or ""
    for primary in (
        "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_FULL",
        "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR",
    ):  # fmt: skip
        if name == primary or name.startswith(primary + "_"):
            return primary
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "SQLITE_BUSY"
    if "readonly" in text or "read-only" in text:
        return "SQLITE_READONLY"
    return name


def describe(exc: sqlite3.Error, path: Path) -> str:
    """One sentence saying what is really wrong with `path` and what to do."""
    code = _code(exc)
    if code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return busy_message(path)
    if code in ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH"):
        return (
            f"ClaimDesk cannot write to {path}: the file, its folder or its drive is "
            "read-only. Make them writable, or copy the database to a writable folder "
            "and open the copy."
        )
    if code == "SQLITE_CANTOPEN":
        return (
            f"ClaimDesk cannot open {path}: it needs to read and write the file and to "
            f"create {path.name}-wal and {path.name}-shm beside it. Check that the folder "
            f"{path.parent} exists and is writable, or copy the database to a writable folder."
        )
    if code == "SQLITE_FULL" or (code == "SQLITE_IOERR" and _nearly_full(path)):
        # A full disk often shows as an I/O error: SQLite cannot size the -shm it needs.
        return f"The disk holding {path} is full. Free some space, then try again."
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return f"The database {path} is damaged ({exc}). Restore a backup."
    if code == "SQLITE_IOERR":
        return (
            f"The drive holding {path} reported a read or write error ({exc}). "
            "Check the drive or network share, then try again."
        )
    return f"Cannot open the database {path}: {exc}."


#: Less room than this left on the drive: an I/O error there is taken for a full disk.
_NEARLY_FULL = 1 << 20


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL
    except OSError:
        return False


#: Failures of the user's world (disk, permissions, other processes, damage), as opposed
#: to SQL mistakes of ours, which must stay bugs with a traceback.
_WORLD = frozenset({
    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH",
    "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CORRUPT", "SQLITE_NOTADB",
})  # fmt: skip


def world_error(exc: BaseException | None, path: Path) -> DatabaseError | None:
    """The KnownError for a driver error caused by the user's world, else None."""
    if isinstance(exc, sqlite3.Error) and _code(exc) in _WORLD:
        return error_for(exc, path)
    return None


def error_for(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """The KnownError to raise for `exc`, of the class that tells callers its kind."""
    code = _code(exc)
    message = describe(exc, path)
    if code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return DatabaseBusy(message)
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DatabaseDamaged(message)
    return DatabaseError(message)


#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def has_sqlite_header(path: Path) -> bool:
    """True when the file at `path` starts like an SQLite database (read-only, one read).

    Only for a file SQLite itself has just refused (see not_sqlite): closing a plain
    handle on a file drops every POSIX lock this process holds on it, SQLite's shared
    lock included, and then another process closing the desk takes itself for the last
    user and deletes the WAL under this one's open connections (their later saves are
    lost). A file that cannot be read raises DatabaseError saying why.
    """
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError as exc:
        raise DatabaseError(f"Cannot read the database {path}: {exc.strerror}.") from exc


def not_sqlite(exc: sqlite3.Error, path: Path) -> bool:
    """True when SQLite refused `path` because it is no SQLite file at all (no header),
    rather than a damaged one: the header is read only once SQLite has said "not a
    database", so never while this process has the file open (has_sqlite_header)."""
    return _code(exc) == "SQLITE_NOTADB" and not has_sqlite_header(path)
