"""Presence on a shared desk: two connections see each other editing; a file desk is a no-op."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.services.change_feed import ChangeFeed
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.presence import Presence
from claimdesk.services.workbench import Workbench
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench
from tests.services.test_change_feed import DEADLINE_S


class Clock:
    """A clock the test moves forward (the receiving side's expiry)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _until(test, what: str) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if test():
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {DEADLINE_S} s: {what}")


@pytest.fixture
def two(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> Iterator[tuple[Workbench, Workbench, int]]:
    ana = open_workbench(desk_target, nlp_provider)
    ben = open_workbench(target_of(ana.db), nlp_provider)  # its own engine and connections
    claim = mark(ana, add_article(ana, tmp_path), "Unemployment fell to 3.9 percent")
    yield ana, ben, claim
    ana.db.dispose()
    ben.db.dispose()


def test_each_checker_sees_the_other_editing_with_heartbeat_and_expiry(
    two: tuple[Workbench, Workbench, int],
) -> None:
    ana_wb, ben_wb, claim = two
    clock = Clock()
    feeds = ChangeFeed(ana_wb.db, interval=0.2), ChangeFeed(ben_wb.db, interval=0.2)
    ana = Presence(feeds[0], "Ana", origin="ana", heartbeat=0.3)
    ben = Presence(feeds[1], "Ben", origin="ben", clock=clock)
    feeds[0].start(ana.observe)
    feeds[1].start(ben.observe)
    try:
        ana.editing(claim)
        if not ana_wb.db.is_server:  # one checker per desk file: nothing is sent
            assert not ana.enabled and ana._beat is None
            assert ben.editors(claim) == [] and ana.editors(claim) == []
            return
        _until(lambda: ben.editors(claim) == ["Ana"], "Ben sees Ana editing")
        assert ana.editors(claim) == []  # her own editing is not someone else's
        assert ben.edited_claims() == {claim: ["Ana"]}
        clock.now += 61  # no heartbeat heard for a minute: the mark expires ...
        assert ben.editors(claim) == []
        _until(lambda: ben.editors(claim) == ["Ana"], "Ana's heartbeat brings it back")
        ben.editing(claim)
        _until(lambda: ana.editors(claim) == ["Ben"], "Ana sees Ben")
        ana.done(claim)
        _until(lambda: ben.editors(claim) == [], "Ana's done clears her mark")
        ben.close()
        _until(lambda: ana.editors(claim) == [], "closing says done")
    finally:
        ana.close()
        ben.close()
        assert all(feed.stop() for feed in feeds)
