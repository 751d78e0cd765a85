"""packaging/sql: each checker logs in as their own role, in a group that edits rows, not tables."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from claimdesk.domain import SourceDraft
from claimdesk.errors import DatabaseError
from claimdesk.services import desk_move
from claimdesk.services.search import search
from claimdesk.services.workbench import Workbench
from claimdesk.storage import schema
from claimdesk.storage.db import open_database
from claimdesk.storage.desk_copy import DeskCopyRefused
from tests.conftest import REPO
from tests.pg import PgServer
from tests.reports.casework import nlp
from tests.services.desk import add_article, mark
from tests.services.test_desk_move import dump_of, source  # noqa: F401  (fixture)

SCRIPT = REPO / "packaging" / "sql" / "claimdesk_app_role.sql"
ADD_CHECKER = REPO / "packaging" / "sql" / "claimdesk_add_checker.sql"
APP = "claimdesk_app"
#: Checkers' logins in the group (cluster-wide roles, dropped after each test).
ANA, BEN = "ana_checker", "ben_checker"


def _psql(
    server: PgServer, database: str, script: Path, *variables: str
) -> subprocess.CompletedProcess[str]:
    """Run a script as an administrator would: psql, connected as the desk's owner."""
    args = [str(server.bin / "psql"), "-X", "-q", "-d", server.conninfo(database)]
    args += ["-f", str(script)]
    for variable in variables:
        args += ["-v", variable]
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def _grant(server: PgServer, database: str, *checkers: str) -> int:
    """The group, then a login in it per checker: the first non-zero exit code, else 0."""
    ran = _psql(server, database, SCRIPT)
    codes = [ran.returncode]
    for checker in checkers or (ANA,):
        added = _psql(server, database, ADD_CHECKER, f"checker={checker}", "checker_password=s3")
        codes.append(added.returncode)
    return next((code for code in codes if code), 0)


def _app_url(server: PgServer, database: str, checker: str = ANA) -> str:
    return server.url(database).replace("://claimdesk@", f"://{checker}@")


@pytest.fixture
def database(pg_server: PgServer) -> Iterator[str]:
    """A database the superuser owns; the role (cluster-wide) goes with it."""
    name = pg_server.create_database()
    yield name
    pg_server.drop_database(name)
    for role in (ANA, BEN, APP):
        pg_server.execute(f"DROP ROLE IF EXISTS {role}")


def test_the_app_role_edits_rows_but_cannot_change_the_schema(
    pg_server: PgServer, database: str, tmp_path: Path
) -> None:
    open_database(pg_server.url(database)).dispose()  # the owner creates the desk
    assert _grant(pg_server, database, ANA, BEN) == 0
    wb = Workbench(open_database(_app_url(pg_server, database)), nlp())
    ben = Workbench(open_database(_app_url(pg_server, database, BEN)), nlp())
    try:
        aid = add_article(wb, tmp_path)
        claim = mark(wb, aid, "Unemployment fell to 3.9 percent")
        rating = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
        wb.set_verdict(claim, rating, "The bureau says 4.2 percent.")
        wb.add_source(claim, SourceDraft(url="https://stats.example", note="bureau table"))
        assert {h.kind.value for h in search(wb, "bureau")} == {"verdict", "source"}
        with wb.db.sessions() as session:
            assert session.scalar(text("SELECT current_user")) == ANA
        # Each login signs its own work, and the second one approves the first's.
        wb.request_review(claim)
        ben.approve(claim)
        verdict = wb.claim(claim).verdict
        assert verdict is not None
        assert (verdict.checker, verdict.reviewer) == (ANA, BEN)
    finally:
        wb.db.dispose()
        ben.db.dispose()
    # A table a later upgrade adds (made by the owner) is the role's to use at once.
    pg_server.execute("CREATE TABLE later (id serial PRIMARY KEY, note text)", database)
    engine = create_engine(_app_url(pg_server, database))
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO later (note) VALUES ('x')"))
        for statement, denied in (
            ("DROP TABLE claims", "must be owner of table claims"),
            ("CREATE TABLE x (id integer)", "permission denied for schema public"),
            ("UPDATE alembic_version SET version_num = '0001'",
             "permission denied for table alembic_version"),
        ):  # fmt: skip
            with pytest.raises(ProgrammingError, match=denied), engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_a_checker_needs_a_name_and_a_password(pg_server: PgServer, database: str) -> None:
    open_database(pg_server.url(database)).dispose()  # the owner creates the desk
    assert _psql(pg_server, database, SCRIPT).returncode == 0
    for given in ((), (f"checker={ANA}",), ("checker_password=s3",)):
        ran = _psql(pg_server, database, ADD_CHECKER, *given)
        assert "checker_password=" in ran.stdout + ran.stderr
    engine = create_engine(pg_server.url(database))
    try:
        with engine.connect() as conn:
            roles = text("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN (:a, :g)")
            assert dict(conn.execute(roles, {"a": ANA, "g": APP}).all()) == {APP: False}
    finally:
        engine.dispose()


def test_an_older_desk_is_left_to_its_owner_with_a_plain_sentence(
    pg_server: PgServer, database: str
) -> None:
    engine = create_engine(pg_server.url(database))
    try:
        with engine.begin() as conn:
            schema.upgrade(conn, "0009")
    finally:
        engine.dispose()
    assert _grant(pg_server, database) == 0
    with pytest.raises(DatabaseError) as refused:
        open_database(_app_url(pg_server, database))
    message = str(refused.value)
    assert "ask your administrator to run ClaimDesk as the desk's owner once" in message
    assert "\n" not in message
    engine = create_engine(pg_server.url(database))
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0009"
    finally:
        engine.dispose()


def test_pushing_a_desk_is_left_to_the_owner(
    pg_server: PgServer, database: str, source: Path  # noqa: F811
) -> None:
    """Rows with their own ids move the id sequences on, which only the owner may do."""
    open_database(pg_server.url(database)).dispose()
    assert _grant(pg_server, database) == 0
    before = dump_of(pg_server.url(database))
    with pytest.raises(DeskCopyRefused) as refused:
        desk_move.push(source, _app_url(pg_server, database))
    message = str(refused.value)
    assert "Nothing was pushed" in message and "as the desk's owner" in message
    assert dump_of(pg_server.url(database)) == before
    assert desk_move.push(source, pg_server.url(database)).total_added > 0  # the owner may


def test_a_role_that_may_only_read_is_told_so_when_it_saves(
    pg_server: PgServer, database: str, tmp_path: Path
) -> None:
    """Rights taken away by the administrator: the save is refused in one sentence that
    says nothing was saved (not the "unexpected error, your work is saved" box)."""
    owner = Workbench(open_database(pg_server.url(database)), nlp())
    try:
        aid = add_article(owner, tmp_path)
        claim = mark(owner, aid, "Unemployment fell to 3.9 percent")
    finally:
        owner.db.dispose()
    reader = "reader_checker"
    pg_server.execute(f"DROP ROLE IF EXISTS {reader}")
    pg_server.execute(f"CREATE ROLE {reader} LOGIN")
    pg_server.execute(
        f"GRANT USAGE ON SCHEMA public TO {reader}; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}",
        database,
    )
    wb = Workbench(open_database(_app_url(pg_server, database, reader)), nlp())
    try:
        rating = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
        with pytest.raises(DatabaseError) as refused:
            wb.set_verdict(claim, rating, "Not allowed to write this.")
        message = str(refused.value)
        assert "\n" not in message and "nothing was saved" in message
        assert "may not change the shared desk" in message
        assert wb.claim(claim).verdict is None
    finally:
        wb.db.dispose()
        pg_server.execute(f"DROP OWNED BY {reader}", database)
        pg_server.execute(f"DROP ROLE IF EXISTS {reader}")
