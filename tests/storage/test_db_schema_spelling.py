"""The schema check reads what tables and indexes do, not how a library spelled them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimdesk.errors import DatabaseError
from claimdesk.storage.db import open_database
from tests.storage.dbfiles import execute, listing, sha256

#: The same tables as the migrations make, written as another SQLAlchemy might:
#: other layout, quoted identifiers, lower-case types, constraints unnamed and reordered.
RESPELLED = {
    "settings": (
        'create table "settings" ( "id" integer not null,"key" varchar (100) NOT NULL ,'
        ' [value] text not null, UNIQUE ("key"), PRIMARY KEY ("id") )'
    ),
    "claims": (
        "CREATE TABLE `claims` (`id` INTEGER NOT NULL, `article_id` INTEGER NOT NULL,"
        ' start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,'
        " origin VARCHAR(16) NOT NULL, score FLOAT, types JSON NOT NULL,"
        " speaker VARCHAR(300), entities JSON NOT NULL, status VARCHAR(16) NOT NULL,"
        " created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, speaker_kind varchar(16),"
        " version integer default '1' not null, assignee varchar ( 200 ),"
        " FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,"
        ' CHECK (start>=0 AND "END">start), PRIMARY KEY (id))'
    ),
    "ix_claims_article_start": (
        'CREATE INDEX "ix_claims_article_start" ON "claims"(article_id,start)'
    ),
}

SETTINGS = (
    'CREATE TABLE settings (id INTEGER NOT NULL, "key" VARCHAR(100) NOT NULL, {value},'
    ' CONSTRAINT pk_settings PRIMARY KEY (id), CONSTRAINT uq_settings_key UNIQUE ("key"){extra})'
)
CLAIMS = RESPELLED["claims"]

#: Changes that alter what a table does; each must be refused.
ALTERED = {
    "column type": {"settings": SETTINGS.format(value="value BLOB NOT NULL", extra="")},
    "nullability": {"settings": SETTINGS.format(value="value TEXT", extra="")},
    "default": {"settings": SETTINGS.format(value="value TEXT NOT NULL DEFAULT 'x'", extra="")},
    "collation": {
        "settings": SETTINGS.format(value="value TEXT NOT NULL COLLATE NOCASE", extra="")
    },
    "conflict clause": {
        "settings": SETTINGS.format(value="value TEXT NOT NULL ON CONFLICT REPLACE", extra="")
    },
    "check added": {
        "settings": SETTINGS.format(value="value TEXT NOT NULL", extra=", CHECK (value <> '')")
    },
    "check changed": {"claims": CLAIMS.replace("start>=0", "start>=-1")},
    "foreign key action": {"claims": CLAIMS.replace("CASCADE", "SET NULL")},
    "index column": {
        "ix_claims_article_start": "CREATE INDEX ix_claims_article_start ON claims (article_id)"
    },
    "index made partial": {
        "ix_claims_article_start": (
            "CREATE INDEX ix_claims_article_start ON claims (article_id, start) WHERE start > 0"
        )
    },
}


def _desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk" / "desk.sqlite3"
    db = open_database(path, backups=tmp_path / "bk")
    db.dispose()
    return path


def _rewrite(path: Path, statements: dict[str, str]) -> None:
    """Replace objects' CREATE text in place, as an older or newer library might have left it.

    writable_schema edits only the text; the b-trees stay, so only spellings that SQLite
    reads back as the same structure keep the file sound (integrity_check says so).
    """
    con = sqlite3.connect(path, isolation_level=None)
    try:
        (version,) = con.execute("PRAGMA schema_version").fetchone()
        con.execute("PRAGMA writable_schema = ON")
        for name, sql in statements.items():
            cur = con.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name))
            assert cur.rowcount == 1, name
        con.execute(f"PRAGMA schema_version = {version + 1}")
        con.execute("PRAGMA writable_schema = OFF")
    finally:
        con.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for name, sql in statements.items():
            row = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            assert row == (sql,)
    finally:
        con.close()


def test_tables_and_indexes_spelled_another_way_still_open(tmp_path: Path) -> None:
    path = _desk(tmp_path)
    _rewrite(path, RESPELLED)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        with db.sessions.begin() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES ('checker_name', 'Ana')"
            )
    finally:
        db.dispose()
    open_database(path, backups=tmp_path / "bk").dispose()


@pytest.mark.parametrize("change", sorted(ALTERED))
def test_a_table_or_index_that_does_something_else_is_refused(
    tmp_path: Path, change: str
) -> None:
    path = _desk(tmp_path)
    _rewrite(path, ALTERED[change])
    before, files = sha256(path), listing(path.parent)
    (name,) = ALTERED[change]
    first_problem = f"not a schema ClaimDesk made \\(\\w+ {name} was changed"
    with pytest.raises(DatabaseError, match=first_problem):
        open_database(path, backups=tmp_path / "bk")
    assert sha256(path) == before
    assert listing(path.parent) == files


def test_an_added_column_is_refused(tmp_path: Path) -> None:
    path = _desk(tmp_path)
    execute(path, "ALTER TABLE verdicts ADD COLUMN shadow TEXT")
    before = sha256(path)
    with pytest.raises(DatabaseError, match="table verdicts was changed"):
        open_database(path, backups=tmp_path / "bk")
    assert sha256(path) == before


def test_a_respelled_trigger_is_still_refused(tmp_path: Path) -> None:
    """Triggers are our own SQL: beyond layout, their text must match word for word."""
    path = _desk(tmp_path)
    con = sqlite3.connect(path)
    try:
        (sql,) = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'fts_claims_ai'"
        ).fetchone()
    finally:
        con.close()
    _rewrite(path, {"fts_claims_ai": "  ".join(sql.split(" "))})
    open_database(path, backups=tmp_path / "bk").dispose()  # layout alone: accepted
    _rewrite(path, {"fts_claims_ai": sql.replace("new.text", "'forged'")})
    with pytest.raises(DatabaseError, match="trigger fts_claims_ai was changed"):
        open_database(path, backups=tmp_path / "bk")


def test_a_second_foreign_key_on_the_same_column_is_refused(tmp_path: Path) -> None:
    """Two keys from one column, one naming its parent column and one not: refused, no crash."""
    path = _desk(tmp_path)
    doubled = CLAIMS.replace(
        "ON DELETE CASCADE,", "ON DELETE CASCADE, FOREIGN KEY (article_id) REFERENCES articles,"
    )
    _rewrite(path, {"claims": doubled})
    with pytest.raises(DatabaseError, match="table claims was changed"):
        open_database(path, backups=tmp_path / "bk")
