"""Migration 0005: articles carry their language and who said it; older desks keep their work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimdesk.domain import ArticleMetadata, LanguageSource
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import head_revision, open_database
from tests.storage.dbfiles import migrate, rows

NOW = "'2025-01-01 10:00:00'"




def _columns(path: Path) -> set[str]:
    return {str(r[1]) for r in rows(path, "PRAGMA table_info(articles)")}




def _database_at_0004_with_an_article(path: Path) -> None:
    migrate(path, "0004")
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO articles (title, file_name, file_path, format, sha256, text, imported_at,"
            " author) VALUES ('Heizungsgesetz', 'h.txt', '/x/h.txt', 'txt', 'abc',"
            f" 'Der Bundestag hat das Heizungsgesetz beschlossen.', {NOW}, 'Anna Weber')"
        )
        con.execute(
            'INSERT INTO claims (article_id, start, "end", text, origin, types, entities,'
            " status, created_at, updated_at) VALUES (1, 0, 49,"
            " 'Der Bundestag hat das Heizungsgesetz beschlossen', 'manual', '[]', '[]',"
            f" 'done', {NOW}, {NOW})"
        )
    con.close()


def test_a_new_database_has_the_columns_at_head(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    try:
        with db.sessions.begin() as s:
            aid = repo.add_article(s, text="Le chômage a reculé.", metadata=ArticleMetadata(),
                                   file_name="c.txt", file_path="/c.txt", fmt="txt",
                                   sha256="c", language="fr")
        with db.sessions() as s:
            article = repo.get_article(s, aid)
            (summary,) = repo.list_articles(s)
    finally:
        db.dispose()
    assert head_revision() >= "0005"  # later revisions build on it
    assert {"language", "language_source"} <= _columns(path)
    assert (article.language, article.language_source) == ("fr", LanguageSource.DETECTED)
    assert summary.language == "fr"
    assert rows(path, "SELECT language, language_source FROM articles") == [("fr", "detected")]


def test_upgrade_from_0004_keeps_articles_with_no_language_yet(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_an_article(path)
    assert "language" not in _columns(path)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        assert db.backup is not None  # the upgrade was backed up first
        with db.sessions() as s:
            article = repo.get_article(s, 1)
            (claim,) = repo.list_claims(s, 1)
            (summary,) = repo.list_articles(s)
        assert (article.title, article.author, article.language, article.language_source) == (
            "Heizungsgesetz", "Anna Weber", None, None)
        assert summary.language is None and claim.status.value == "done"
        with db.sessions.begin() as s:
            assert repo.set_article_language(s, 1, "de", LanguageSource.CHECKER)
            assert not repo.set_article_language(s, 1, "de", LanguageSource.CHECKER)
        with db.sessions() as s:
            article = repo.get_article(s, 1)
    finally:
        db.dispose()
    assert (article.language, article.language_source) == ("de", LanguageSource.CHECKER)
    assert rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    # The full-text triggers of 0003 on articles survived the new columns.
    assert rows(path, "SELECT rowid FROM fts_articles WHERE fts_articles MATCH 'bundestag'") == [
        (1,)]


def test_an_unknown_source_reads_as_unknown_and_the_downgrade_drops_only_the_columns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "down.sqlite3"
    _database_at_0004_with_an_article(path)
    migrate(path, "0005")
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE articles SET language = 'de', language_source = 'oracle'")
    con.close()
    db = open_database(path)
    try:
        with db.sessions() as s:
            article = repo.get_article(s, 1)
    finally:
        db.dispose()
    assert (article.language, article.language_source) == ("de", None)
    migrate(path, "0004", down=True)
    assert not {"language", "language_source"} & _columns(path)
    assert rows(path, "SELECT title, author FROM articles") == [("Heizungsgesetz", "Anna Weber")]
    assert rows(path, "SELECT count(*) FROM claims") == [(1,)]
