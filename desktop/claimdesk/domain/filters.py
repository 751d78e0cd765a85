"""Which claims a checker wants to see: the claims table's filter, as a pure value."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from claimdesk.domain.models import Claim, ClaimOrigin, ClaimStatus, ClaimType
from claimdesk.domain.review import Queue, ReviewState, same_checker

#: `ClaimFilter.rating` value that keeps only claims without a verdict.
UNRATED = -1


def worked_on(claim: Claim) -> bool:
    """The one rule for "the checker has worked on this claim".

    Marked by hand, rated, moved on from "to do", or with a source note. Such a claim is
    never hidden by the threshold, is kept when the article is extracted again, counts
    for overlaps and goes into a report by default. storage.rows.worked_on_sql says the
    same in SQL.
    """
    return (
        claim.origin is ClaimOrigin.MANUAL
        or claim.verdict is not None
        or claim.status is not ClaimStatus.TODO
        or claim.source_count > 0
    )


def in_queue(claim: Claim, queue: Queue, me: str) -> bool:
    """The one rule for the team filters; storage.review_repo.queue_sql says it in SQL.

    MINE: assigned to `me`. UNASSIGNED: assigned to nobody. NEEDS_MY_REVIEW: its verdict
    waits for review and was written by someone else (its writer cannot approve it).
    """
    if queue is Queue.MINE:
        return claim.assignee is not None and same_checker(claim.assignee, me)
    if queue is Queue.UNASSIGNED:
        return claim.assignee is None
    verdict = claim.verdict
    return (
        verdict is not None
        and verdict.review_state is ReviewState.NEEDS_REVIEW
        and not same_checker(verdict.checker, me)
    )


def fold(text: str) -> str:
    """`text` as the text filter compares it: case and accents folded, as the desk's
    search (remove_diacritics) does ("Peña" matches "pena", "é" decomposed or not)."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).casefold()


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """The candidate gate (threshold, every sentence) plus explicit filters.

    Unless `show_all`, the gate hides claims that score under `threshold` and that the
    checker has not worked on; a claim with no score yet passes it. The explicit filters
    apply to every claim.
    """

    threshold: float = 0.5
    show_all: bool = False
    max_score: float = 1.0
    text: str = ""
    status: ClaimStatus | None = None
    rating: int | None = None  # a rating id, UNRATED, or None for any
    claim_type: ClaimType | None = None
    speaker: str | None = None
    has_sources: bool | None = None
    #: A team filter (domain.review.Queue) and the signed-in checker it is about.
    queue: Queue | None = None
    me: str = ""

    def accepts(self, claim: Claim) -> bool:
        return self._explicit(claim) and (
            self.show_all or worked_on(claim) or claim.score is None
            or claim.score >= self.threshold
        )

    def _explicit(self, claim: Claim) -> bool:
        if self.status is not None and claim.status is not self.status:
            return False
        if self.rating == UNRATED and claim.verdict is not None:
            return False
        if self.rating not in (None, UNRATED) and (
            claim.verdict is None or claim.verdict.rating.id != self.rating
        ):
            return False
        if self.claim_type is not None and self.claim_type not in claim.types:
            return False
        if self.speaker is not None and (claim.speaker or "") != self.speaker:
            return False
        if self.has_sources is not None and (claim.source_count > 0) != self.has_sources:
            return False
        if self.queue is not None and not in_queue(claim, self.queue, self.me):
            return False
        if claim.score is not None and claim.score > self.max_score:
            return False
        needle = fold(self.text).strip()
        return not needle or any(
            needle in fold(part)
            for part in (
                claim.text,
                claim.speaker or "",
                claim.verdict.rating.name if claim.verdict else "",
                claim.verdict.explanation if claim.verdict else "",
            )
        )
