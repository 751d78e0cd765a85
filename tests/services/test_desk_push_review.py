"""`desk push` onto a shared desk that requires review takes no approval from the file.

A desk file is SQLite: anyone can write "approved by <the desk's reviewer>" into it. Only
the desk's owner (who can already write anything there) moves approvals as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from claimdesk.domain import HistoryField, ReviewState
from claimdesk.services import desk_move
from claimdesk.services.review import ReviewRefused
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from claimdesk.storage.desk_copy import DeskCopyRefused
from claimdesk.storage.review_repo import owns_desk
from tests.pg import SUPERUSER, PgServer, rows
from tests.reports.casework import nlp
from tests.services.test_desk_move import dump_of, source  # noqa: F401  (fixture)
from tests.storage.test_pg_app_role import ADD_CHECKER, ANA, APP, BEN, _app_url, _grant, _psql

#: What the file says, as a hand edit of it would: approved by Ben, noon UTC on Dec 1st.
APPROVED_AT = datetime(2026, 12, 1, 12, 0)
#: A login granted the role that owns the desk's tables (not that role itself).
CAROL = "carol_owner_member"


@pytest.fixture
def shared(pg_server: PgServer) -> Iterator[str]:
    """A shared desk its owner opened (review required: unset, on for a shared desk),
    with the checkers' group, Ana's login in it, and the sequences' UPDATE granted to the
    group, as an administrator lets checkers push (without it they cannot at all)."""
    name = pg_server.create_database()
    try:
        open_database(pg_server.url(name)).dispose()
        assert _grant(pg_server, name) == 0
        pg_server.execute(f"GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO {APP}", name)
        yield name
    finally:
        pg_server.drop_database(name)
        for role in (ANA, BEN, APP, CAROL):
            pg_server.execute(f"DROP ROLE IF EXISTS {role}")


def _approve_in_file(path: Path) -> int:
    """Mark the file's first verdict approved by Ben (an edit of the SQLite file)."""
    con = sqlite3.connect(path)
    try:
        (claim,) = con.execute("SELECT claim_id FROM verdicts ORDER BY id LIMIT 1").fetchone()
        con.execute(
            "UPDATE verdicts SET review_state = 'approved', reviewer = 'Ben', reviewed_at = ? "
            "WHERE claim_id = ?",
            (APPROVED_AT.isoformat(sep=" "), claim),
        )
        con.commit()
    finally:
        con.close()
    return int(claim)


def _review_lines(url: str | Path, claim: int) -> list[tuple[str | None, str | None, str]]:
    wb = Workbench(open_database(url), nlp())
    try:
        return [(h.old, h.new, h.who) for h in wb.history(claim) if h.field is HistoryField.REVIEW]
    finally:
        wb.db.dispose()


def _verdict(url: str | Path, claim: int) -> tuple[ReviewState, str | None, datetime | None]:
    wb = Workbench(open_database(url), nlp())
    try:
        verdict = wb.claim(claim).verdict
        assert verdict is not None
        return verdict.review_state, verdict.reviewer, verdict.reviewed_at
    finally:
        wb.db.dispose()


def test_a_checker_pushing_onto_a_desk_that_requires_review_leaves_approvals_to_it(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    claim = _approve_in_file(source)
    file_rows = dump_of(source)
    counts = desk_move.push(source, _app_url(pg_server, shared))
    owner = pg_server.url(shared)
    assert _verdict(owner, claim) == (ReviewState.NEEDS_REVIEW, None, None)
    said = [("approved", "needs_review", "desk push: approved by Ben on 2026-12-01")]
    assert _review_lines(owner, claim) == said
    summary = counts.summary("pushed")
    assert ", 3 verdicts (1 approval left for this desk's reviewers), " in summary
    assert "\n" not in summary
    # Every other row arrived as the file has it, ids kept.
    on_server = dump_of(owner)
    assert on_server["claims"] == file_rows["claims"]
    assert len(on_server["claim_history"]) == len(file_rows["claim_history"]) + 1
    assert on_server["claim_history"][: len(file_rows["claim_history"])] == (
        file_rows["claim_history"]
    )
    # The same file again: the demoted verdict is the same row; nothing new, nothing said.
    again = desk_move.push(source, _app_url(pg_server, shared))
    assert again.total_added == 0 and again.demoted == 0
    assert again.summary("pushed").startswith("pushed 0 new rows; ")
    assert "approval" not in again.summary("pushed")
    assert dump_of(owner) == on_server


def test_a_changed_verdict_still_refuses_the_whole_push(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    """The demoted row compares as the file's row demoted: another rating is a clash."""
    claim = _approve_in_file(source)
    desk_move.push(source, _app_url(pg_server, shared))
    owner = pg_server.url(shared)
    before = dump_of(owner)
    con = sqlite3.connect(source)
    try:
        con.execute("UPDATE verdicts SET explanation = 'Rewritten.' WHERE claim_id = ?", (claim,))
        con.commit()
    finally:
        con.close()
    with pytest.raises(DeskCopyRefused, match=r"already holds 1 verdict \(table verdicts\)"):
        desk_move.push(source, _app_url(pg_server, shared))
    assert dump_of(owner) == before


def test_the_desks_owner_moves_approvals_as_they_are(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    """The role owning the desk's tables can already write anything there: moving a whole
    desk onto a new server keeps its approvals."""
    claim = _approve_in_file(source)
    owner = pg_server.url(shared)
    counts = desk_move.push(source, owner)
    assert _verdict(owner, claim) == (ReviewState.APPROVED, "Ben", APPROVED_AT)
    assert counts.demoted == 0 and "approval" not in counts.summary("pushed")
    assert dump_of(owner) == dump_of(source)


def test_a_desk_that_does_not_require_review_takes_the_file_as_it_is(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    claim = _approve_in_file(source)
    owner = pg_server.url(shared)
    # The desk's setting under an id the file's settings do not use (ids are kept).
    pg_server.execute(
        "INSERT INTO settings (id, key, value) VALUES (1000, 'review_required', '0')", shared
    )
    counts = desk_move.push(source, _app_url(pg_server, shared))
    assert counts.demoted == 0
    assert _verdict(owner, claim) == (ReviewState.APPROVED, "Ben", APPROVED_AT)
    assert _author(owner, claim) == ANA  # for the day the desk turns review on


def test_onto_a_file_desk_approvals_are_kept(
    source: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Onto a file desk (pull, or file to file) nothing changes, even where the desk that
    arrives requires review."""
    claim = _approve_in_file(source)
    wb = Workbench(open_database(source), nlp())
    try:
        wb.set_review_required(True)
    finally:
        wb.db.dispose()
    target = tmp_path / "other" / "desk.sqlite3"
    counts = desk_move.push(source, target)
    assert counts.demoted == 0
    assert _verdict(target, claim) == (ReviewState.APPROVED, "Ben", APPROVED_AT)


def _add_checker(pg_server: PgServer, database: str, login: str) -> None:
    added = _psql(pg_server, database, ADD_CHECKER, f"checker={login}", "checker_password=s3")
    assert added.returncode == 0, added.stderr


def _author(url: str | Path, claim: int) -> object:
    db = open_database(url)
    try:
        ((login,),) = rows(db, "SELECT author_login FROM verdicts WHERE claim_id = :c", c=claim)
        return login
    finally:
        db.dispose()


def _set_author_in_file(path: Path, claim: int, login: str | None) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE verdicts SET author_login = ? WHERE claim_id = ?", (login, claim))
        con.commit()
    finally:
        con.close()


def _approve_as(url: str, claim: int, name: str) -> None:
    """Approve the claim on the shared desk at `url` (its login), signing as `name`."""
    wb = Workbench(open_database(url), nlp())
    try:
        wb.checker = name
        wb.approve(claim)
    finally:
        wb.db.dispose()


@pytest.mark.parametrize("named", [None, BEN], ids=["no author login", "file names Ben"])
def test_the_login_that_pushed_a_verdict_cannot_approve_it(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
    named: str | None,
) -> None:
    """A pushed verdict's author is the login that pushed it, whatever the file says (a
    desk file has no login; an edited one can name anyone): the rule "a second checker
    must approve" holds for it as for a verdict written on the desk."""
    claim = _approve_in_file(source)
    _set_author_in_file(source, claim, named)
    _add_checker(pg_server, shared, BEN)
    desk_move.push(source, _app_url(pg_server, shared))
    assert _author(pg_server.url(shared), claim) == ANA
    # Ana types another name: the login she pushed with still wrote it.
    with pytest.raises(ReviewRefused, match="A second checker must approve"):
        _approve_as(_app_url(pg_server, shared), claim, "Zed")
    _approve_as(_app_url(pg_server, shared, BEN), claim, "Ben")
    assert _verdict(pg_server.url(shared), claim)[:2] == (ReviewState.APPROVED, "Ben")


def test_the_same_file_again_is_already_there_whoever_pushes_or_pulls_it(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    """Who brought a verdict is the server's record, not the verdict's content: the file
    pushed again by another checker, or the desk pulled back into it, finds it there."""
    _add_checker(pg_server, shared, BEN)
    first = desk_move.push(source, _app_url(pg_server, shared))
    assert first.added["verdicts"] == 3
    on_server = dump_of(pg_server.url(shared))
    assert {v["author_login"] for v in on_server["verdicts"]} == {ANA}
    in_file = dump_of(source)
    again = desk_move.push(source, _app_url(pg_server, shared, BEN))
    assert again.summary("pushed").startswith("pushed 0 new rows; ")
    assert dump_of(pg_server.url(shared)) == on_server
    back = desk_move.pull(_app_url(pg_server, shared), source)
    assert back.summary("pulled").startswith("pulled 0 new rows; ")
    assert dump_of(source) == in_file


def test_the_owner_moves_author_logins_as_they_are(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    """The owner moves a desk as it is: the logins a file names (one pulled from another
    server), and none where it names none (a file desk's own verdicts)."""
    claim = _approve_in_file(source)
    _set_author_in_file(source, claim, BEN)
    owner = pg_server.url(shared)
    desk_move.push(source, owner)
    authors = {v["claim_id"]: v["author_login"] for v in dump_of(owner)["verdicts"]}
    assert authors.pop(claim) == BEN
    assert set(authors.values()) == {None}


def test_who_owns_the_desk(shared: str, pg_server: PgServer) -> None:
    """The owner, a superuser and a login granted the owner's role (it may SET ROLE to it
    and write anything there) own the desk; a checker in the claimdesk_app group does not."""
    pg_server.execute(f"CREATE ROLE {CAROL} LOGIN NOSUPERUSER")
    pg_server.execute(f"GRANT {SUPERUSER} TO {CAROL}")
    for login, owns in ((SUPERUSER, True), (CAROL, True), (ANA, False)):
        db = open_database(_app_url(pg_server, shared, login))
        try:
            with db.sessions() as session:
                assert owns_desk(session) is owns, login
        finally:
            db.dispose()


def test_a_member_of_the_owners_role_moves_approvals_as_the_owner(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    claim = _approve_in_file(source)
    pg_server.execute(f"CREATE ROLE {CAROL} LOGIN NOSUPERUSER")
    pg_server.execute(f"GRANT {SUPERUSER} TO {CAROL}")
    counts = desk_move.push(source, _app_url(pg_server, shared, CAROL))
    assert counts.demoted == 0
    owner = pg_server.url(shared)
    assert _verdict(owner, claim) == (ReviewState.APPROVED, "Ben", APPROVED_AT)
    assert dump_of(owner) == dump_of(source)


def test_the_file_a_checker_pushed_pulls_back_past_its_own_demotion(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
) -> None:
    """The push demoted the file's approval on the desk; that difference is the push's
    own, not a conflict: the next day's pull brings the desk's new rows and keeps the
    file's verdict as the file has it; pushing the file again still adds nothing."""
    claim = _approve_in_file(source)
    url = _app_url(pg_server, shared)
    desk_move.push(source, url)
    owner = pg_server.url(shared)
    on_server = dump_of(owner)
    back = desk_move.pull(url, source)
    # The desk's one new row: the history line the push wrote; nothing else to say.
    assert back.summary("pulled").startswith("pulled 1 history entry; ")
    assert back.reviewed == 0 and "reviewed" not in back.summary("pulled")
    assert _verdict(source, claim) == (ReviewState.APPROVED, "Ben", APPROVED_AT)
    assert _review_lines(source, claim) == _review_lines(owner, claim)
    again = desk_move.push(source, url)
    assert again.total_added == 0 and again.demoted == 0
    assert again.summary("pushed").startswith("pushed 0 new rows; ")
    assert dump_of(owner) == on_server
    twice = desk_move.pull(url, source)
    assert twice.summary("pulled").startswith("pulled 0 new rows; ")


def _ask_review_in_file(path: Path, claim: int) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(
            "UPDATE verdicts SET review_state = 'needs_review', reviewer = NULL, "
            "reviewed_at = NULL WHERE claim_id = ?",
            (claim,),
        )
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("approved", [True, False], ids=["file approved", "file not approved"])
def test_a_verdict_its_desk_reviewed_since_does_not_block_a_pull(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
    approved: bool,
) -> None:
    """A reviewer of the desk approved the pushed verdict: the same words, rating and
    checker on both sides, reviewed by each its own way. The pull brings the desk's new
    rows (the review's history lines) and leaves the file's verdict and claim as they
    are, approved or not, saying so; a push of the file again leaves the desk's approval
    as it is."""
    claim = _approve_in_file(source)
    if not approved:
        _ask_review_in_file(source, claim)
    in_file_verdict = _verdict(source, claim)
    _add_checker(pg_server, shared, BEN)
    url = _app_url(pg_server, shared)
    desk_move.push(source, url)
    _approve_as(_app_url(pg_server, shared, BEN), claim, "Carl")
    owner = pg_server.url(shared)
    on_server = dump_of(owner)
    in_file = dump_of(source)
    back = desk_move.pull(url, source)
    history = "2 history entries" if approved else "1 history entry"  # + the push's line
    kept = "(1 verdict reviewed differently on each desk, kept as this desk has it)."
    assert back.summary("pulled").startswith(f"pulled {history}; ")
    assert back.summary("pulled").endswith(kept)
    assert back.reviewed == 1
    assert _verdict(source, claim) == in_file_verdict
    pulled = dump_of(source)
    for table in ("claims", "verdicts"):
        assert pulled[table] == in_file[table], table
    again = desk_move.push(source, url)
    assert again.summary("pushed").startswith("pushed 0 new rows; ")
    assert again.summary("pushed").endswith(kept)
    assert again.demoted == 0
    assert dump_of(owner) == on_server
    assert _verdict(owner, claim)[:2] == (ReviewState.APPROVED, "Carl")


@pytest.mark.parametrize(
    "change",
    [
        "explanation = 'Rewritten.'",
        "rating_id = (SELECT MIN(id) FROM ratings WHERE id <> verdicts.rating_id)",
    ],
    ids=["words", "rating"],
)
def test_a_verdict_rewritten_on_the_desk_still_refuses_the_whole_pull(
    source: Path,  # noqa: F811
    shared: str,
    pg_server: PgServer,
    change: str,
) -> None:
    """Other words or another rating on the desk are a conflict, whatever the review: the
    pull, and a push of the file again, are refused whole, nothing written."""
    claim = _approve_in_file(source)
    url = _app_url(pg_server, shared)
    desk_move.push(source, url)
    pg_server.execute(f"UPDATE verdicts SET {change} WHERE claim_id = {claim}", shared)
    in_file = dump_of(source)
    with pytest.raises(DeskCopyRefused, match=r"already holds 1 verdict \(table verdicts\)"):
        desk_move.pull(url, source)
    assert dump_of(source) == in_file
    with pytest.raises(DeskCopyRefused, match=r"already holds 1 verdict \(table verdicts\)"):
        desk_move.push(source, url)
