"""A --db path is a file name, never URI text: the database lands exactly there."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.storage.db import head_revision, open_database
from tests.storage.dbfiles import execute, listing, revision_of, sha256

NAMES = (
    "other.sqlite3?x=1",
    "desk?mode=ro",
    "a%41b.sqlite3",
    "100%.sqlite3",
    "case#1.sqlite3",
    "with space.sqlite3",
    "naïve Überprüfung 事実.sqlite3",
    "file:desk.sqlite3",
)


@pytest.mark.parametrize("name", NAMES)
def test_database_is_created_exactly_at_the_path_given(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / name
    open_database(path, backups=tmp_path / "bk").dispose()
    assert listing(folder) == [name]
    assert revision_of(path) == head_revision()
    # Reopening reads the same file (the read-only inspection must find it too).
    db = open_database(path, backups=tmp_path / "bk")
    db.dispose()
    assert db.backup is None
    assert listing(folder) == [name]


def test_query_text_in_a_path_never_reaches_another_programs_database(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    execute(other, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = sha256(other)
    open_database(tmp_path / "other.sqlite3?x=1", backups=tmp_path / "bk").dispose()
    assert sha256(other) == before
    assert listing(tmp_path) == ["other.sqlite3", "other.sqlite3?x=1"]
