"""Migration 0011 on a file an older ClaimDesk left: old verdicts become drafts, nothing lost."""

from __future__ import annotations

from pathlib import Path

from tests.storage.dbfiles import database_at, execute, migrate, rows

_TRIGGERS = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"


def test_0011_adds_assignment_review_and_note_authors_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0010")
    execute(
        path,
        "INSERT INTO rating_scales (id, name, is_default) VALUES (1, 'Default', 1)",
        "INSERT INTO ratings (id, scale_id, name, value, color, position)"
        " VALUES (1, 1, 'False', 1, '#c62828', 0)",
        "INSERT INTO claims (id, article_id, start, \"end\", text, origin, types, entities,"
        " status, created_at, updated_at) VALUES (1, 1, 0, 3, 'Old', 'manual', '[]', '[]',"
        " 'done', '2025-01-01 10:00:00', '2025-01-01 10:00:00')",
        "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
        " updated_at) VALUES (1, 1, 'Because.', 'Dana', '2025-01-01 10:00:00',"
        " '2025-01-01 10:00:00')",
        "INSERT INTO source_notes (claim_id, url, title, publisher, quote, note, stance,"
        " created_at) VALUES (1, 'https://a.example', '', '', '', '', 'context',"
        " '2025-01-01 10:00:00')",
    )
    triggers = rows(path, _TRIGGERS)
    migrate(path, "0011")
    assert rows(path, "SELECT assignee FROM claims") == [(None,)]
    assert rows(path, "SELECT checker, review_state, reviewer, reviewed_at FROM verdicts") == [
        ("Dana", "draft", None, None)
    ]
    assert rows(path, "SELECT checker FROM source_notes") == [("",)]
    # Columns added in place: the full-text triggers on these tables are all still there.
    assert rows(path, _TRIGGERS) == triggers
    migrate(path, "0010", down=True)
    assert rows(path, "SELECT explanation, checker FROM verdicts") == [("Because.", "Dana")]
    columns = {r[1] for r in rows(path, "PRAGMA table_info(verdicts)")}
    assert "review_state" not in columns and "version" in columns
