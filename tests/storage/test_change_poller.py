"""The desk-file poller's looks cost what they cost, but never most of a core."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from claimdesk.storage import change_listen
from claimdesk.storage.change_listen import Poller
from claimdesk.storage.db import open_database
from claimdesk.storage.notify import ChangeEvent


class SlowLooks(Poller):
    """A poller whose every look takes 0.1 s, as on a desk with a great many rows."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, lambda _change: None, interval=0.02)
        self.looks: list[float] = []

    def _changes(self) -> list[ChangeEvent]:
        self.looks.append(time.monotonic())
        time.sleep(0.1)
        return super()._changes()


def test_a_slow_look_waits_ten_times_its_length_before_the_next(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).engine.dispose()
    poller = SlowLooks(path)
    poller.start()
    try:
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE scratch (x)")
        deadline = time.monotonic() + 6
        while len(poller.looks) < 3 and time.monotonic() < deadline:
            other.execute("INSERT INTO scratch VALUES (1)")  # a commit elsewhere, often
            other.commit()
            time.sleep(0.01)
        other.close()
    finally:
        assert poller.stop()
    assert len(poller.looks) >= 2
    gaps = [b - a for a, b in zip(poller.looks, poller.looks[1:], strict=False)]
    assert min(gaps) >= change_listen.SCAN_SHARE * 0.1  # not every 0.02 s
