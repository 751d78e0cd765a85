"""The review step in the window: Claim menu actions, the review line and the team filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel

from claimdesk.domain import ClaimStatus, DeskSettings, Queue, ReviewState
from claimdesk.gui.menus import shortcut_rows
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.services.desk import add_article


def _desk(folder: Path, nlp: NlpProvider) -> tuple[int, int, int]:
    """A desk signed by "Ben Ode" where Ana rated one claim and asked for its review."""
    wb = Workbench(open_database(folder / "desk.sqlite3"), nlp)
    try:
        wb.save_settings(DeskSettings(checker_name="Ben Ode"))
        aid = add_article(wb, folder)
        wb.extract(aid)
        first, second = (c.id for c in wb.claims(aid)[:2])
        wb.checker = "Ana"
        false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
        wb.set_verdict(first, false, "The ONS says 4.2.")
        wb.request_review(first)
        return aid, first, second
    finally:
        wb.db.dispose()


def _visible(window) -> set[int]:  # type: ignore[no-untyped-def]
    return {c.id for c in window.claims_panel.visible_claims()}


def _choose_queue(window, queue: Queue | None) -> None:  # type: ignore[no-untyped-def]
    combo = window.claims_panel.queue
    combo.setCurrentIndex(combo.findData(queue) if queue is not None else 0)


def test_approve_assign_and_the_team_filter(qtbot, make_window, tmp_path, nlp_provider) -> None:  # type: ignore[no-untyped-def]
    aid, first, second = _desk(tmp_path, nlp_provider)
    window = make_window()
    window.claims_panel.show_all.setChecked(True)  # every extracted sentence is a row
    window.show_article(aid)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0)
    actions, bar = window.menu_actions, window.review_bar

    window.select_claim(first)
    qtbot.waitUntil(lambda: window.detail.claim is not None and window.detail.claim.id == first)
    assert bar.isVisible()
    assert bar.text() == "Unassigned · Needs review (verdict by Ana)"
    assert actions["approveAction"].isEnabled()
    assert not actions["requestReviewAction"].isEnabled()  # already waiting
    _choose_queue(window, Queue.NEEDS_MY_REVIEW)
    assert _visible(window) == {first}
    _choose_queue(window, None)

    actions["approveAction"].trigger()
    qtbot.waitUntil(lambda: window.detail.claim.verdict.review_state is ReviewState.APPROVED)
    assert window.detail.claim.verdict.reviewer == "Ben Ode"
    assert bar.text().startswith("Unassigned · Approved by Ben Ode")
    assert not actions["approveAction"].isEnabled()
    _choose_queue(window, Queue.NEEDS_MY_REVIEW)
    assert _visible(window) == set()
    _choose_queue(window, None)

    window.select_claim(second)
    qtbot.waitUntil(lambda: window.detail.claim.id == second)
    assert not actions["requestReviewAction"].isEnabled()  # no verdict to review
    assert not actions["approveAction"].isEnabled()

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())  # fmt: skip
        assert dialog.comboBoxItems()[0] == "Ben Ode"  # the signed-in checker first
        dialog.setTextValue("Ben Ode")
        dialog.accept()

    QTimer.singleShot(200, answer)
    actions["assignAction"].trigger()
    qtbot.waitUntil(lambda: window.detail.claim.assignee == "Ben Ode")
    assert bar.text() == "Assigned to Ben Ode"
    _choose_queue(window, Queue.MINE)
    assert _visible(window) == {second}
    _choose_queue(window, Queue.UNASSIGNED)
    assert first in _visible(window) and second not in _visible(window)
    _choose_queue(window, None)

    # The status filter next to it (Qt returns its enum as a plain str).
    status = window.claims_panel.status
    status.setCurrentIndex(status.findData(ClaimStatus.IN_PROGRESS))
    assert first in _visible(window) and second not in _visible(window)
    status.setCurrentIndex(0)

    # His own verdict, offered for review: not his to approve.
    window.claims_panel.select_claim(second)
    window.commands.rate(1)
    qtbot.waitUntil(lambda: window.detail.claim.verdict is not None)
    assert actions["requestReviewAction"].isEnabled()
    actions["requestReviewAction"].trigger()
    qtbot.waitUntil(
        lambda: window.detail.claim.verdict.review_state is ReviewState.NEEDS_REVIEW
    )
    assert not actions["approveAction"].isEnabled()
    history = [h.summary for h in window.workbench.history(second)]
    assert "Assigned: nobody → Ben Ode" in history
    assert "Review: Draft → Needs review" in history


def test_the_review_keys_are_in_the_shortcuts_sheet(make_window) -> None:  # type: ignore[no-untyped-def]
    rows = dict(shortcut_rows(make_window().menu_actions))
    assert rows["Assign to"] == "Ctrl+Shift+G"
    assert rows["Request review"] == "Ctrl+Shift+R"
    assert rows["Approve verdict"] == "Ctrl+Shift+P"


def test_settings_turn_the_review_rule_on(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimdesk.gui.dialogs.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window, window.workbench, window.errors, tmp_path / "desk.sqlite3")
    qtbot.addWidget(dialog)
    box = dialog.review_required
    assert not box.isChecked()  # a file desk publishes every verdict by default
    assert dialog.findChild(QLabel, "settingsReviewRequiredChanged").isHidden()  # never changed
    box.setChecked(True)
    assert dialog.save()
    assert window.workbench.review_required()
    again = SettingsDialog(window, window.workbench, window.errors, tmp_path / "desk.sqlite3")
    qtbot.addWidget(again)
    assert again.review_required.isChecked()
    # Who turned it on, and when, is shown under the box.
    shown = again.findChild(QLabel, "settingsReviewRequiredChanged")
    assert shown is not None and not shown.isHidden()
    assert shown.text().startswith(f"Turned on by {window.workbench.signed_in()} on ")


def test_a_speaker_kind_changed_in_the_window_sends_an_approval_back(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path, nlp_provider
) -> None:
    """ClaimReview publishes the speaker as a Person or an Organization: changing what
    sort of speaker it is changes what the reviewer approved."""
    wb = Workbench(open_database(tmp_path / "desk.sqlite3"), nlp_provider)
    try:
        wb.save_settings(DeskSettings(checker_name="Ben Ode"))
        aid = add_article(wb, tmp_path)
        wb.extract(aid)
        spoken = next(c.id for c in wb.claims(aid) if c.speaker)
        wb.checker = "Ana"
        false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
        wb.set_verdict(spoken, false, "Records show 120.")
        wb.request_review(spoken)
    finally:
        wb.db.dispose()
    window = make_window()
    window.claims_panel.show_all.setChecked(True)
    window.show_article(aid)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0)
    window.select_claim(spoken)
    qtbot.waitUntil(lambda: window.detail.claim is not None and window.detail.claim.id == spoken)
    window.menu_actions["approveAction"].trigger()
    qtbot.waitUntil(lambda: window.detail.claim.verdict.review_state is ReviewState.APPROVED)
    combo = window.detail.speaker_kind
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Up if combo.currentIndex() > 1 else Qt.Key.Key_End)
    qtbot.waitUntil(
        lambda: window.detail.claim.verdict.review_state is ReviewState.NEEDS_REVIEW,
        timeout=10_000,
    )
    assert window.review_bar.text().startswith("Unassigned · Needs review")
    assert window.workbench.history(spoken)[-1].summary == "Review: Approved → Needs review"
