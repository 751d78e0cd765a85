"""Writes and reads of the review step: assignment, review state, the team's queues."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from claimdesk.domain import Claim, Queue, ReviewState
from claimdesk.domain.filters import in_queue
from claimdesk.storage.orm import ClaimRow, SourceNoteRow, VerdictRow
from claimdesk.storage.rows import MissingRowError, _claim, _get, _now
from claimdesk.storage.snapshots import ClaimState, Row

#: The article properties published with each of its verdicts (ClaimReview's
#: itemReviewed and appearance, the reports' article heading).
PUBLISHED_METADATA = ("title", "author", "publisher", "url", "published", "language")
#: What of a claim the reports and ClaimReview publish with its verdict.
_PUBLISHED_CLAIM = ("start", "end", "text", "types", "speaker", "speaker_kind")
#: What of a source note or an attached file is not published: ids and clocks.
_UNPUBLISHED_SOURCE = frozenset({"id", "claim_id", "created_at", "version"})
_UNPUBLISHED_FILE = frozenset({"id", "source_note_id", "version"})


def reopen_if_changed(verdict: VerdictRow, rating_id: int, explanation: str) -> None:
    """An approved verdict whose rating or text changes waits for review again.

    The approval was given to the words and rating the reviewer read; once they change
    it no longer stands. The reviewer's name stays (it says who approved the version
    before) until the next approval replaces it.
    """
    if verdict.rating_id != rating_id or verdict.explanation != explanation:
        reopen(verdict)


def reopen(verdict: VerdictRow | None) -> None:
    """An approved verdict waits for review again (its words or its claim's changed)."""
    if verdict is not None and verdict.review_state == ReviewState.APPROVED.value:
        verdict.review_state = ReviewState.NEEDS_REVIEW.value


def published(state: ClaimState) -> tuple[Any, ...]:
    """What the reports and ClaimReview publish of a claim besides its verdict: its words
    and their place, its speaker and the speaker's kind, its types (a quote without a
    speaker has no author), its sources with everything they show, their files."""
    files: dict[int, list[tuple[tuple[str, Any], ...]]] = {}
    for f in state.evidence:
        row = tuple(sorted((k, v) for k, v in f.items() if k not in _UNPUBLISHED_FILE))
        files.setdefault(f["source_note_id"], []).append(row)
    sources = tuple(
        (
            tuple(sorted((k, v) for k, v in s.items() if k not in _UNPUBLISHED_SOURCE)),
            tuple(files.get(s["id"], ())),
        )
        for s in state.sources
    )
    return (tuple(state.claim[k] for k in _PUBLISHED_CLAIM), sources)


def published_metadata(metadata: Row | None) -> tuple[Any, ...] | None:
    """The article properties its verdicts publish (None: no such article)."""
    return None if metadata is None else tuple(metadata[k] for k in PUBLISHED_METADATA)


def approved_claims(session: Session, article_id: int) -> list[int]:
    """The article's claims whose verdicts are approved."""
    return list(
        session.scalars(
            select(VerdictRow.claim_id)
            .join(ClaimRow, ClaimRow.id == VerdictRow.claim_id)
            .where(ClaimRow.article_id == article_id)
            .where(VerdictRow.review_state == ReviewState.APPROVED.value)
            .order_by(VerdictRow.claim_id)
        )
    )


def withdraw_approval(session: Session, claim_id: int) -> bool:
    """The claim's approved verdict waits for review again: what it is published with
    changed since the reviewer approved it. A new version of the claim, so a reviewer
    who read the one before cannot approve this one unseen. False: none was approved."""
    state = session.scalar(select(VerdictRow.review_state).where(VerdictRow.claim_id == claim_id))
    if state != ReviewState.APPROVED.value:
        return False
    set_review(session, claim_id, ReviewState.NEEDS_REVIEW)
    return True


def login(session: Session) -> str | None:
    """The database login of this session on a shared desk (None on a desk file)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.scalar(text("SELECT current_user")))


def owns_desk(session: Session) -> bool:
    """Whether this session may already write anything on its desk: a desk file (whoever
    opens it can edit it), or on a shared desk a login that is, or may act as, the role
    owning the verdicts table (the owner who set the desk up; a superuser). A checker in
    the claimdesk_app group owns nothing (packaging/sql/claimdesk_app_role.sql)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(
        session.scalar(
            text(
                "SELECT pg_has_role(c.relowner, 'MEMBER') FROM pg_class c "
                "WHERE c.oid = to_regclass('verdicts')"
            )
        )
    )


def author_login(session: Session, claim_id: int) -> str | None:
    """The login that last wrote the claim's verdict on a shared desk (VerdictRow)."""
    return session.scalar(select(VerdictRow.author_login).where(VerdictRow.claim_id == claim_id))


def set_assignee(session: Session, claim_id: int, assignee: str | None) -> None:
    row: ClaimRow = _get(session, ClaimRow, claim_id)
    if row.assignee == assignee:
        return  # not even its clock moves: the same assignment again is no edit
    row.assignee = assignee
    row.updated_at = _now()


def set_review(
    session: Session,
    claim_id: int,
    state: ReviewState,
    reviewer: str | None = None,
    at: datetime | None = None,
) -> None:
    """Move the claim's verdict to `state`; an approval records its reviewer and time."""
    verdict = session.scalar(select(VerdictRow).where(VerdictRow.claim_id == claim_id))
    if verdict is None:
        raise MissingRowError(f"verdict of claim {claim_id}")
    if verdict.review_state == state.value:
        return
    verdict.review_state = state.value
    if state is ReviewState.APPROVED:
        verdict.reviewer, verdict.reviewed_at = reviewer, at or _now()
    claim: ClaimRow = _get(session, ClaimRow, claim_id)
    claim.updated_at = _now()
    # A review step is a new version of its claim even within the same second (as
    # repositories.set_verdict): a reviewer's expected version then sees it.
    flag_modified(claim, "updated_at")


def _candidates(queue: Queue) -> Select[ClaimRow]:
    """A loose SQL pre-selection; domain.filters.in_queue decides (one rule, not two)."""
    query = select(ClaimRow)
    if queue is Queue.MINE:
        return query.where(ClaimRow.assignee.is_not(None))
    if queue is Queue.UNASSIGNED:
        return query.where(ClaimRow.assignee.is_(None))
    return query.join(VerdictRow, VerdictRow.claim_id == ClaimRow.id).where(
        VerdictRow.review_state == ReviewState.NEEDS_REVIEW.value
    )


def queue(session: Session, which: Queue, me: str) -> list[Claim]:
    """Every claim of the desk in the queue `which` for the checker `me`, by article and
    text order. Numbers are the claims' places in their article, as the table shows them.
    """
    query = _candidates(which)
    rows = session.scalars(
        query.options(
            selectinload(ClaimRow.verdict).selectinload(VerdictRow.rating),
            selectinload(ClaimRow.sources).selectinload(SourceNoteRow.attachments),
        ).order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.end, ClaimRow.id)
    ).all()
    numbers = _numbers(session, {r.article_id for r in rows})
    claims = [_claim(r, numbers[r.id], with_sources=False) for r in rows]
    return [c for c in claims if in_queue(c, which, me)]


def _numbers(session: Session, article_ids: set[int]) -> dict[int, int]:
    found = session.execute(
        select(ClaimRow.id, ClaimRow.article_id)
        .where(ClaimRow.article_id.in_(article_ids))
        .order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.end, ClaimRow.id)
    ).all()
    numbers: dict[int, int] = {}
    last, n = None, 0
    for claim_id, article_id in found:
        n = n + 1 if article_id == last else 1
        last = article_id
        numbers[claim_id] = n
    return numbers
