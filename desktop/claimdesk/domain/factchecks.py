"""Earlier fact-checks (imported ClaimReview or the desk's own verdicts) and matches to them."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


class FactCheckSource(enum.StrEnum):
    """Where a library entry came from."""

    IMPORTED = "imported"  # a ClaimReview file, a saved page, a feed or a CSV
    DESK = "desk"  # a verdict given in this desk (kept in sync by the database)


@dataclass(frozen=True, slots=True)
class FactCheckDraft:
    """One fact-check as an importer read it, before it is stored.

    `url` is the review's address and the library's key: importing the same review twice
    (from a feed and from its saved page, say) keeps one entry.
    """

    url: str
    claim: str
    rating: str = ""
    rating_value: float | None = None
    rating_best: float | None = None
    rating_worst: float | None = None
    publisher: str = ""
    published: date | None = None
    language: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class FactCheck:
    """A fact-check in the library."""

    id: int
    url: str | None  # None only for the desk's own verdicts
    claim: str
    rating: str
    rating_value: float | None
    publisher: str
    published: date | None
    language: str | None
    source: FactCheckSource
    title: str = ""
    claim_id: int | None = None  # the desk's claim, for the desk's own verdicts


@dataclass(frozen=True, slots=True)
class FactCheckMatch:
    """A library entry found for a claim: `similarity` is the cosine of their sentence
    vectors (−1…1; None when the entry has no vector yet), `score` the fused rank score
    that ordered the matches."""

    factcheck: FactCheck
    similarity: float | None
    score: float
    bm25_rank: int | None  # 1-based place in the full-text candidates, if it was one
    vector_rank: int | None  # 1-based place by similarity, if it was a candidate


#: A match at least this similar marks a claim "checked before" in the claims table.
#: On CheckThat! 2020 dev tweets (`claimdesk eval --ct2020`, docs/matching.md) 34 % are
#: marked with their own check and 8 % with another, and 20 % are still marked when their
#: own checks are left out of the library; a claim written as a sentence is closer to its
#: check than a tweet is, and the mark only points the checker at the matches.
CHECKED_BEFORE = 0.6


def checked_before(matches: Sequence[FactCheckMatch]) -> FactCheckMatch | None:
    """The best match if it is similar enough to call the claim checked before."""
    best = max(
        (m for m in matches if m.similarity is not None),
        key=lambda m: m.similarity or 0.0,
        default=None,
    )
    return best if best is not None and (best.similarity or 0.0) >= CHECKED_BEFORE else None


def counted(n: int, noun: str = "fact-check") -> str:
    """"1 fact-check", "2,000 fact-checks": a count with its noun in the right number."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
