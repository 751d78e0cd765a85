"""The test session's own PostgreSQL: reachable on its socket, one fresh database per test."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from tests import pg
from tests.pg import PgServer


def test_each_test_gets_an_empty_database_of_its_own(pg_server: PgServer, pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            assert conn.scalar(text(tables)) == 0
            conn.execute(text("CREATE TABLE mine (x integer)"))
        other = pg_server.create_database()
        try:
            with psycopg.connect(pg_server.conninfo(other)) as con:
                found = con.execute("SELECT to_regclass('public.mine')").fetchone()
            assert found == (None,)
        finally:
            pg_server.drop_database(other)
    finally:
        engine.dispose()


def test_server_listens_on_its_socket_only_and_not_as_root(pg_server: PgServer) -> None:
    with psycopg.connect(pg_server.conninfo()) as con:
        listen = con.execute("SHOW listen_addresses").fetchone()
        data_dir = con.execute("SHOW data_directory").fetchone()
    assert listen == ("",)
    assert data_dir is not None
    assert Path(data_dir[0]).stat().st_uid != 0 or os.geteuid() != 0
    assert (pg_server.socket_dir / f".s.PGSQL.{pg_server.port}").is_socket()


def test_missing_server_programs_give_a_skip_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMDESK_PG_BIN", str(tmp_path))
    assert pg.server_bin() is None
    reason = pg.why_unavailable()
    assert reason is not None and "apt-get install postgresql" in reason
