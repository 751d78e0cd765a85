"""Migration 0013: the times an older ClaimDesk stored (local, without a zone) become UTC,
taken as local times of the zone of the machine that migrates (DST included), and back."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.storage.dbfiles import database_at, execute, migrate, rows
from tests.storage.test_pg_migrations import _move

WINTER, SUMMER = "2025-01-15 10:00:00", "2025-07-15 10:00:00"  # Paris: UTC+1, UTC+2


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _times(path: Path) -> dict[str, list[object]]:
    return {
        "articles": [r[0][:19] for r in rows(path, "SELECT imported_at FROM articles")],
        "claims": [tuple(v[:19] for v in r) for r in rows(
            path, "SELECT created_at, updated_at FROM claims")],
        "verdicts": [tuple(v and v[:19] for v in r) for r in rows(
            path, "SELECT created_at, updated_at, reviewed_at FROM verdicts")],
        "notes": [r[0][:19] for r in rows(path, "SELECT created_at FROM source_notes")],
        "history": [r[0][:19] for r in rows(path, "SELECT at FROM claim_history ORDER BY id")],
        "library": [r[0][:19] for r in rows(path, "SELECT imported_at FROM factchecks")],
        "evidence": [r[0][:19] for r in rows(path, "SELECT captured_at FROM evidence")],
        "rule log": [e["at"] for e in json.loads(rows(
            path, "SELECT value FROM settings WHERE key = 'review_required_log'")[0][0])],
    }  # fmt: skip


def test_0013_turns_local_times_into_utc_and_back(tmp_path: Path, paris: None) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0012")
    execute(
        path,
        f"UPDATE articles SET imported_at = '{WINTER}'",
        "INSERT INTO rating_scales (id, name, is_default) VALUES (1, 'Default', 1)",
        "INSERT INTO ratings (id, scale_id, name, value, color, position)"
        " VALUES (1, 1, 'False', 1, '#c62828', 0)",
        "INSERT INTO claims (id, article_id, start, \"end\", text, origin, types, entities,"
        f" status, created_at, updated_at) VALUES (1, 1, 0, 3, 'Old', 'manual', '[]', '[]',"
        f" 'done', '{WINTER}', '{SUMMER}')",
        "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
        f" updated_at, reviewed_at) VALUES (1, 1, 'Because.', 'Dana', '{WINTER}',"
        f" '{SUMMER}', NULL)",
        "INSERT INTO source_notes (id, claim_id, url, title, publisher, quote, note, stance,"
        f" created_at) VALUES (1, 1, 'https://a.example', '', '', '', '', 'context',"
        f" '{SUMMER}')",
        "INSERT INTO claim_history (claim_id, at, who, field, old, new) VALUES"
        f" (1, '{WINTER}', 'Dana', 'status', 'todo', 'done'),"
        f" (1, '{SUMMER}.000000', 'Dana', 'status', 'done', 'todo')",
        "INSERT INTO factchecks (url, source, claim, title, rating, publisher, imported_at)"
        f" VALUES ('https://b.example', 'imported', 'C', '', 'False', 'B', '{SUMMER}')",
        "INSERT INTO evidence_blobs (id, sha256, size, text, data) VALUES (1, 'ab', 1, '', x'00')",
        "INSERT INTO evidence (source_note_id, sha256, file_name, media_type, size, captured_at)"
        f" VALUES (1, 'ab', 'a.png', 'image/png', 1, '{WINTER}')",
        "INSERT INTO settings (key, value) VALUES ('review_required_log',"
        ' \'[{"required": true, "who": "Dana", "at": "2025-07-15T10:00:00"}]\')',
    )
    before = _times(path)
    migrate(path, "0013")
    assert _times(path) == {
        "articles": ["2025-01-15 09:00:00"],
        "claims": [("2025-01-15 09:00:00", "2025-07-15 08:00:00")],
        "verdicts": [("2025-01-15 09:00:00", "2025-07-15 08:00:00", None)],
        "notes": ["2025-07-15 08:00:00"],
        "history": ["2025-01-15 09:00:00", "2025-07-15 08:00:00"],
        # the desk's own verdicts are copied into the library (0008); this one is imported
        "library": ["2025-07-15 08:00:00", "2025-07-15 08:00:00"],
        "evidence": ["2025-01-15 09:00:00"],
        "rule log": ["2025-07-15T08:00:00"],
    }
    migrate(path, "0012", down=True)
    assert _times(path) == before


def test_0013_on_postgresql(pg_url: str, paris: None) -> None:
    _move(pg_url, ("up", "0012"))
    engine = create_engine(pg_url)
    query = "SELECT a.imported_at, c.created_at, c.updated_at, h.at FROM articles a" \
            " JOIN claims c ON c.article_id = a.id JOIN claim_history h ON h.claim_id = c.id"
    try:
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO articles (id, title, file_name, file_path, format, sha256, text,"
                f" imported_at) VALUES (1, 'T', 'a.txt', '/a.txt', 'txt', 's', 'Old', '{WINTER}')"
            ))
            conn.execute(text(
                "INSERT INTO claims (id, article_id, start, \"end\", text, origin, types,"
                " entities, status, created_at, updated_at) VALUES (1, 1, 0, 3, 'Old',"
                f" 'manual', '[]', '[]', 'done', '{WINTER}', '{SUMMER}')"
            ))
            conn.execute(text(
                "INSERT INTO claim_history (claim_id, at, who, field, old, new) VALUES"
                f" (1, '{SUMMER}', 'Dana', 'status', 'todo', 'done')"
            ))
            before = [tuple(str(v) for v in conn.execute(text(query)).one())]
        _move(pg_url, ("up", "0013"))
        with engine.connect() as conn:
            after = [tuple(str(v) for v in conn.execute(text(query)).one())]
        assert after == [("2025-01-15 09:00:00", "2025-01-15 09:00:00",
                          "2025-07-15 08:00:00", "2025-07-15 08:00:00")]  # fmt: skip
        _move(pg_url, ("down", "0012"))
        with engine.connect() as conn:
            assert [tuple(str(v) for v in conn.execute(text(query)).one())] == before
    finally:
        engine.dispose()


def test_0013_leaves_times_no_zone_can_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk altered elsewhere may hold year 9999 or text that is no time: the upgrade
    keeps them as they are rather than failing (which would leave the desk unopenable)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        path = tmp_path / "odd.sqlite3"
        database_at(path, "0012")
        execute(
            path,
            "UPDATE articles SET imported_at = '9999-12-31 23:00:00', extracted_at = 'soon'",
        )
        migrate(path, "0013")
        assert rows(path, "SELECT imported_at, extracted_at FROM articles") == [
            ("9999-12-31 23:00:00", "soon")
        ]
    finally:
        monkeypatch.undo()
        time.tzset()
