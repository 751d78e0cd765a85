"""A shared desk whose server has pgvector: the server finds the nearest fact-check vectors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.services.factcheck_match import FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_repo, pgvector
from claimdesk.storage.db import Database, open_database
from tests.pg import PgServer, rows
from tests.services.test_factcheck_match import CHECKS

QUERIES = (
    "Las redes 5G propagan el coronavirus.",
    "Beber agua caliente con limón cura el cáncer.",
    "The election was rigged by millions of fake votes",
    "Cats kill fewer birds than wind farms",
)


@pytest.fixture(scope="module")
def encoder() -> object:
    return default_encoder()


@pytest.fixture
def vector_db(pgvector_server: PgServer) -> Iterator[str]:
    name = pgvector_server.create_database()
    try:
        yield name
    finally:
        pgvector_server.drop_database(name)


def _fill(db: Database) -> None:
    with db.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=claim, rating="False",
                           publisher="Checks Example", language="en")
            for n, claim in enumerate(CHECKS)
        ], datetime(2026, 1, 1))  # fmt: skip


def _embeddings(db: Database) -> int:
    return int(rows(db, f"SELECT count(*) FROM {pgvector.TABLE}")[0][0])  # type: ignore[call-overload]


def _ranked(db: Database, encoder: object) -> tuple[bool, list[list[str]]]:
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    matcher.fill_vectors()
    found = [[m.factcheck.claim for m in matcher.match(q)] for q in QUERIES]
    return matcher.server_side, found


def test_the_server_searches_the_vectors_and_ranks_as_a_desk_file_does(
    pgvector_server: PgServer, vector_db: str, encoder: object, tmp_path: Path
) -> None:
    db = open_database(pgvector_server.url(vector_db))
    try:
        _fill(db)
        with db.sessions() as s:
            assert pgvector.ready(s)  # the first open set the extension and table up
        server_side, on_server = _ranked(db, encoder)
        assert server_side
        assert _embeddings(db) == len(CHECKS)
        matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
        (best, *_rest) = matcher.match("Las redes 5G propagan el coronavirus.", language="es")
        assert best.factcheck.claim == CHECKS[2] and best.vector_rank == 1
        assert matcher.index_bytes == 0  # nothing loaded into this checker's memory
    finally:
        db.dispose()
    local = open_database(tmp_path / "desk.sqlite3")
    try:
        _fill(local)
        server_side, in_memory = _ranked(local, encoder)
    finally:
        local.dispose()
    assert not server_side
    assert on_server == in_memory


def test_the_nearest_query_is_one_the_hnsw_index_serves(
    pgvector_server: PgServer, vector_db: str
) -> None:
    db = open_database(pgvector_server.url(vector_db))
    try:
        with db.sessions() as s:
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(
                str(r[0]) for r in s.execute(
                    text(f"EXPLAIN {pgvector.NEAREST.text}"),
                    {"m": "m", "q": pgvector.literal([1.0] * pgvector.DIMENSIONS), "n": 5},
                )
            )  # fmt: skip
    finally:
        db.dispose()
    assert f"{pgvector.TABLE}_hnsw" in plan


def test_vectors_stored_before_the_extension_are_backfilled_at_the_first_match(
    pgvector_server: PgServer, vector_db: str, encoder: object
) -> None:
    url = pgvector_server.url(vector_db)
    db = open_database(url)
    _fill(db)
    db.dispose()
    pgvector_server.execute(f"DROP TABLE {pgvector.TABLE}", vector_db)
    pgvector_server.execute("DROP EXTENSION vector", vector_db)
    db = open_database(url)
    try:
        # Reopened at once: the desk had no extension while this checker stored vectors.
        with db.sessions() as s:
            assert pgvector.ready(s)  # this open set it up again (the test role may)
        pgvector_server.execute(f"DROP TABLE {pgvector.TABLE}", vector_db)
        matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
        assert matcher.fill_vectors() == len(CHECKS)
        assert matcher.match(QUERIES[0])[0].factcheck.claim == CHECKS[2]
        assert not matcher.server_side
    finally:
        db.dispose()
    db = open_database(url)  # the next open makes the table; the vectors have none yet
    try:
        assert _embeddings(db) == 0
        matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
        (best, *_rest) = matcher.match(QUERIES[0])
        assert matcher.server_side
        assert best.factcheck.claim == CHECKS[2] and best.vector_rank == 1
        assert _embeddings(db) == len(CHECKS)
    finally:
        db.dispose()


def test_a_claim_given_new_words_loses_its_embedding_until_encoded_again(
    pgvector_server: PgServer, vector_db: str, encoder: object
) -> None:
    db = open_database(pgvector_server.url(vector_db))
    try:
        _fill(db)
        matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
        matcher.fill_vectors()
        with db.sessions.begin() as s:
            s.execute(text("UPDATE factchecks SET claim = 'Sharks never get cancer.' "
                           "WHERE url = 'https://checks.example/0'"))  # fmt: skip
        assert _embeddings(db) == len(CHECKS) - 1
        assert matcher.fill_vectors() == 1
        assert _embeddings(db) == len(CHECKS)
        matcher.refresh()
        best = matcher.match("Los tiburones no pueden tener cáncer")[0]
        assert best.factcheck.claim == "Sharks never get cancer." and matcher.server_side
    finally:
        db.dispose()


def test_an_owner_who_may_not_create_the_extension_matches_in_memory_until_it_is_made(
    pgvector_server: PgServer, vector_db: str, encoder: object
) -> None:
    pgvector_server.execute("CREATE ROLE desk_owner LOGIN NOSUPERUSER")
    try:
        pgvector_server.execute(f"ALTER DATABASE {vector_db} OWNER TO desk_owner")
        pgvector_server.execute("ALTER SCHEMA public OWNER TO desk_owner", vector_db)
        url = (f"postgresql+psycopg://desk_owner@/{vector_db}"
               f"?host={pgvector_server.socket_dir}&port={pgvector_server.port}")  # fmt: skip
        db = open_database(url)  # opens: pgvector is the administrator's to install
        try:
            _fill(db)
            with db.sessions() as s:
                assert not pgvector.ready(s)
            server_side, found = _ranked(db, encoder)
            assert not server_side and found[0][0] == CHECKS[2]
        finally:
            db.dispose()
        pgvector_server.execute("CREATE EXTENSION vector", vector_db)  # the administrator
        db = open_database(url)
        try:
            server_side, again = _ranked(db, encoder)
            assert server_side and again == found
            assert _embeddings(db) == len(CHECKS)
        finally:
            db.dispose()
    finally:
        pgvector_server.drop_database(vector_db)
        pgvector_server.execute("DROP ROLE desk_owner")


def test_a_server_without_pgvector_and_a_desk_file_keep_the_vectors_in_memory(
    pg_url: str, tmp_path: Path
) -> None:
    for target in (pg_url, tmp_path / "desk.sqlite3"):
        db = open_database(target)
        try:
            with db.sessions() as s:
                assert not pgvector.ready(s)
            if db.path is None:
                with db.engine.connect() as conn:
                    assert not pgvector.needs_setup(conn)
        finally:
            db.dispose()


def test_a_checker_in_the_application_role_fills_and_searches_the_servers_vectors(
    pgvector_server: PgServer, vector_db: str, encoder: object
) -> None:
    from tests.storage.test_pg_app_role import ANA, APP, _app_url, _grant

    try:
        owner = open_database(pgvector_server.url(vector_db))  # creates desk and table
        _fill(owner)
        owner.dispose()
        assert _grant(pgvector_server, vector_db, ANA) == 0
        db = open_database(_app_url(pgvector_server, vector_db))
        try:
            server_side, found = _ranked(db, encoder)  # the checker's role writes them
            assert server_side and found[0][0] == CHECKS[2]
            assert _embeddings(db) == len(CHECKS)
        finally:
            db.dispose()
    finally:
        pgvector_server.drop_database(vector_db)
        for role in (ANA, APP):
            pgvector_server.execute(f"DROP ROLE IF EXISTS {role}")


def test_factchecks_status_says_where_a_shared_desk_finds_similar_checks(
    pgvector_server: PgServer, vector_db: str, pg_url: str, data_dir: Path
) -> None:
    from tests.test_cli import run

    for url in (pgvector_server.url(vector_db), pg_url):
        open_database(url).dispose()  # `status` opens a desk, never creates one
    with_vector = run("factchecks", "status", "--db", pgvector_server.url(vector_db))
    without = run("factchecks", "status", "--db", pg_url)
    assert with_vector.returncode == without.returncode == 0, with_vector.stderr
    assert with_vector.stdout.splitlines()[-1] == (
        "Similar fact-checks: found by the server (pgvector).")
    assert without.stdout.splitlines()[-1] == (
        "Similar fact-checks: found in each checker's memory (no pgvector in this desk's "
        "database).")


def test_a_large_backfill_builds_the_index_again_after_the_rows(
    pgvector_server: PgServer, vector_db: str, encoder: object
) -> None:
    db = open_database(pgvector_server.url(vector_db))
    try:
        _fill(db)
        matcher = FactCheckMatcher(db, encoder, server_vectors=False)  # type: ignore[arg-type]
        matcher.fill_vectors()
        with db.sessions.begin() as s:
            s.execute(text(f"DELETE FROM {pgvector.TABLE}"))
        with db.sessions.begin() as s:
            assert pgvector.backfill(s, matcher.model, batch=3, rebuild_from=2) == len(CHECKS)
        assert _embeddings(db) == len(CHECKS)
        ((definition,),) = rows(db, "SELECT indexdef FROM pg_indexes WHERE indexname = :n",
                                n=pgvector.INDEX)  # fmt: skip
        assert "USING hnsw (embedding vector_cosine_ops)" in str(definition)
        server = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
        assert server.match(QUERIES[0])[0].factcheck.claim == CHECKS[2] and server.server_side
    finally:
        db.dispose()


def test_a_desk_file_pushed_onto_a_pgvector_server_is_searched_there_and_pulls_back_whole(
    pgvector_server: PgServer, vector_db: str, encoder: object, tmp_path: Path
) -> None:
    from claimdesk.services import desk_move

    local = open_database(tmp_path / "desk.sqlite3")
    try:
        _fill(local)
        assert FactCheckMatcher(local, encoder).fill_vectors() == len(CHECKS)  # type: ignore[arg-type]
    finally:
        local.dispose()
    url = pgvector_server.url(vector_db)
    pushed = desk_move.push(tmp_path / "desk.sqlite3", url)
    assert pushed.added["factcheck_vectors"] == len(CHECKS)
    db = open_database(url)
    try:
        assert _embeddings(db) == 0  # the copy moves the desk's tables, not the server's
        server_side, found = _ranked(db, encoder)
        assert server_side and found[0][0] == CHECKS[2]
        assert _embeddings(db) == len(CHECKS)
    finally:
        db.dispose()
    pulled = desk_move.pull(url, tmp_path / "pulled" / "desk.sqlite3")
    assert pulled.added["factcheck_vectors"] == len(CHECKS)
