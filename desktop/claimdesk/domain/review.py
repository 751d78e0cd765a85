"""The review step of a shared desk: a verdict's review state and the claim queues."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from claimdesk.domain.clock import local, local_day


class ReviewState(enum.StrEnum):
    """Where a verdict stands on its way to publication.

    DRAFT: written, not yet offered for review. NEEDS_REVIEW: waiting for a second
    checker. APPROVED: a checker other than its writer approved it; on a desk that
    requires review only approved verdicts are published (reports, ClaimReview). A
    changed verdict goes back from APPROVED to NEEDS_REVIEW, and so does one whose
    claim, sources or article change what is published with it.
    """

    DRAFT = "draft"
    NEEDS_REVIEW = "needs_review"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ReviewState.DRAFT: "Draft",
    ReviewState.NEEDS_REVIEW: "Needs review",
    ReviewState.APPROVED: "Approved",
}


@dataclass(frozen=True, slots=True)
class RuleChange:
    """Who turned the desk's rule "only approved verdicts are published" on or off, and
    when (stored as UTC, as the claims’ history)."""

    required: bool
    who: str
    at: datetime

    @property
    def summary(self) -> str:
        """One line, e.g. "Review required turned off by Ben, 2026-12-03 10:04" (the
        reader's local time)."""
        state = "on" if self.required else "off"
        return f"Review required turned {state} by {self.who}, {local(self.at):%Y-%m-%d %H:%M}"


def review_state(value: str | None) -> ReviewState:
    """A stored state; NULL or a value this version does not know reads as a draft."""
    try:
        return ReviewState(value) if value else ReviewState.DRAFT
    except ValueError:
        return ReviewState.DRAFT


class Queue(enum.StrEnum):
    """The claims table's team filters: whose claims, which wait for me."""

    MINE = "mine"
    UNASSIGNED = "unassigned"
    NEEDS_MY_REVIEW = "needs_my_review"

    @property
    def label(self) -> str:
        return {
            "mine": "Mine",
            "unassigned": "Unassigned",
            "needs_my_review": "Needs my review",
        }[self.value]


def same_checker(a: str | None, b: str | None) -> bool:
    """Whether two recorded names are one checker: case, spacing and the code points of
    what looks the same on screen aside (composed or not, full-width letters, zero-width
    characters), so nobody becomes their own reviewer by typing their name differently."""
    return name_key(a) == name_key(b)


def blank_name(name: str | None) -> bool:
    """Whether a typed name shows nothing: empty, spaces, zero-width characters."""
    return not name_key(name)


def name_key(name: str | None) -> str:
    """`name` as it reads on screen: what two names that look the same share."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return " ".join(unicodedata.normalize("NFKC", visible).split())


def review_summary(field: str, old: str | None, new: str | None) -> str:
    """A history line for an assignment ("assignee") or a review step ("review")."""
    if field == "assignee":
        return f"Assigned: {old or 'nobody'} → {new or 'nobody'}"
    before, after = (ReviewState(v).label if v in set(ReviewState) else v or "none"
                     for v in (old, new))  # fmt: skip
    return f"Review: {before} → {after}"


def approval_said(origin: str, reviewer: str | None, reviewed_at: datetime | None) -> str:
    """How a claim's history signs an approval that came from elsewhere (a bundle, a desk
    file): "bundle: approved by Ben on 2026-12-01", the day as this machine's local day of
    the stored UTC time; at most 200 characters (claim_history.who)."""
    who = f"{origin}: approved by {' '.join((reviewer or '').split()) or 'nobody'}"
    if reviewed_at is not None:
        who += f" on {local_day(reviewed_at):%Y-%m-%d}"
    return who[:200]
