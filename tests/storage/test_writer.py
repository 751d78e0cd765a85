"""BEGIN IMMEDIATE for every write: the lock is taken first and held to the commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.storage import db as dbmod
from claimdesk.storage import writer
from claimdesk.storage.db import BUSY_TIMEOUT_S, open_database


def _other_writer_blocked(path: Path) -> bool:
    con = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert writer.is_busy(exc)
        return True
    else:
        con.execute("ROLLBACK")
        return False
    finally:
        con.close()


def test_the_write_lock_is_held_from_the_start_of_the_transaction(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    try:
        with db.sessions() as session:
            session.execute(text("SELECT 1"))
            assert not _other_writer_blocked(db.path)  # a plain session takes no lock to read
        with db.sessions.begin() as session:
            raw = session.connection().connection.dbapi_connection
            assert _other_writer_blocked(db.path)
            # The polite wait's short slices are undone: SQLite's own wait is back.
            assert raw.execute("PRAGMA busy_timeout").fetchone() == (int(BUSY_TIMEOUT_S * 1000),)
        assert not _other_writer_blocked(db.path)
    finally:
        db.dispose()


def test_waiting_past_the_limit_is_a_plain_error_and_rolls_nothing_in(tmp_path: Path) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    heard: list[str] = []
    try:
        with (
            pytest.raises(writer.DatabaseBusy),
            db.sessions.begin(heard.append, limit=0.5) as session,
        ):
            session.execute(text("SELECT 1"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()
    assert heard == [writer.WAITING]


def test_opening_a_current_database_takes_no_write_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another ClaimDesk writing must not hold up (or fail) a second one's start.

    Only a file that needs creating, upgrading, an index repair or its scale waits for
    the lock; the writes after it then wait politely, saying so.
    """
    path = tmp_path / "w.sqlite3"
    open_database(path).dispose()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 0.3)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('other', 'writing')")
    try:
        db = open_database(path)
        db.dispose()
    finally:
        other.execute("COMMIT")
        other.close()
