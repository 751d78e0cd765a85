"""Writes of precise claim editing: a new span, moving verdicts and sources between claims."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from claimdesk.domain import ClaimOrigin, ClaimType, Entity, ReviewState, SpeakerKind
from claimdesk.storage.orm import ClaimRow, SourceNoteRow, VerdictRow
from claimdesk.storage.review_repo import reopen
from claimdesk.storage.rows import MissingRowError, _entity_dicts, _now


def set_claim_span(
    session: Session,
    claim_id: int,
    *,
    start: int,
    end: int,
    text: str,
    score: float | None,
    entities: Sequence[Entity],
    types: Sequence[ClaimType],
    speaker: str | None,
    speaker_kind: SpeakerKind | None = None,
) -> None:
    """Give a claim a new span; the checker chose it, so the claim becomes manual.

    (A manual claim survives re-extraction, which would otherwise bring back the
    sentence the checker has just trimmed.) An approved verdict whose claim now says
    other words waits for review again: the reviewer approved it for the old words.
    """
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise MissingRowError(f"claims {claim_id}")
    if row.text != text:
        reopen(row.verdict)
    row.start, row.end, row.text, row.score = start, end, text, score
    row.entities = _entity_dicts(entities)
    row.types = [t.value for t in types]
    row.speaker = speaker
    row.speaker_kind = speaker_kind.value if speaker_kind else None
    row.origin = ClaimOrigin.MANUAL.value
    row.updated_at = _now()


def set_speaker_kind(session: Session, claim_id: int, kind: SpeakerKind | None) -> None:
    """Say what sort of speaker the claim's speaker is (None: not known)."""
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise MissingRowError(f"claims {claim_id}")
    value = kind.value if kind else None
    if row.speaker_kind == value:
        return  # the same kind again is no edit, however long after (times are seconds)
    row.speaker_kind = value
    row.updated_at = _now()


def move_sources(session: Session, from_claim: int, to_claim: int) -> None:
    """Attach every source of `from_claim` to `to_claim`, keeping their ids."""
    session.flush()
    session.execute(
        update(SourceNoteRow)
        .where(SourceNoteRow.claim_id == from_claim)
        .values(claim_id=to_claim)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()


def move_verdict(session: Session, from_claim: int, to_claim: int) -> None:
    """Give `to_claim` (which has none) the verdict of `from_claim`, keeping its id; an
    approved one waits for review again, now on `to_claim`'s words."""
    session.flush()
    has = session.scalar(select(VerdictRow.id).where(VerdictRow.claim_id == to_claim))
    if has is not None:
        raise ValueError(f"claim {to_claim} already has a verdict")
    session.execute(
        update(VerdictRow)
        .where(VerdictRow.claim_id == from_claim)
        .values(claim_id=to_claim)
        .execution_options(synchronize_session=False)
    )
    # The approval was given to the verdict on the other claim's words.
    session.execute(
        update(VerdictRow)
        .where(VerdictRow.claim_id == to_claim)
        .where(VerdictRow.review_state == ReviewState.APPROVED.value)
        .values(review_state=ReviewState.NEEDS_REVIEW.value)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
