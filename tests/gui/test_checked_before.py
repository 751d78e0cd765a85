"""Checked before in the window: one shared encoder, matches off the GUI thread and cached,
a column and a filter, the detail pane's list, File → Import fact-checks…, accept + undo."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from claimdesk.domain import Theme
from claimdesk.gui.models.claims_model import COL_CHECKED, COL_CLAIM, ClaimsModel
from claimdesk.gui.theme import _contrast, apply_theme, is_dark
from tests.gui.conftest import wait_for_claims

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TIMEOUT_MS = 60_000

ARTICLE = (
    "Health scares\n\n"
    "A viral post claims that 5G mobile networks spread the coronavirus across Europe. "
    "The mayor opened a new library on Tuesday morning. "
    "Unemployment in Spain fell to its lowest level since 2008, the minister said.\n"
)
LIBRARY = (
    "claim,rating,url,publisher,date,language\n"
    "5G networks spread the coronavirus,False,https://checks.example/5g,Checks Example,"
    "2020-04-06,en\n"
    "Drinking hot water with lemon cures cancer,False,https://checks.example/lemon,"
    "Checks Example,2019-02-01,en\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    article = tmp_path / "scares.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    library = tmp_path / "checks.csv"
    library.write_text(LIBRARY, encoding="utf-8")
    hostile = tmp_path / "broken.json"
    hostile.write_text('{"@type": "ClaimReview", ', encoding="utf-8")
    return {"article": article, "library": library, "hostile": hostile}


def started_jobs(window) -> list[str]:
    names: list[str] = []
    window.jobs.job_started.connect(lambda job: names.append(job.name))
    return names


def opened(qtbot, make_window, article: Path):
    window = make_window()
    window.open_path(article)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    return window


def claim_row(window, words: str) -> int:
    model = window.claims_panel.model
    return next(r for r, c in enumerate(model.rows()) if words in c.text)


def checked_text(window, row: int) -> str:
    model = window.claims_panel.model
    return model.data(model.index(row, COL_CHECKED)) or ""


def imported(qtbot, window, files: dict[str, Path]):
    """File → Import fact-checks… on the CSV and a broken file; vectors filled, claims matched."""
    job = window.factcheck_import.import_paths([files["library"], files["hostile"]])
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    checked = window.checked
    qtbot.waitUntil(
        lambda: checked._fill is None and not checked.busy()
        and checked.matcher.missing_vectors() == 0,
        timeout=TIMEOUT_MS,
    )  # fmt: skip
    return window.factcheck_import.summary


def test_the_window_matches_with_the_scorers_own_encoder(qtbot, make_window):
    window = make_window()
    scorer = window.workbench.nlp.scorer()
    assert scorer is not None
    assert window.checked.matcher.encoder is scorer.encoder
    assert window.services.factchecks.encoder is window.workbench.nlp.encoder()


def test_an_empty_library_says_nothing_and_runs_no_job(qtbot, make_window, files):
    window = make_window()
    names = started_jobs(window)
    window.open_path(files["article"])
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    window.claims_panel.step(1)
    qtbot.wait(200)
    assert "match claims" not in names and "encode fact-checks" not in names
    assert not window.checked.matcher.index_bytes  # no vector index was loaded
    assert all(checked_text(window, r) == "" for r in range(window.claims_panel.model.rowCount()))
    box = window.detail.checked_before
    assert box.model.rowCount() == 0 and not box.accept_button.isEnabled()
    assert "Import fact-checks" in box.message.text()


def test_import_matches_the_claims_and_one_keystroke_accepts_undoably(
    qtbot, make_window, files
):
    window = opened(qtbot, make_window, files["article"])
    matcher = window.checked.matcher
    threads: list[bool] = []
    match_many = matcher.match_many

    def spy(*args, **kwargs):  # records where matching ran, then matches for real
        threads.append(threading.current_thread() is threading.main_thread())
        return match_many(*args, **kwargs)

    matcher.match_many = spy
    summary = imported(qtbot, window, files)
    assert threads and not any(threads), "matching ran on the GUI thread"

    # One line of counts; each file's count or refusal on a line of its own.
    assert summary is not None and summary.objectName() == "factcheckSummary"
    assert summary.text().startswith("2 fact-checks added, 0 updated")
    assert "1 refused" in summary.text()
    details = summary.detailedText().splitlines()
    assert details[0] == f"{files['library']}: 2 fact-checks"
    assert details[1].startswith(f"Refused: {files['hostile']}: ")
    summary.close()

    # The column: the 5G claim is marked with the check's rating and similarity.
    five_g = claim_row(window, "5G mobile networks")
    assert checked_text(window, five_g).startswith("✓ False · 0.")
    assert checked_text(window, claim_row(window, "new library")) == ""
    # A badge beside the claim's text says it too (the column is off screen at 1024 px).
    model = window.claims_panel.model
    badge = Qt.ItemDataRole.DecorationRole
    assert not model.data(model.index(five_g, COL_CLAIM), badge).isNull()
    assert model.data(model.index(claim_row(window, "new library"), COL_CLAIM), badge) is None
    assert "Checked before by Checks Example" in model.data(
        model.index(five_g, COL_CLAIM), Qt.ItemDataRole.ToolTipRole
    )

    # The filter keeps only the claims checked before.
    panel = window.claims_panel
    panel.more.setChecked(True)
    panel.checked.setCurrentIndex(panel.checked.findData(True))
    assert [c.text for c in panel.visible_claims()] == [panel.model.rows()[five_g].text]
    panel.checked.setCurrentIndex(panel.checked.findData(False))
    assert panel.model.rows()[five_g] not in panel.visible_claims()
    panel.checked.setCurrentIndex(0)

    # The detail pane lists the match with what a checker needs to judge it.
    claim_id = panel.model.rows()[five_g].id
    names = started_jobs(window)
    panel.select_claim(claim_id)
    box = window.detail.checked_before
    assert box.model.rowCount() >= 1
    first = box.model.data(box.model.index(0, 0)).splitlines()
    assert first[0].startswith("False · Checks Example · ")
    assert "similarity 0." in first[0] and "English" in first[0]
    assert first[1] == "5G networks spread the coronavirus"
    assert first[2] == "https://checks.example/5g"
    # Cached: coming back to a claim or moving through the table encodes nothing.
    panel.step(1)
    panel.step(-1)
    panel.select_claim(claim_id)
    assert "match claims" not in names

    # Ctrl+Shift+C accepts the selected match as a source note; Ctrl+Z takes it back.
    with qtbot.waitActive(window):  # as after closing the summary
        window.activateWindow()
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(window.workbench.claim(claim_id).sources) == 1)
    (note,) = window.workbench.claim(claim_id).sources
    assert note.url == "https://checks.example/5g" and "Rated “False”" in note.note
    qtbot.waitUntil(lambda: window.detail.sources_model.rowCount() == 1)
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.workbench.claim(claim_id).sources == ())


def test_the_accept_keys_clash_with_no_other_action(qtbot, make_window):
    window = make_window()
    keys = [a.shortcut().toString() for a in window.menu_actions.values()]
    assert keys.count("Ctrl+Shift+C") == 1
    assert window.menu_actions["acceptMatchAction"].shortcut().toString() == "Ctrl+Shift+C"
    assert window.menu_actions["importFactChecksAction"].parent() is window


def test_the_panel_reads_at_1024_by_700_in_the_dark_theme(qtbot, make_window, files):
    window = opened(qtbot, make_window, files["article"])
    imported(qtbot, window, files).close()
    app = QApplication.instance()
    apply_theme(app, Theme.DARK)
    try:
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: is_dark(window.palette()))
        window.claims_panel.select_claim(
            window.claims_panel.model.rows()[claim_row(window, "5G mobile")].id
        )
        box = window.detail.checked_before
        qtbot.waitUntil(lambda: box.model.rowCount() >= 1)
        qtbot.wait(50)
        assert box.isVisible() and box.list.isVisible() and box.accept_button.isVisible()
        # The best match shows whole (three lines or more) without scrolling, in a
        # window that kept its 700 pixels.
        assert window.height() == 700
        rect = box.list.visualRect(box.model.index(0, 0))
        assert rect.height() >= 3 * box.list.fontMetrics().height()
        assert rect.width() <= box.list.viewport().width()
        assert rect.top() >= 0 and rect.bottom() <= box.list.viewport().height()
        palette = box.list.palette()
        text = palette.color(QPalette.ColorRole.Text)
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            assert _contrast(text, palette.color(role)) >= 4.5
        window.grab().save(str(Path("/tmp") / "checked_before.png"))
    finally:
        apply_theme(app, Theme.SYSTEM)


def test_the_checked_before_column_sorts_by_similarity(qtbot, make_window, files):
    window = opened(qtbot, make_window, files["article"])
    imported(qtbot, window, files).close()
    model = window.claims_panel.model
    five_g = claim_row(window, "5G mobile")
    other = claim_row(window, "new library")
    sort = ClaimsModel.SortRole
    assert model.data(model.index(five_g, COL_CHECKED), sort) > model.data(
        model.index(other, COL_CHECKED), sort
    )


def test_the_models_with_matches_pass_qtmodeltester(qtmodeltester, tmp_path, nlp_provider):
    from claimdesk.domain.factchecks import checked_before
    from claimdesk.gui.models.claims_model import ClaimFilterProxy
    from claimdesk.gui.panels.checked_before import MatchesModel
    from claimdesk.services.factcheck_import import import_factcheck_files
    from claimdesk.services.factcheck_match import FactCheckMatcher
    from claimdesk.services.workbench import Workbench
    from claimdesk.storage.db import open_database

    wb = Workbench(open_database(tmp_path / "m.sqlite3"), nlp_provider)
    try:
        (tmp_path / "checks.csv").write_text(LIBRARY, encoding="utf-8")
        import_factcheck_files(wb.db, [tmp_path / "checks.csv"])
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        article_id = wb.open_file(tmp_path / "a.txt").article_id
        wb.extract(article_id)
        claims = wb.claims(article_id)
        matcher = FactCheckMatcher(wb.db, nlp_provider.encoder())
        matcher.fill_vectors()
        found = matcher.match_many([c.text for c in claims], None, 5, [c.id for c in claims])

        model = ClaimsModel()
        model.reload(claims)
        model.set_checked({c.id: checked_before(m) for c, m in zip(claims, found, strict=True)})
        assert sum(model.checked(c.id) is not None for c in claims) == 1
        qtmodeltester.check(model)
        proxy = ClaimFilterProxy()
        proxy.setSourceModel(model)
        proxy.set_show_all(True)
        proxy.set_checked_filter(True)
        assert proxy.rowCount() == 1
        proxy.sort(COL_CHECKED)
        qtmodeltester.check(proxy)
        matches = MatchesModel()
        matches.reload(found[0])
        assert matches.rowCount() == 2
        qtmodeltester.check(matches)
    finally:
        wb.db.dispose()


def test_claims_under_the_threshold_are_matched_only_once_shown(qtbot, make_window, files):
    window = make_window()
    window.open_path(files["article"])
    wait_for_claims(qtbot, window)
    panel = window.claims_panel
    mayor = panel.model.rows()[claim_row(window, "new library")]
    panel.threshold.setValue(round(mayor.score * 100) + 1)  # hides the mayor's sentence
    assert mayor not in panel.visible_claims()
    imported(qtbot, window, files).close()
    assert window.checked.cached(mayor) is None  # never encoded while hidden
    assert checked_text(window, claim_row(window, "5G mobile")).startswith("✓ False")

    panel.show_all.setChecked(True)
    qtbot.waitUntil(lambda: window.checked.cached(mayor) is not None, timeout=TIMEOUT_MS)
    assert checked_text(window, claim_row(window, "new library")) == ""


def test_the_desks_own_verdict_is_found_once_the_first_rating_fills_the_library(
    qtbot, make_window, files, tmp_path
):
    window = opened(qtbot, make_window, files["article"])
    panel = window.claims_panel
    panel.select_claim(panel.model.rows()[claim_row(window, "5G mobile")].id)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # "False"
    rated = window.detail.claim
    assert rated is not None and rated.verdict is not None

    again = tmp_path / "again.txt"
    again.write_text(
        "Rumours\n\nAnother post says that 5G mobile networks spread the coronavirus.\n",
        encoding="utf-8",
    )
    window.open_path(again)
    qtbot.waitUntil(
        lambda: window.article_id is not None and window.article_id != rated.article_id
        and not window.extraction.busy() and panel.model.rowCount() > 0,
        timeout=TIMEOUT_MS,
    )  # fmt: skip
    panel.show_all.setChecked(True)
    row = claim_row(window, "Another post")
    qtbot.waitUntil(lambda: checked_text(window, row) != "", timeout=TIMEOUT_MS)
    best = panel.model.checked(panel.model.rows()[row].id)
    assert best is not None and best.factcheck.claim_id == rated.id
    assert checked_text(window, row).startswith(f"✓ {rated.verdict.rating.name} · ")


def test_a_file_of_one_fact_check_is_counted_in_the_singular(qtbot, make_window):
    from claimdesk.services.factcheck_import import FactCheckImport

    window = make_window()
    result = FactCheckImport(files=2, added=3, per_file=(("/x/one.json", 1), ("/x/two.csv", 2)))
    box = window.factcheck_import.show_summary(result)
    try:
        assert box.detailedText().splitlines() == [
            "/x/one.json: 1 fact-check", "/x/two.csv: 2 fact-checks"]
        assert box.text().startswith("3 fact-checks added")
    finally:
        box.close()


def test_the_desks_own_verdict_is_named_by_the_tables_number(
    qtbot, make_window, seed_path, tmp_path
):
    """The match said "The desk's own verdict on claim 21" from the database id: in a desk
    of two articles that is no number the claims table shows (or another claim's)."""
    from datetime import date

    from claimdesk.domain.factchecks import FactCheck, FactCheckMatch, FactCheckSource

    window = make_window()
    other = tmp_path / "ports.txt"
    other.write_text("Ports\n\nThe port handled 9 million tonnes in 2023.\n", encoding="utf-8")
    window.open_path(other)
    wait_for_claims(qtbot, window)
    elsewhere = window.claims_panel.model.rows()[0]
    window.open_path(seed_path)
    qtbot.waitUntil(lambda: window.article_id != elsewhere.article_id, timeout=60_000)
    wait_for_claims(qtbot, window)
    rows = window.claims_panel.model.rows()
    here = next(c for c in rows if c.id != c.number)  # what made the id misleading
    window.select_claim(rows[0].id)
    box = window.detail.checked_before

    def shown(claim_id: int) -> str:
        own = FactCheck(
            id=1, url=None, claim="Earlier.", rating="False", rating_value=1.0, publisher="",
            published=date(2026, 12, 3), language="en", source=FactCheckSource.DESK,
            claim_id=claim_id,
        )  # fmt: skip
        box.show_matches([FactCheckMatch(own, 0.8, 0.01, 1, 2)])
        return box.model.data(box.model.index(0, 0), Qt.ItemDataRole.DisplayRole)

    assert shown(here.id).endswith(
        f"The desk's own verdict on claim {here.number} of this article"
    )
    assert shown(elsewhere.id).endswith("The desk's own verdict on a claim of another article")
