"""The shipped schema snapshot: what the migrations make, and what opening a desk relies on."""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimdesk.storage import schema, schema_snapshot
from claimdesk.storage.db import open_database


def test_the_shipped_snapshot_is_what_the_migrations_make() -> None:
    # Fails after a new migration until `make schema-snapshot` is run and committed.
    assert schema_snapshot.main(["snapshot", "--check"]) == 0
    loaded = schema_snapshot.load()
    assert loaded is not None
    with schema_snapshot.migrated(loaded.head) as con:
        assert schema.objects_of(con) == loaded.objects


def test_a_new_desk_has_exactly_the_schema_the_migrations_make(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        db = open_database(tmp_path / "desk.sqlite3")
        db.dispose()
    # Made whole, full-text index included: nothing to repair, nothing in the user's log.
    assert "rebuilt" not in caplog.text
    con = sqlite3.connect(tmp_path / "desk.sqlite3")
    try:
        made = schema.objects_of(con)
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    loaded = schema_snapshot.load()
    assert loaded is not None and revision == loaded.head
    with schema_snapshot.migrated(revision) as replayed:
        expected = schema.objects_of(replayed)
    # Every table, index, trigger and full-text object, compared by what it does.
    assert set(made) == set(expected)
    assert made == expected


def test_opening_or_creating_a_desk_does_not_import_alembic(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        from claimdesk.storage.db import open_database
        open_database(sys.argv[1]).dispose()
        print("alembic:", "alembic" in sys.modules)
        """
    )
    for _round in ("created", "opened"):
        result = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "desk.sqlite3")],
            capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "alembic: False" in result.stdout, _round


def test_a_stale_snapshot_is_ignored_and_the_migrations_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = json.loads(schema_snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    # As if a migration had been added to the tree without a new snapshot.
    stale = {**shipped, "files": shipped["files"][:-1], "revisions": shipped["revisions"][:-1]}
    fake = tmp_path / "schema_head.json"
    fake.write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(schema_snapshot, "SNAPSHOT", fake)
    schema_snapshot.load.cache_clear()
    schema.expected_objects.cache_clear()
    try:
        assert schema_snapshot.load() is None
        # The real head, from Alembic, not the snapshot's shortened list.
        assert schema.head_revision() == shipped["revisions"][-1]
        assert not schema.known_revision("9999")
        db = open_database(tmp_path / "desk.sqlite3")
        db.dispose()
        con = sqlite3.connect(tmp_path / "desk.sqlite3")
        try:
            (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
        assert revision == shipped["revisions"][-1]
    finally:
        schema_snapshot.load.cache_clear()
        schema.expected_objects.cache_clear()
