"""Case bundles through the window: export, merge, and the conflict dialog before a merge."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from claimdesk.gui.dialogs.bundle_conflicts import (
    COL_BUNDLE,
    COL_CLAIM,
    COL_LOCAL,
    COL_USE,
    BundleConflictsDialog,
)
from claimdesk.services.bundles import Choice, export_bundle, import_bundle
from tests.gui.conftest import wait_for_claims
from tests.reports.casework import PLAIN_CLAIM, build_case
from tests.services.test_bundles_trust import (
    FUTURE,
    edited,
    fingerprint,
    forge_plain,
    local_claim,
    rating,
)


def test_bundle_moves_work_between_two_desks(qtbot, make_window, seed_path, tmp_path):
    source = make_window(tmp_path / "laptop.sqlite3")
    source.open_path(seed_path)
    wait_for_claims(qtbot, source)
    wb = source.workbench
    claim = next(c for c in wb.claims(source.article_id) if "25 of 33" in c.text)
    rating = next(r for r in wb.rating_scale().ratings if r.name == "Mostly true")
    wb.set_verdict(claim.id, rating.id, "Air force count.")
    bundle = tmp_path / "case"
    job = source.bundles.export_to(bundle, [source.article_id])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    written = tmp_path / "case.claimdesk"
    assert written.exists()

    target = make_window(tmp_path / "office.sqlite3")
    job = target.bundles.import_from(written)
    qtbot.waitUntil(
        lambda: target.findChild(QMessageBox, "bundleSummary") is not None, timeout=30_000
    )
    assert target.library_model.rowCount() == 1
    assert target.article_id is not None
    merged = [c for c in target.workbench.claims(target.article_id) if c.verdict]
    assert [(c.text, c.verdict.rating.name, c.verdict.explanation) for c in merged] == [
        (claim.text, "Mostly true", "Air force count.")
    ]


def test_bad_bundle_gives_a_message_and_changes_nothing(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "bad.claimdesk"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    window.bundles.import_from(bad)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "knownErrorBox") is not None, timeout=30_000
    )
    assert window.workbench.articles() == []


# ----------------------------------------------------------------------------- conflicts


def _conflicting_desk(make_window, tmp_path):
    """A window whose checker re-rated a claim that the bundle rates differently."""
    case = build_case(tmp_path / "a")
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    case.close()
    window = make_window(tmp_path / "office.sqlite3")
    wb = window.workbench
    import_bundle(window.bundles.service.db, first)
    plain = local_claim(wb, PLAIN_CLAIM)
    wb.set_verdict(plain, rating(wb, "Mostly false"), "Mine.")
    forged = edited(first, tmp_path / "forged.claimdesk", lambda d: forge_plain(d, FUTURE))
    return window, plain, forged


def _open_dialog(qtbot, window, forged) -> BundleConflictsDialog:
    window.bundles.import_from(forged)
    qtbot.waitUntil(lambda: window.findChild(BundleConflictsDialog) is not None, timeout=30_000)
    dialog = window.findChild(BundleConflictsDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go where the checker is looking
    return dialog


def test_conflict_dialog_escape_cancels_the_whole_import(qtbot, make_window, tmp_path):
    window, plain, forged = _conflicting_desk(make_window, tmp_path)
    before = fingerprint(window.workbench.db.path)
    dialog = _open_dialog(qtbot, window, forged)
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, COL_CLAIM).text() == PLAIN_CLAIM
    assert table.item(0, COL_LOCAL).text().startswith("Mostly false")
    assert "Mine." in table.item(0, COL_LOCAL).text()
    assert table.item(0, COL_BUNDLE).text().startswith("True")
    assert "Forged verdict." in table.item(0, COL_BUNDLE).text()
    assert table.item(0, COL_USE).text() == "Keep local"
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.jobs.wait(10_000)
    assert window.findChild(QMessageBox, "bundleSummary") is None
    assert fingerprint(window.workbench.db.path) == before
    assert window.workbench.claim(plain).verdict.rating.name == "Mostly false"


def test_conflict_dialog_space_takes_the_bundle_and_enter_merges(qtbot, make_window, tmp_path):
    window, plain, forged = _conflicting_desk(make_window, tmp_path)
    dialog = _open_dialog(qtbot, window, forged)
    assert dialog.table.hasFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # switch the selected row
    assert dialog.table.item(0, COL_USE).text() == "Take bundle"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter: the default Import button
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "bundleSummary") is not None, timeout=30_000
    )
    summary = window.findChild(QMessageBox, "bundleSummary").text()
    assert "1 taken from the bundle" in summary
    claim = window.workbench.claim(plain)
    assert claim.verdict.rating.name == "True" and claim.verdict.explanation == "Forged verdict."
    assert any(h.who == 'Dana "D" Reyes (bundle)' for h in window.workbench.history(plain))


def test_conflict_dialog_keep_all_then_enter_keeps_local_work(qtbot, make_window, tmp_path):
    window, plain, forged = _conflicting_desk(make_window, tmp_path)
    dialog = _open_dialog(qtbot, window, forged)
    qtbot.mouseClick(dialog.take_all_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {plain: Choice.TAKE_BUNDLE}
    qtbot.mouseClick(dialog.keep_all_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {plain: Choice.KEEP_LOCAL}
    assert dialog.table.item(0, COL_USE).text() == "Keep local"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "bundleSummary") is not None, timeout=30_000
    )
    assert "1 conflict kept local" in window.findChild(QMessageBox, "bundleSummary").text()
    assert window.workbench.claim(plain).verdict.rating.name == "Mostly false"


def test_conflict_dialog_over_a_shown_article_selects_the_first_row(
    qtbot, make_window, seed_path, tmp_path
):
    """Space switches the selected row: so a row must be selected when the dialog opens,
    also when Shift is down at that moment (the checker typing a capital meanwhile)."""
    laptop = make_window(tmp_path / "laptop.sqlite3")
    laptop.open_path(seed_path)
    wait_for_claims(qtbot, laptop)
    wb = laptop.workbench
    claim = next(c for c in wb.claims(laptop.article_id) if "25 of 33" in c.text)
    wb.set_verdict(claim.id, rating(wb, "Mostly true"), "Air force count.")
    job = laptop.bundles.export_to(tmp_path / "case.claimdesk", [laptop.article_id])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)

    office = make_window(tmp_path / "office.sqlite3")
    office.open_path(seed_path)
    wait_for_claims(qtbot, office)
    mine = next(c for c in office.workbench.claims(office.article_id) if "25 of 33" in c.text)
    office.workbench.set_verdict(mine.id, rating(office.workbench, "False"), "Mine.")
    office.show_article(office.article_id)
    office.select_claim(mine.id)
    office.activateWindow()
    qtbot.keyPress(office.claims_panel.table, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
    dialog = _open_dialog(qtbot, office, tmp_path / "case.claimdesk")
    qtbot.keyRelease(dialog.table, Qt.Key.Key_Shift)
    assert [i.row() for i in dialog.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.choices() == {mine.id: Choice.TAKE_BUNDLE}
    dialog.reject()


def test_the_window_takes_no_bundle_approval_on_a_desk_that_requires_review(
    qtbot, make_window, tmp_path
):
    """File → Import bundle on a desk that publishes only approved verdicts: the verdict a
    bundle says Ben approved waits for review here, and its history says what it said."""
    from claimdesk.domain import HistoryField, ReviewState
    from claimdesk.gui.panels.history_view import describe, who_text
    from tests.services.test_bundles_review import _bundle_approved_by_ben

    case = build_case(tmp_path / "a")
    forged = _bundle_approved_by_ben(case, tmp_path)
    case.close()
    window = make_window(tmp_path / "office.sqlite3")
    wb = window.workbench
    wb.set_review_required(True)
    window.bundles.import_from(forged)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "bundleSummary") is not None, timeout=30_000
    )
    plain = local_claim(wb, PLAIN_CLAIM)
    assert wb.claim(plain).verdict.review_state is ReviewState.NEEDS_REVIEW
    shown = [(describe(h), who_text(h)) for h in wb.history(plain)
             if h.field is HistoryField.REVIEW]  # fmt: skip
    assert shown == [
        ("Review: Approved → Needs review", "bundle: approved by Ben on 2026-12-01")
    ]


def test_closing_waits_for_a_running_bundle_import(qtbot, make_window, seed_path, tmp_path):
    """The import waits for another ClaimDesk's write lock: the window does not close
    (nor block in its close) until the bundle is merged, then closes by itself."""
    source = make_window(tmp_path / "laptop.sqlite3")
    source.open_path(seed_path)
    wait_for_claims(qtbot, source)
    job = source.bundles.export_to(tmp_path / "case", [source.article_id])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)

    target = make_window(tmp_path / "office.sqlite3")
    other = sqlite3.connect(target.workbench.db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(6.0, lambda: (other.execute("COMMIT"), other.close()))
    release.start()
    try:
        target.bundles.import_from(tmp_path / "case.claimdesk")
        qtbot.waitUntil(lambda: target.bundles.importing() is not None, timeout=30_000)
        started = time.monotonic()
        assert not target.close()  # not yet: the bundle is still to be merged
        assert time.monotonic() - started < 1.0  # said at once, not after a blocking wait
        assert target.isVisible()
        assert "closes when they are saved" in target.statusBar().currentMessage()
        qtbot.waitUntil(lambda: not target.isVisible(), timeout=30_000)
    finally:
        release.join()
    with sqlite3.connect(tmp_path / "office.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    # The merge's summary is not left open over a closed window.
    box = target.findChild(QMessageBox, "bundleSummary")
    assert box is None or not box.isVisible()


def test_switching_desks_waits_for_a_running_bundle_import(
    qtbot, make_window, seed_path, tmp_path, monkeypatch
):
    """The window would not close before the merge ends: the switch is refused, saying so."""
    from claimdesk.app import build_services
    from claimdesk.gui.application import RunningWindow

    source = make_window(tmp_path / "laptop.sqlite3")
    source.open_path(seed_path)
    wait_for_claims(qtbot, source)
    job = source.bundles.export_to(tmp_path / "case", [source.article_id])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)

    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(tmp_path / "office.sqlite3", tmp_path / "data")
    desk = RunningWindow(QApplication.instance(), services, None)
    qtbot.addWidget(desk.window)
    first = desk.window
    other = sqlite3.connect(tmp_path / "office.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        first.bundles.import_from(tmp_path / "case.claimdesk")
        qtbot.waitUntil(lambda: first.bundles.importing() is not None, timeout=30_000)
        desk.switch(tmp_path / "second.sqlite3")
        assert desk.window is first and first.isVisible()
        box = first.findChild(QMessageBox, "knownErrorBox")
        assert box is not None and "still being imported" in box.text()
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(lambda: first.bundles.importing() is None, timeout=30_000)
    first.close()
    desk.services.close()
