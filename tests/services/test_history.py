"""Every status and verdict change is recorded with who and when, undo and redo included."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from claimdesk.domain import (
    ClaimStatus,
    DeskSettings,
    HistoryEntry,
    HistoryField,
    RatingDraft,
)
from claimdesk.domain.clock import utc_now
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests import pg
from tests.services.desk import add_article, mark, open_workbench

S, V, E = HistoryField.STATUS, HistoryField.VERDICT, HistoryField.EXPLANATION


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def changes(wb: Workbench, claim_id: int) -> list[tuple[HistoryField, str | None, str | None]]:
    return [(h.field, h.old, h.new) for h in wb.history(claim_id)]


def test_status_and_verdict_changes_are_recorded_with_name_and_time(
    wb: Workbench, tmp_path: Path
) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    assert wb.history(claim) == []
    wb.save_settings(DeskSettings(checker_name="Dana Reyes"))
    started = utc_now()
    wb.set_verdict(claim, rating(wb, "False"), "No meeting planned.")
    wb.set_verdict(claim, rating(wb, "Mostly false"), "No meeting planned.")
    wb.set_status(claim, ClaimStatus.DONE)
    wb.clear_verdict(claim)
    assert changes(wb, claim) == [
        (V, None, "False"),
        (S, "todo", "in_progress"),
        (V, "False", "Mostly false"),
        (S, "in_progress", "done"),
        (V, "Mostly false", None),
    ]
    entries = wb.history(claim)
    assert {h.who for h in entries} == {"Dana Reyes"}
    assert all(started <= h.at <= utc_now() + timedelta(seconds=1) for h in entries)
    assert [h.summary for h in entries] == [
        "Verdict: none → False",
        "Status: To do → In progress",
        "Verdict: False → Mostly false",
        "Status: In progress → Done",
        "Verdict: Mostly false → none",
    ]
    stored = wb.claim(claim)
    assert stored.status is ClaimStatus.DONE and stored.verdict is None


def test_without_a_checker_name_the_login_name_is_recorded(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    wb.set_verdict(claim, rating(wb, "True"), "")
    # On a shared desk the sign-in is the database role (services/desk_settings.who).
    login = pg.SUPERUSER if wb.db.is_server else getpass.getuser()
    assert {h.who for h in wb.history(claim)} == {login}
    verdict = wb.claim(claim).verdict
    assert verdict is not None and verdict.checker == login


def test_explanation_edits_coalesce_and_typing_back_records_nothing(
    wb: Workbench, tmp_path: Path
) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    false = rating(wb, "False")
    wb.set_verdict(claim, false, "No")
    wb.set_verdict(claim, false, "No meeting")
    wb.set_verdict(claim, false, "No meeting is planned.")
    assert changes(wb, claim)[-1] == (E, "No", "No meeting is planned.")
    assert [h.field for h in wb.history(claim)].count(E) == 1
    wb.set_verdict(claim, false, "No")
    assert E not in [h.field for h in wb.history(claim)]
    assert wb.history(claim)[0].summary == "Verdict: none → False"
    entry = HistoryEntry(1, claim, datetime.now(), "x", E, "a", "b")
    assert entry.summary == "Explanation edited"


def test_undo_and_redo_record_the_changes_they_make(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    wb.set_status(claim, ClaimStatus.DONE)
    wb.undo()
    wb.redo()
    assert changes(wb, claim) == [
        (S, "todo", "done"),
        (S, "done", "todo"),
        (S, "todo", "done"),
    ]


def test_history_keeps_the_rating_name_of_its_time(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    wb.set_verdict(claim, rating(wb, "False"), "")
    drafts = [
        RatingDraft("Wrong" if r.name == "False" else r.name, r.value, r.color, r.id)
        for r in wb.rating_scale().ratings
    ]
    wb.save_rating_scale(drafts)
    wb.set_verdict(claim, rating(wb, "True"), "")
    assert [(h.old, h.new) for h in wb.history(claim) if h.field is V] == [
        (None, "False"),
        ("Wrong", "True"),
    ]


def test_merging_records_the_verdict_the_merged_claim_takes(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    first = mark(wb, aid, "Ministers will meet")
    second = mark(wb, aid, "again next week")
    wb.set_verdict(second, rating(wb, "Half true"), "Only partly.")
    wb.merge_claims(first, second)
    assert changes(wb, first) == [(V, None, "Half true"), (S, "todo", "in_progress")]
    wb.undo()
    assert changes(wb, second) == [(V, None, "Half true"), (S, "todo", "in_progress")]
    assert changes(wb, first)[-2:] == [(V, "Half true", None), (S, "in_progress", "todo")]
