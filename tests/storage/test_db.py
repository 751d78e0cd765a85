"""Opening databases: pragmas, default scale, upgrades with backups, refusing bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.errors import DatabaseError
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import DEFAULT_RATINGS, _alembic_config, head_revision, open_database
from claimdesk.storage.orm import Base


def test_new_database_has_wal_foreign_keys_and_default_scale(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
        with db.sessions() as s:
            scale = repo.default_scale(s)
        assert [r.name for r in scale.ratings] == [name for name, _, _ in DEFAULT_RATINGS]
        assert scale.best_value == 5 and scale.worst_value == 1
    finally:
        db.dispose()


def test_migrations_build_exactly_the_orm_schema(tmp_path: Path) -> None:
    """Alembic from empty must give the tables and columns the ORM expects."""
    db = open_database(tmp_path / "m.sqlite3")
    try:
        with db.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                cols = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
                assert cols == {c.name for c in table.columns}, table.name
    finally:
        db.dispose()


def test_reopening_does_not_seed_twice_or_back_up(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path).dispose()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM rating_scales")).scalar() == 1
        assert db.backup is None
        assert not (tmp_path / "backups").exists()
    finally:
        db.dispose()


def _database_at(path: Path, revision: str) -> None:
    """A database file as an older ClaimDesk left it: migrated only up to `revision`."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.execute(
            text(
                "INSERT INTO articles (title, file_name, file_path, format, sha256, text,"
                " imported_at)"
                " VALUES ('Old', 'old.txt', '/x/old.txt', 'txt', 'abc', 'Old text.', "
                "'2025-01-01 10:00:00')"
            )
        )
    engine.dispose()


def test_database_from_revision_0001_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    _database_at(path, "0001")
    db = open_database(path, backups=tmp_path / "bk")
    try:
        assert db.backup is not None and db.backup.parent == tmp_path / "bk"
        with db.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            title = conn.execute(text("SELECT title FROM articles")).scalar()
        assert version == head_revision()
        assert title == "Old"
        with db.sessions.begin() as s:
            repo.set_setting(s, "checker_name", "Ana")
        with db.sessions() as s:
            assert repo.get_setting(s, "checker_name") == "Ana"
    finally:
        db.dispose()
    backup = sqlite3.connect(db.backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT title FROM articles").fetchone() == ("Old",)
    finally:
        backup.close()


def test_database_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all\n" * 10, b"SQLite format 3\x00" + b"\xff" * 2000],
)
def test_broken_file_is_refused_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content
    assert not (tmp_path / "backups").exists()


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a ClaimDesk database"):
        open_database(path)
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="folder"):
        open_database(folder)
