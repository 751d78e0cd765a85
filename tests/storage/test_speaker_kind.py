"""Migration 0004: the speaker's kind is stored beside the speaker; older desks keep their work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, SpeakerKind
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import _alembic_config, head_revision, open_database

NOW = "'2025-01-01 10:00:00'"


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def _columns(path: Path) -> set[str]:
    return {str(r[1]) for r in _sql(path, "PRAGMA table_info(claims)")}


def _database_at_0003_with_a_claim(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text(
            "INSERT INTO articles (title, file_name, file_path, format, sha256, text, imported_at)"
            " VALUES ('Crime', 'c.txt', '/x/c.txt', 'txt', 'abc',"
            f" 'Violent crime has risen by 83%, the Tory leader said.', {NOW})"
        ))
        conn.execute(text(
            'INSERT INTO claims (article_id, start, "end", text, origin, types, entities,'
            " status, created_at, updated_at, speaker)"
            " VALUES (1, 0, 29, 'Violent crime has risen by 83', 'manual', '[]', '[]',"
            f" 'done', {NOW}, {NOW}, 'Michael Howard')"
        ))
    engine.dispose()


def test_upgrade_from_0003_keeps_claims_and_adds_an_empty_kind(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    _database_at_0003_with_a_claim(path)
    assert "speaker_kind" not in _columns(path)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        assert db.backup is not None  # the upgrade was backed up first
        with db.sessions() as s:
            (claim,) = repo.list_claims(s, 1)
        assert (claim.speaker, claim.speaker_kind, claim.status.value) == (
            "Michael Howard", None, "done")
        with db.sessions.begin() as s:
            repo.add_claim(s, 1, CandidateClaim(
                31, 52, "the Tory leader said.", speaker="Conservative Party",
                speaker_kind=SpeakerKind.ORGANISATION), ClaimOrigin.MANUAL)
        with db.sessions() as s:
            kinds = [(c.speaker, c.speaker_kind) for c in repo.list_claims(s, 1)]
    finally:
        db.dispose()
    assert kinds == [("Michael Howard", None), ("Conservative Party", SpeakerKind.ORGANISATION)]
    assert "speaker_kind" in _columns(path)
    assert _sql(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    # The full-text triggers of 0003 survived the new column: the speaker is still found.
    assert _sql(path, "SELECT rowid FROM fts_claims WHERE fts_claims MATCH 'conservative'") == [
        (2,)]


def test_extracted_kinds_are_stored_and_the_downgrade_drops_only_the_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    try:
        with db.sessions.begin() as s:
            aid = repo.add_article(s, text="Ukraine said it shot down 25 drones.",
                                   metadata=ArticleMetadata(title="Drones"), file_name="d.txt",
                                   file_path="/d.txt", fmt="txt", sha256="d")
            repo.store_extracted_claims(s, aid, [CandidateClaim(
                0, 36, "Ukraine said it shot down 25 drones.", speaker="Ukraine",
                speaker_kind=SpeakerKind.PLACE)], "test")
        with db.sessions() as s:
            (claim,) = repo.list_claims(s, aid)
        assert claim.speaker_kind is SpeakerKind.PLACE
    finally:
        db.dispose()
    assert _sql(path, "SELECT speaker, speaker_kind FROM claims") == [("Ukraine", "place")]
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    assert "speaker_kind" not in _columns(path)
    assert _sql(path, "SELECT speaker FROM claims") == [("Ukraine",)]
