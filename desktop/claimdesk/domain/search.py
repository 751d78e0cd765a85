"""Full-text search results: where a hit was found and the snippet around it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class HitKind(enum.StrEnum):
    """Where a search hit was found."""

    ARTICLE = "article"
    CLAIM = "claim"
    VERDICT = "verdict"
    SOURCE = "source"
    #: Who the claim is assigned to (None: nobody).
    ASSIGNEE = "assignee"
    #: The verdict's review state (domain.review.ReviewState values).
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result.

    `snippet` is plain text around the match; `marks` are the [start, end) offsets of
    the matched words inside `snippet`. `rank` is FTS5's bm25 (lower is better).
    """

    kind: HitKind
    article_id: int
    article_title: str
    claim_id: int | None
    snippet: str
    marks: tuple[tuple[int, int], ...]
    rank: float
    source_id: int | None = None

    def marked(self, before: str = "[[", after: str = "]]") -> str:
        """The snippet with each match wrapped in `before` … `after`."""
        out: list[str] = []
        pos = 0
        for start, end in self.marks:
            out += [self.snippet[pos:start], before, self.snippet[start:end], after]
            pos = end
        out.append(self.snippet[pos:])
        return "".join(out)
