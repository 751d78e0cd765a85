"""A save over somebody else's newer verdict or note opens the conflict dialog, never overwrites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from claimdesk.domain import HistoryField, SourceDraft
from claimdesk.gui.dialogs.save_conflict import SaveConflictDialog
from claimdesk.gui.panels.detail_pane import SAVE_DELAY_MS
from claimdesk.services.changes import Changes
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.gui.conftest import wait_for_claims

ALT = Qt.KeyboardModifier.AltModifier
#: Generous: a busy machine; waitUntil returns as soon as the save is there.
SAVED_MS = SAVE_DELAY_MS + 15_000
BEN = "Ben: the ONS says 4.2 percent."
ANA = "Ana: it matches the survey."


@pytest.fixture
def desk(qtbot, make_window, seed_path, nlp_provider: NlpProvider) -> Iterator[tuple]:
    """Ana's window on a rated claim, and Ben's own engine on the same SQLite file."""
    window = make_window()
    window.workbench.checker = "Ana"
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)  # rated "True"; the pane now shows it
    qtbot.waitUntil(lambda: window.detail.claim.verdict is not None, timeout=SAVED_MS)
    path = window.workbench.db.path
    assert isinstance(path, Path) and path.is_file()
    ben = Workbench(open_database(path), nlp_provider)  # another checker, another engine
    ben.checker = "Ben"
    yield window, ben, claim_id
    ben.db.dispose()


def _rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def _ben_saves_then_ana_types(qtbot, window, ben: Workbench, claim_id: int) -> SaveConflictDialog:
    """Ben rates the claim False after Ana's window read it; Ana types her explanation."""
    seen = window.detail.claim.version
    ben.set_verdict(claim_id, _rating(ben, "False"), BEN)
    assert ben.claim(claim_id).version > seen  # Ana's window has not heard of it
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, ANA)
    qtbot.waitUntil(lambda: window.detail.conflicts.dialog is not None, timeout=SAVED_MS)
    dialog = window.detail.conflicts.dialog
    qtbot.waitUntil(dialog.isVisible)
    # Nothing of Ben's was written over, and both values are on screen.
    stored = window.workbench.claim(claim_id).verdict
    assert (stored.rating.name, stored.explanation) == ("False", BEN)
    assert dialog.mine_boxes["explanation"].toPlainText() == ANA
    assert dialog.theirs_boxes["explanation"].toPlainText() == BEN
    assert (dialog.mine_boxes["rating"].text(), dialog.theirs_boxes["rating"].text()) == (
        "True", "False")
    return dialog


def _history(wb: Workbench, claim_id: int) -> list[tuple]:
    return [(h.who, h.field, h.old, h.new) for h in wb.history(claim_id)]


def test_keep_mine_saves_over_theirs_and_history_shows_both(qtbot, desk) -> None:
    window, ben, claim_id = desk
    dialog = _ben_saves_then_ana_types(qtbot, window, ben, claim_id)
    assert dialog.keep_button.text() == "&Keep mine"  # Alt+K
    # Keyboard only, but not through the mnemonic: under load Alt+K sometimes closed
    # nothing (1 run in 6); a mnemonic needs the dialog to be the active window.
    dialog.keep_button.setFocus()
    qtbot.keyClick(dialog.keep_button, Qt.Key.Key_Space)
    # The dialog is gone once chosen (deleted later, so only the pane is asked).
    qtbot.waitUntil(lambda: window.detail.conflicts.dialog is None, timeout=SAVED_MS)
    qtbot.waitUntil(lambda: ben.claim(claim_id).verdict.explanation == ANA, timeout=SAVED_MS)
    stored = ben.claim(claim_id).verdict
    assert (stored.rating.name, stored.checker) == ("True", "Ana")
    history = _history(ben, claim_id)
    assert ("Ben", HistoryField.EXPLANATION, "", BEN) in history
    assert ("Ben", HistoryField.VERDICT, "True", "False") in history
    assert ("Ana", HistoryField.EXPLANATION, BEN, ANA) in history
    assert ("Ana", HistoryField.VERDICT, "False", "True") in history
    # Ana goes on typing: her own saves are no conflict.
    qtbot.waitUntil(lambda: window.writes.pending() == 0)
    qtbot.keyClicks(window.detail.explanation, " Checked twice.")
    qtbot.waitUntil(
        lambda: ben.claim(claim_id).verdict.explanation == ANA + " Checked twice.",
        timeout=SAVED_MS,
    )
    assert window.detail.conflicts.dialog is None


def test_esc_takes_theirs_and_keeps_mine_on_the_clipboard(qtbot, desk) -> None:
    window, ben, claim_id = desk
    dialog = _ben_saves_then_ana_types(qtbot, window, ben, claim_id)
    before = _history(ben, claim_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected  # before it is deleted
    qtbot.waitUntil(lambda: window.detail.explanation.toPlainText() == BEN, timeout=SAVED_MS)
    assert window.detail.rating.currentText() == "False"
    assert QGuiApplication.clipboard().text() == ANA  # nothing of Ana's vanished silently
    assert "clipboard" in window.statusBar().currentMessage()
    qtbot.wait(SAVE_DELAY_MS + 300)  # no autosave of Ana's text follows
    stored = ben.claim(claim_id).verdict
    assert (stored.rating.name, stored.explanation) == ("False", BEN)
    assert _history(ben, claim_id) == before
    assert window.workbench.claim(claim_id).version == window.detail.conflicts.base


def test_merge_saves_the_edited_text_of_both(qtbot, desk) -> None:
    window, ben, claim_id = desk
    dialog = _ben_saves_then_ana_types(qtbot, window, ben, claim_id)
    assert dialog.merge_button.isVisible()
    assert dialog.merged() == f"{ANA}\n\n{BEN}"
    merged = f"{ANA} {BEN}"
    dialog.merge_editor.setPlainText(merged)
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: ben.claim(claim_id).verdict.explanation == merged, timeout=SAVED_MS)
    assert window.detail.explanation.toPlainText() == merged
    history = _history(ben, claim_id)
    assert ("Ben", HistoryField.EXPLANATION, "", BEN) in history
    assert ("Ana", HistoryField.EXPLANATION, BEN, merged) in history


def test_a_source_note_saved_meanwhile_is_a_conflict_too(qtbot, desk) -> None:
    window, ben, claim_id = desk
    wb = window.workbench
    source_id, changes = wb.add_source(claim_id, SourceDraft(url="https://ons.example", note="T2"))
    window.apply_changes(changes)
    window.detail.sources.setCurrentIndex(window.detail.sources_model.index(0, 0))
    ben.update_source(source_id, SourceDraft(url="https://ons.example", note="Table 3"))
    editing = window.detail.edit_source()
    editing.note.setPlainText("Table 9")
    editing.accept()
    qtbot.waitUntil(lambda: window.detail.conflicts.dialog is not None, timeout=SAVED_MS)
    dialog = window.detail.conflicts.dialog
    assert dialog.mine_boxes["note"].toPlainText() == "Table 9"
    assert dialog.theirs_boxes["note"].toPlainText() == "Table 3"
    assert ben.claim(claim_id).sources[0].note == "Table 3"  # nothing written yet
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: ben.claim(claim_id).sources[0].note == "Table 9", timeout=SAVED_MS)


def test_the_dialog_fits_a_small_screen_with_a_key_on_every_button(qtbot, desk) -> None:
    window, ben, claim_id = desk
    window.resize(1024, 700)
    dialog = _ben_saves_then_ana_types(qtbot, window, ben, claim_id)
    assert dialog.width() <= 1024 and dialog.height() <= 700
    assert dialog.minimumSizeHint().width() <= 1024 and dialog.minimumSizeHint().height() <= 700
    for button in (dialog.keep_button, dialog.theirs_button, dialog.merge_button):
        assert button.isVisible() and "&" in button.text()
        assert not button.isDefault() and not button.autoDefault()  # Enter overwrites nothing
    dialog.theirs_button.click()
    qtbot.waitUntil(lambda: window.detail.explanation.toPlainText() == BEN, timeout=SAVED_MS)


def test_a_refresh_while_typing_does_not_count_as_seeing_theirs(qtbot, desk) -> None:
    """The window re-reads the claim mid-typing (as a refresh from others would): the
    editor keeps Ana's text, so her save over Ben's verdict still asks."""
    window, ben, claim_id = desk
    ben.set_verdict(claim_id, _rating(ben, "False"), BEN)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, ANA)
    assert window.detail.typing()
    window.apply_changes(Changes(claims=frozenset({claim_id})))  # shows Ben's rating
    assert editor.toPlainText() == ANA
    qtbot.waitUntil(lambda: window.detail.conflicts.dialog is not None, timeout=SAVED_MS)
    assert ben.claim(claim_id).verdict.explanation == BEN
    window.detail.conflicts.dialog.keep_button.click()
    qtbot.waitUntil(lambda: ben.claim(claim_id).verdict.explanation == ANA, timeout=SAVED_MS)
