"""Bundles carry who added each note and the review step; a merged change reopens an approval."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimdesk.domain import HistoryField, ReviewState, SourceDraft
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.reporting import Reporting
from claimdesk.services.workbench import Workbench
from tests.pg import target_of
from tests.reports.casework import Case, open_workbench


def _rating(wb, name):  # type: ignore[no-untyped-def]
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def test_note_authors_and_approvals_travel_and_a_merged_change_reopens(
    case: Case, tmp_path: Path
) -> None:
    ana = case.workbench
    ana.checker = "Ana"
    claim = case.plain_claim
    ana.add_source(claim, SourceDraft(url="https://ons.example/lms", note="March table"))
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    ana.checker = "Ben"
    ana.approve(claim)
    path = tmp_path / "case.claimdesk"
    export_bundle(ana.db, path)
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        result = import_bundle(other.db, path)
        text = ana.claim(claim).text
        copy = next(c for a in result.article_ids for c in other.claims(a) if c.text == text)
        stored = other.claim(copy.id)
        assert stored.verdict is not None
        assert (stored.verdict.review_state, stored.verdict.reviewer) == (
            ReviewState.APPROVED, "Ben")
        assert stored.verdict.reviewed_at == ana.claim(claim).verdict.reviewed_at
        assert "Ana" in [s.checker for s in stored.sources]
        # Back on the first desk the verdict changes; merging it into the approved copy
        # sends the copy back to review.
        ana.checker = "Ana"
        ana.set_verdict(claim, _rating(ana, "Mostly false"), "Revised: 4.1.")
        export_bundle(ana.db, path)
        import_bundle(other.db, path, take_bundle=True)
        merged = other.claim(copy.id).verdict
        assert merged is not None and merged.rating.name == "Mostly false"
        assert merged.review_state is ReviewState.NEEDS_REVIEW
        fields = [h.field for h in other.history(copy.id)]
        assert HistoryField.REVIEW in fields
    finally:
        other.db.dispose()


@pytest.mark.parametrize("reviewer", ["ana ", "ＡＮＡ", None, "\u200b"])
def test_an_approval_its_own_writer_gave_does_not_travel(
    case: Case, other: Workbench, tmp_path: Path, reviewer: str | None
) -> None:
    """A bundle whose verdict says "approved" by its own writer (or by nobody) proves no
    second checker read it: on a desk that requires review it arrives waiting for one,
    for a claim new to the desk and for one the desk had not rated yet."""
    ana = case.workbench
    ana.checker = "Ana"
    claim = case.plain_claim
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    # Ana edits her desk file by hand to approve her own verdict, then sends the bundle.
    with sqlite3.connect(target_of(ana.db)) as con:
        con.execute(
            "UPDATE verdicts SET review_state = 'approved', reviewer = ?, "
            "reviewed_at = '2026-12-01 10:00:00' WHERE claim_id = ?",
            (reviewer, claim),
        )
    con.close()
    path = tmp_path / "case.claimdesk"
    export_bundle(ana.db, path)
    other.set_review_required(True)
    text = ana.claim(claim).text
    result = import_bundle(other.db, path)
    copy = next(c for a in result.article_ids for c in other.claims(a) if c.text == text)
    assert other.claim(copy.id).verdict.review_state is ReviewState.NEEDS_REVIEW
    report = Reporting(other.db).build([copy.article_id])
    assert [c.verdict for c in report.claims if c.id == copy.id] == [None]
    # The same bundle into a desk that has the claim, unrated: the same.
    other.clear_verdict(copy.id)
    import_bundle(other.db, path, take_bundle=True)
    assert other.claim(copy.id).verdict.review_state is ReviewState.NEEDS_REVIEW
