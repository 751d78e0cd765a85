"""Who else is editing a claim on a shared desk: "editing"/"done" on the change feed's channel."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from claimdesk.errors import KnownError
from claimdesk.services.change_feed import ChangeFeed
from claimdesk.storage import notify
from claimdesk.storage.notify import ChangeEvent

log = logging.getLogger(__name__)

#: How often a checker still typing says so again.
HEARTBEAT_S = 20.0
#: How long an "editing" stands without a heartbeat (a window closed without "done").
EXPIRY_S = 60.0
EDITING, DONE = "editing", "done"


class Presence:
    """Announces the claims this checker edits and keeps who else edits which claim.

    Feed it the change feed's events (`observe`). On an SQLite file it does nothing:
    one desk file has one checker at a time. Announcing is best effort: a lost
    server costs the mark, never the edit.
    """

    def __init__(
        self,
        feed: ChangeFeed,
        who: str,
        *,
        origin: str = notify.ORIGIN,
        heartbeat: float = HEARTBEAT_S,
        expiry: float = EXPIRY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.feed, self.who, self.origin = feed, who, origin
        self.heartbeat, self.expiry, self.clock = heartbeat, expiry, clock
        self.enabled = feed.db.is_server
        self._lock = threading.Lock()
        self._mine: set[int] = set()
        #: (claim, origin) → (name, last heard) of the others' "editing".
        self._others: dict[tuple[int, str], tuple[str, float]] = {}
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    # ------------------------------------------------------------------ this checker

    def editing(self, claim_id: int) -> None:
        """The checker started typing in this claim (again: nothing new is sent)."""
        if not self.enabled:
            return
        with self._lock:
            new = claim_id not in self._mine
            self._mine.add(claim_id)
        if new:
            self._announce(EDITING, claim_id)
        self._start_heartbeat()

    def done(self, claim_id: int) -> None:
        """The checker saved or left the claim."""
        if not self.enabled:
            return
        with self._lock:
            was = claim_id in self._mine
            self._mine.discard(claim_id)
        if was:
            self._announce(DONE, claim_id)

    def close(self) -> None:
        """Say "done" for every claim still being edited and stop the heartbeat."""
        with self._lock:
            mine = sorted(self._mine)
        for claim_id in mine:
            self.done(claim_id)
        self._stop.set()
        beat, self._beat = self._beat, None
        if beat is not None:
            beat.join(5.0)

    def _announce(self, kind: str, claim_id: int) -> None:
        change = ChangeEvent("claims", claim_id, claim_id, None, None, self.who, kind, self.origin)
        try:
            self.feed.announce(change)
        except (SQLAlchemyError, KnownError):
            log.warning("could not tell the desk: %s claim %d", kind, claim_id, exc_info=True)

    def _start_heartbeat(self) -> None:
        with self._lock:
            if self._beat is not None:
                return
            self._beat = threading.Thread(target=self._beat_loop, name="presence", daemon=True)
            self._beat.start()

    def _beat_loop(self) -> None:
        while not self._stop.wait(self.heartbeat):
            with self._lock:
                mine = sorted(self._mine)
            for claim_id in mine:
                self._announce(EDITING, claim_id)

    # ------------------------------------------------------------------ the others

    def observe(self, change: ChangeEvent) -> bool:
        """Take in one event from the feed; True when someone's presence changed."""
        if change.kind not in (EDITING, DONE) or change.claim_id is None:
            return False
        if change.origin == self.origin:
            return False
        key = (change.claim_id, change.origin)
        with self._lock:
            before = key in self._others
            if change.kind == EDITING:
                self._others[key] = (change.by, self.clock())
                return not before
            self._others.pop(key, None)
            return before

    def editors(self, claim_id: int) -> list[str]:
        """The other checkers editing `claim_id` now (heard from within EXPIRY_S)."""
        now = self.clock()
        with self._lock:
            for key, (_, seen) in list(self._others.items()):
                if now - seen > self.expiry:
                    del self._others[key]
            return sorted({name for (cid, _), (name, _) in self._others.items() if cid == claim_id})

    def edited_claims(self) -> dict[int, list[str]]:
        """Every claim others are editing, with their names (for marking a list)."""
        with self._lock:
            claims = {cid for cid, _ in self._others}
        return {cid: names for cid in sorted(claims) if (names := self.editors(cid))}
