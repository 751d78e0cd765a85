"""Database files for storage tests: older revisions, hostile edits, file fingerprints."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.storage.db import _alembic_config


def database_at(path: Path, revision: str, articles: int = 1) -> None:
    """A database file as an older ClaimDesk left it: migrated only up to `revision`."""
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path))
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for i in range(articles):
            conn.execute(
                text(
                    "INSERT INTO articles (title, file_name, file_path, format, sha256, text,"
                    " imported_at) VALUES (:title, 'old.txt', '/x/old.txt', 'txt', :sha,"
                    " :body, '2025-01-01 10:00:00')"
                ),
                {"title": f"Old {i}", "sha": f"sha-{i}", "body": f"Old text number {i}. " * 20},
            )
    engine.dispose()


def migrate(path: Path, revision: str, *, down: bool = False) -> None:
    """Move a database file's schema up or down to `revision`, data untouched."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    engine.dispose()


def rows(path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    """What `query` reads from the file, outside ClaimDesk."""
    con = sqlite3.connect(path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def revision_of(path: Path) -> str:
    """The Alembic revision a desk file is at."""
    return str(rows(path, "SELECT version_num FROM alembic_version")[0][0])


def execute(path: Path, *statements: str) -> None:
    """Change a file behind ClaimDesk's back, as another program would."""
    con = sqlite3.connect(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
