"""Stored times are UTC (naive), whatever zone the writing machine is in: on a team desk
two checkers in different zones, or one laptop across a DST change, write times that
sort, compare and read right. Shown times are the reader's local time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from claimdesk.domain import ClaimStatus, HistoryField, SourceDraft, Stance
from claimdesk.domain.clock import local
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests.services.desk import add_article, dump, mark, open_workbench

AHEAD, BEHIND = "Etc/GMT-14", "Etc/GMT+12"  # UTC+14 and UTC−12 (POSIX signs are reversed)


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def _near_utc_now(when: object) -> bool:
    if isinstance(when, str):  # SQLite hands back text
        when = datetime.fromisoformat(when)
    now = datetime.now(UTC).replace(tzinfo=None)
    return isinstance(when, datetime) and abs(when - now) < timedelta(minutes=2)


def test_times_are_stored_as_utc_on_a_machine_far_from_utc(
    wb: Workbench, tmp_path: Path, zone
) -> None:
    zone(AHEAD)
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
    wb.set_verdict(claim, false, "No meeting is planned.")
    wb.set_status(claim, ClaimStatus.DONE)
    wb.add_source(claim, SourceDraft(url="https://a.example/x", stance=Stance.CONTEXT))
    stored = wb.claim(claim)
    assert stored.verdict is not None
    raw = dump(wb.db, ("articles", "claims", "verdicts", "source_notes", "claim_history"))
    times = {
        f"{table} {row['id']} {key}": value
        for table, rows in raw.items()
        for row in rows
        for key, value in row.items()
        if key.endswith("_at") or key == "at"
    }
    assert len(times) >= 8
    assert {k: v for k, v in times.items() if v is not None and not _near_utc_now(v)} == {}
    # Shown in the reader's zone: 14 hours ahead here, 12 behind for a colleague.
    assert local(stored.verdict.updated_at) - stored.verdict.updated_at == timedelta(hours=14)
    zone(BEHIND)
    assert local(stored.verdict.updated_at) - stored.verdict.updated_at == timedelta(hours=-12)


def test_explanation_typed_across_a_zone_change_stays_one_history_entry(
    wb: Workbench, tmp_path: Path, zone
) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again")
    false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
    zone(BEHIND)
    wb.set_verdict(claim, false, "No")
    wb.set_verdict(claim, false, "No meeting")
    zone(AHEAD)  # seconds later by any real clock; 26 hours later by the wall clock
    wb.set_verdict(claim, false, "No meeting is planned.")
    edits = [h for h in wb.history(claim) if h.field is HistoryField.EXPLANATION]
    assert [(h.old, h.new) for h in edits] == [("No", "No meeting is planned.")]


def test_tzset_is_undone_after_each_test() -> None:
    assert os.environ.get("TZ") not in (AHEAD, BEHIND)
