"""Bundles carry who added each note and the review step; a merged change reopens an approval."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from claimdesk.domain import (
    ArticleMetadata,
    DeskSettings,
    HistoryField,
    ReviewState,
    SourceDraft,
)
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.reporting import Reporting
from claimdesk.services.review import ReviewRefused
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.pg import PgServer, target_of
from tests.reports.casework import PLAIN_CLAIM, Case, nlp, open_workbench
from tests.services.test_bundles_trust import local_claim
from tests.services.test_desk_push_review import _add_checker, shared  # noqa: F401  (fixture)
from tests.services.test_review import _claimreview
from tests.storage.test_pg_app_role import BEN, _app_url


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


def test_a_merged_source_or_article_property_withdraws_an_approval(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    """A bundle that adds a source to an approved claim here, or fills in a property of
    its article that ClaimReview publishes, changes what the approval was given to."""
    ana = case.workbench
    ana.checker = "Ana"
    claim = case.plain_claim
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    path = tmp_path / "case.claimdesk"
    export_bundle(ana.db, path)
    text = ana.claim(claim).text
    result = import_bundle(other.db, path)
    copy = next(c for a in result.article_ids for c in other.claims(a) if c.text == text)

    def approve_copy() -> None:
        other.checker = "Ana"
        if other.claim(copy.id).verdict.review_state is not ReviewState.NEEDS_REVIEW:
            other.request_review(copy.id)
        other.checker = "Ben"
        other.approve(copy.id)

    def withdrawn() -> bool:
        last = [h for h in other.history(copy.id) if h.field is HistoryField.REVIEW][-1]
        return other.claim(copy.id).verdict.review_state is ReviewState.NEEDS_REVIEW and (
            last.old, last.new) == ("approved", "needs_review")

    approve_copy()
    ana.add_source(claim, SourceDraft(url="https://ons.example/a01", note="Table A01"))
    export_bundle(ana.db, path)
    import_bundle(other.db, path, take_bundle=True)
    assert [s.url for s in other.claim(copy.id).sources][-1] == "https://ons.example/a01"
    assert withdrawn()
    approve_copy()
    import_bundle(other.db, path, take_bundle=True)  # nothing new: the approval stands
    assert other.claim(copy.id).verdict.review_state is ReviewState.APPROVED
    # The article here loses its author (a checker cleared it); the bundle fills it in.
    article = other.article(copy.article_id)
    other.update_metadata(article.id, ArticleMetadata(
        title=article.title, author=None, publisher=article.publisher, url=article.url,
        published=article.published))  # fmt: skip
    approve_copy()
    import_bundle(other.db, path, take_bundle=True)
    assert other.article(copy.article_id).author == article.author
    assert withdrawn()


def _bundle_approved_by_ben(
    case: Case, tmp_path: Path, reviewed_at: str = "2026-12-01T10:00:00"
) -> Path:
    """Ana's verdict waits for review on her desk; her bundle, edited as a file, says Ben
    approved it (a bundle carries names, not logins)."""
    from tests.services.test_bundles_trust import bundle_claim, edited

    ana = case.workbench
    ana.checker = "Ana"
    ana.set_verdict(case.plain_claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(case.plain_claim)
    honest = tmp_path / "honest.claimdesk"
    export_bundle(ana.db, honest)

    def approve(data):  # type: ignore[no-untyped-def]
        bundle_claim(data, PLAIN_CLAIM)["verdict"].update(
            review_state="approved", reviewer="Ben", reviewed_at=reviewed_at)

    return edited(honest, tmp_path / "forged.claimdesk", approve)


def _bundle_review_lines(wb: Workbench, claim: int) -> list[tuple[str | None, str | None, str]]:
    return [(h.old, h.new, h.who) for h in wb.history(claim) if h.field is HistoryField.REVIEW]


def test_a_desk_that_requires_review_does_not_take_a_bundle_approval(
    case: Case, desk_target: str | Path, tmp_path: Path
) -> None:
    """Anyone can write "approved by <the desk's reviewer>" into a bundle: on a desk that
    requires review the verdict arrives waiting for this desk's own review, unpublished,
    and the claim's history keeps what the bundle said. The same bundle again changes
    nothing; nor does it for a claim the desk had, unrated."""
    forged = _bundle_approved_by_ben(case, tmp_path)
    wb = open_workbench(desk_target)  # type: ignore[arg-type]
    try:
        wb.set_review_required(True)
        wb.save_settings(DeskSettings(org_name="Desk", org_url="https://desk.example"))
        import_bundle(wb.db, forged)
        copy = local_claim(wb, PLAIN_CLAIM)
        verdict = wb.claim(copy).verdict
        assert verdict is not None and verdict.rating.name == "False"
        assert (verdict.review_state, verdict.reviewer, verdict.reviewed_at) == (
            ReviewState.NEEDS_REVIEW, None, None)  # fmt: skip
        article = wb.claim(copy).article_id
        assert PLAIN_CLAIM not in " ".join(_claimreview(Reporting(wb.db), article))
        said = [("approved", "needs_review", "bundle: approved by Ben on 2026-12-01")]
        assert _bundle_review_lines(wb, copy) == said
        history = len(wb.history(copy))
        import_bundle(wb.db, forged, take_bundle=True)
        assert wb.claim(copy).verdict == verdict
        assert len(wb.history(copy)) == history
        # A claim this desk has, not rated yet, takes the verdict but not the approval.
        wb.clear_verdict(copy)
        import_bundle(wb.db, forged, take_bundle=True)
        assert wb.claim(copy).verdict.review_state is ReviewState.NEEDS_REVIEW
        assert _bundle_review_lines(wb, copy) == said * 2
        assert PLAIN_CLAIM not in " ".join(_claimreview(Reporting(wb.db), article))
    finally:
        wb.db.dispose()


def test_a_desk_that_does_not_require_review_takes_it_and_says_it_came_by_bundle(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    forged = _bundle_approved_by_ben(case, tmp_path)
    assert not other.review_required()
    import_bundle(other.db, forged)
    copy = local_claim(other, PLAIN_CLAIM)
    verdict = other.claim(copy).verdict
    assert verdict is not None
    assert (verdict.review_state, verdict.reviewer) == (ReviewState.APPROVED, "Ben")
    said = [(None, "approved", "bundle: approved by Ben on 2026-12-01")]
    assert _bundle_review_lines(other, copy) == said
    import_bundle(other.db, forged)
    assert _bundle_review_lines(other, copy) == said
    # Published as approved once the desk publishes only approved verdicts.
    other.save_settings(DeskSettings(org_name="Desk", org_url="https://desk.example"))
    other.set_review_required(True)
    assert PLAIN_CLAIM in " ".join(_claimreview(Reporting(other.db), other.claim(copy).article_id))


def test_the_day_a_bundle_approval_is_said_to_be_from_is_the_importers_local_day(
    case: Case, other: Workbench, tmp_path: Path, zone
) -> None:
    """Ben approved at 20:00 UTC on 1 December: 06:00 on the 2nd for a desk at UTC+14,
    which is the day its history says (like every day ClaimDesk shows, a local one)."""
    forged = _bundle_approved_by_ben(case, tmp_path, reviewed_at="2026-12-01T20:00:00Z")
    zone("Etc/GMT-14")  # UTC+14 (POSIX signs are reversed)
    import_bundle(other.db, forged)
    copy = local_claim(other, PLAIN_CLAIM)
    verdict = other.claim(copy).verdict
    assert verdict is not None and verdict.reviewed_at == datetime(2026, 12, 1, 20, 0)
    said = [(None, "approved", "bundle: approved by Ben on 2026-12-02")]
    assert _bundle_review_lines(other, copy) == said


def test_the_login_that_merged_a_bundles_verdict_cannot_approve_it(
    case: Case,
    shared: str,  # noqa: F811
    pg_server: PgServer,
    tmp_path: Path,
) -> None:
    """A bundle names a verdict's writer, it cannot say which login that is: on a shared
    desk the login merging a verdict is its author, as if typed there, so it cannot
    approve it by typing another name; a colleague's login can."""
    forged = _bundle_approved_by_ben(case, tmp_path)
    _add_checker(pg_server, shared, BEN)
    ana = Workbench(open_database(_app_url(pg_server, shared)), nlp())
    ben = Workbench(open_database(_app_url(pg_server, shared, BEN)), nlp())
    ana.checker, ben.checker = "Zed", "Yan"  # names typed in Settings, not the bundle's
    refused = "A second checker must approve"
    try:
        import_bundle(ana.db, forged)  # a new claim
        copy = local_claim(ana, PLAIN_CLAIM)
        with pytest.raises(ReviewRefused, match=refused):
            ana.approve(copy)
        # Ana's own words here, replaced by the bundle's as Ben merges it: Ben's now.
        ana.set_verdict(copy, _rating(ana, "True"), "Ana's own reading.")
        ana.request_review(copy)
        import_bundle(ben.db, forged, take_bundle=True)
        assert ben.claim(copy).verdict.explanation == "The ONS says 4.2."
        with pytest.raises(ReviewRefused, match=refused):
            ben.approve(copy)
        ana.approve(copy)
        # The claim unrated here, rated by the bundle as Ben merges it: Ben's too.
        ana.clear_verdict(copy)
        import_bundle(ben.db, forged, take_bundle=True)
        with pytest.raises(ReviewRefused, match=refused):
            ben.approve(copy)
        ana.approve(copy)
        assert ana.claim(copy).verdict.review_state is ReviewState.APPROVED
    finally:
        ana.db.dispose()
        ben.db.dispose()
