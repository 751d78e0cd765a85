"""The FTS5 index and claim history: migration 0003, triggers, and rebuilding when damaged."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, SourceDraft
from claimdesk.errors import DatabaseError
from claimdesk.storage import fts
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import _alembic_config, head_revision, open_database
from tests.storage.dbfiles import execute

FTS_OBJECTS = (
    "SELECT type, name, tbl_name, sql FROM sqlite_master "
    "WHERE name LIKE 'fts_%' AND type IN ('table', 'trigger') ORDER BY name"
)


def _sql(path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def _match(path: Path, table: str, query: str) -> list[int]:
    rows = _sql(path, f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", query)
    return [int(r[0]) for r in rows]


def _database_at_0002_with_work(path: Path) -> None:
    """A database as ClaimDesk left it before 0003: an article, a rated claim, a source."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        now = "'2025-01-01 10:00:00'"
        for statement in (
            "INSERT INTO articles (title, file_name, file_path, format, sha256, text, imported_at)"
            f" VALUES ('Harbour news', 'old.txt', '/x/old.txt', 'txt', 'abc',"
            f" 'The harbour handled 12 million tonnes.', {now})",
            "INSERT INTO rating_scales (name, is_default) VALUES ('Default', 1)",
            "INSERT INTO ratings (scale_id, name, value, color, position)"
            " VALUES (1, 'False', 1, '#c62828', 0)",
            'INSERT INTO claims (article_id, start, "end", text, origin, types, entities,'
            " status, created_at, updated_at, speaker)"
            f" VALUES (1, 0, 37, 'The harbour handled 12 million tonnes', 'manual', '[]',"
            f" '[]', 'done', {now}, {now}, 'Port authority')",
            "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
            f" updated_at) VALUES (1, 1, 'Tonnage was overstated', 'Ana', {now}, {now})",
            "INSERT INTO source_notes (claim_id, url, title, publisher, quote, note, stance,"
            " created_at) VALUES (1, 'https://port.example/annual', 'Annual statistics',"
            f" 'Port', 'nine million', 'see table 4', 'contradicts', {now})",
        ):
            conn.execute(text(statement))
    engine.dispose()


def test_migration_from_0002_indexes_existing_work_and_adds_history(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    _database_at_0002_with_work(path)
    db = open_database(path, backups=tmp_path / "bk")
    db.dispose()
    assert db.backup is not None
    assert _sql(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert _match(path, "fts_articles", "harbour") == [1]
    assert _match(path, "fts_claims", "port") == [1]  # the speaker
    assert _match(path, "fts_verdicts", "overstat*") == [1]
    assert _match(path, "fts_sources", "table") == [1]
    assert _match(path, "fts_sources", "annual") == [1]  # in the title and the URL
    assert _sql(path, "SELECT count(*) FROM claim_history") == [(0,)]
    assert _sql(path, "SELECT explanation FROM verdicts") == [("Tonnage was overstated",)]


def test_migration_from_empty_matches_the_repair_code_and_downgrades(tmp_path: Path) -> None:
    """0003 writes its own copy of the index statements; fts.py must agree with it."""
    path = tmp_path / "new.sqlite3"
    open_database(path).dispose()
    migrated = _sql(path, FTS_OBJECTS)
    ours = {r[3] for r in migrated if r[0] == "trigger" or "USING fts5" in str(r[3])}
    assert ours == {statement for index in fts.INDEXES for statement in index.ddl()}
    assert len(ours) == 4 * len(fts.INDEXES)
    # Dropped entirely, then rebuilt by the repair code: the same objects again.
    execute(path, *(f"DROP TABLE {i.name}" for i in fts.INDEXES))
    open_database(path).dispose()
    assert _sql(path, FTS_OBJECTS) == migrated
    # And the downgrade takes everything away again.
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    assert _sql(path, FTS_OBJECTS) == []
    assert _sql(path, "SELECT name FROM sqlite_master WHERE name = 'claim_history'") == []


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A database with one article, one claim with a verdict and a source."""
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    with db.sessions.begin() as s:
        aid = repo.add_article(
            s,
            text="Wind turbines produced a record share of power in Écosse.",
            metadata=ArticleMetadata(title="Windy days", published=date(2026, 1, 1)),
            file_name="wind.txt",
            file_path="/wind.txt",
            fmt="txt",
            sha256="w",
        )
        cid = repo.add_claim(
            s,
            aid,
            CandidateClaim(0, 46, "Wind turbines produced a record share of power"),
            ClaimOrigin.MANUAL,
        )
        rating = repo.default_scale(s).ratings[0].id
        repo.set_verdict(s, cid, rating, "Grid operator confirms", "Ana")
        repo.add_source(s, cid, SourceDraft(url="https://grid.example", quote="record share"))
    db.dispose()
    return path


def test_triggers_follow_inserts_updates_and_cascading_deletes(desk: Path) -> None:
    assert _match(desk, "fts_articles", "ecosse") == [1]  # diacritics folded
    db = open_database(desk)
    try:
        with db.sessions.begin() as s:
            repo.update_article_metadata(s, 1, ArticleMetadata(title="Storm report"))
            repo.set_verdict(s, 1, repo.default_scale(s).ratings[1].id, "Operator denies", "Ana")
        assert _match(desk, "fts_articles", "storm") == [1]
        assert _match(desk, "fts_articles", "windy") == []
        assert _match(desk, "fts_verdicts", "denies") == [1]
        assert _match(desk, "fts_verdicts", "confirms") == []
        with db.sessions.begin() as s:
            repo.delete_article(s, 1)  # claims, verdict and source go by ON DELETE CASCADE
    finally:
        db.dispose()
    for table in ("fts_articles", "fts_claims", "fts_verdicts", "fts_sources"):
        assert _sql(desk, f"SELECT count(*) FROM {table}_docsize") == [(0,)], table
    assert _match(desk, "fts_claims", "turbines") == []


def test_a_dropped_index_is_rebuilt_when_the_database_opens(desk: Path) -> None:
    execute(desk, "DROP TABLE fts_claims", "DROP TRIGGER fts_claims_ai")
    # The other triggers still name the missing table: writing a claim now would fail,
    # which is why the repair runs on open, before anything is written.
    db = open_database(desk)
    try:
        assert _match(desk, "fts_claims", "turbines") == [1]
        with db.sessions.begin() as s:
            repo.add_claim(s, 1, CandidateClaim(47, 56, "in Écosse"), ClaimOrigin.MANUAL)
    finally:
        db.dispose()
    assert _match(desk, "fts_claims", "ecos*") == [2]


def test_an_emptied_index_is_rebuilt_when_the_database_opens(desk: Path) -> None:
    execute(desk, "INSERT INTO fts_sources(fts_sources) VALUES ('delete-all')")
    assert _match(desk, "fts_sources", "record") == []
    rebuilt = open_database(desk)
    try:
        assert _match(desk, "fts_sources", "record") == [1]
        with rebuilt.engine.begin() as conn:
            assert fts.ensure_index(conn) == []  # nothing left to repair
    finally:
        rebuilt.dispose()


def test_a_missing_trigger_is_recreated_and_the_index_refreshed(desk: Path) -> None:
    execute(
        desk,
        "DROP TRIGGER fts_verdicts_au",
        "UPDATE verdicts SET explanation = 'Operator revised figures'",
    )
    open_database(desk).dispose()
    assert _match(desk, "fts_verdicts", "revised") == [1]
    assert _match(desk, "fts_verdicts", "confirms") == []
    names = {r[0] for r in _sql(desk, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"fts_verdicts_ai", "fts_verdicts_ad", "fts_verdicts_au"} <= names


def test_this_sqlite_has_fts5() -> None:
    assert fts.fts5_problem() is None
    fts.require_fts5()


def test_a_sqlite_without_what_the_index_needs_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An FTS5 build lacking a feature we use fails the same probe as one lacking FTS5."""
    monkeypatch.setattr(fts, "OPTIONS", "tokenize='no_such_tokenizer'")
    fts.fts5_problem.cache_clear()
    try:
        with pytest.raises(DatabaseError, match=f"SQLite {sqlite3.sqlite_version} has no usable"):
            open_database(tmp_path / "never.sqlite3")
    finally:
        fts.fts5_problem.cache_clear()
    assert not (tmp_path / "never.sqlite3").exists()
