"""Opening the database: engine with WAL and foreign keys, Alembic upgrade after a backup."""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from claimdesk.errors import DatabaseError
from claimdesk.storage import fts
from claimdesk.storage.orm import RatingRow, RatingScaleRow
from claimdesk.storage.text import decode_text

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")

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


@dataclass(frozen=True, slots=True)
class Database:
    """An open database: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None
    #: One writer per database: every service that writes holds this lock.
    write_lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def dispose(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.text_factory = decode_text
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _known_revision(revision: str) -> bool:
    script = ScriptDirectory.from_config(_alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def _inspect_file(path: Path) -> tuple[str | None, bool]:
    """(Alembic revision, has other tables) of an existing file, read-only.

    Refuses, without writing a byte, a file that is not an SQLite database, a damaged
    one, and an SQLite database of some other program.
    """
    if not path.exists():
        return None, False
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a ClaimDesk database.")
    if path.stat().st_size == 0:
        return None, False
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"Cannot read the database {path}: {exc.strerror}.") from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"{path} is not a ClaimDesk database (it is not an SQLite file). "
            "Choose another file or move this one away."
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = con.execute("PRAGMA quick_check").fetchone()
            tables = {
                r[0]
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"The database {path} is damaged ({exc}). Restore a backup.") from exc
    if check is None or check[0] != "ok":
        raise DatabaseError(f"The database {path} is damaged ({check}). Restore a backup.")
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(
            f"{path} is an SQLite file but not a ClaimDesk database. Choose another file."
        )
    if revision is not None and not _known_revision(revision):
        raise DatabaseError(
            f"{path} was made by a newer version of ClaimDesk. Update ClaimDesk to open it."
        )
    return revision, bool(tables - {"alembic_version"})


def _backup(path: Path, backups: Path, revision: str | None) -> Path:
    """Copy the database with SQLite's online backup (safe with WAL) before an upgrade."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"{path.stem}-{revision or 'unversioned'}-{stamp}.sqlite3"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before upgrading", path, target)
    return target


def _seed_default_scale(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        if session.scalar(select(RatingScaleRow.id).limit(1)) is not None:
            return
        scale = RatingScaleRow(name="Default", is_default=True)
        scale.ratings = [
            RatingRow(name=name, value=value, color=color, position=i)
            for i, (name, value, color) in enumerate(DEFAULT_RATINGS)
        ]
        session.add(scale)


def open_database(path: str | Path, backups: Path | None = None) -> Database:
    """Open (creating or upgrading) the database at `path`.

    An existing database on an older schema is first copied into `backups`
    (default: a `backups` folder beside it), then upgraded through Alembic. A missing
    or stale full-text index is rebuilt. Raises DatabaseError if SQLite lacks FTS5.
    """
    fts.require_fts5()
    path = Path(path).expanduser().resolve()
    current, _ = _inspect_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc
    backup: Path | None = None
    if current is not None and current != head_revision():
        backup = _backup(path, backups or path.parent / "backups", current)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    try:
        if current != head_revision():
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        with engine.begin() as conn:
            fts.ensure_index(conn)
        sessions = sessionmaker(engine, expire_on_commit=False)
        _seed_default_scale(sessions)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {path}: {exc.orig}.") from exc
    except OSError as exc:
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {path}: {exc.strerror}.") from exc
    return Database(path=path, engine=engine, sessions=sessions, backup=backup)
