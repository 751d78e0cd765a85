"""Rolling backups of a database file with SQLite's backup API; damaged files set aside."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimdesk.errors import DatabaseError, KnownError
from claimdesk.storage import schema

log = logging.getLogger(__name__)

# What each copy was made for; the kind is part of its file name.
DAILY = "daily"
MANUAL = "manual"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
KINDS = (DAILY, MANUAL, BEFORE_UPGRADE, BEFORE_IMPORT, BEFORE_RESTORE)

#: The setting (stored with the data, like the others) that says how many copies to keep.
KEEP_SETTING = "backups_keep"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
#: The once-a-day copy is made when the newest copy is older than this.
DAILY_AGE = 24 * 3600
#: Copies made before a restore or an upgrade hold work the checker chose to leave or a
#: schema this version no longer writes: pruning spares them for this long besides the N.
SPARED_AGE = 30 * 24 * 3600
_SPARED = (BEFORE_RESTORE, BEFORE_UPGRADE)

# <stem>-<kind>-<YYYYmmdd-HHMMSS-ffffff>[.<tag>].sqlite3; before this module, upgrade
# copies were named <stem>-<alembic revision or "unversioned">-<stamp>.sqlite3. The tag
# (_tag) marks the copies of a desk that does not live beside the backups folder.
_NAME = re.compile(
    r"(?P<kind>" + "|".join(KINDS) + r"|\d{4}|unversioned)-(?P<stamp>\d{8}-\d{6}-\d{6})"
    r"(?:\.(?P<tag>[0-9a-f]{8}))?\.sqlite3"
)
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One copy in the backups folder: its file, what it was made for, when (file time)."""

    path: Path
    kind: str
    mtime: float
    #: False for a copy named by the stem alone although the desk's copies carry a tag:
    #: made before tags, while no desk of this name lay beside the folder; listed (it
    #: may be this desk's), never pruned (it may be another's).
    own: bool = True


def _tag(database: Path, folder: Path) -> str | None:
    """What names the copies of a desk that does not live beside `folder`, else None.

    The app and the CLI put the copies of every desk they open in the data folder's
    backups/, and every desk is claimdesk.sqlite3 unless named otherwise: by the stem
    alone, a desk opened from another folder listed its copies as the data folder's
    desk's, and pruned that desk's copies to its own "backups to keep". The data folder's
    own desk (and one with a backups folder beside it) keeps the plain names.
    """
    try:
        where, home = database.resolve(), folder.resolve().parent
    except (OSError, RuntimeError):
        where, home = database.absolute(), folder.absolute().parent
    if where.parent == home:
        return None
    # normcase: one desk named in two letter cases on Windows is still one desk.
    return hashlib.sha256(os.fsencode(os.path.normcase(where))).hexdigest()[:8]


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; the path goes in as a file URI, so `?`, `%` and `#` stay text.

    `immutable` (no locks, nothing written beside the file) only while no -wal lies beside
    it: a desk copied while open, with its -wal, would otherwise read without its last
    saves, which the main file lacks until a checkpoint.
    """
    wal = Path(f"{path}-wal")
    flags = "immutable=1" if immutable and not (wal.is_file() and wal.stat().st_size) else "mode=ro"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{flags}", uri=True)


def _copy_pages(
    source: Path, target: Path, setup: str, journal_mode: str, immutable: bool = False
) -> None:
    """Every page of `source` into `target` with SQLite's backup API (WAL-aware)."""
    src = _read_only(source, immutable)
    try:
        dst = sqlite3.connect(target)
        try:
            dst.execute(setup)
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode = {journal_mode}")
        finally:
            dst.close()
    finally:
        src.close()


def backups_of(database: Path, folder: Path) -> list[BackupFile]:
    """The copies of `database` in `folder`, newest first (by file time).

    A folder that cannot be read raises DatabaseError saying so.
    """
    if not folder.is_dir():
        return []
    prefix = f"{database.stem}-"
    tag = _tag(database, folder)
    # Plain names are the copies of the desk beside the folder; made before tags, they
    # may also be this one's, when no desk of this name is there to own them.
    plain = tag is None or not (folder.parent / database.name).exists()
    found = []
    try:
        for entry in folder.iterdir():
            if not entry.name.startswith(prefix):
                continue
            match = _NAME.fullmatch(entry.name[len(prefix) :])
            if match is None or not entry.is_file():
                continue
            if match["tag"] != tag and (match["tag"] is not None or not plain):
                continue  # another desk's of the same name
            kind = match["kind"] if match["kind"] in KINDS else BEFORE_UPGRADE
            own = match["tag"] == tag
            with contextlib.suppress(FileNotFoundError):  # pruned meanwhile
                found.append(BackupFile(entry, kind, entry.stat().st_mtime, own))
    except OSError as exc:
        raise DatabaseError(
            f"Cannot read the backups folder {folder} ({exc.strerror or exc}); "
            "check its permissions."
        ) from exc
    return sorted(found, key=lambda b: (b.mtime, b.path.name), reverse=True)


def make_backup(database: Path, folder: Path, kind: str) -> Path:
    """Copy `database` into `folder` with the backup API (it reads through the WAL).

    The copy is written under a temporary name, switched to a rollback journal so it is
    one self-contained file, and only then given its real name: a crash leaves no
    half-made copy that looks like a backup. Raises DatabaseError when it cannot be made.
    """
    tag = _tag(database, folder)
    target = folder / f"{database.stem}-{kind}-{_stamp()}{'' if tag is None else '.' + tag}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # One fsync at the end instead of one per step: half the time on open.
        _copy_pages(database, partial, "PRAGMA synchronous = OFF", "DELETE")
        _fsync(partial)
        partial.replace(target)
        _fsync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise DatabaseError(
            f"Cannot back up {database} into {folder} ({reason}). "
            "Free some disk space or check that the folder can be written, then try again."
        ) from exc
    log.info("backed up %s to %s (%s)", database, target, kind)
    return target


def parse_keep(text: str | None) -> int:
    """The stored "backups to keep" as a number; the default when unset or out of range."""
    try:
        value = int(text) if text is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP
    return value if 1 <= value <= MAX_KEEP else DEFAULT_KEEP


def _fsync(path: Path, flags: int = os.O_RDWR) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (not on Windows)."""
    with contextlib.suppress(OSError):
        _fsync(folder, os.O_RDONLY)


def keep_of(database: Path) -> int:
    """How many copies to keep, read from the database file's settings."""
    try:
        con = _read_only(database)
        try:
            query = "SELECT value FROM settings WHERE key = ?"
            row = con.execute(query, (KEEP_SETTING,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return DEFAULT_KEEP
    return parse_keep(None if row is None else str(row[0]))


def prune(database: Path, folder: Path, keep: int | None = None) -> list[Path]:
    """Delete the copies beyond the `keep` newest; returns what was deleted.

    Copies made before a restore or an upgrade are spared until they are 30 days old.
    """
    keep = keep_of(database) if keep is None else keep
    now = time.time()
    removed: list[Path] = []
    try:
        found = [b for b in backups_of(database, folder) if b.own]
    except KnownError as exc:  # the copy just made stays; pruning waits for a readable folder
        log.warning("old backups not pruned: %s", exc)
        return removed
    for old in found[keep:]:
        if old.kind in _SPARED and now - old.mtime < SPARED_AGE:
            continue
        try:
            old.path.unlink()
        except OSError as exc:
            log.warning("cannot delete the old backup %s: %s", old.path, exc)
            continue
        removed.append(old.path)
    return removed


def backup(database: Path, folder: Path, kind: str) -> Path:
    """Make a copy of `kind`, then prune to the database's "backups to keep"."""
    target = make_backup(database, folder, kind)
    prune(database, folder)
    return target


def daily_backup(database: Path, folder: Path) -> Path | None:
    """A copy when the newest one is more than a day old (or there is none).

    Called while the database is being opened: a failure is logged, never fatal, since
    the checker's work must not wait on the backups folder.
    """
    try:
        newest = [b for b in backups_of(database, folder) if b.own][:1]
        if newest and time.time() - newest[0].mtime < DAILY_AGE:
            return None
        return backup(database, folder, DAILY)
    except KnownError as exc:
        log.warning("daily backup skipped: %s", exc)
        return None


def is_damaged(database: Path) -> bool:
    """True when SQLite cannot read the file as a database or its quick check fails.

    A missing or empty file is not "damaged"; one that cannot be read (permissions, a
    lock, an I/O error) raises DatabaseError: only a file SQLite itself rejects as not a
    database or malformed is damaged, so a healthy file is never set aside.
    """
    if not database.is_file() or database.stat().st_size == 0:
        return False
    # No plain read of the header first: the window may have this desk open, and closing
    # a plain handle would drop its locks (sqlite_errors.has_sqlite_header).
    try:
        con = _read_only(database)
        try:
            check = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        raise DatabaseError(
            f"Cannot check {database} ({exc}); check its permissions and close other "
            "programs using it, then try again."
        ) from exc
    except sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
        return True
    return check != [("ok",)]


def set_aside_damaged(database: Path) -> Path:
    """Rename a damaged file (with its -wal/-shm) to "<name>.damaged-<stamp>" beside it."""
    aside = database.with_name(f"{database.name}.damaged-{_stamp()}")
    try:
        database.rename(aside)
        for suffix in _SIDE_FILES:
            side = Path(f"{database}{suffix}")
            if side.exists():
                side.rename(Path(f"{aside}{suffix}"))
    except OSError as exc:
        raise DatabaseError(
            f"Cannot move the damaged {database} aside ({exc.strerror}); "
            "move or rename it yourself, then try again."
        ) from exc
    log.warning("set the damaged %s aside as %s", database, aside)
    return aside


def check_backup(path: Path) -> None:
    """Raise DatabaseError unless `path` is a readable, undamaged ClaimDesk database."""
    if not path.is_file():
        raise DatabaseError(f"There is no backup at {path}.")
    if is_damaged(path):
        raise DatabaseError(f"The backup {path.name} is damaged; choose another one.")
    try:
        con = _read_only(path, immutable=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
            if revision is None:
                raise DatabaseError(f"{path.name} is not a ClaimDesk backup; choose another one.")
            if not schema.known_revision(revision):
                raise DatabaseError(
                    f"The backup {path.name} was made by a newer version of ClaimDesk; "
                    "update ClaimDesk to restore it, or choose another one."
                )
            # What open_database refuses must not be written over the desk either: the
            # window's open connections would run a planted trigger on its next save.
            schema.verify(con, path, revision)
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path.name} is not a ClaimDesk backup; choose another one.") from exc


def copy_over(backup_path: Path, database: Path) -> None:
    """Write the backup's pages into `database` with the backup API (WAL-aware, atomic)."""
    try:
        _copy_pages(backup_path, database, "PRAGMA busy_timeout = 5000", "WAL", immutable=True)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            f"Cannot restore {database} from {backup_path.name} ({exc}); it is unchanged. "
            "Close other ClaimDesk windows using it and try again."
        ) from exc


def counts(path: Path) -> tuple[int | None, int | None]:
    """(articles, verdicts) in a backup file, read-only; None for what cannot be read."""
    out: list[int | None] = []
    try:
        con = _read_only(path, immutable=True)
    except sqlite3.Error:
        return None, None
    try:
        for table in ("articles", "verdicts"):
            try:
                out.append(int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]))
            except sqlite3.Error:
                out.append(None)
    finally:
        con.close()
    return out[0], out[1]
