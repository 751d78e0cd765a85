"""Migration 0009: evidence attachments, their blobs by sha256 and their word index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimdesk.storage.db import head_revision, open_database
from tests.storage.dbfiles import database_at, execute, migrate, rows

NOW = "'2026-12-01 10:00:00'"
OBJECTS = ("evidence", "evidence_blobs", "fts_evidence", "fts_evidence_ai")


def _names(path: Path) -> set[str]:
    return {str(r[0]) for r in rows(path, "SELECT name FROM sqlite_master")}


def _with_a_source(path: Path) -> None:
    """An 0008 desk with one claim and one source note on it."""
    database_at(path, "0008")
    execute(
        path,
        'INSERT INTO claims (article_id, start, "end", text, origin, types, entities, status,'
        f" created_at, updated_at) VALUES (1, 0, 9, 'Old text', 'manual', '[]', '[]', 'todo',"
        f" {NOW}, {NOW})",
        "INSERT INTO source_notes (claim_id, url, title, publisher, quote, note, stance,"
        f" created_at) VALUES (1, 'https://example.org', 'Report', '', '', '', 'context', {NOW})",
    )


def _attach(con: sqlite3.Connection, sha: str, text: str) -> None:
    con.execute(
        "INSERT OR IGNORE INTO evidence_blobs (sha256, size, text, data) VALUES (?, 3, ?,"
        " x'010203')",
        (sha, text),
    )
    con.execute(
        "INSERT INTO evidence (source_note_id, sha256, file_name, media_type, size, captured_at)"
        f" VALUES (1, ?, 'scan.pdf', 'application/pdf', 3, {NOW})",
        (sha,),
    )


def test_upgrade_from_0008_keeps_notes_and_adds_empty_evidence_tables(tmp_path: Path) -> None:
    path = tmp_path / "v8.sqlite3"
    _with_a_source(path)
    assert not set(OBJECTS) & _names(path)
    open_database(path, backups=tmp_path / "bk").dispose()
    assert head_revision() >= "0009"
    assert set(OBJECTS) <= _names(path)
    assert rows(path, "SELECT title FROM source_notes") == [("Report",)]
    assert rows(path, "SELECT count(*) FROM evidence") == [(0,)]
    # Accepted as ClaimDesk's own when it opens again.
    open_database(path, backups=tmp_path / "bk").dispose()


def test_evidence_is_indexed_cascades_with_its_note_and_keeps_its_blob(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _with_a_source(path)
    migrate(path, "0009")
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    _attach(con, "a" * 64, "The quarterly zyxophone tally")
    con.commit()
    found = con.execute("SELECT rowid FROM fts_evidence WHERE fts_evidence MATCH 'zyxo*'")
    assert found.fetchall() == [(1,)]
    # The same file twice on one note is one attachment.
    with pytest.raises(sqlite3.IntegrityError):
        _attach(con, "a" * 64, "again")
    # A blob an attachment names cannot be deleted under it.
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM evidence_blobs")
    # Bytes that do not match the recorded size are refused.
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO evidence_blobs (sha256, size, text, data) VALUES (?, 9, '', x'00')",
            ("b" * 64,),
        )
    con.execute("DELETE FROM source_notes")
    con.commit()
    assert con.execute("SELECT count(*) FROM evidence").fetchall() == [(0,)]
    # The blob (and so its indexed text) stays until the desk drops unreferenced ones.
    assert con.execute("SELECT count(*) FROM evidence_blobs").fetchall() == [(1,)]
    con.execute("DELETE FROM evidence_blobs")
    con.commit()
    assert con.execute("SELECT count(*) FROM fts_evidence_docsize").fetchall() == [(0,)]
    con.close()


def test_downgrade_to_0008_removes_everything_and_upgrade_again_works(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _with_a_source(path)
    migrate(path, "0009")
    migrate(path, "0008", down=True)
    assert not set(OBJECTS) & _names(path)
    assert not any("evidence" in n for n in _names(path))
    assert rows(path, "SELECT title FROM source_notes") == [("Report",)]
    open_database(path, backups=tmp_path / "bk").dispose()
    assert set(OBJECTS) <= _names(path)


def test_a_trigger_added_to_evidence_is_refused(tmp_path: Path) -> None:
    from claimdesk.errors import DatabaseError

    path = tmp_path / "desk.sqlite3"
    open_database(path).dispose()
    execute(
        path,
        "CREATE TRIGGER leak AFTER INSERT ON evidence BEGIN "
        "UPDATE evidence SET text = '' WHERE id = new.id; END",
    )
    with pytest.raises(DatabaseError, match="unexpected trigger leak"):
        open_database(path)
