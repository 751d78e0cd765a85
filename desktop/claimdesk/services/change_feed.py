"""Other checkers' saves as they happen, on either engine: ChangeFeed(db).start(callback)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from claimdesk.storage.change_listen import Listener, Poller
from claimdesk.storage.db import Database
from claimdesk.storage.notify import CHANNEL, ChangeEvent

__all__ = ["ChangeEvent", "ChangeFeed"]


class ChangeFeed:
    """Delivers a ChangeEvent for every committed save to the desk, on a thread of its own.

    PostgreSQL: the saves' own NOTIFY (storage/notify.py), presence included. SQLite:
    a poller, about once per `interval` seconds. Events from this process carry
    own=True, so a window skips what it saved itself. The callback runs on the feed's
    thread: a window hands the event to its GUI thread.
    """

    def __init__(self, db: Database, *, interval: float = 1.0) -> None:
        self.db = db
        self.interval = interval
        self._worker: Listener | Poller | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.running

    def start(self, callback: Callable[[ChangeEvent], None]) -> None:
        """Start listening (a second start replaces the first)."""
        self.stop()
        if self.db.is_server:
            worker: Listener | Poller = Listener(self.db.engine, callback)
        else:
            assert self.db.path is not None
            worker = Poller(self.db.path, callback, self.interval)
        worker.start()
        self._worker = worker

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop and join the feed's thread; True once it has ended."""
        worker, self._worker = self._worker, None
        return True if worker is None else worker.stop(timeout)

    def announce(self, change: ChangeEvent) -> None:
        """Send an event outside any save (presence); nothing to do on an SQLite file."""
        if not self.db.is_server:
            return
        with self.db.engine.begin() as conn:
            conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": change.payload()},
            )
