"""open_database on a PostgreSQL address: created, reopened, refused with a sentence, repaired."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from claimdesk.errors import DatabaseError
from claimdesk.storage import fts_pg
from claimdesk.storage.db import open_database
from claimdesk.storage.db_server import is_server_url
from claimdesk.storage.orm import RatingScaleRow
from claimdesk.storage.schema import head_revision
from claimdesk.storage.sqlite_errors import DatabaseMissing
from tests.pg import PgServer


def _run(url: str, sql: str) -> object:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def test_a_new_shared_desk_is_created_at_head_with_the_default_scale(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        assert db.path is None and db.is_server and db.backup_dir is None
        assert db.where == db.url and db.url is not None and "desk_" in db.url
        with db.sessions() as session:
            assert session.scalar(text("SELECT version_num FROM alembic_version")) == (
                head_revision()
            )
            assert session.scalar(select(RatingScaleRow.name)) == "Default"
        with db.sessions.begin() as session:
            session.add(RatingScaleRow(name="Second", is_default=False))
    finally:
        db.dispose()
    again = open_database(pg_url, create=False)  # up to date: opens without writing
    try:
        with again.sessions() as session:
            assert sorted(session.scalars(select(RatingScaleRow.name))) == ["Default", "Second"]
    finally:
        again.dispose()


def test_an_empty_database_is_missing_for_commands_that_only_read(pg_url: str) -> None:
    with pytest.raises(DatabaseMissing, match="holds no ClaimDesk desk"):
        open_database(pg_url, create=False)
    assert _run(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0


def test_a_database_of_another_program_is_refused_untouched(pg_url: str) -> None:
    _run(pg_url, "CREATE TABLE payroll (id integer)")
    with pytest.raises(DatabaseError, match="other tables but no ClaimDesk desk"):
        open_database(pg_url)
    assert _run(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 1


def test_a_desk_from_a_newer_claimdesk_is_refused(pg_url: str) -> None:
    open_database(pg_url).dispose()
    _run(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer version of ClaimDesk"):
        open_database(pg_url)


def test_dropped_search_indexes_are_rebuilt_on_open_as_the_migrations_made_them(
    pg_url: str,
) -> None:
    open_database(pg_url).dispose()
    definitions = "SELECT json_object_agg(indexname, indexdef) FROM pg_indexes"
    made = _run(pg_url, definitions)
    assert isinstance(made, dict)
    _run(pg_url, "; ".join(f"DROP INDEX {i.name}" for i in fts_pg.INDEXES))
    db = open_database(pg_url)
    db.dispose()
    # fts_pg.py's copy of every index is the one the migrations wrote, storage included.
    assert _run(pg_url, definitions) == made
    assert "fastupdate=off" in made["fts_articles"]
    assert "gin_trgm_ops" in made["fts_articles_trigram"]


def test_an_unreachable_server_is_one_sentence_without_the_password(
    pg_server: PgServer, tmp_path: Path
) -> None:
    url = f"postgresql+psycopg://checker:s3cret@/desk?host={tmp_path}&port=5999"
    with pytest.raises(DatabaseError, match="Cannot open the shared desk") as caught:
        open_database(url)
    assert "s3cret" not in str(caught.value)
    assert "***" in str(caught.value)


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("mysql://user@host/desk", "through psycopg only"),
        ("postgresql+psycopg2://user@host/desk", "through psycopg only"),
        ("postgresql+psycopg://user@host", "names no database"),
    ],
)
def test_other_addresses_are_refused_with_what_to_write(address: str, says: str) -> None:
    with pytest.raises(DatabaseError, match=says):
        open_database(address)


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://ann:s3cret@host:5432x/desk",
        "postgresql://ann:s3cret@[::1/desk",
        "postgresql://ann:s3@cret@host:x/desk",
    ],
)
def test_a_garbled_address_is_refused_in_one_line_without_its_password(address: str) -> None:
    with pytest.raises(DatabaseError, match="is not a database address") as refused:
        open_database(address)
    message = str(refused.value)
    assert "cret" not in message and "\n" not in message


def test_file_names_are_never_taken_for_addresses() -> None:
    assert is_server_url("postgresql://u@h/d") and is_server_url("postgresql+psycopg://u@/d")
    for name in ("postgresql.db", "C:\\desks\\a.db", "desk:1.db", "/tmp/postgresql:x"):
        assert not is_server_url(name)


def test_two_clients_creating_one_desk_at_once_both_open_it(pg_url: str) -> None:
    """The advisory lock: the second waits for the first's migration, then finds it done."""
    script = (
        "import sys\n"
        "from claimdesk.storage.db import open_database\n"
        "open_database(sys.argv[1]).dispose()\n"
        "print('opened')\n"
    )
    children = [
        subprocess.Popen([sys.executable, "-c", script, pg_url], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs
    assert [out for out, _err in outputs] == ["opened\n", "opened\n"]
    assert _run(pg_url, "SELECT count(*) FROM rating_scales") == 1
    assert _run(pg_url, "SELECT version_num FROM alembic_version") == head_revision()
