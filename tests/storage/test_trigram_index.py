"""Migration 0006_trigram_search: the substring index for every script, old desks included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimdesk.domain import HitKind
from claimdesk.errors import DatabaseError
from claimdesk.services.search import search
from claimdesk.storage import fts
from claimdesk.storage.db import head_revision, open_database
from tests.storage.dbfiles import execute, migrate, rows, sha256

NOW = "'2025-01-01 10:00:00'"
TRIGRAM_TABLES = ("fts_articles_trigram", "fts_claims_trigram", "fts_verdicts_trigram",
                  "fts_sources_trigram")  # fmt: skip




def _names(path: Path) -> set[str]:
    return {str(r[0]) for r in rows(path, "SELECT name FROM sqlite_master")}




def _database_at_0004_with_work(path: Path) -> None:
    """A desk as ClaimDesk left it before 0006: a Chinese article, its claim, verdict, source."""
    migrate(path, "0004")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO articles (title, file_name, file_path, format, sha256, text, imported_at)"
            " VALUES ('统计局数据', 'zh.txt', '/x/zh.txt', 'txt', 'abc',"
            f" '国家统计局表示，中国城镇调查失业率上升至百分之五点三。', {NOW})",
            "INSERT INTO rating_scales (name, is_default) VALUES ('Default', 1)",
            "INSERT INTO ratings (scale_id, name, value, color, position)"
            " VALUES (1, 'False', 1, '#c62828', 0)",
            'INSERT INTO claims (article_id, start, "end", text, origin, types, entities,'
            " status, created_at, updated_at, speaker)"
            f" VALUES (1, 14, 26, '失业率上升至百分之五点三', 'manual', '[]', '[]', 'done',"
            f" {NOW}, {NOW}, '国家统计局')",
            "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
            f" updated_at) VALUES (1, 1, '官方数据显示失业率为百分之五', 'Ana', {NOW}, {NOW})",
            "INSERT INTO source_notes (claim_id, url, title, publisher, quote, note, stance,"
            " created_at) VALUES (1, 'https://stats.example', '统计公报', 'NBS',"
            f" '城镇调查失业率', '见第四表', 'contradicts', {NOW})",
        ):
            conn.execute(text(statement))
    engine.dispose()


def test_revision_chain() -> None:
    assert head_revision() >= "0006"  # later revisions build on it


def test_upgrade_from_0004_indexes_existing_work(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_work(path)
    assert not set(TRIGRAM_TABLES) & _names(path)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        assert db.backup is not None  # backed up before the upgrade
        hits = search(db, "失业率")
        assert {h.kind for h in hits} == {
            HitKind.ARTICLE, HitKind.CLAIM, HitKind.VERDICT, HitKind.SOURCE}
        assert {h.claim_id for h in hits if h.kind is not HitKind.ARTICLE} == {1}
        assert [h.kind for h in search(db, "第四表")] == [HitKind.SOURCE]
    finally:
        db.dispose()
    assert rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    for table in TRIGRAM_TABLES:
        assert rows(path, f"SELECT count(*) FROM {table}_docsize") == [(1,)], table
    # The upgraded file is accepted as ClaimDesk's own when it opens again.
    open_database(path, backups=tmp_path / "bk").dispose()


def test_from_empty_the_migration_and_the_repair_code_agree_and_downgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(path).dispose()
    made = {
        str(r[0]) for r in rows(path, "SELECT sql FROM sqlite_master WHERE name LIKE '%trigram%'"
                                " AND (type = 'trigger' OR sql LIKE 'CREATE VIRTUAL %')")
    }  # fmt: skip
    # 0006's four indexes and the evidence's (0009), each a table and three triggers.
    ours = {s for index in fts.INDEXES if index.name.endswith("_trigram") for s in index.ddl()}
    assert made == ours and len(ours) == 4 * (len(TRIGRAM_TABLES) + 1)
    assert all("tokenize='trigram'" in s for s in ours if "VIRTUAL" in s)
    migrate(path, "0004", down=True)
    assert not any("trigram" in n for n in _names(path))
    assert {"fts_articles", "fts_claims_ai"} <= _names(path)  # 0003's index stays


def test_a_dropped_trigram_index_is_rebuilt_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_work(path)
    open_database(path).dispose()
    execute(path, "DROP TABLE fts_claims_trigram", "DROP TRIGGER fts_claims_trigram_ai")
    db = open_database(path)
    try:
        assert HitKind.CLAIM in {h.kind for h in search(db, "失业率")}
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "statements",
    [
        (  # the same name, another tokenizer: it would answer differently
            "DROP TABLE fts_articles_trigram",
            "CREATE VIRTUAL TABLE fts_articles_trigram USING fts5(title, text, "
            "content='articles', content_rowid='id', tokenize='unicode61')",
        ),
        (  # a trigger that rewrites what it indexes
            "DROP TRIGGER fts_verdicts_trigram_ai",
            "CREATE TRIGGER fts_verdicts_trigram_ai AFTER INSERT ON verdicts BEGIN "
            "UPDATE verdicts SET explanation = 'forged' WHERE id = new.id; END",
        ),
    ],
    ids=["changed tokenizer", "changed trigger"],
)
def test_a_tampered_trigram_index_is_refused(
    tmp_path: Path, statements: tuple[str, ...]
) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path, backups=tmp_path / "bk").dispose()
    execute(path, *statements)
    before = sha256(path)
    with pytest.raises(DatabaseError, match="not a schema ClaimDesk made"):
        open_database(path, backups=tmp_path / "bk")
    assert sha256(path) == before


def test_the_trigram_index_follows_edits_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_work(path)
    open_database(path).dispose()
    execute(
        path,
        "UPDATE articles SET title = '就业报告' WHERE id = 1",
        "UPDATE verdicts SET explanation = '数据被夸大' WHERE id = 1",
    )
    db = open_database(path)
    try:
        assert [h.kind for h in search(db, "就业报告")] == [HitKind.ARTICLE]
        assert [h.kind for h in search(db, "夸大")] == [HitKind.VERDICT]
        assert HitKind.VERDICT not in {h.kind for h in search(db, "官方数据")}
    finally:
        db.dispose()
    execute(path, "PRAGMA foreign_keys = ON", "DELETE FROM articles WHERE id = 1")
    for table in TRIGRAM_TABLES:
        assert rows(path, f"SELECT count(*) FROM {table}_docsize") == [(0,)], table
