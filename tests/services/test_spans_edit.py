"""Precise claim editing: adjust, split and merge stay inside the text, trimmed, unoverlapped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.domain import ClaimOrigin, ClaimStatus, Entity, SourceDraft
from claimdesk.errors import KnownError, StaleReference
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.span_edit import ClaimOverlap
from claimdesk.services.workbench import Workbench
from claimdesk.storage import repositories as repo
from tests.services.desk import add_article, dump, mark, open_workbench


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


@pytest.fixture
def aid(wb: Workbench, tmp_path: Path) -> int:
    return add_article(wb, tmp_path)


def rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def test_adjust_trims_keeps_work_and_refuses_overlaps(wb: Workbench, aid: int) -> None:
    text = wb.article(aid).text
    claim = mark(wb, aid, "ticket prices rose")
    other = mark(wb, aid, "in 2023 😮 compared")
    wb.set_verdict(claim, rating(wb, "False"), "They fell.")
    wb.add_source(claim, SourceDraft(url="https://club.example/prices"))
    start = text.index("The club")
    end = text.index(" by 40%") + len(" by 40%")
    changes = wb.adjust_claim_span(claim, start - 1, end + 1)  # the white space goes
    assert aid in changes.claim_sets and changes.claims == {claim}
    adjusted = wb.claim(claim)
    assert (adjusted.start, adjusted.end) == (start, end)
    assert adjusted.text == text[start:end] == "The club said ticket prices rose by 40%"
    assert adjusted.verdict is not None and adjusted.source_count == 1
    assert adjusted.score is not None
    with pytest.raises(ClaimOverlap) as refused:
        wb.adjust_claim_span(claim, start, text.index("compared"))
    assert refused.value.claim_ids == (other,)
    assert "claim 2" in str(refused.value)
    assert (wb.claim(claim).start, wb.claim(claim).end) == (start, end)
    wb.adjust_claim_span(claim, start, text.index("compared"), allow_overlap=True)
    assert wb.claim(claim).text.endswith("2023 😮")
    with pytest.raises(KnownError, match="Select some words"):
        wb.adjust_claim_span(claim, end, end + 1)  # only a space
    # Past the end is clamped to the text.
    last = mark(wb, aid, "the minister said.")
    wb.adjust_claim_span(last, text.index("the minister"), len(text) + 50)
    assert wb.claim(last).end <= len(text)
    assert wb.claim(last).text == "the minister said."


def test_an_unchanged_span_is_no_edit(wb: Workbench, aid: int) -> None:
    claim = mark(wb, aid, "Ministers will meet")
    before = dump(wb.db)
    c = wb.claim(claim)
    assert not wb.adjust_claim_span(claim, c.start - 1, c.end)
    assert wb.undo_label() == "Add claim"
    assert dump(wb.db) == before


def test_an_adjusted_extracted_claim_becomes_manual_and_keeps_its_entities(
    wb: Workbench, aid: int
) -> None:
    from claimdesk.domain import CandidateClaim

    text = wb.article(aid).text
    sentence = "Unemployment fell to 3.9 percent last year, the lowest since 1969."
    start = text.index(sentence)
    year = text.index("1969")
    with wb.db.sessions.begin() as session:
        (cid,) = repo.store_extracted_claims(
            session,
            aid,
            [
                CandidateClaim(
                    start,
                    start + len(sentence),
                    sentence,
                    score=0.9,
                    entities=(
                        Entity("3.9 percent", "PERCENT", text.index("3.9"), text.index(" last")),
                        Entity("1969", "DATE", year, year + 4),
                    ),
                )
            ],
            "test",
        )
    wb.adjust_claim_span(cid, start, text.index(", the lowest"))
    claim = wb.claim(cid)
    assert claim.origin is ClaimOrigin.MANUAL
    assert [e.text for e in claim.entities] == ["3.9 percent"]


def test_split_gives_the_verdict_to_the_first_part(wb: Workbench, aid: int) -> None:
    text = wb.article(aid).text
    claim = mark(wb, aid, "Unemployment fell to 3.9 percent last year, the lowest since 1969.")
    wb.set_verdict(claim, rating(wb, "True"), "ONS figures.")
    wb.add_source(claim, SourceDraft(url="https://ons.example"))
    wb.set_status(claim, ClaimStatus.DONE)
    at = text.index(" the lowest")  # the cursor after the comma and before the space
    (first, second), changes = wb.split_claim(claim, at)
    assert first == claim and aid in changes.claim_sets
    one, two = wb.claim(first), wb.claim(second)
    assert one.text == "Unemployment fell to 3.9 percent last year,"
    assert two.text == "the lowest since 1969."
    assert text[two.start : two.end] == two.text and two.start == at + 1
    assert one.verdict is not None and one.source_count == 1
    assert one.status is ClaimStatus.DONE
    assert two.verdict is None and two.source_count == 0 and two.status is ClaimStatus.TODO
    assert two.origin is ClaimOrigin.MANUAL and two.number == one.number + 1
    for bad in (one.start, one.end, one.end + 10, -3):
        with pytest.raises(KnownError, match="Put the cursor inside"):
            wb.split_claim(first, bad)
    wb.undo()
    with pytest.raises(StaleReference):
        wb.claim(second)
    assert wb.claim(claim).text.endswith("since 1969.")


def test_merge_keeps_the_first_id_both_sources_and_the_rated_verdict(
    wb: Workbench, aid: int
) -> None:
    text = wb.article(aid).text
    first = mark(wb, aid, "Ministers will meet")
    second = mark(wb, aid, "again next week")
    s1, _ = wb.add_source(first, SourceDraft(url="https://a.example"))
    s2, _ = wb.add_source(second, SourceDraft(url="https://b.example"))
    wb.set_verdict(second, rating(wb, "Half true"), "Only partly.")
    merged, changes = wb.merge_claims(second, first)  # either order
    assert merged == first and aid in changes.claim_sets
    claim = wb.claim(merged)
    assert claim.text == "Ministers will meet again next week"
    assert (claim.start, claim.end) == (
        text.index("Ministers"),
        text.index(" to discuss"),
    )
    assert [s.id for s in claim.sources] == [s1, s2]
    assert claim.verdict is not None and claim.verdict.rating.name == "Half true"
    assert claim.status is ClaimStatus.IN_PROGRESS
    with pytest.raises(StaleReference):
        wb.claim(second)


def test_merge_refusals(wb: Workbench, aid: int, tmp_path: Path) -> None:
    first = mark(wb, aid, "The club said")
    middle = mark(wb, aid, "ticket prices")
    last = mark(wb, aid, "rose by 40%")
    with pytest.raises(ClaimOverlap) as refused:
        wb.merge_claims(first, last)
    assert refused.value.claim_ids == (middle,)
    wb.set_verdict(first, rating(wb, "True"), "")
    wb.set_verdict(middle, rating(wb, "False"), "")
    with pytest.raises(KnownError, match="different verdicts"):
        wb.merge_claims(first, middle)
    with pytest.raises(KnownError, match="two different claims"):
        wb.merge_claims(first, first)
    other = add_article(wb, tmp_path, "Another article with words.\n", name="b.txt")
    elsewhere = mark(wb, other, "Another article")
    with pytest.raises(KnownError, match="same article"):
        wb.merge_claims(first, elsewhere)
    assert [c.id for c in wb.claims(aid)] == [first, middle, last]
    merged, _ = wb.merge_claims(first, last, allow_overlap=True)
    assert wb.claim(merged).text == "The club said ticket prices rose by 40%"
    assert wb.claim(middle).text == "ticket prices"


def test_merge_of_equal_verdicts_keeps_one(wb: Workbench, aid: int) -> None:
    first = mark(wb, aid, "Ministers will meet")
    second = mark(wb, aid, "again next week")
    for claim in (first, second):
        wb.set_verdict(claim, rating(wb, "True"), "Agreed.")
    merged, _ = wb.merge_claims(first, second)
    verdict = wb.claim(merged).verdict
    assert verdict is not None and verdict.explanation == "Agreed."


def test_merge_keeps_an_assignment_and_refuses_differing_ones_or_review_steps(
    wb: Workbench, aid: int
) -> None:
    """Merging used to keep only the earlier claim's assignee and review step: the later
    claim's assignment, or its request for review, vanished without a word."""
    first = mark(wb, aid, "Ministers will meet")
    second = mark(wb, aid, "again next week")
    wb.assign(second, "Ana")
    merged, _ = wb.merge_claims(first, second)
    assert wb.claim(merged).assignee == "Ana"
    wb.undo()
    wb.assign(first, "Ben")
    before = dump(wb.db)
    with pytest.raises(KnownError, match="assigned to different checkers"):
        wb.merge_claims(first, second)
    assert dump(wb.db) == before
    wb.assign(first, None)
    for claim in (first, second):
        wb.set_verdict(claim, rating(wb, "True"), "Agreed.")
    wb.request_review(second)
    before = dump(wb.db)
    with pytest.raises(KnownError, match="different review steps"):
        wb.merge_claims(first, second)
    assert dump(wb.db) == before
    wb.request_review(first)
    merged, _ = wb.merge_claims(first, second)
    verdict = wb.claim(merged).verdict
    assert verdict is not None and verdict.review_state.value == "needs_review"


def test_a_span_of_only_punctuation_or_symbols_is_refused(wb: Workbench, aid: int) -> None:
    """Trimming dropped white space only: narrowing to the final full stop, selecting the
    emoji or splitting just before a full stop made a claim of "." or "🎉"."""
    text = wb.article(aid).text
    claim = mark(wb, aid, "Ministers will meet again next week to discuss it.")
    before = dump(wb.db)
    stop = text.index("discuss it.") + len("discuss it")
    with pytest.raises(KnownError, match="Select some words"):
        wb.adjust_claim_span(claim, stop, stop + 1)
    with pytest.raises(KnownError, match="Select some words"):
        wb.add_claim(aid, text.index("🎉"), text.index("🎉") + 2)
    with pytest.raises(KnownError, match="Select some words"):
        wb.add_claim(aid, text.index("“"), text.index("“") + 1)
    with pytest.raises(KnownError, match="Put the cursor inside"):
        wb.split_claim(claim, stop)
    assert dump(wb.db) == before
    wb.adjust_claim_span(claim, text.index("next week"), stop + 1)
    assert wb.claim(claim).text == "next week to discuss it."
    mark(wb, aid, "40%")  # a figure is a word
