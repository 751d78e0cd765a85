"""Change events: what a write saved, sent with NOTIFY in its own transaction on PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from claimdesk.storage.snapshots import ClaimState, Row, Snapshot

#: The one NOTIFY channel of a shared desk: saves and presence ("editing claim N").
CHANNEL = "claimdesk"
#: This process, as its events name it: what it hears back from the server is its own.
ORIGIN = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
#: More rows than this in one transaction (an extraction, a bundle) are sent as one
#: event per article: PostgreSQL queues every payload, and a view reloads the article.
MAX_ROW_EVENTS = 50
#: Tables whose rows are no news to a colleague's window (they follow from the others).
_QUIET = frozenset({
    "claim_history", "factcheck_vectors", "evidence_blobs", "alembic_version", "settings",
})  # fmt: skip
_PENDING = "claimdesk_change_events"
_WATCHED = "claimdesk_change_watch"


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One saved row (kind "saved"), or a checker editing or done with a claim.

    `own`: it came from this process (set by whoever receives it, never sent).
    """

    table: str
    id: int | None
    claim_id: int | None = None
    article_id: int | None = None
    version: int | None = None
    by: str = ""
    kind: str = "saved"
    origin: str = ORIGIN
    own: bool = False

    def payload(self) -> str:
        data = asdict(self)
        del data["own"]
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_payload(cls, payload: str) -> ChangeEvent | None:
        """The event in a NOTIFY payload; None for one that is not ours."""
        try:
            data = json.loads(payload)
            found = cls(
                table=str(data["table"]), id=_int(data.get("id")),
                claim_id=_int(data.get("claim_id")), article_id=_int(data.get("article_id")),
                version=_int(data.get("version")), by=str(data.get("by") or ""),
                kind=str(data.get("kind") or "saved"), origin=str(data.get("origin") or ""),
            )  # fmt: skip
        except (ValueError, TypeError, KeyError, RecursionError):
            # Anyone who may connect may NOTIFY the channel: "[[[[…" nested too deep
            # for the JSON reader would otherwise end the listener's thread.
            return None
        return replace(found, own=found.origin == ORIGIN)

    def key(self) -> tuple[str, int | None]:
        return (self.table, self.id)


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))


# ---------------------------------------------------------------- collecting in a write


def queue(session: Session, events: Iterable[ChangeEvent]) -> None:
    """Add events to the write transaction of `session`; they go out with its commit."""
    pending: dict[tuple[str, int | None], ChangeEvent] = session.info.setdefault(_PENDING, {})
    for change in events:
        pending[change.key()] = change


def watch(session: Session, by: str = "") -> None:
    """Queue an event for every row the ORM flushes in this write (new, changed, deleted).

    Edits made by plain UPDATE statements are queued by the write path from its
    before/after snapshots (events_between).
    """
    if session.info.get(_WATCHED):
        return
    session.info[_WATCHED] = True

    def flushed(session: Session, _context: UOWTransaction) -> None:
        rows = [(o, False) for o in (*session.new, *session.dirty)]
        queue(session, (e for o, gone in (*rows, *((o, True) for o in session.deleted))
                        if (e := _row_event(o, gone, by)) is not None))  # fmt: skip

    event.listen(session, "after_flush", flushed)


def _row_event(obj: object, gone: bool, by: str) -> ChangeEvent | None:
    table = getattr(obj, "__tablename__", None)
    if table is None or table in _QUIET:
        return None
    # The state's dict: reading attributes could load expired ones inside the flush.
    values: dict[str, Any] = inspect(obj).dict
    row_id = _int(values.get("id"))
    claim_id = row_id if table == "claims" else _int(values.get("claim_id"))
    article_id = row_id if table == "articles" else _int(values.get("article_id"))
    version = None if gone else _int(values.get("version"))
    return ChangeEvent(table, row_id, claim_id, article_id, version, by)


def set_author(session: Session, by: str) -> None:
    """Name who saved the events queued so far (the write path knows it late)."""
    pending: dict[tuple[str, int | None], ChangeEvent] = session.info.get(_PENDING, {})
    for key, change in pending.items():
        if not change.by:
            pending[key] = replace(change, by=by)


def events_between(before: Snapshot, after: Snapshot, by: str) -> list[ChangeEvent]:
    """The rows an edit changed, from its before and after snapshots."""
    aid = before.article_id
    found: list[ChangeEvent] = []
    for cid in before.claims.keys() | after.claims.keys():
        old, new = before.claims.get(cid), after.claims.get(cid)
        found.extend(_claim_events(cid, aid, old, new, by))
    if before.metadata != after.metadata:
        found.append(ChangeEvent("articles", aid, None, aid, None, by))
    return found


def _claim_events(
    cid: int, aid: int, old: ClaimState | None, new: ClaimState | None, by: str
) -> list[ChangeEvent]:
    def rows(state: ClaimState | None, part: str) -> dict[int, Row]:
        if state is None:
            return {}
        if part == "verdicts":
            return {} if state.verdict is None else {int(state.verdict["id"]): state.verdict}
        return {int(r["id"]): r for r in state.sources}

    found = []
    if old is None or new is None or old.content()[0] != new.content()[0]:
        version = None if new is None else _int(new.claim.get("version"))
        found.append(ChangeEvent("claims", cid, cid, aid, version, by))
    for part in ("verdicts", "source_notes"):
        was, now = rows(old, part), rows(new, part)
        for rid in was.keys() | now.keys():
            if _unclocked(was.get(rid)) != _unclocked(now.get(rid)):
                version = _int(now[rid].get("version")) if rid in now else None
                found.append(ChangeEvent(part, rid, cid, aid, version, by))
    return found


def _unclocked(row: Row | None) -> object:
    if row is None:
        return None
    return sorted((k, repr(v)) for k, v in row.items() if k not in ("created_at", "updated_at"))


# ---------------------------------------------------------------- sending at commit


def pending(session: Session) -> list[ChangeEvent]:
    """The events of this write, one per article when there are too many rows."""
    events = list(session.info.get(_PENDING, {}).values())
    if len(events) <= MAX_ROW_EVENTS:
        return events
    articles = {e.article_id for e in events}
    by = next((e.by for e in events if e.by), "")
    return [ChangeEvent("articles", a, None, a, None, by, kind="many") for a in articles]


class _OwnSaves:
    """What this process committed lately to each desk file, so a poller can tell its
    own saves (SQLite tells only that another connection wrote, and this process has
    several). Keyed by the file: two desks have rows with the same ids and versions."""

    LIMIT = 10_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: OrderedDict[tuple[str, str, int | None, int | None], None] = OrderedDict()
        self._commits: dict[str, int] = {}

    def add(self, desk: str, events: Iterable[ChangeEvent]) -> None:
        with self._lock:
            self._commits[desk] = self._commits.get(desk, 0) + 1
            for e in events:
                key = (desk, e.table, e.id, e.version)
                self._seen[key] = None
                self._seen.move_to_end(key)
            while len(self._seen) > self.LIMIT:
                self._seen.popitem(last=False)

    def commits(self, desk: str) -> int:
        """How many writes this process committed to `desk` so far."""
        with self._lock:
            return self._commits.get(desk, 0)

    def has(self, desk: str, change: ChangeEvent) -> bool:
        with self._lock:
            return (desk, change.table, change.id, change.version) in self._seen


OWN_SAVES = _OwnSaves()


def send_pending(session: Session, desk: str) -> list[ChangeEvent]:
    """NOTIFY the events of this write inside its transaction (PostgreSQL delivers them
    exactly when, and only if, it commits). `desk` names the desk (its file).

    They count as this process's own from now: a poller reading the commit a moment
    later must already know them. A commit that then fails leaves entries no other
    save will match but by a same-version coincidence.
    """
    events = pending(session)
    OWN_SAVES.add(desk, session.info.pop(_PENDING, {}).values())  # every row, not the summary
    if events and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p"),
            {"channel": CHANNEL, "payloads": [e.payload() for e in events]},
        )
    return events
