"""A checker's day on the real window, keyboard first, checking the database after each step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from claimdesk.domain import ClaimOrigin, ClaimStatus, SourceDraft
from claimdesk.gui.dialogs.shortcuts_sheet import ShortcutsSheet
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.panels.search_panel import SearchDialog
from tests.gui.conftest import wait_for_claims

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def opened(qtbot, make_window, path: Path):
    window = make_window()
    window.open_path(path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    return window


def select_text(window, start: int, end: int) -> None:
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(start))
    cursor.setPosition(view.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def refocus(qtbot, window) -> None:
    """After a dialog closes, wait until the main window has the keyboard again."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def stored(window, claim_id):
    return window.workbench.claim(claim_id)


def test_rating_keys_history_and_undo_redo(qtbot, make_window, seed_path):
    window = opened(qtbot, make_window, seed_path)
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    ratings = window.workbench.rating_scale().ratings

    qtbot.keyClick(window, Qt.Key.Key_5, ALT)  # the scale's fifth rating: False
    assert stored(window, claim_id).verdict.rating.name == ratings[4].name == "False"
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert stored(window, claim_id).status is ClaimStatus.DONE
    history = window.detail.history.lines()
    assert any("False" in line for line in history)
    assert any("Done" in line for line in history)
    assert window.menu_actions["undoAction"].text().startswith("&Undo ")

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # undo the status
    assert stored(window, claim_id).status is ClaimStatus.IN_PROGRESS
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # undo the rating
    claim = stored(window, claim_id)
    assert claim.verdict is None and claim.status is ClaimStatus.TODO
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)  # redo the rating
    assert stored(window, claim_id).verdict.rating.name == "False"
    qtbot.keyClick(window, Qt.Key.Key_0, ALT)  # clear the rating
    assert stored(window, claim_id).verdict is None
    assert window.detail.rating.currentIndex() == 0


def test_undo_follows_the_change_into_another_article(qtbot, make_window, seed_path, tmp_path):
    other = tmp_path / "budget.txt"
    other.write_text(
        "The deficit rose to 5% of GDP in 2024, the minister said.\n", encoding="utf-8"
    )
    window = opened(qtbot, make_window, seed_path)
    seed_article = window.article_id
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.open_path(other)
    qtbot.waitUntil(lambda: window.article_id != seed_article)
    wait_for_claims(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.article_id == seed_article
    assert window.claims_panel.current_claim_id() == claim_id
    assert stored(window, claim_id).status is ClaimStatus.TODO


def test_an_edit_that_takes_the_claim_out_of_the_filter_keeps_it_selected(
    qtbot, make_window, seed_path
):
    """With "To do" chosen, rating a claim moves it to In progress: the row used to vanish
    and the selection jump to an unrelated claim, so the next rating key or the
    explanation went to a claim the checker had not chosen."""
    window = opened(qtbot, make_window, seed_path)
    panel = window.claims_panel
    panel.status.setCurrentIndex(panel.status.findData(ClaimStatus.TODO.value))
    panel.step(1)
    claim = panel.current_claim_id()
    others = {c.id: c.verdict for c in panel.visible_claims() if c.id != claim}
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    assert stored(window, claim).status is ClaimStatus.IN_PROGRESS
    assert panel.current_claim_id() == claim and window.detail.claim.id == claim
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)  # the checker corrects the rating
    ratings = window.workbench.rating_scale().ratings
    assert stored(window, claim).verdict.rating.id == ratings[1].id
    assert all(stored(window, cid).verdict == verdict for cid, verdict in others.items())
    # Moving on, the filter applies to it again.
    panel.step(1)
    assert panel.current_claim_id() != claim
    assert claim not in {c.id for c in panel.visible_claims()}


def test_adjust_split_and_merge_by_keyboard(qtbot, make_window, seed_path):
    window = opened(qtbot, make_window, seed_path)
    text = window.article_view.article_text()
    claim = next(c for c in window.claims_panel.model.rows() if "25 of 33" in c.text)
    window.select_claim(claim.id)
    count = len(window.workbench.claims(window.article_id))

    # Adjust the span to the selected words.
    start = text.index("Ukraine said it shot down 25 of 33 explosive drones")
    end = start + len("Ukraine said it shot down 25 of 33 explosive drones")
    select_text(window, start, end)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    adjusted = stored(window, claim.id)
    assert (adjusted.start, adjusted.end) == (start, end)
    assert window.article_view.textCursor().selectedText() == adjusted.text

    # Split where the cursor is.
    cut = text.index("25 of 33")
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(window.article_view.to_qt(cut))
    window.article_view.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL | SHIFT)
    claims = window.workbench.claims(window.article_id)
    assert len(claims) == count + 1
    first = stored(window, claim.id)
    assert first.text == "Ukraine said it shot down"
    second = next(c for c in claims if c.start >= cut and c.text.startswith("25 of 33"))
    assert second.text == "25 of 33 explosive drones"

    # Merge them back, then undo the merge and the split.
    window.select_claim(first.id)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL | SHIFT)
    merged = window.detail.claim
    assert merged is not None and (merged.start, merged.end) == (start, end)
    assert len(window.workbench.claims(window.article_id)) == count
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    restored = stored(window, claim.id)
    assert (restored.start, restored.end, restored.text) == (claim.start, claim.end, claim.text)
    assert len(window.workbench.claims(window.article_id)) == count


def test_adjusting_over_another_claim_asks_as_adding_does(qtbot, make_window, seed_path):
    """The refusal says "or confirm that the claims may overlap", but adjusting offered no
    way to confirm: the checker had to delete the other claim's work to widen this one."""
    window = opened(qtbot, make_window, seed_path)
    text = window.article_view.article_text()
    rows = sorted(window.claims_panel.model.rows(), key=lambda c: c.start)
    claim = next(c for c in rows if "25 of 33" in c.text)
    following = next(c for c in rows if c.start >= claim.end)
    window.select_claim(following.id)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the checker works on the next sentence
    window.select_claim(claim.id)
    end = following.start + len(following.text.split()[0])
    select_text(window, claim.start, end)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    box = window.findChild(QMessageBox, "confirmOverlap")
    assert box is not None and "overlaps" in box.text()
    assert stored(window, claim.id).end == claim.end  # nothing changed while it asks
    box.done(int(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: stored(window, claim.id).end == end)
    assert stored(window, claim.id).text == text[claim.start : end]
    assert stored(window, following.id).status is ClaimStatus.IN_PROGRESS
    # Merging with the next claim now spans the one it overlaps: asked too.
    later = min((c for c in rows if c.start >= end), key=lambda c: c.start)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmOverlap") is None)
    refocus(qtbot, window)
    window.select_claim(claim.id)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL | SHIFT)
    box = window.findChild(QMessageBox, "confirmOverlap")
    assert box is not None and "overlaps" in box.text()
    box.done(int(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: stored(window, claim.id).end == later.end)
    assert stored(window, following.id).status is ClaimStatus.IN_PROGRESS


def test_added_claim_refuses_overlap_and_delete_is_undoable(qtbot, make_window, seed_path):
    window = opened(qtbot, make_window, seed_path)
    text = window.article_view.article_text()
    start = text.index("25 of 33")
    sentence = next(c for c in window.claims_panel.model.rows() if "25 of 33" in c.text)
    window.select_claim(sentence.id)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the checker works on the sentence
    select_text(window, start, start + 8)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    box = window.findChild(QMessageBox, "confirmOverlap")
    assert box is not None and "overlaps" in box.text()
    box.done(int(QMessageBox.StandardButton.Cancel))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmOverlap") is None)
    before = {c.id for c in window.workbench.claims(window.article_id)}
    assert all(
        c.origin is ClaimOrigin.EXTRACTED for c in window.workbench.claims(window.article_id)
    )
    refocus(qtbot, window)
    select_text(window, start, start + 8)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    window.findChild(QMessageBox, "confirmOverlap").done(int(QMessageBox.StandardButton.Yes))
    manual = window.detail.claim
    assert manual is not None and manual.text == "25 of 33" and manual.id not in before
    refocus(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {c.id for c in window.workbench.claims(window.article_id)} == before
    victim = next(iter(sorted(before)))
    window.select_claim(victim)
    window.commands.delete_claim().done(0)  # Cancel: nothing happens
    assert victim in {c.id for c in window.workbench.claims(window.article_id)}
    box = window.commands.delete_claim()
    box.done(int(box.StandardButton.Yes))
    assert victim not in {c.id for c in window.workbench.claims(window.article_id)}
    refocus(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {c.id for c in window.workbench.claims(window.article_id)} == before


def test_next_unchecked_and_source_from_clipboard(qtbot, make_window, seed_path):
    window = opened(qtbot, make_window, seed_path)
    panel = window.claims_panel
    panel.step(1)
    first = panel.current_claim_id()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # done
    panel.step(-1)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    assert panel.current_claim_id() not in (None, first)
    assert stored(window, panel.current_claim_id()).status is not ClaimStatus.DONE

    QGuiApplication.clipboard().setText("https://example.org/air-force-statement")
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL | SHIFT)
    dialog = window.detail.findChild(SourceDialog)
    assert dialog is not None and dialog.url.text() == "https://example.org/air-force-statement"
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    claim = stored(window, panel.current_claim_id())
    assert [s.url for s in claim.sources] == ["https://example.org/air-force-statement"]


def test_a_source_note_that_cannot_be_saved_stays_on_the_clipboard(
    qtbot, make_window, seed_path
):
    """The dialog closes on Save; when the save then fails (the claim was deleted or
    merged meanwhile, here by another window) the typed quote and note were gone."""
    window = opened(qtbot, make_window, seed_path)
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    dialog = window.detail.add_source("https://example.org/report")
    qtbot.keyClicks(dialog.quote, "Exports fell by a third in March.")
    qtbot.keyClicks(dialog.note, "Table 4, page 12.")
    window.workbench.delete_claim(claim_id)  # meanwhile, elsewhere
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.writes.pending() == 0)
    kept = QGuiApplication.clipboard().text()
    for typed in ("https://example.org/report", "Exports fell by a third in March.",
                  "Table 4, page 12."):  # fmt: skip
        assert typed in kept
    assert "clipboard" in window.statusBar().currentMessage()
    # The same for an edited note removed meanwhile.
    QGuiApplication.clipboard().clear()
    window.claims_panel.step(1)
    other = window.claims_panel.current_claim_id()
    source_id, changes = window.workbench.add_source(other, SourceDraft(url="", note="First note."))
    window.apply_changes(changes)
    window.detail.sources.setCurrentIndex(window.detail.sources_model.index(0, 0))
    dialog = window.detail.edit_source()
    dialog.note.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.note, " And a second thought.")
    window.workbench.delete_source(source_id)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.writes.pending() == 0)
    assert "First note. And a second thought." in QGuiApplication.clipboard().text()


def test_search_the_desk_opens_the_claim(qtbot, make_window, seed_path, tmp_path):
    other = tmp_path / "budget.txt"
    other.write_text(
        "The deficit rose to 5% of GDP in 2024, the minister said.\n", encoding="utf-8"
    )
    window = opened(qtbot, make_window, other)
    budget = window.article_id
    window.open_path(seed_path)
    qtbot.waitUntil(lambda: window.article_id != budget)
    wait_for_claims(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.panel.query, "deficit")
    qtbot.waitUntil(lambda: dialog.panel.results.model().rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(dialog.resultActivated):
        qtbot.keyClick(dialog.panel.query, Qt.Key.Key_Return)
    assert window.article_id == budget
    current = window.detail.claim
    assert current is not None and "deficit" in current.text


def test_a_search_hit_hidden_by_the_status_filter_is_still_shown(
    qtbot, make_window, seed_path
):
    """"Every sentence" only lifts the score gate: a hit hidden by the status filter
    was left unselected and the pane showed no claim."""
    window = opened(qtbot, make_window, seed_path)
    panel = window.claims_panel
    panel.status.setCurrentIndex(panel.status.findData(ClaimStatus.DONE.value))
    claim_id = next(
        c.id for c in window.workbench.claims(window.article_id) if "Harris" in c.text
    )
    assert claim_id not in {c.id for c in panel.visible_claims()}
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = window.findChild(SearchDialog)
    dialog.resultActivated.emit(window.article_id, claim_id)
    assert panel.current_claim_id() == claim_id
    assert window.detail.claim is not None and window.detail.claim.id == claim_id
    panel.status.setCurrentIndex(panel.status.findData(ClaimStatus.DONE.value) - 1)
    panel.status.setCurrentIndex(panel.status.findData(ClaimStatus.DONE.value))
    assert claim_id not in {c.id for c in panel.visible_claims()}  # the filter holds again


def test_a_search_hit_whose_claim_was_deleted_says_so_and_changes_no_filter(
    qtbot, make_window, seed_path
):
    window = opened(qtbot, make_window, seed_path)
    panel = window.claims_panel
    panel.show_all.setChecked(False)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = window.findChild(SearchDialog)
    qtbot.keyClicks(dialog.panel.query, "Harris")
    qtbot.waitUntil(lambda: dialog.panel.results.model().rowCount() > 0, timeout=10_000)
    claim_id = next(
        c.id for c in window.workbench.claims(window.article_id) if "Harris" in c.text
    )
    window.workbench.delete_claim(claim_id)  # as another window would, after the search
    dialog.resultActivated.emit(window.article_id, claim_id)
    assert not panel.show_all.isChecked()
    assert window.statusBar().currentMessage() == (
        "That claim no longer exists: it was deleted or merged since the search."
    )
    assert claim_id not in {c.id for c in panel.model.rows()}


def test_keyboard_shortcuts_sheet_lists_the_actions(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None
    texts = " ".join(a for a, _keys in sheet.visible_rows())
    for expected in (
        "Undo",
        "Search the desk",
        "Next unchecked claim",
        "Split claim at cursor",
        "Add source from clipboard URL",
        "Show every sentence",
    ):
        assert expected in texts


def test_help_about_shows_licences(qtbot, make_window):
    from claimdesk.gui.dialogs.about import AboutDialog

    window = make_window()
    window.menu_actions["aboutAction"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    text = dialog.text_of("THIRD-PARTY-NOTICES.txt")
    assert "PySide6" in text and "LGPL" in text and "ClaimBuster" in text
