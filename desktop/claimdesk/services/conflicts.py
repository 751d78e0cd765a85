"""Saves by many checkers at once: a save based on an older version becomes a SaveConflict."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claimdesk.domain import Claim, ClaimStatus, SourceDraft, SourceNote
from claimdesk.errors import SaveConflict
from claimdesk.storage import repositories as repo

Values = dict[str, str | None]


def verdict_values(claim: Claim) -> Values:
    """What a verdict save changes, as the conflict dialog shows it."""
    verdict = claim.verdict
    return {
        "status": claim.status.value,
        "rating": None if verdict is None else verdict.rating.name,
        "explanation": None if verdict is None else verdict.explanation,
    }


def status_values(status: ClaimStatus) -> Values:
    return {"status": status.value}


def source_values(source: SourceNote | SourceDraft) -> Values:
    return {
        "url": source.url, "title": source.title, "publisher": source.publisher,
        "quote": source.quote, "note": source.note, "stance": source.stance.value,
        "accessed": None if source.accessed is None else source.accessed.isoformat(),
    }  # fmt: skip


def source_of(session: Session, source_id: int) -> SourceNote:
    claim = repo.get_claim(session, repo.source_claim_id(session, source_id))
    return next(s for s in claim.sources if s.id == source_id)


def source_state(source_id: int) -> Callable[[Session], tuple[int, Values]]:
    """A read of the note's version and values now (for stale_as_conflict)."""

    def read(session: Session) -> tuple[int, Values]:
        source = source_of(session, source_id)
        return source.version, source_values(source)

    return read


class Seen:
    """What one save read and meant to write, kept for the conflict it may end in."""

    def __init__(self, what: str, expected: int | None) -> None:
        self.what = what
        self.expected = expected
        self.version: int | None = None
        self.mine: Values = {}

    def check(self, found: int, mine: Values, theirs: Values) -> None:
        """Refuse the save if the row is no longer at the version the checker edited."""
        self.version, self.mine = found, mine
        if self.expected is not None and found != self.expected:
            raise SaveConflict(self.what, mine, theirs, self.expected, found)


@contextmanager
def stale_as_conflict(seen: Seen, current: Callable[[], tuple[int, Values]]) -> Iterator[None]:
    """Turn SQLAlchemy's StaleDataError into a SaveConflict with both values.

    The version check inside the save passed, but another checker's save committed
    before this one's UPDATE ran (on PostgreSQL a second transaction waits for the first
    one's row lock, then finds the version changed): the UPDATE matched no row, nothing
    was written, and `current` reads what the desk holds now.
    """
    try:
        yield
    except StaleDataError as exc:
        found, theirs = current()
        expected = seen.expected if seen.expected is not None else seen.version
        raise SaveConflict(
            seen.what, seen.mine, theirs, found - 1 if expected is None else expected, found
        ) from exc
