"""Migration 0007: DATE claims are stored, and an older ClaimDesk never misreads them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from claimdesk.domain import CandidateClaim, ClaimOrigin, ClaimType
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import _alembic_config, head_revision, open_database
from claimdesk.storage.schema import known_revision
from tests.storage.dbfiles import database_at, rows


def test_a_0004_desk_upgrades_and_stores_date_claims(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    database_at(path, "0004")
    db = open_database(path, backups=tmp_path / "bk")
    try:
        # The revision moves on, so an older ClaimDesk (which knows 0004 at most) says
        # "made by a newer version" instead of failing on a type it cannot read.
        assert db.backup is not None
        assert head_revision() >= "0007" and known_revision("0004")
        with db.sessions.begin() as s:
            repo.add_claim(s, 1, CandidateClaim(0, 14, "Old text numbe",
                                                types=(ClaimType.QUANTITY, ClaimType.DATE)),
                           ClaimOrigin.MANUAL)
        with db.sessions() as s:
            (claim,) = repo.list_claims(s, 1)
    finally:
        db.dispose()
    assert claim.types == (ClaimType.QUANTITY, ClaimType.DATE)
    assert rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_the_downgrade_leaves_types_an_older_claimdesk_can_read(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    database_at(path, "0007")
    con = sqlite3.connect(path)
    con.execute(
        'INSERT INTO claims (article_id, start, "end", text, origin, types, entities, status,'
        " created_at, updated_at) VALUES (1, 0, 3, 'Old', 'manual', ?, '[]', 'todo',"
        " '2025-01-01 10:00:00', '2025-01-01 10:00:00')", ('["quantity", "date"]',))
    con.execute(
        'INSERT INTO claims (article_id, start, "end", text, origin, types, entities, status,'
        " created_at, updated_at) VALUES (1, 4, 8, 'text', 'manual', ?, '[]', 'todo',"
        " '2025-01-01 10:00:00', '2025-01-01 10:00:00')", ('["date"]',))
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    assert rows(path, "SELECT types FROM claims ORDER BY id") == [('["quantity"]',), ("[]",)]
    assert rows(path, "SELECT version_num FROM alembic_version") == [("0004",)]
