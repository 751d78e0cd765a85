"""A history entry of a kind this ClaimDesk does not know is said in one line.

claim_history.field is plain text: the status, verdict and explanation entries of 0003
were joined by source, assignee and review ones since, each without a migration of its
own. A desk where a newer ClaimDesk (or another program) wrote a kind this one does not
know must say so as every other unknown stored value does, not raise a bare ValueError
from the history pane.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.storage import history_repo
from claimdesk.storage.db import open_database
from claimdesk.storage.rows import UnknownStoredValue
from tests.storage.dbfiles import database_at, execute


def test_an_unknown_history_kind_is_one_line_naming_the_claim(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0003")
    execute(
        path,
        "INSERT INTO claims (id, article_id, start, \"end\", text, origin, types, entities,"
        " status, created_at, updated_at) VALUES (7, 1, 0, 3, 'Old', 'manual', '[]', '[]',"
        " 'done', '2025-01-01 10:00:00', '2025-01-01 10:00:00')",
        "INSERT INTO claim_history (claim_id, at, who, field, old, new) VALUES"
        " (7, '2025-01-01 10:00:00', 'Dana', 'status', 'todo', 'done'),"
        " (7, '2025-01-02 10:00:00', 'Dana', 'priority', NULL, 'high')",
    )
    db = open_database(path, tmp_path / "backups")
    try:
        with db.sessions() as session, pytest.raises(UnknownStoredValue) as refused:
            history_repo.list_history(session, 7)
    finally:
        db.dispose()
    message = str(refused.value)
    assert "\n" not in message and "claim 7" in message and "'priority'" in message
