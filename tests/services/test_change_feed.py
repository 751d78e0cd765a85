"""The change feed on both engines: another process's save arrives, this process's own is marked."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimdesk.services.change_feed import ChangeEvent, ChangeFeed
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests.conftest import REPO
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench

DEADLINE_S = 10.0


class Heard:
    """The events a feed delivered (from its thread), and a wait for one that matches."""

    def __init__(self) -> None:
        self.events: list[ChangeEvent] = []
        self._lock = threading.Lock()

    def __call__(self, change: ChangeEvent) -> None:
        with self._lock:
            self.events.append(change)

    def matching(self, test: Callable[[ChangeEvent], bool]) -> list[ChangeEvent]:
        with self._lock:
            return [e for e in self.events if test(e)]

    def wait_for(self, test: Callable[[ChangeEvent], bool]) -> ChangeEvent:
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            found = self.matching(test)
            if found:
                return found[0]
            time.sleep(0.05)
        raise AssertionError(f"no matching event within {DEADLINE_S} s; heard {self.events}")


@pytest.fixture
def desk(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> Iterator[tuple[Workbench, int]]:
    wb = open_workbench(desk_target, nlp_provider)
    wb.checker = "Ana"
    claim = mark(wb, add_article(wb, tmp_path), "Unemployment fell to 3.9 percent")
    yield wb, claim
    wb.db.dispose()


def _rating(wb: Workbench) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == "True")


def test_another_process_save_arrives_and_own_saves_are_marked(
    desk: tuple[Workbench, int],
) -> None:
    wb, claim = desk
    heard = Heard()
    feed = ChangeFeed(wb.db, interval=0.2)
    feed.start(heard)
    try:
        wb.set_verdict(claim, _rating(wb), "Ana's own reading.")
        own = heard.wait_for(lambda e: e.table == "verdicts" and e.claim_id == claim)
        assert own.own and own.by == "Ana"
        subprocess.run(
            [sys.executable, "-m", "tests.services.feed_child", str(target_of(wb.db)),
             str(claim), "Ben", "Ben's reading."],
            cwd=REPO, check=True, timeout=120,
        )  # fmt: skip
        theirs = heard.wait_for(
            lambda e: e.table == "verdicts" and e.claim_id == claim and not e.own
        )
        assert theirs.by == "Ben"
        assert theirs.version == wb.claim(claim).verdict.version  # type: ignore[union-attr]
        # Ana's save was never reported as someone else's.
        assert not heard.matching(lambda e: not e.own and e.version == own.version
                                  and e.table == "verdicts")  # fmt: skip
    finally:
        thread = feed._worker._thread if feed._worker else None
        assert feed.stop()
    assert thread is not None and not thread.is_alive() and not feed.running


def test_a_refused_save_sends_nothing(desk: tuple[Workbench, int]) -> None:
    from claimdesk.domain import ClaimStatus
    from claimdesk.errors import SaveConflict

    wb, claim = desk
    wb.set_verdict(claim, _rating(wb), "First.")
    seen = wb.claim(claim).version
    wb.set_verdict(claim, _rating(wb), "Second.", expected_version=seen)
    heard = Heard()
    feed = ChangeFeed(wb.db, interval=0.2)
    feed.start(heard)
    try:
        with pytest.raises(SaveConflict):
            wb.set_verdict(claim, _rating(wb), "Stale.", expected_version=seen)
        wb.set_status(claim, ClaimStatus.DONE)
        heard.wait_for(lambda e: e.table == "claims" and e.claim_id == claim)
        assert not heard.matching(lambda e: e.table == "verdicts")
    finally:
        assert feed.stop()


def test_own_saves_to_another_desk_file_do_not_hide_a_colleagues_save(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    """Two desks hold rows with the same ids and versions: "own" is per desk file."""
    desks = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        wb = open_workbench(tmp_path / name / "desk.sqlite3", nlp_provider)
        desks.append((wb, mark(wb, add_article(wb, tmp_path / name), "Unemployment fell")))
    (mine, mine_claim), (shared, shared_claim) = desks
    heard = Heard()
    feed = ChangeFeed(shared.db, interval=0.2)
    feed.start(heard)
    try:
        mine.set_verdict(mine_claim, _rating(mine), "On my own desk.")  # verdict 1, version 1
        subprocess.run(
            [sys.executable, "-m", "tests.services.feed_child", str(shared.db.path),
             str(shared_claim), "Ben", "On the shared desk."],
            cwd=REPO, check=True, timeout=120,
        )  # fmt: skip
        theirs = heard.wait_for(lambda e: e.table == "verdicts")
        assert not theirs.own and theirs.by == "Ben"
    finally:
        assert feed.stop()
        for wb, _ in desks:
            wb.db.dispose()


def test_a_hostile_notification_on_the_channel_does_not_stop_the_feed(
    pg_url: str, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    """Anyone who may connect to the desk may NOTIFY its channel: a payload nested too
    deep for the JSON reader (RecursionError, not ValueError) must be dropped like any
    other that is not ours, and the next save still arrive."""
    from sqlalchemy import create_engine, text

    from claimdesk.storage.notify import CHANNEL

    wb = open_workbench(pg_url, nlp_provider)
    wb.checker = "Ana"
    claim = mark(wb, add_article(wb, tmp_path), "Unemployment fell to 3.9 percent")
    heard = Heard()
    feed = ChangeFeed(wb.db, interval=0.2)
    feed.start(heard)
    other = create_engine(pg_url)
    try:
        time.sleep(0.5)  # the listener is in LISTEN
        with other.begin() as conn:
            for payload in ("[" * 5000, '{"table": "claims", "id": ' + "[" * 5000, "null"):
                conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})
        time.sleep(0.5)
        wb.set_verdict(claim, _rating(wb), "Saved after the noise.")
        heard.wait_for(lambda e: e.table == "verdicts" and e.claim_id == claim)
    finally:
        other.dispose()
        assert feed.stop()
        wb.db.dispose()
