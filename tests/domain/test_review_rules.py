"""The team filters and the review labels as pure rules (domain/review.py, domain/filters.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from claimdesk.domain import (
    Claim,
    ClaimOrigin,
    ClaimStatus,
    HistoryEntry,
    HistoryField,
    Queue,
    Rating,
    ReviewState,
    Verdict,
)
from claimdesk.domain.filters import ClaimFilter, in_queue
from claimdesk.domain.review import review_state, same_checker

NOW = datetime(2026, 12, 2, 1, 30)
CLAIM = Claim(1, 1, 1, 0, 5, "Hello", ClaimOrigin.MANUAL, None, (), None, (), ClaimStatus.TODO)
VERDICT = Verdict(1, 1, Rating(1, "False", 1, "#c62828", 0), "x", "Ana", NOW, NOW)


def test_queues() -> None:
    mine = replace(CLAIM, assignee="ben  ode")
    assert in_queue(mine, Queue.MINE, "Ben Ode")  # case and spacing aside
    assert not in_queue(mine, Queue.MINE, "Ana") and not in_queue(mine, Queue.UNASSIGNED, "x")
    assert in_queue(CLAIM, Queue.UNASSIGNED, "Ana") and not in_queue(CLAIM, Queue.MINE, "")
    waiting = replace(CLAIM, verdict=replace(VERDICT, review_state=ReviewState.NEEDS_REVIEW))
    assert in_queue(waiting, Queue.NEEDS_MY_REVIEW, "Ben")
    assert not in_queue(waiting, Queue.NEEDS_MY_REVIEW, " ana ")  # her own verdict
    draft = replace(CLAIM, verdict=VERDICT)
    assert not in_queue(draft, Queue.NEEDS_MY_REVIEW, "Ben")
    only_mine = ClaimFilter(queue=Queue.MINE, me="Ben Ode")
    assert only_mine.accepts(mine) and not only_mine.accepts(CLAIM)


def test_labels_and_stored_values() -> None:
    assert review_state(None) is ReviewState.DRAFT
    assert review_state("approved") is ReviewState.APPROVED
    assert review_state("from-a-newer-version") is ReviewState.DRAFT
    assert same_checker(" Ana ", "ana") and not same_checker("Ana", "Ben")
    entry = HistoryEntry(1, 1, NOW, "Ben", HistoryField.REVIEW, "needs_review", "approved")
    assert entry.summary == "Review: Needs review → Approved"
    entry = HistoryEntry(1, 1, NOW, "Ana", HistoryField.ASSIGNEE, None, "Ben")
    assert entry.summary == "Assigned: nobody → Ben"
