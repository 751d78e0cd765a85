"""Write transactions across processes: take SQLite's write lock first, wait for it politely."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

# One class for "busy", whether the polite wait ran out or SQLite's own did.
from claimdesk.storage.sqlite_errors import DatabaseBusy

#: What the CLI prints and the window shows while another program holds the write lock.
WAITING = "Waiting for another ClaimDesk to finish writing…"

#: How long a write waits for another writer before giving up (a bundle merge may take
#: a minute on a large desk).
WAIT_LIMIT_S = 120.0

#: SQLite's own busy wait per attempt, so the first "waiting" note comes quickly.
_SLICE_MS = 400

#: How often the waiting note is repeated (with the seconds waited so far).
_NOTE_EVERY_S = 5.0

WaitingFn = Callable[[str], None]

__all__ = ["WAITING", "WAIT_LIMIT_S", "DatabaseBusy", "WaitingFn", "is_busy", "lock_now"]


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database is busy" errors."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and (
        "database is locked" in text or "database is busy" in text
    )


def lock_now(raw: sqlite3.Connection, busy: str, waiting: WaitingFn | None, limit: float) -> None:
    """BEGIN IMMEDIATE on `raw`: take the write lock now, waiting politely for it.

    Every read the write then makes sees the latest committed state and nothing can
    change under it, so "is it already there?" checks hold until the commit, across
    processes. While another process writes, `waiting` hears WAITING (then every few
    seconds with the time waited); after `limit` seconds DatabaseBusy(`busy`) says what
    to do. The storage engine calls this at the start of every write transaction.
    """
    (previous,) = raw.execute("PRAGMA busy_timeout").fetchone()
    started = time.monotonic()
    next_note = started
    try:
        raw.execute(f"PRAGMA busy_timeout = {min(_SLICE_MS, max(1, int(limit * 1000)))}")
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            now = time.monotonic()
            if now - started >= limit:
                raise DatabaseBusy(busy)
            if waiting is not None and now >= next_note:
                waited = now - started
                waiting(WAITING if waited < _NOTE_EVERY_S else f"{WAITING} ({waited:.0f} s)")
                next_note = now + _NOTE_EVERY_S
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(previous)}")
