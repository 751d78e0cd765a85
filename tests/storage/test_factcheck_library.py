"""Migration 0008: the fact-check library, its index, its vectors and the desk's verdicts in it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin
from claimdesk.domain.clock import to_stored
from claimdesk.domain.factchecks import FactCheckDraft, FactCheckSource
from claimdesk.errors import DatabaseError
from claimdesk.storage import factcheck_repo as fc
from claimdesk.storage import factcheck_vectors as fv
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database, head_revision, open_database
from claimdesk.storage.edit_repo import move_verdict, set_claim_span
from tests.pg import rows
from tests.storage.dbfiles import execute, migrate, sha256
from tests.storage.dbfiles import rows as file_rows

NOW = "'2025-01-01 10:00:00'"
WHEN = datetime(2026, 12, 1, 12, 0, 0)


def _database_at_0004_with_a_verdict(path: Path) -> None:
    migrate(path, "0004")
    con = sqlite3.connect(path)
    for statement in (
        "INSERT INTO articles (title, file_name, file_path, format, sha256, text, imported_at)"
        f" VALUES ('Crime', 'c.txt', '/x/c.txt', 'txt', 'abc', 'Crime rose by 83%.', {NOW})",
        "INSERT INTO rating_scales (name, is_default) VALUES ('Default', 1)",
        "INSERT INTO ratings (scale_id, name, value, color, position)"
        " VALUES (1, 'False', 1, '#c62828', 0)",
        "INSERT INTO settings (key, value) VALUES ('org_name', 'Desk Check')",
        'INSERT INTO claims (article_id, start, "end", text, origin, types, entities,'
        f" status, created_at, updated_at) VALUES (1, 0, 17, 'Crime rose by 83%', 'manual',"
        f" '[]', '[]', 'done', {NOW}, {NOW})",
        "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
        f" updated_at) VALUES (1, 1, 'It fell', 'Ana', {NOW}, {NOW})",
    ):
        con.execute(statement)
    con.commit()
    con.close()


def test_upgrade_from_0004_puts_earlier_verdicts_in_the_library(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_a_verdict(path)
    db = open_database(path, backups=tmp_path / "bk")
    try:
        assert db.backup is not None
        with db.sessions() as s:
            assert fc.count(s, FactCheckSource.DESK) == 1
            ((fid, _rank),) = fc.bm25_candidates(s, '"crime"', 5)
            entry = fc.entries(s, [fid])[fid]
    finally:
        db.dispose()
    assert (entry.claim, entry.rating, entry.rating_value, entry.publisher) == (
        "Crime rose by 83%", "False", 1.0, "Desk Check")
    assert (entry.source, entry.url, entry.claim_id, entry.published) == (
        FactCheckSource.DESK, None, 1, date(2025, 1, 1))
    assert file_rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert file_rows(path, "SELECT explanation FROM verdicts") == [("It fell",)]
    # Opened again, the upgraded file passes the schema check.
    open_database(path, backups=tmp_path / "bk").dispose()


def test_downgrade_to_0007_removes_only_the_library(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    _database_at_0004_with_a_verdict(path)
    open_database(path, backups=tmp_path / "bk").dispose()
    migrate(path, "0007", down=True)
    names = {str(r[0]) for r in file_rows(path, "SELECT name FROM sqlite_master")}
    assert not {n for n in names if "factcheck" in n}
    assert file_rows(path, "SELECT text FROM claims") == [("Crime rose by 83%",)]
    assert file_rows(path, "SELECT version_num FROM alembic_version") == [("0007",)]


@pytest.fixture
def db(desk_target: str | Path) -> Database:
    """A new desk on SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    database = open_database(desk_target)
    yield database  # type: ignore[misc]
    database.dispose()


def _draft(url: str, claim: str, **more: object) -> FactCheckDraft:
    return FactCheckDraft(url=url, claim=claim, **more)  # type: ignore[arg-type]


def test_imports_are_deduplicated_by_review_url_and_updated_when_changed(db: Database) -> None:
    drafts = [
        _draft("https://a.example/1", "Vaccines cause autism", rating="False", publisher="A"),
        _draft("https://a.example/2", "The moon landing was staged", rating="False"),
        _draft("https://a.example/1", "Vaccines cause autism", rating="False", publisher="A"),
    ]
    with db.sessions.begin() as s:
        first = fc.upsert(s, drafts, WHEN)
    with db.sessions.begin() as s:
        again = fc.upsert(s, [
            _draft("https://a.example/1", "Vaccines cause autism", rating="Pants on fire",
                   publisher="A"),
            _draft("https://a.example/2", "The moon landing was staged", rating="False"),
            _draft("https://a.example/3", "Bananas are radioactive", rating="True",
                   language="en", published=date(2020, 5, 1)),
        ], WHEN)
    assert first == fc.UpsertCounts(added=2, repeated=1)
    assert again == fc.UpsertCounts(added=1, updated=1, unchanged=1)
    with db.sessions() as s:
        assert fc.count(s) == 3
        ids = [i for i, _ in fc.bm25_candidates(s, '"autism"', 5)]
        (entry,) = fc.entries(s, ids).values()
        assert fc.bm25_candidates(s, '"pants"', 5) == []  # ratings are not searched
        assert [i for i, _ in fc.bm25_candidates(s, '"radioactive"', 5)]
    assert (entry.rating, entry.url, entry.source) == (
        "Pants on fire", "https://a.example/1", FactCheckSource.IMPORTED)


def _claim_with_verdict(db: Database) -> tuple[int, int]:
    with db.sessions.begin() as s:
        aid = repo.add_article(s, text="Unemployment fell to 3% last year.",
                               metadata=ArticleMetadata(title="Jobs"), file_name="j.txt",
                               file_path="/j.txt", fmt="txt", sha256="j")
        cid = repo.add_claim(s, aid, CandidateClaim(0, 33, "Unemployment fell to 3% last year"),
                             ClaimOrigin.MANUAL)
        ratings = repo.default_scale(s).ratings
        repo.set_verdict(s, cid, ratings[0].id, "ONS figures", "Ana")
    return aid, cid


def _desk_rows(db: Database) -> list[tuple[object, ...]]:
    return rows(db, "SELECT claim_id, claim, rating, rating_value FROM factchecks "
                    "WHERE source = 'desk' ORDER BY id")


def test_the_desks_verdicts_follow_every_change(db: Database) -> None:
    aid, cid = _claim_with_verdict(db)
    assert _desk_rows(db) == [(cid, "Unemployment fell to 3% last year", "True", 5.0)]
    with db.sessions.begin() as s:
        unverifiable = next(r for r in repo.default_scale(s).ratings if r.value == 0)
        repo.set_verdict(s, cid, unverifiable.id, "No data", "Ana")
    assert _desk_rows(db) == [(cid, "Unemployment fell to 3% last year", "Unverifiable", None)]
    with db.sessions.begin() as s:
        fv.store_vectors(s, "test", [1], np.ones((1, fv.DIMENSIONS), dtype=np.float32))
        set_claim_span(s, cid, start=0, end=22, text="Unemployment fell to 3%", score=None,
                       entities=(), types=(), speaker=None)
    assert _desk_rows(db) == [(cid, "Unemployment fell to 3%", "Unverifiable", None)]
    with db.sessions() as s:
        assert fv.vector_state(s, "test") == (0, 0)  # the new text needs a new vector
        assert [i for i, _ in fc.bm25_candidates(s, '"unemployment"', 5)] == [1]
    with db.sessions.begin() as s:
        other = repo.add_claim(s, aid, CandidateClaim(0, 12, "Unemployment"), ClaimOrigin.MANUAL)
        move_verdict(s, cid, other)
    assert _desk_rows(db) == [(other, "Unemployment", "Unverifiable", None)]
    with db.sessions.begin() as s:
        repo.clear_verdict(s, other)
    assert _desk_rows(db) == []
    with db.sessions.begin() as s:
        repo.set_verdict(s, cid, unverifiable.id, "again", "Ana")
        repo.delete_article(s, aid)
    assert _desk_rows(db) == []
    if db.path is not None:  # SQLite's FTS5 table (PostgreSQL's index has no rows to count)
        assert file_rows(db.path, "SELECT count(*) FROM fts_factchecks_docsize") == [(0,)]


def test_vectors_are_float16_kilobytes_read_back_in_order(db: Database) -> None:
    with db.sessions.begin() as s:
        fc.upsert(s, [_draft(f"https://v.example/{i}", f"claim {i}") for i in range(5)], WHEN)
        assert [i for i, *_ in fv.without_vector(s, "m", 10)] == [1, 2, 3, 4, 5]
        vectors = np.random.default_rng(0).standard_normal((3, fv.DIMENSIONS))
        fv.store_vectors(s, "m", [1, 3, 5], vectors)
    with db.sessions() as s:
        assert [i for i, *_ in fv.without_vector(s, "m", 10)] == [2, 4]
        assert fv.count_without_vector(s, "m") == 2
        assert fv.vector_state(s, "m") == (3, 5)
        ((ids, matrix),) = list(fv.iter_vectors(s, "m"))
        assert [i for i, *_ in fv.without_vector(s, "other model", 10)] == [1, 2, 3, 4, 5]
        later = list(fv.iter_vectors(s, "m", after=3))
    assert ids.tolist() == [1, 3, 5] and matrix.dtype == np.float16
    np.testing.assert_allclose(matrix, vectors, atol=2e-3)
    assert [x.tolist() for x, _ in later] == [[5]]
    assert rows(db, "SELECT length(vector) FROM factcheck_vectors") == [(1024,)] * 3
    # A changed claim loses its vector; a changed rating keeps it.
    with db.sessions.begin() as s:
        fc.upsert(s, [_draft("https://v.example/0", "claim zero"),
                      _draft("https://v.example/2", "claim 2", rating="False")], WHEN)
    with db.sessions() as s:
        assert fv.vector_state(s, "m") == (2, 5)


HOSTILE = {
    "trigger on the library": (
        "CREATE TRIGGER spy AFTER INSERT ON factchecks BEGIN "
        "UPDATE factchecks SET rating = 'True' WHERE id = new.id; END",
    ),
    "changed desk trigger": (
        "DROP TRIGGER factchecks_desk_ai",
        "CREATE TRIGGER factchecks_desk_ai AFTER INSERT ON verdicts BEGIN "
        "DELETE FROM verdicts WHERE id = new.id; END",
    ),
    "missing vector trigger": ("DROP TRIGGER factchecks_vector_au",),
    "changed vector table": (
        "DROP TABLE factcheck_vectors",
        "CREATE TABLE factcheck_vectors (factcheck_id INTEGER PRIMARY KEY, model, vector)",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_tampered_library_is_refused_and_left_unchanged(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path, backups=tmp_path / "bk").dispose()
    execute(path, *HOSTILE[kind])
    before = sha256(path)
    with pytest.raises(DatabaseError, match="not a schema ClaimDesk made"):
        open_database(path, backups=tmp_path / "bk")
    assert sha256(path) == before


@pytest.mark.sqlite_only  # PostgreSQL's: tests/storage/test_pg_open.py
def test_a_dropped_library_index_is_rebuilt(db: Database) -> None:
    with db.sessions.begin() as s:
        fc.upsert(s, [_draft("https://r.example/1", "Rebuilt index finds this")], WHEN)
    path = db.path
    db.dispose()
    execute(path, "DROP TABLE fts_factchecks")
    again = open_database(path)
    try:
        with again.sessions() as s:
            assert [i for i, _ in fc.bm25_candidates(s, '"rebuilt"', 5)] == [1]
            assert s.execute(text("SELECT count(*) FROM fts_factchecks")).scalar() == 1
    finally:
        again.dispose()


def test_counting_words_leaves_the_connections_schema_alone(tmp_path: Path) -> None:
    """The word counts read an fts5vocab table in the connection's temp schema. Made
    inside a match's read transaction, it went with that transaction's rollback, and the
    next match made it again and paid a schema reload (0.6 ms of a match's median at
    200,000 entries): it is made when the connection opens, and stays."""
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        with db.sessions.begin() as s:
            fc.upsert(s, [_draft(f"https://w.example/{i}", f"claim {i}") for i in range(3)], WHEN)
        for _ in range(2):
            with db.sessions() as s:
                assert fc.document_frequencies(s, ["claim", "1", "none"]) == {"claim": 3, "1": 1}
                assert fc.common_terms(s, 2) == {"claim": 3}
        with db.sessions() as s:
            raw = s.connection().connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            made = raw.execute("SELECT name FROM temp.sqlite_master").fetchall()
        assert made == [("factcheck_terms",)]
    finally:
        db.dispose()


def test_an_entrys_day_is_read_back_on_every_engine(db: Database) -> None:
    """PostgreSQL hands a DATE column back as a date, SQLite as text: both are the day."""
    with db.sessions.begin() as s:
        fc.upsert(s, [_draft("https://a.example/3", "Bananas are radioactive",
                             published=date(2020, 5, 1))], WHEN)
    with db.sessions() as s:
        ((fid, _rank),) = fc.bm25_candidates(s, '"radioactive"', 5)
        assert fc.entries(s, [fid])[fid].published == date(2020, 5, 1)


@pytest.mark.parametrize(("given", "zone_name", "day"), [
    (datetime(2026, 3, 7, 5, 0), "Etc/GMT+12", date(2026, 3, 6)),  # 17:00 the evening before
    (datetime(2026, 3, 7, 20, 0), "Etc/GMT-14", date(2026, 3, 8)),  # 10:00 the morning after
    (datetime(2026, 3, 7, 20, 0), "UTC", date(2026, 3, 7)),
])  # fmt: skip
def test_the_desks_verdict_shows_the_checkers_local_day(
    db: Database, zone: Callable[[str], None], given: datetime, zone_name: str, day: date
) -> None:
    """The day a desk entry shows ("Checked before", `claimdesk factchecks match`) is the
    local day of its verdict, not the UTC day the database's triggers can know."""
    _aid, cid = _claim_with_verdict(db)
    with db.sessions.begin() as s:  # the verdict given at `given` (UTC), as stored
        s.execute(text("UPDATE verdicts SET updated_at = :at WHERE claim_id = :c"),
                  {"at": given, "c": cid})
    zone(zone_name)
    with db.sessions() as s:
        (fid,) = fc.ids_of_claims(s, [cid]).values()
        assert fc.entries(s, [fid])[fid].published == day
        assert fc.desk_entries(s)[cid][-1] == day


def test_a_verdict_after_local_midnight_east_of_utc_shows_its_local_day(
    db: Database, zone: Callable[[str], None]
) -> None:
    """A verdict saved at 00:30 in UTC+2 is 22:30 UTC the day before. The trigger stores
    that UTC day (a trigger knows no zone: docs/matching.md); every reading ClaimDesk
    makes of the library ("Checked before", a match, an accepted match's note) is the
    verdict's local day."""
    zone("Etc/GMT-2")  # UTC+2 (POSIX signs are reversed)
    _aid, cid = _claim_with_verdict(db)
    saved = to_stored(datetime(2026, 3, 7, 0, 30))  # 00:30 on the 7th, local
    assert saved == datetime(2026, 3, 6, 22, 30)
    with db.sessions.begin() as s:
        s.execute(text("UPDATE verdicts SET updated_at = :at WHERE claim_id = :c"),
                  {"at": saved, "c": cid})  # fmt: skip
    with db.sessions() as s:
        stored = s.scalar(text("SELECT published FROM factchecks WHERE claim_id = :c"),
                          {"c": cid})  # fmt: skip
        assert str(stored)[:10] == "2026-03-06"  # the UTC day, as the trigger stores it
        (fid,) = fc.ids_of_claims(s, [cid]).values()
        assert fc.entries(s, [fid])[fid].published == date(2026, 3, 7)
        assert fc.desk_entries(s)[cid][-1] == date(2026, 3, 7)
