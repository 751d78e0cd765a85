"""A database whose schema is not exactly ClaimDesk's is refused before use, unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.errors import DatabaseError
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import head_revision, open_database
from tests.storage.dbfiles import database_at, execute, listing, sha256

FLIP = (
    "CREATE TRIGGER flip AFTER INSERT ON verdicts BEGIN "
    "UPDATE verdicts SET rating_id = (SELECT id FROM ratings WHERE name = 'True') "
    "WHERE id = new.id; END"
)

HOSTILE = {
    "trigger": (FLIP,),
    "view": ("CREATE VIEW claim_view AS SELECT * FROM claims",),
    "index": ("CREATE INDEX ix_spy ON articles (title)",),
    "table": ("CREATE TABLE extra (x)",),
    "changed fts trigger": (
        "DROP TRIGGER fts_claims_ai",
        "CREATE TRIGGER fts_claims_ai AFTER INSERT ON claims BEGIN "
        "UPDATE claims SET text = 'forged' WHERE id = new.id; END",
    ),
    "table shadowed by a view": (
        "DROP TABLE settings",
        "CREATE VIEW settings AS SELECT 1 AS id, 'checker_name' AS key, 'Mallory' AS value",
    ),
    "changed table": (
        "DROP TABLE settings",
        "CREATE TABLE settings (id INTEGER PRIMARY KEY, key TEXT, value TEXT)",
    ),
}


def _desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk" / "desk.sqlite3"
    open_database(path, backups=tmp_path / "bk").dispose()
    return path


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_schema_is_refused_and_the_file_left_byte_identical(
    tmp_path: Path, kind: str
) -> None:
    path = _desk(tmp_path)
    execute(path, *HOSTILE[kind])
    before, files = sha256(path), listing(path.parent)
    with pytest.raises(DatabaseError) as info:
        open_database(path, backups=tmp_path / "bk")
    message = str(info.value)
    assert str(path) in message and "not a schema ClaimDesk made" in message
    assert "\n" not in message
    assert sha256(path) == before
    assert listing(path.parent) == files
    assert not (tmp_path / "bk").exists()


def test_hostile_trigger_in_an_older_revision_is_refused_before_the_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0002")
    execute(path, FLIP)
    before = sha256(path)
    with pytest.raises(DatabaseError, match="trigger flip"):
        open_database(path, backups=tmp_path / "bk")
    assert sha256(path) == before
    assert not (tmp_path / "bk").exists()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_databases_of_every_older_revision_still_open(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, revision)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
    finally:
        db.dispose()
    # The upgraded file passes the check when it is opened again.
    open_database(path, backups=tmp_path / "bk").dispose()


def test_a_missing_full_text_trigger_is_repaired_not_refused(tmp_path: Path) -> None:
    path = _desk(tmp_path)
    execute(path, "DROP TRIGGER fts_claims_au")
    db = open_database(path, backups=tmp_path / "bk")
    try:
        with db.sessions() as s:
            assert repo.default_scale(s).ratings
    finally:
        db.dispose()
    con = sqlite3.connect(path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        con.close()
    assert "fts_claims_au" in names
    # The repaired trigger is accepted as ClaimDesk's own on the next open.
    open_database(path, backups=tmp_path / "bk").dispose()
