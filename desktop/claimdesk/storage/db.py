"""Opening the database: file paths only, a verified schema, atomic creation and upgrades."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from claimdesk.errors import DatabaseError, KnownError
from claimdesk.paths import desk_file
from claimdesk.storage import backups as rolling
from claimdesk.storage import db_server, fts, notify, schema, schema_snapshot, writer
from claimdesk.storage.orm import RatingRow, RatingScaleRow
from claimdesk.storage.schema import alembic_config as _alembic_config
from claimdesk.storage.schema import head_revision
from claimdesk.storage.sqlite_errors import (
    DatabaseDamaged,
    DatabaseMissing,
    busy_message,
    error_for,
    not_sqlite,
    world_error,
)

__all__ = ["DEFAULT_RATINGS", "Database", "_alembic_config", "head_revision", "open_database"]
from claimdesk.storage.text import decode_text

log = logging.getLogger(__name__)

#: How long a write waits for another process's write lock before giving up with
#: DatabaseBusy. Long enough for any ordinary save or one article's import by another
#: ClaimDesk; short enough that a stuck lock is reported rather than waited on forever.
BUSY_TIMEOUT_S = 15.0
#: Execution option that makes a transaction start with BEGIN IMMEDIATE.
_WRITE = "claimdesk_write"
#: Execution options of a write: who hears about waiting for the lock, and for how long.
_WAITING = "claimdesk_waiting"
_LIMIT = "claimdesk_wait_limit"
#: PostgreSQL's SQLSTATE for "permission denied" (insufficient_privilege).
_NOT_ALLOWED = "42501"
#: The SQLSTATE class of values a column cannot hold (too long, out of range, a NUL…).
_DATA_EXCEPTION = "22"

#: The default scale: name, ClaimReview value (1 worst … 5 best; 0 = not on the scale), colour.
DEFAULT_RATINGS: tuple[tuple[str, int, str], ...] = (
    ("True", 5, "#2e7d32"),
    ("Mostly true", 4, "#7cb342"),
    ("Half true", 3, "#fbc02d"),
    ("Mostly false", 2, "#f57c00"),
    ("False", 1, "#c62828"),
    ("Misleading", 1, "#8e24aa"),
    ("Unverifiable", 0, "#757575"),
)


class Sessions(sessionmaker[Session]):
    """Sessions over one file: reads begin deferred, `begin()` (every write) takes the lock.

    A write transaction that only asked for the lock at its first INSERT could find that
    another process wrote in between and fail at once ("database is locked"), busy
    timeout or not; BEGIN IMMEDIATE waits for the lock up front, so the transaction's
    reads and writes see one state. Plain reads never wait for another writer (WAL).
    """

    def __init__(
        self, reader: Engine, writer: Engine, path: Path | None, where: str | None = None
    ) -> None:
        super().__init__(reader, expire_on_commit=False)
        self.writer = writer
        self.path = path
        #: A shared desk's address as shown (password hidden); None for a file.
        self.where = where
        #: The file opened: SQLite would go on writing into it once deleted or replaced.
        self._file = None if path is None else _identity(path)

    @contextmanager
    def begin(
        self, waiting: writer.WaitingFn | None = None, limit: float | None = None
    ) -> Iterator[Session]:
        """A write transaction; a full disk, read-only file or held lock is a KnownError.

        While another process holds the write lock, `waiting` hears it (storage/writer.py);
        after `limit` seconds (default BUSY_TIMEOUT_S) the wait ends in DatabaseBusy.
        """
        self._check_file()
        bind = self.writer
        if waiting is not None or limit is not None:
            bind = bind.execution_options(**{_WAITING: waiting, _LIMIT: limit})
        committing = False
        try:
            with self(bind=bind) as session, session.begin():
                notify.watch(session)
                yield session
                # In the transaction: PostgreSQL sends them at its commit.
                notify.send_pending(session, str(self.path))
                committing = True
        except DBAPIError as exc:
            if self.path is None:
                where = self.where or "on the server"
                if exc.connection_invalidated:
                    raise DatabaseError(_lost(where, committing)) from exc
                state = str(getattr(exc.orig, "sqlstate", None) or "")
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
                if state.startswith(_DATA_EXCEPTION):
                    raise DatabaseError(
                        f"The shared desk {where} refused a value ({reason}), so nothing was "
                        "saved. Shorten or correct what was typed, then try again."
                    ) from exc
                if state == _NOT_ALLOWED:
                    raise DatabaseError(
                        f"Your database role may not change the shared desk {where} "
                        f"({reason}), so nothing was saved. Ask the desk's "
                        "administrator for the rights to edit it."
                    ) from exc
                raise
            known = world_error(exc.orig, self.path)
            if known is None:
                raise
            raise known from exc


    def _check_file(self) -> None:
        """Refuse a write once the path no longer names the file opened: SQLite would
        write into the deleted or moved file, and the work would go with it."""
        if self.path is None or self._file is None or _identity(self.path) == self._file:
            return
        raise DatabaseError(
            f"The database file {self.path} was deleted, moved or replaced while ClaimDesk "
            "had it open, so this change was not saved. Export a case bundle or a report to "
            "keep what is on screen, then open the database where it is now."
        )


def _identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device and inode), or None when nothing is there."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _lost(where: str, committing: bool) -> str:
    """What a save whose connection to a shared desk dropped did: nothing, or (dropped
    while committing) perhaps everything; the server alone knew which."""
    done = (
        "it may or may not have been saved; look at it again once the server answers"
        if committing
        else "nothing of it was saved"
    )
    return (
        f"The connection to the shared desk {where} was lost during a save, so {done}. "
        "Check the network and that the server is running, then try again."
    )


@dataclass(frozen=True, slots=True)
class Database:
    """An open database: its file (None: a shared desk on a server), engine and sessions."""

    path: Path | None
    engine: Engine
    sessions: Sessions
    backup: Path | None = None
    #: Where this database's rolling backups go (storage/backups.py).
    backup_dir: Path | None = None
    #: One writer per database: every service that writes holds this lock.
    write_lock: threading.Lock = field(default_factory=threading.Lock, compare=False)
    #: A shared desk's address, password hidden (storage/db_server.py); None for a file.
    url: str | None = None

    @property
    def where(self) -> str:
        """The file or the server address, as a message to the user names it."""
        return self.url if self.path is None and self.url else str(self.path)

    @property
    def is_server(self) -> bool:
        return self.path is None

    def dispose(self) -> None:
        self.engine.dispose()


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to exactly `path`: a file name, never URI text (`?`, `%`, `#` stay)."""
    con = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    # isolation_level=None: the driver never opens or commits on its own, so DDL is
    # transactional and every BEGIN is ours (the "begin" listener in _engine).
    # timeout= is SQLite's busy_timeout: wait that long for another writer's lock.
    con.text_factory = decode_text  # invalid UTF-8 reads as U+FFFD, never an exception
    con.execute("PRAGMA foreign_keys = ON")
    _wal(con)
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute(fts.FACTCHECK_VOCABULARY)  # outside a transaction: it stays (fts.py)
    return con


def _wal(con: sqlite3.Connection) -> None:
    """Switch to WAL, retrying: SQLite may answer "locked" at once, without its busy wait,
    while another process is creating the same new file (seen with two creators)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not writer.is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _engine(path: Path) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: _connect(path), poolclass=QueuePool)

    def begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        if not options.get(_WRITE):
            try:
                conn.exec_driver_sql("BEGIN")
            except DBAPIError as exc:
                if isinstance(exc.orig, sqlite3.Error):
                    raise error_for(exc.orig, path) from exc
                raise
            return
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        limit = options.get(_LIMIT)
        try:
            writer.lock_now(
                raw, busy_message(path), options.get(_WAITING),
                BUSY_TIMEOUT_S if limit is None else limit,
            )  # fmt: skip
        except sqlite3.Error as exc:
            raise error_for(exc, path) from exc

    event.listen(engine, "begin", begin)
    return engine


def _inspect_file(path: Path) -> str | None:
    """The Alembic revision of an existing file (None: a new one), checked read-only.

    Refuses, without writing a byte, a file that is not an SQLite database, a damaged
    one, an SQLite database of some other program, one from a newer ClaimDesk, and one
    whose schema is not exactly what ClaimDesk made.
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a ClaimDesk database.")
    if path.stat().st_size == 0:
        return None
    try:
        # Not mode=ro: a read-only connection to a WAL file leaves -wal and -shm behind
        # (only a writable one removes them on close). query_only keeps this connection
        # from writing anything itself; the path is a file name, never URI text.
        # SQLite reads the header, not a plain open(): this process may have the desk
        # open already, and closing a plain handle would drop its locks (not_sqlite).
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
        try:
            con.execute("PRAGMA query_only = ON")
            check = con.execute("PRAGMA quick_check").fetchone()
            return _revision_of(con, path, check)
        finally:
            con.close()
    except sqlite3.Error as exc:
        if not_sqlite(exc, path):
            raise DatabaseError(
                f"{path} is not a ClaimDesk database (it is not an SQLite file). "
                "Choose another file or move this one away."
            ) from exc
        raise error_for(exc, path) from exc


def _revision_of(con: sqlite3.Connection, path: Path, check: Any) -> str | None:
    if check is None or check[0] != "ok":
        detail = "no answer to quick_check" if check is None else check[0]
        raise DatabaseDamaged(f"The database {path} is damaged ({detail}). Restore a backup.")
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    revision = None
    if "alembic_version" in names:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    if revision is None:
        if names:
            raise DatabaseError(
                f"{path} is an SQLite file but not a ClaimDesk database. Choose another file."
            )
        return None
    if not schema.known_revision(revision):
        raise DatabaseError(
            f"{path} was made by a newer version of ClaimDesk. Update ClaimDesk to open it."
        )
    schema.verify(con, path, revision)
    return str(revision)


def _newest_backup(path: Path, backups: Path) -> Path | None:
    try:
        found = rolling.backups_of(path, backups)
    except (OSError, KnownError):
        return None
    return max((b.path for b in found), key=lambda p: p.stat().st_mtime, default=None)


def _backup(path: Path, backups: Path, revision: str | None) -> Path:
    """Copy the database with SQLite's online backup (safe with WAL) before an upgrade."""
    log.info("backing up %s (revision %s) before upgrading", path, revision)
    return rolling.backup(path, backups, rolling.BEFORE_UPGRADE)


def _seed_default_scale(session: Session) -> None:
    if session.scalar(select(RatingScaleRow.id).limit(1)) is not None:
        return
    scale = RatingScaleRow(name="Default", is_default=True)
    scale.ratings = [
        RatingRow(name=name, value=value, color=color, position=i)
        for i, (name, value, color) in enumerate(DEFAULT_RATINGS)
    ]
    session.add(scale)
    session.flush()


def _up_to_date(engine: Engine) -> bool:
    """At the head revision, with its full-text index and a scale: nothing to write.

    Checked in a plain read first, so a ClaimDesk starting while another one writes
    neither waits for nor fails on the write lock it does not need (WAL reads never wait).
    """
    with engine.connect() as conn, conn.begin():
        if not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
        ).first():
            return False
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        if row is None or str(row[0]) != head_revision() or fts.needs_repair(conn):
            return False
        with Session(bind=conn) as session:
            return session.scalar(select(RatingScaleRow.id).limit(1)) is not None


def _prepare(engine: Engine, path: Path) -> None:
    """Create, upgrade, repair the index and seed the scale: all in one transaction.

    SQLite DDL is transactional once the driver stops managing transactions (_connect),
    so a kill -9 at any point leaves the file as it was before; BEGIN IMMEDIATE makes a
    second process opening the same file wait here, then find the work done.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # A batch migration rebuilds a table by DROP and RENAME; with foreign keys on,
        # dropping a parent would cascade. Checked with foreign_key_check below instead.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                row = None
                if conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
                ).first():
                    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
                current = None if row is None else str(row[0])
                if current is not None:
                    # Another process may have changed the file since it was inspected.
                    schema.verify(raw, path, current)
                snapshot = schema_snapshot.load()
                if current is None and snapshot is not None:
                    # A new desk: the newest schema as shipped, no replay of every step.
                    schema_snapshot.create_head(raw, snapshot)
                elif current != head_revision():
                    schema.upgrade(conn)
                    if conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise DatabaseError(
                            f"Upgrading {path} would break links between its records; "
                            "nothing was changed. Report this to ClaimDesk's developers."
                        )
                fts.ensure_index(conn)
                with Session(bind=conn) as session:
                    _seed_default_scale(session)
        finally:
            # Ctrl+C inside the transaction: the driver closed the connection, and this
            # must not raise over the interrupt (a closed connection needs no reset).
            with suppress(sqlite3.ProgrammingError):
                raw.execute("PRAGMA foreign_keys = ON")


def open_database(
    path: str | Path, backups: Path | None = None, *, create: bool = True
) -> Database:
    """Open (creating or upgrading) the database at `path`, a file or a server address.

    A `postgresql+psycopg://…` address opens a shared desk (storage/db_server.py);
    everything below about files, backups and locks is for desk files only.

    An existing database on an older schema is first copied into `backups`
    (default: a `backups` folder beside it), then upgraded through Alembic. A missing
    or stale full-text index is rebuilt. With create=False a missing or empty file
    raises DatabaseMissing instead of becoming a new database (for commands that only
    read). Every problem raises a DatabaseError saying what to do. Given a `backups`
    folder (the app's), an existing database is also copied there once a day
    (storage/backups.py).
    """
    if db_server.is_server_url(path):
        return db_server.open_server(str(path), create=create)
    fts.require_fts5()
    path = desk_file(path)
    app_backups = backups is not None
    backups = backups or path.parent / "backups"
    try:
        current = _inspect_file(path)
    except (schema.SchemaRefused, DatabaseDamaged) as exc:
        newest = _newest_backup(path, backups)
        if newest is None:
            raise
        raise type(exc)(f"{exc} The newest backup is {newest}.") from exc
    if current is None and not create and not (path.is_file() and path.stat().st_size > 0):
        raise DatabaseMissing(
            f"No ClaimDesk database at {path}. Check the --db path, or import articles first."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc
    backup: Path | None = None
    if current is not None and current != head_revision():
        backup = _backup(path, backups, current)
    elif current is not None and app_backups:  # the app's folder: once a day
        rolling.daily_backup(path, backups)
    engine = _engine(path)
    try:
        if current is None or not _up_to_date(engine):
            _prepare(engine.execution_options(**{_WRITE: True}), path)
    except DBAPIError as exc:
        engine.dispose()
        if isinstance(exc.orig, sqlite3.Error):
            raise schema.not_upgraded(error_for(exc.orig, path), path, backup) from exc
        error = DatabaseError(f"Cannot open the database {path}: {exc.orig}.")
        raise schema.not_upgraded(error, path, backup) from exc
    except OSError as exc:
        engine.dispose()
        error = DatabaseError(f"Cannot open the database {path}: {exc.strerror}.")
        raise schema.not_upgraded(error, path, backup) from exc
    except BaseException:
        engine.dispose()
        raise
    sessions = Sessions(engine, engine.execution_options(**{_WRITE: True}), path)
    return Database(
        path=path, engine=engine, sessions=sessions, backup=backup, backup_dir=backups
    )
