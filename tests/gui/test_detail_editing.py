"""The detail pane never rewrites what the checker is typing, and shows nothing for no claim."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from claimdesk.domain import ClaimStatus
from claimdesk.gui.panels.detail_pane import SAVE_DELAY_MS
from tests.gui.conftest import wait_for_claims

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: Long enough for the autosave and the refresh that follows it.
SAVED_MS = SAVE_DELAY_MS + 5000


def rated(qtbot, make_window, seed_path):
    """A window on the seed article with its first claim rated "True"."""
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    assert window.workbench.claim(claim_id).verdict is not None
    return window, claim_id


def stored_explanation(window, claim_id) -> str:
    verdict = window.workbench.claim(claim_id).verdict
    return verdict.explanation if verdict else ""


def test_typing_after_the_autosave_keeps_the_text_in_order(qtbot, make_window, seed_path):
    window, claim_id = rated(qtbot, make_window, seed_path)
    editor = window.detail.explanation
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.hasFocus)

    qtbot.keyClicks(editor, "First part.")
    qtbot.waitUntil(lambda: stored_explanation(window, claim_id) == "First part.", timeout=SAVED_MS)
    qtbot.wait(100)  # the refresh after the save has run
    qtbot.keyClicks(editor, " Second part.")
    qtbot.waitUntil(
        lambda: stored_explanation(window, claim_id) == "First part. Second part.",
        timeout=SAVED_MS,
    )
    qtbot.wait(100)

    assert editor.toPlainText() == "First part. Second part."
    assert editor.textCursor().position() == len("First part. Second part.")


def test_a_trailing_space_survives_the_autosave(qtbot, make_window, seed_path):
    """The store trims the text; the editor's own text (and cursor) stay as typed."""
    window, claim_id = rated(qtbot, make_window, seed_path)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, "One ")
    qtbot.waitUntil(lambda: stored_explanation(window, claim_id) == "One", timeout=SAVED_MS)
    qtbot.wait(100)
    qtbot.keyClicks(editor, "two")
    qtbot.waitUntil(lambda: stored_explanation(window, claim_id) == "One two", timeout=SAVED_MS)
    assert editor.toPlainText() == "One two"


def test_undo_of_an_explanation_shows_the_restored_text(qtbot, make_window, seed_path):
    """The other side of the rule: no unsaved typing, stored text differs → reloaded."""
    window, claim_id = rated(qtbot, make_window, seed_path)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, "Checked against the census.")
    qtbot.waitUntil(
        lambda: stored_explanation(window, claim_id) == "Checked against the census.",
        timeout=SAVED_MS,
    )
    window.claims_panel.table.setFocus()  # Ctrl+Z in the editor would be its own undo
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, CTRL)
    assert stored_explanation(window, claim_id) == ""
    assert editor.toPlainText() == ""
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.toPlainText() == "Checked against the census."


def test_a_refresh_while_typing_leaves_the_editor_alone(qtbot, make_window, seed_path):
    """Mid-typing (autosave pending) a refresh of the same claim keeps text and cursor."""
    window, claim_id = rated(qtbot, make_window, seed_path)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, "Half a thou")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    # Another edit of the same claim refreshes the pane while the autosave is pending.
    window.workbench.set_status(claim_id, ClaimStatus.IN_PROGRESS)
    window.apply_changes(window.workbench.set_status(claim_id, ClaimStatus.DONE))
    assert editor.toPlainText() == "Half a thou"
    assert window.detail.status.currentText() == ClaimStatus.DONE.label
    assert editor.textCursor().position() <= len("Half a thou")
    qtbot.keyClicks(editor, "ght")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.waitUntil(lambda: stored_explanation(window, claim_id) != "", timeout=SAVED_MS)
    assert "Half a thou" in stored_explanation(window, claim_id).replace("ght", "", 1)


def test_no_claim_selected_shows_no_status_or_rating(qtbot, make_window, seed_path):
    window, claim_id = rated(qtbot, make_window, seed_path)
    detail = window.detail
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # status Done
    assert detail.status.currentText() == ClaimStatus.DONE.label
    assert detail.rating.currentText() == "True"

    qtbot.keyClicks(window.claims_panel.search, "zzz no claim says this zzz")
    qtbot.waitUntil(lambda: detail.claim is None)

    assert detail.header.text() == "<b>No claim selected</b>"
    assert detail.status.currentText() == ""
    assert detail.rating.currentText() == ""
    assert not detail.status.isEnabled() and not detail.rating.isEnabled()
    assert detail.explanation.toPlainText() == ""
    # Choosing a claim again shows its values.
    window.claims_panel.search.clear()
    window.select_claim(claim_id)
    assert detail.status.currentText() == ClaimStatus.DONE.label
    assert detail.rating.currentText() == "True"


def test_an_explanation_that_cannot_be_saved_stays_on_the_clipboard(
    qtbot, make_window, seed_path
):
    """The claim deleted elsewhere while the checker types: the autosave fails, and moving
    on reloaded the editor, so the typed explanation was gone with only an error box."""
    from PySide6.QtGui import QGuiApplication

    window, claim_id = rated(qtbot, make_window, seed_path)
    QGuiApplication.clipboard().clear()
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, "The census says otherwise.")
    window.workbench.delete_claim(claim_id)  # another window, meanwhile
    qtbot.waitUntil(lambda: not window.detail.typing(), timeout=SAVED_MS)
    assert QGuiApplication.clipboard().text() == "The census says otherwise."
    assert "clipboard" in window.statusBar().currentMessage()


def test_ctrl_z_in_the_editor_with_nothing_typed_undoes_the_desk(qtbot, make_window, seed_path):
    """The editor keeps Ctrl+Z for its own typing; with none to undo, the Edit menu's step
    runs (the checker who rated, then clicked into the explanation, is not ignored)."""
    window, claim_id = rated(qtbot, make_window, seed_path)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "ab")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the editor's own undo of the typing
    assert editor.toPlainText() == ""
    assert window.workbench.claim(claim_id).verdict is not None
    qtbot.wait(SAVE_DELAY_MS + 200)  # the autosave of "nothing typed" changes nothing
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # nothing left to undo in the editor
    qtbot.waitUntil(lambda: window.workbench.claim(claim_id).verdict is None, timeout=5000)
    qtbot.waitUntil(lambda: editor.document().isRedoAvailable() is False, timeout=5000)
    qtbot.keyClick(window.detail.explanation, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.workbench.claim(claim_id).verdict is not None, timeout=5000)
