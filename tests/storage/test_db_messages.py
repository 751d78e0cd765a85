"""Healthy files are never called damaged: each SQLite failure gets its own plain sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.errors import DatabaseError
from claimdesk.storage import db as dbmod
from claimdesk.storage import writer
from claimdesk.storage.db import open_database
from claimdesk.storage.sqlite_errors import describe
from tests.storage.dbfiles import sha256


def _error_of(action: object) -> sqlite3.Error:
    try:
        action()  # type: ignore[operator]
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("SQLite did not fail")


def _healthy(message: str) -> None:
    assert "damaged" not in message and "Restore" not in message and "backup" not in message
    assert "\n" not in message


def test_read_only_file_or_filesystem_is_called_read_only(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    sqlite3.connect(path).close()
    ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    exc = _error_of(lambda: ro.execute("CREATE TABLE t (x)"))
    ro.close()
    assert exc.sqlite_errorname == "SQLITE_READONLY"
    message = describe(exc, path)
    _healthy(message)
    assert str(path) in message and "read-only" in message


def test_folder_that_cannot_hold_the_files_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "desk.sqlite3"
    exc = _error_of(lambda: sqlite3.connect(path))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    message = describe(exc, path)
    _healthy(message)
    assert "folder" in message and "desk.sqlite3-wal" in message


def test_only_integrity_failures_are_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    con = sqlite3.connect(path)
    exc = _error_of(lambda: con.execute("SELECT * FROM sqlite_master").fetchall())
    con.close()
    assert exc.sqlite_errorname in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
    assert "damaged" in describe(exc, path)


def test_locked_database_is_called_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / "desk.sqlite3"
    open_database(path).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = sha256(path)
        with pytest.raises(DatabaseError) as info:
            open_database(path)
        message = str(info.value)
        _healthy(message)
        assert "busy" in message and "another ClaimDesk" in message
        # The same class as the polite wait's own "busy": callers catch one kind.
        assert isinstance(info.value, writer.DatabaseBusy)
        assert sha256(path) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_write_that_cannot_get_the_lock_says_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            pytest.raises(DatabaseError, match="busy: another ClaimDesk is writing"),
            db.sessions.begin() as session,
        ):
            session.execute(text("SELECT 1"))
        # Reading is not held up by another process's write.
        with db.sessions() as session:
            assert session.execute(text("SELECT count(*) FROM ratings")).scalar()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()


def test_a_full_disk_during_a_write_is_one_plain_sentence(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    try:
        with db.sessions() as session:
            pages = session.execute(text("PRAGMA page_count")).scalar()
        with pytest.raises(DatabaseError) as info, db.sessions.begin() as session:
            # SQLite's own page limit: a real SQLITE_FULL without filling the disk.
            session.execute(text(f"PRAGMA max_page_count = {pages}"))
            session.execute(
                text("INSERT INTO settings (key, value) VALUES ('big', :v)"), {"v": "x" * 200_000}
            )
        message = str(info.value)
        _healthy(message)
        assert "is full" in message and str(path) in message
    finally:
        db.dispose()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM settings WHERE key = 'big'").fetchone() == (0,)
    finally:
        con.close()
