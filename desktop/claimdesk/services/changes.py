"""What a service call changed, so views refresh only what they must."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    """A small report of what a use case changed.

    - `library`: the list of articles (added, removed, renamed or its counts) changed;
    - `claim_sets`: articles whose set of claims changed (added, removed, re-extracted);
    - `claims`: claims whose row changed (status, verdict, sources, score);
    - `articles`: articles whose metadata changed.
    """

    library: bool = False
    claim_sets: frozenset[int] = field(default_factory=frozenset)
    claims: frozenset[int] = field(default_factory=frozenset)
    articles: frozenset[int] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            library=self.library or other.library,
            claim_sets=self.claim_sets | other.claim_sets,
            claims=self.claims | other.claims,
            articles=self.articles | other.articles,
        )

    def __bool__(self) -> bool:
        return bool(self.library or self.claim_sets or self.claims or self.articles)


NO_CHANGES = Changes()
