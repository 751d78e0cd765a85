"""Every Qt model passes qtmodeltester with real rows from a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimdesk.domain import ClaimStatus, SourceDraft, Stance
from claimdesk.gui.dialogs.source_dialog import SourcesModel
from claimdesk.gui.models.claims_model import ClaimFilterProxy, ClaimsModel
from claimdesk.gui.models.library_model import LibraryModel
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database


def _workbench_with_claims(tmp_path: Path, seed_path: Path, nlp_provider) -> Workbench:
    wb = Workbench(open_database(tmp_path / "m.sqlite3"), nlp_provider)
    result = wb.open_file(seed_path)
    wb.extract(result.article_id)
    claim = wb.claims(result.article_id)[0]
    scale = wb.rating_scale()
    wb.set_verdict(claim.id, scale.ratings[0].id, "Checked against the transcript.")
    wb.add_source(
        claim.id,
        SourceDraft(
            url="https://example.org/a",
            title="A",
            accessed=date(2026, 1, 2),
            stance=Stance.SUPPORTS,
        ),
    )
    wb.set_status(claim.id, ClaimStatus.DONE)
    return wb


def test_models_pass_qtmodeltester(qtmodeltester, tmp_path, seed_path, nlp_provider) -> None:
    wb = _workbench_with_claims(tmp_path, seed_path, nlp_provider)
    try:
        library = LibraryModel()
        library.reload(wb.articles())
        assert library.rowCount() == 1
        qtmodeltester.check(library)

        article_id = wb.articles()[0].id
        claims = ClaimsModel()
        claims.reload(wb.claims(article_id))
        assert claims.rowCount() > 5
        qtmodeltester.check(claims)

        proxy = ClaimFilterProxy()
        proxy.setSourceModel(claims)
        proxy.set_show_all(True)
        proxy.sort(4)
        qtmodeltester.check(proxy)

        sources = SourcesModel()
        rated = next(c for c in wb.claims(article_id) if c.source_count)
        sources.reload(wb.claim(rated.id).sources)
        assert sources.rowCount() == 1
        qtmodeltester.check(sources)
    finally:
        wb.db.dispose()


def test_filter_proxy_hides_low_scores_but_never_touched_claims(
    tmp_path, seed_path, nlp_provider
) -> None:
    wb = _workbench_with_claims(tmp_path, seed_path, nlp_provider)
    try:
        article_id = wb.articles()[0].id
        all_claims = wb.claims(article_id)
        model = ClaimsModel()
        model.reload(all_claims)
        proxy = ClaimFilterProxy()
        proxy.setSourceModel(model)
        proxy.set_threshold(1.01)  # above every score: only touched claims remain
        touched = [c for c in all_claims if c.verdict or c.status is not ClaimStatus.TODO]
        assert proxy.rowCount() == len(touched) == 1
        proxy.set_show_all(True)
        assert proxy.rowCount() == len(all_claims)
        proxy.set_show_all(False)
        proxy.set_threshold(0.0)
        assert proxy.rowCount() == len(all_claims)
        proxy.set_text_filter("kamala")
        assert 0 < proxy.rowCount() < len(all_claims)
    finally:
        wb.db.dispose()


def test_more_filters_in_the_panel(qtbot, make_window, seed_path):
    from claimdesk.domain import ClaimType
    from tests.gui.conftest import wait_for_claims

    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    panel = window.claims_panel
    panel.show_all.setChecked(True)
    total = panel.proxy.rowCount()
    panel.more.setChecked(True)
    assert panel.more_row.isVisible()
    panel.speaker.setCurrentIndex(panel.speaker.findData("Kamala Harris"))
    shown = panel.visible_claims()
    assert shown and all(c.speaker == "Kamala Harris" for c in shown)
    panel.speaker.setCurrentIndex(0)
    panel.claim_type.setCurrentIndex(panel.claim_type.findData(ClaimType.QUANTITY))
    assert all(ClaimType.QUANTITY in c.types for c in panel.visible_claims())
    panel.claim_type.setCurrentIndex(0)
    assert panel.proxy.rowCount() == total
    first = panel.visible_claims()[0]
    rating = window.workbench.rating_scale().ratings[4]
    window.apply_changes(window.workbench.set_verdict(first.id, rating.id, ""))
    panel.rating.setCurrentIndex(panel.rating.findData(rating.id))
    assert [c.id for c in panel.visible_claims()] == [first.id]
    panel.rating.setCurrentIndex(0)
    panel.sources.setCurrentIndex(panel.sources.findData(True))
    assert panel.proxy.rowCount() == 0
