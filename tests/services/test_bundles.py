"""Case bundles between real databases: exact round trip, merging rules, refusals change nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from claimdesk.domain import ClaimStatus, SourceDraft
from claimdesk.errors import KnownError, StaleReference
from claimdesk.exchange import store
from claimdesk.exchange.bundle_file import BundleRefused, read_bundle
from claimdesk.services.bundles import Bundles, bundle_bytes, export_bundle, import_bundle
from claimdesk.services.workbench import Workbench
from claimdesk.storage import report_repo
from claimdesk.storage.orm import ArticleRow, RatingRow, VerdictRow
from tests.exchange.bundles import MALICIOUS, good_data
from tests.reports.casework import (
    ARTICLE_TWO,
    NASTY_CLAIM,
    NASTY_NOTE,
    Case,
    build_case,
    open_workbench,
)


def dump(db_path: Path) -> list[str]:
    con = sqlite3.connect(db_path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def records(wb, ids=None):  # type: ignore[no-untyped-def]
    with wb.db.sessions() as session:
        return store.export_articles(
            session, ids if ids is not None else report_repo.all_article_ids(session)
        )


def test_round_trip_between_two_fresh_databases(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "case.claimdesk"
    assert export_bundle(case.workbench.db, path) == 2
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        result = import_bundle(other.db, path)
        assert (result.articles_added, result.articles_merged) == (2, 0)
        assert (result.claims_added, result.verdicts_added, result.sources_added) == (4, 3, 2)
        assert result.changes.library and result.changes.claim_sets == set(result.article_ids)
        # Every article, claim, verdict and note, with their times, exactly.
        assert records(other) == records(case.workbench)
        nasty = next(c for c in other.claims(result.article_ids[0]) if c.text == NASTY_CLAIM)
        stored = other.claim(nasty.id)
        assert stored.verdict is not None and stored.verdict.rating.name == "False"
        assert next(s.note for s in stored.sources) == NASTY_NOTE
        # Extraction state travels too: no re-extraction of an article already extracted.
        assert not other.needs_extraction(result.article_ids[0])
        assert other.needs_extraction(result.article_ids[1])  # never extracted at home either
        # Importing the same bundle again adds nothing.
        again = import_bundle(other.db, path)
        assert (again.articles_added, again.articles_merged, again.claims_added,
                again.verdicts_added, again.verdicts_updated, again.sources_added) == (
            0, 2, 0, 0, 0, 0)
        assert records(other) == records(case.workbench)
    finally:
        other.db.dispose()


def test_merge_keeps_local_work_unless_the_bundle_is_taken(case: Case, tmp_path: Path) -> None:
    wb = case.workbench
    with wb.db.sessions.begin() as session:  # the first exchange happened last week
        for verdict in session.query(VerdictRow):
            verdict.updated_at = datetime(2026, 3, 1, 9, 0)
    first = tmp_path / "first.claimdesk"
    export_bundle(wb.db, first)
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        import_bundle(other.db, first)
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}
        wb.set_verdict(case.plain_claim, ratings["Mostly false"], "March figures are out now.")
        wb.add_source(case.plain_claim, SourceDraft(url="https://stats.example/march"))
        text = wb.article(case.article_one).text
        start = text.index("The opposition disagreed.")
        new_claim, _ = wb.add_claim(case.article_one, start, start + 25)
        # Meanwhile on the other machine: a local note on the same claim.
        local = next(c for c in other.claims(1) if c.start == wb.claim(case.plain_claim).start)
        other.add_source(local.id, SourceDraft(url="", note="Local phone call."))
        second = tmp_path / "second.claimdesk"
        export_bundle(wb.db, second, [case.article_one])
        # The local claim has work (a verdict, a note): the newer copy is a conflict, and
        # dates do not decide it; by default local work stays.
        kept = import_bundle(other.db, second)
        assert (kept.claims_added, kept.verdicts_updated, kept.sources_added) == (1, 0, 0)
        assert [c.claim_id for c in kept.kept] == [local.id]
        result = import_bundle(other.db, second, take_bundle=True)
        assert (result.claims_added, result.verdicts_updated, result.sources_added) == (0, 1, 1)
        merged = other.claim(local.id)
        assert merged.verdict is not None and merged.verdict.rating.name == "Mostly false"
        assert sorted(s.url or s.note for s in merged.sources) == [
            "Local phone call.", "https://stats.example/march"]
        assert any(c.text == wb.claim(new_claim).text for c in other.claims(1))
        # An older copy never overwrites local work either.
        stale = import_bundle(other.db, first)
        assert stale.verdicts_updated == 0 and len(stale.kept) == 1
        assert other.claim(local.id).verdict.rating.name == "Mostly false"  # type: ignore[union-attr]
    finally:
        other.db.dispose()


@pytest.fixture(scope="module")
def good_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = build_case(tmp_path_factory.mktemp("source"))
    path = source.workbench.db.path.parent / "good.claimdesk"
    export_bundle(source.workbench.db, path)
    source.close()
    return path


@pytest.mark.parametrize("name", sorted(MALICIOUS))
def test_malicious_bundle_leaves_the_database_unchanged(
    name: str, good_bundle: Path, tmp_path: Path
) -> None:
    good = good_bundle
    target = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        (tmp_path / "own.txt").write_text(ARTICLE_TWO + " Local copy.", encoding="utf-8")
        target.open_file(tmp_path / "own.txt")
        before = dump(target.db.path)
        build, words = MALICIOUS[name]
        bad = build(tmp_path / f"{name}.claimdesk", good_data(good))
        with pytest.raises(BundleRefused, match=words):
            import_bundle(target.db, bad)
        assert dump(target.db.path) == before
    finally:
        target.db.dispose()


def test_unknown_rating_is_refused_without_changes(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, path)
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        with other.db.sessions.begin() as session:
            row = session.query(RatingRow).filter_by(name="Unverifiable").one()
            row.name = "Cannot tell"
        before = dump(other.db.path)
        with pytest.raises(BundleRefused, match=r"“Unverifiable”.*Add them to the rating scale"):
            import_bundle(other.db, path)
        assert dump(other.db.path) == before
    finally:
        other.db.dispose()


def test_conflict_late_in_the_bundle_rolls_back_everything(case: Case, tmp_path: Path) -> None:
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        (tmp_path / "budget.txt").write_bytes((tmp_path / "a" / "budget.txt").read_bytes())
        mine = other.open_file(tmp_path / "budget.txt").article_id
        with other.db.sessions.begin() as session:  # as if an older importer had read it
            session.get(ArticleRow, mine).text = "Budget debate, as read long ago."
        before = dump(other.db.path)
        path = tmp_path / "case.claimdesk"
        # The new article comes first, the conflicting one second.
        export_bundle(case.workbench.db, path, [case.article_two, case.article_one])
        with pytest.raises(BundleRefused, match="different text"):
            import_bundle(other.db, path)
        assert dump(other.db.path) == before
        assert len(other.articles()) == 1
    finally:
        other.db.dispose()


def test_exporting_an_unknown_article_is_a_plain_error(case: Case) -> None:
    with pytest.raises(StaleReference, match="no longer exists"):
        bundle_bytes(case.workbench.db, [case.article_one, 999])


def test_importing_a_bundle_forgets_undo_entries_of_the_merged_articles(
    case: Case, tmp_path: Path
) -> None:
    path = tmp_path / "one.claimdesk"
    export_bundle(case.workbench.db, path, [case.article_one])
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        Bundles(other.db, other.undo_stack).import_file(path)
        (claim,) = [c for c in other.claims(1) if c.text == NASTY_CLAIM]
        other.set_status(claim.id, ClaimStatus.IN_PROGRESS)
        assert other.can_undo()
        # The same bundle again: its rows change outside the undo stack, so undo forgets.
        Bundles(other.db, other.undo_stack).import_file(path)
        assert not other.can_undo()
    finally:
        other.db.dispose()


def test_a_bundle_too_big_to_import_is_refused_at_export(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attached files make a bundle large: one past what an import accepts (512 MB) was
    written without a word, and every desk then refused it. The export says so instead,
    and writes nothing."""
    from claimdesk.exchange.bundle_file import BundleLimits
    from claimdesk.services import bundles

    note = case.workbench.claim(case.nasty_claim).sources[0].id
    case.workbench.attach_bytes(note, b"Scanned table, page 1.\n" * 20_000, "scan.txt")
    small = BundleLimits(max_file_bytes=200_000)
    monkeypatch.setattr(bundles, "IMPORT_LIMITS", small)
    path = tmp_path / "big.claimdesk"
    with pytest.raises(KnownError, match="larger than ClaimDesk imports") as refused:
        export_bundle(case.workbench.db, path)
    assert "\n" not in str(refused.value) and "--article" in str(refused.value)
    assert not path.exists()
    export_bundle(case.workbench.db, path, [case.article_two])  # without the file: fine
    read_bundle(path, small)


@pytest.mark.parametrize(
    "spelling",
    ["unverifiable", "  Unverifiable\t", "Ｕｎｖｅｒｉｆｉａｂｌｅ", "Unveri\u200bfiable",
     "UNVERIFIABLE\u00a0"],
)
def test_a_rating_spelled_otherwise_is_the_desks_rating_in_its_own_spelling(
    case: Case, other: Workbench, tmp_path: Path, spelling: str
) -> None:
    """A bundle from a desk whose scale spells a rating otherwise (case, spaces, full-width
    letters, an invisible character) is matched as domain.review.name_key compares names:
    the verdict gets the desk's own rating, and no rating is added or renamed."""
    with case.workbench.db.sessions.begin() as session:
        session.query(RatingRow).filter_by(name="Unverifiable").one().name = spelling
    path = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, path)
    scale_before = [(r.id, r.name) for r in other.rating_scale().ratings]
    result = import_bundle(other.db, path)
    assert [(r.id, r.name) for r in other.rating_scale().ratings] == scale_before
    plain = next(c for a in result.article_ids for c in other.claims(a)
                 if c.verdict is not None and c.verdict.explanation == "No figures for March yet.")
    assert plain.verdict is not None and plain.verdict.rating.name == "Unverifiable"


def test_a_rating_that_really_differs_is_still_refused(case: Case, other: Workbench,
                                                       tmp_path: Path) -> None:
    with case.workbench.db.sessions.begin() as session:
        session.query(RatingRow).filter_by(name="Unverifiable").one().name = "Unverified"
    path = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, path)
    assert other.db.path is not None
    before = dump(other.db.path)
    with pytest.raises(BundleRefused, match=r"“Unverified”.*Add them to the rating scale"):
        import_bundle(other.db, path)
    assert dump(other.db.path) == before
