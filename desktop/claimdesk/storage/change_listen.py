"""Hearing other checkers' saves: LISTEN on PostgreSQL, PRAGMA data_version on an SQLite file."""

from __future__ import annotations

import atexit
import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from claimdesk.storage.notify import CHANNEL, MAX_ROW_EVENTS, OWN_SAVES, ChangeEvent

log = logging.getLogger(__name__)

Deliver = Callable[[ChangeEvent], None]
#: How long a listener waits for a notification before it looks at its stop flag.
WAKE_S = 0.25
#: How long it waits before connecting again after losing the server.
RECONNECT_S = 3.0


#: Workers still running: stopped at interpreter exit, so no feed thread is left
#: delivering to a window while Python and Qt shut down.
_RUNNING: weakref.WeakSet[_Worker] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for worker in list(_RUNNING):
        worker.stop(1.0)


class _Worker:
    """A daemon thread that runs `_loop` until `stop()`, which joins it."""

    name = "change feed"

    def __init__(self, deliver: Deliver) -> None:
        self.deliver = deliver
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._prepare()  # in the caller's thread: a refusal is the caller's KnownError
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        _RUNNING.add(self)

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop and join the thread; False if it did not end within `timeout` seconds."""
        self._stop.set()
        _RUNNING.discard(self)
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _send(self, change: ChangeEvent) -> None:
        try:
            self.deliver(change)
        except Exception:  # a broken receiver must not stop the feed; it is logged
            log.exception("the change feed's receiver failed on %s", change)

    def _prepare(self) -> None:
        raise NotImplementedError

    def _loop(self) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        try:
            self._loop()
        finally:
            self._close()


class Listener(_Worker):
    """LISTEN claimdesk on a connection of its own (autocommit, out of the pool)."""

    name = "change listener"

    def __init__(self, engine: Engine, deliver: Deliver) -> None:
        super().__init__(deliver)
        self.engine = engine
        self._conn: Any = None

    def _prepare(self) -> None:
        # The engine's own connect arguments (password, service, timeout) make it.
        raw = self.engine.raw_connection()
        conn = raw.driver_connection
        assert conn is not None
        raw.detach()  # out of the pool: it stays in LISTEN, in autocommit, for the feed
        conn.rollback()  # the pool's ping may have left a transaction open
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def _loop(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                if self._conn is None:
                    self._prepare()
                for note in self._conn.notifies(timeout=WAKE_S):
                    change = ChangeEvent.from_payload(note.payload)
                    if note.channel == CHANNEL and change is not None:
                        self._send(change)
                    if self._stop.is_set():
                        break
            except (psycopg.Error, OSError):
                log.warning("the change listener lost the server; retrying", exc_info=True)
                self._close()
                self._stop.wait(RECONNECT_S)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                log.debug("closing the listener's connection failed", exc_info=True)


#: Every row a colleague's window shows, with what makes a save visible: its version.
_ROWS = """
SELECT 'claims', id, id, article_id, version FROM claims
UNION ALL SELECT 'verdicts', v.id, v.claim_id, c.article_id, v.version
  FROM verdicts v JOIN claims c ON c.id = v.claim_id
UNION ALL SELECT 'source_notes', s.id, s.claim_id, c.article_id, s.version
  FROM source_notes s JOIN claims c ON c.id = s.claim_id
UNION ALL SELECT 'articles', id, NULL, id, NULL FROM articles
"""

#: How many times a look's own length the poller waits before the next one.
SCAN_SHARE = 10

Signature = dict[tuple[str, int], tuple[int | None, int | None, int | None]]


class Poller(_Worker):
    """Looks at an SQLite file's data_version every `interval` seconds.

    data_version changes when another connection commits, which includes this
    process's other connections: rows this process saved are flagged `own`
    (notify.OWN_SAVES). Which rows changed is found by comparing versions with the
    last look; "desk" events say only that something (settings, the scale) changed.
    """

    name = "change poller"

    def __init__(self, path: Path, deliver: Deliver, interval: float = 1.0) -> None:
        super().__init__(deliver)
        self.path, self.interval = path, interval
        self._con: sqlite3.Connection | None = None
        self._version = -1
        self._rows: Signature = {}
        self._history = 0
        self._commits = 0

    def _prepare(self) -> None:
        con = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        con.execute("PRAGMA query_only = ON")
        self._con = con
        self._version = self._data_version()
        self._rows, self._history = self._signature(), self._last_history()
        self._commits = OWN_SAVES.commits(str(self.path))

    def _data_version(self) -> int:
        assert self._con is not None
        return int(self._con.execute("PRAGMA data_version").fetchone()[0])

    def _signature(self) -> Signature:
        assert self._con is not None
        return {(t, i): (c, a, v) for t, i, c, a, v in self._con.execute(_ROWS)}

    def _last_history(self) -> int:
        assert self._con is not None
        return int(
            self._con.execute("SELECT coalesce(max(id), 0) FROM claim_history").fetchone()[0]
        )

    def _loop(self) -> None:
        pause = self.interval
        while not self._stop.wait(pause):
            try:
                version = self._data_version()
                if version != self._version:
                    self._version = version
                    started = time.monotonic()
                    changes = self._changes()
                    # A look reads every row's version: on a big desk it waits ten
                    # times its own length before the next, so this thread takes at
                    # most a tenth of a core (and of the GIL) while the checker types.
                    pause = max(self.interval, SCAN_SHARE * (time.monotonic() - started))
                    for change in changes:
                        self._send(change)
            except sqlite3.Error:
                log.warning("the change poller could not read the desk", exc_info=True)

    def _changes(self) -> list[ChangeEvent]:
        assert self._con is not None
        rows, commits = self._signature(), OWN_SAVES.commits(str(self.path))
        who = dict(self._con.execute(
            "SELECT claim_id, who FROM claim_history WHERE id > ? ORDER BY id", (self._history,)
        ).fetchall())  # fmt: skip
        self._history = self._last_history()
        found = []
        for key in rows.keys() | self._rows.keys():
            now, was = rows.get(key), self._rows.get(key)
            if now == was:
                continue
            claim, article, version = now or was or (None, None, None)
            change = ChangeEvent(key[0], key[1], claim, article, version if now else None,
                                 str(who.get(claim, "")))  # fmt: skip
            found.append(replace(change, own=OWN_SAVES.has(str(self.path), change)))
        self._rows = rows
        own_commits, self._commits = commits != self._commits, commits
        if len(found) > MAX_ROW_EVENTS:
            own = all(c.own for c in found)
            articles = {c.article_id for c in found}
            found = [
                ChangeEvent("articles", a, None, a, None, kind="many", own=own) for a in articles
            ]
        if not found:  # settings, the rating scale, a history entry alone
            found = [ChangeEvent("desk", None, kind="changed", own=own_commits)]
        return found

    def _close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            con.close()
