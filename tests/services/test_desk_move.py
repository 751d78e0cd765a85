"""`desk push` / `desk pull`: a whole desk onto a server desk and back, all rows or none."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select, text

from claimdesk.domain import SourceDraft
from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.errors import KnownError
from claimdesk.services import desk_move
from claimdesk.services.search import search
from claimdesk.services.workbench import Workbench
from claimdesk.storage import factcheck_repo, factcheck_vectors, fts
from claimdesk.storage.db import Database, open_database
from claimdesk.storage.desk_copy import DeskCopyRefused, tables
from tests.pg import target_of
from tests.reports.casework import NASTY_EXPLANATION, Case, build_case, nlp

Dump = dict[str, list[dict[str, Any]]]


def fill(case: Case) -> None:
    """Beyond the case's claims, verdicts, notes and history: the library, a vector, a file."""
    wb = case.workbench
    with wb.db.sessions.begin() as session:
        factcheck_repo.upsert(session, [FactCheckDraft(
            url="https://checks.example/wall", claim="The Great Wall is visible from space.",
            rating="False", published=date(2025, 1, 2), language="en")], datetime(2026, 1, 1))
        first = session.scalar(text("SELECT min(id) FROM factchecks"))
        factcheck_vectors.store_vectors(session, "test-model", [first],
                                     np.ones((1, factcheck_vectors.DIMENSIONS)))  # fmt: skip
    note = wb.claim(case.nasty_claim).sources[0].id
    wb.attach_bytes(note, b"Table 2: revenue rose by 3%.\n", "table.txt")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A filled desk file (every table holds rows), closed again."""
    case = build_case(tmp_path / "local")
    fill(case)
    case.close()
    return tmp_path / "local" / "case.sqlite3"


def dump(db: Database) -> Dump:
    with db.sessions() as session:
        return {
            t.name: list(map(dict, session.execute(select(t).order_by(*t.primary_key)).mappings()))
            for t in tables()
        }


def dump_of(target: str | Path) -> Dump:
    db = open_database(target, create=False)
    try:
        return dump(db)
    finally:
        db.dispose()


def test_the_copy_covers_every_table_of_a_desk_file(source: Path) -> None:
    """The table list comes from the ORM: it must be every table the schema makes."""
    con = sqlite3.connect(source)
    try:
        names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    searchable = {n for n in names if any(n.startswith(i.name) for i in fts.INDEXES)}
    assert {t.name for t in tables()} == names - searchable - {"alembic_version"}
    # ... and the desk under test has rows in every one of them.
    assert all(dump_of(source).values())


def test_push_then_pull_into_a_new_file_gives_the_same_desk(
    source: Path, desk_target: str | Path, tmp_path: Path
) -> None:
    before = dump_of(source)
    pushed = desk_move.push(source, str(desk_target))
    assert pushed.added == {name: len(rows) for name, rows in before.items()}
    summary = pushed.summary("pushed")
    assert summary.startswith("pushed 2 articles, ") and "4 claims" in summary
    assert "3 verdicts" in summary and "2 source notes" in summary
    assert dump_of(desk_target) == before
    # The search index of the target holds what was pushed (triggers or GIN indexes).
    server = open_database(desk_target)
    try:
        hits = search(server, "annex")
        assert [h.claim_id for h in hits if h.claim_id] == [before["verdicts"][0]["claim_id"]]
    finally:
        server.dispose()
    pulled = tmp_path / "pulled" / "desk.sqlite3"
    counts = desk_move.pull(str(desk_target), pulled)
    assert counts.total_added == sum(len(rows) for rows in before.values())
    assert dump_of(pulled) == before


def test_a_second_push_adds_nothing_and_says_so(source: Path, desk_target: str | Path) -> None:
    desk_move.push(source, str(desk_target))
    after_first = dump_of(desk_target)
    again = desk_move.push(source, str(desk_target))
    assert again.total_added == 0
    assert again.summary("pushed").startswith("pushed 0 new rows; ")
    assert dump_of(desk_target) == after_first


def test_a_row_changed_on_one_side_refuses_the_whole_move(
    source: Path, desk_target: str | Path, tmp_path: Path
) -> None:
    desk_move.push(source, str(desk_target))
    local = Workbench(open_database(source), nlp())
    try:
        # A new article (which alone would be copied) and an edit of a pushed claim's verdict.
        (tmp_path / "new.txt").write_text("Inflation hit 9 percent in May.", encoding="utf-8")
        local.open_file(tmp_path / "new.txt")
        verdict = local.db.sessions
        with verdict.begin() as session:
            claim = session.scalar(text("SELECT claim_id FROM verdicts ORDER BY id LIMIT 1"))
        edited = local.claim(claim)
        assert edited.verdict is not None
        local.set_verdict(claim, edited.verdict.rating.id, "Rewritten after the push.")
    finally:
        local.db.dispose()
    on_target = dump_of(desk_target)
    with pytest.raises(DeskCopyRefused) as refused:
        desk_move.push(source, str(desk_target))
    message = str(refused.value)
    assert isinstance(refused.value, KnownError) and "\n" not in message
    # The verdict changed (the new history entries are new rows; the claim differs only by
    # its clock and version, which say nothing the verdict does not: not named).
    assert "already holds 1 verdict (table verdicts)" in message
    assert "Nothing was pushed" in message and "other tables" not in message
    assert dump_of(desk_target) == on_target  # not even the new article arrived


def test_a_key_taken_by_another_row_is_a_conflict(source: Path, tmp_path: Path) -> None:
    """The same article file imported on both desks under other ids is refused, not merged."""
    sha = dump_of(source)["articles"][0]["sha256"]
    other = open_database(tmp_path / "other.sqlite3")
    try:
        with other.sessions.begin() as session:
            session.execute(text(
                "INSERT INTO articles (id, title, file_name, file_path, format, sha256, text, "
                "imported_at) VALUES (100, 't', 'f', 'p', 'txt', :sha, 'text', :at)"),
                {"sha": sha, "at": datetime(2026, 1, 1)})  # fmt: skip
    finally:
        other.dispose()
    before = dump_of(tmp_path / "other.sqlite3")
    with pytest.raises(DeskCopyRefused, match=r"holds 1 article \(table articles\)"):
        desk_move.push(source, tmp_path / "other.sqlite3")
    assert dump_of(tmp_path / "other.sqlite3") == before


def test_ids_drawn_on_the_server_after_a_push_are_new(source: Path, pg_url: str) -> None:
    """Explicit ids do not move PostgreSQL's sequences: the push moves them itself."""
    desk_move.push(source, pg_url)
    pushed = dump_of(pg_url)
    wb = Workbench(open_database(pg_url), nlp())
    try:
        article = pushed["articles"][1]
        start = article["text"].index("It cost")
        claim, _ = wb.add_claim(article["id"], start, start + len("It cost more than planned."))
        assert claim > max(r["id"] for r in pushed["claims"])
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}
        # A verdict also draws a library id (trigger) and history ids; a note its own.
        wb.set_verdict(claim, ratings["False"], NASTY_EXPLANATION)
        note, _ = wb.add_source(claim, SourceDraft(url="https://b.example", note="n"))
        assert note > max(r["id"] for r in pushed["source_notes"])
        after = dump_of(target_of(wb.db))
    finally:
        wb.db.dispose()
    assert len(after["factchecks"]) == len(pushed["factchecks"]) + 1
    assert len(after["claim_history"]) > len(pushed["claim_history"])


def test_a_desk_is_not_moved_onto_itself(source: Path) -> None:
    with pytest.raises(desk_move.DeskMoveRefused, match="both the source and the target"):
        desk_move.push(source, str(source))


def test_pulling_from_an_empty_server_database_creates_nothing_here(
    pg_url: str, tmp_path: Path
) -> None:
    with pytest.raises(KnownError, match="holds no ClaimDesk desk"):
        desk_move.pull(pg_url, tmp_path / "here.sqlite3")
    assert not (tmp_path / "here.sqlite3").exists()


def push_refused(source: Path, pg_url: str, tamper: str) -> str:
    """Change the desk file by `tamper` (SQL), push it: the one-line refusal, after
    checking that nothing but the seeded rating scale is on the server."""
    con = sqlite3.connect(source)
    try:
        con.execute(tamper)
        con.commit()
    finally:
        con.close()
    with pytest.raises(KnownError) as refused:
        desk_move.push(source, pg_url)
    message = str(refused.value)
    assert "\n" not in message and "Nothing was pushed" in message
    seeded = {"rating_scales", "ratings"}
    assert not any(rows for name, rows in dump_of(pg_url).items() if name not in seeded)
    return message


def test_a_nul_a_server_cannot_hold_refuses_the_push_in_one_line(
    source: Path, pg_url: str
) -> None:
    """A desk file may hold a NUL typed before typed text was normalised; PostgreSQL's
    text cannot: the push is refused with the table named, not a driver traceback."""
    message = push_refused(
        source, pg_url, "UPDATE verdicts SET explanation = 'pasted' || char(0) || 'junk'"
    )
    assert "NUL" in message and "verdicts" in message


def test_text_longer_than_a_server_column_refuses_the_push_in_one_line(
    source: Path, pg_url: str
) -> None:
    """SQLite ignores VARCHAR lengths; PostgreSQL refuses the row: the push says which."""
    message = push_refused(
        source, pg_url, "UPDATE source_notes SET publisher = printf('%.600c', 'P')"
    )
    assert "source_notes row" in message and "publisher" in message and "500" in message
