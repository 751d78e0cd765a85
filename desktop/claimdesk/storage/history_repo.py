"""The claim history: status and verdict changes recorded as plain text, who and when."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimdesk.domain import HistoryEntry, HistoryField
from claimdesk.storage.orm import ClaimHistoryRow, RatingRow
from claimdesk.storage.rows import stored
from claimdesk.storage.snapshots import ClaimState

#: Explanation edits by one person this close together make one history entry (the
#: detail pane saves while the checker types, so each pause would otherwise count).
EXPLANATION_WINDOW = timedelta(minutes=10)


def _entry(row: ClaimHistoryRow) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        claim_id=row.claim_id,
        at=row.at,
        who=row.who,
        field=stored(HistoryField, row.field, f"claim {row.claim_id}, history {row.id}"),
        old=row.old,
        new=row.new,
    )


def list_history(session: Session, claim_id: int) -> list[HistoryEntry]:
    """The claim's history, oldest first: in the order it was saved (ids), not by its
    times (UTC since 0013, but a machine's clock can still be wrong or set back)."""
    rows = session.scalars(
        select(ClaimHistoryRow)
        .where(ClaimHistoryRow.claim_id == claim_id)
        .order_by(ClaimHistoryRow.id)
    )
    return [_entry(r) for r in rows]


def add_entry(
    session: Session,
    claim_id: int,
    field: HistoryField,
    old: str | None,
    new: str | None,
    who: str,
    at: datetime,
) -> None:
    if field is HistoryField.EXPLANATION:
        last = session.scalar(
            select(ClaimHistoryRow)
            .where(ClaimHistoryRow.claim_id == claim_id)
            .order_by(ClaimHistoryRow.id.desc())
            .limit(1)
        )
        if (
            last is not None
            and last.field == field.value
            and last.who == who
            and at - last.at <= EXPLANATION_WINDOW
        ):
            if last.old == new:
                session.delete(last)  # typed back to what it was: nothing to record
            else:
                last.new, last.at = new, at
            return
    session.add(
        ClaimHistoryRow(claim_id=claim_id, at=at, who=who, field=field.value, old=old, new=new)
    )


def _rating_name(session: Session, state: ClaimState) -> str | None:
    if state.verdict is None:
        return None
    return session.scalar(select(RatingRow.name).where(RatingRow.id == state.verdict["rating_id"]))


def record_transition(
    session: Session, before: ClaimState | None, after: ClaimState | None, who: str, at: datetime
) -> None:
    """Record the status, verdict and explanation changes from `before` to `after`.

    A claim that appears or disappears records nothing: a new claim has no history yet,
    and a deleted claim takes its history with it (undo brings both back).
    """
    if before is None or after is None:
        return
    claim_id = int(after.claim["id"])
    old_rating = before.verdict["rating_id"] if before.verdict else None
    new_rating = after.verdict["rating_id"] if after.verdict else None
    if old_rating != new_rating:
        add_entry(
            session,
            claim_id,
            HistoryField.VERDICT,
            _rating_name(session, before),
            _rating_name(session, after),
            who,
            at,
        )
    if before.verdict is not None and after.verdict is not None:
        old_text, new_text = before.verdict["explanation"], after.verdict["explanation"]
        if old_text != new_text:
            add_entry(session, claim_id, HistoryField.EXPLANATION, old_text, new_text, who, at)
    if before.verdict is not None and after.verdict is not None:
        old_state, new_state = before.verdict["review_state"], after.verdict["review_state"]
        if old_state != new_state:
            add_entry(session, claim_id, HistoryField.REVIEW, old_state, new_state, who, at)
    old_who, new_who = before.claim["assignee"], after.claim["assignee"]
    if old_who != new_who:
        add_entry(session, claim_id, HistoryField.ASSIGNEE, old_who, new_who, who, at)
    # Last: a status change is often the consequence of the verdict (to do → in progress).
    old_status, new_status = before.claim["status"], after.claim["status"]
    if old_status != new_status:
        add_entry(session, claim_id, HistoryField.STATUS, old_status, new_status, who, at)
