"""The core workflow on the real window: open, link table and text, rate, cite, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from claimdesk.domain import ClaimOrigin, ClaimStatus
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.models.claims_model import COL_CLAIM
from claimdesk.gui.windows.main_window import MainWindow
from tests.gui.conftest import wait_for_claims


def click_row(qtbot, window: MainWindow, row: int) -> None:
    table = window.claims_panel.table
    rect = table.visualRect(table.model().index(row, COL_CLAIM))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_text_offset(qtbot, window: MainWindow, offset: int) -> None:
    """Click the article view at Python offset `offset` (centre of that character)."""
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 3, rect.center().y())
    )


def highlighted_span(window: MainWindow) -> tuple[int, int]:
    cursor = window.article_view.textCursor()
    view = window.article_view
    return view.from_qt(cursor.selectionStart()), view.from_qt(cursor.selectionEnd())


def test_open_link_rate_cite_and_find_it_again(qtbot, make_window, seed_path: Path) -> None:
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    text = window.article_view.article_text()
    assert text.startswith("The United States has hailed")
    assert window.library_model.rowCount() == 1

    # A row selects its span in the text.
    click_row(qtbot, window, 0)
    first = window.detail.claim
    assert first is not None
    assert highlighted_span(window) == (first.start, first.end)
    assert text[first.start : first.end] == first.text

    # A click inside another highlighted span selects that claim's row.
    other = next(c for c in window.claims_panel.visible_claims() if c.id != first.id)
    click_text_offset(qtbot, window, (other.start + other.end) // 2)
    assert window.claims_panel.current_claim_id() == other.id
    assert window.detail.claim is not None and window.detail.claim.id == other.id

    # Rate it with the keyboard: focus the rating box, arrow down to the first rating.
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    rating_box = window.detail.rating
    assert rating_box.hasFocus()
    qtbot.keyClick(rating_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.claim.verdict is not None)
    assert window.detail.claim.verdict.rating.name == "True"
    assert window.detail.claim.status is ClaimStatus.IN_PROGRESS
    qtbot.keyClicks(window.detail.explanation, "Matches the Pentagon briefing & the UN count.")

    # Add a source note through the dialog.
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.detail.findChild(SourceDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.url, "https://example.org/briefing")
    qtbot.keyClicks(dialog.title_edit, "Briefing transcript")
    qtbot.keyClicks(dialog.note, "Page 3, second paragraph.")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.detail.sources_model.rowCount() == 1)
    rated_id = other.id
    window.close()

    # Start again on the same file: everything is there, and the article reopens.
    again = make_window()
    again.restore_session()
    qtbot.waitUntil(lambda: again.claims_panel.model.rowCount() > 0)
    assert again.claims_panel.select_claim(rated_id)
    claim = again.detail.claim
    assert claim is not None and claim.id == rated_id
    assert claim.verdict is not None and claim.verdict.rating.name == "True"
    assert claim.verdict.explanation == "Matches the Pentagon briefing & the UN count."
    assert [(s.url, s.title, s.note) for s in claim.sources] == [
        ("https://example.org/briefing", "Briefing transcript", "Page 3, second paragraph.")
    ]
    assert again.detail.rating.currentText() == "True"


def test_reopening_the_same_file_does_not_duplicate(qtbot, make_window, seed_path, tmp_path):
    copy = tmp_path / "renamed-copy.txt"
    copy.write_bytes(seed_path.read_bytes())
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    first_id = window.article_id
    window.open_path(copy)
    qtbot.waitUntil(lambda: "Already in the library" in window.statusBar().currentMessage())
    assert window.article_id == first_id
    assert window.library_model.rowCount() == 1


def test_keyboard_moves_between_claims_and_sets_status(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = window.claims_panel.current_claim_id()
    assert first is not None
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.claims_panel.current_claim_id()
    assert second is not None and second != first
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    stored = window.workbench.claim(second)
    assert stored.status is ClaimStatus.DONE
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.claims_panel.current_claim_id() == first
    assert highlighted_span(window) == (window.detail.claim.start, window.detail.claim.end)


def test_manual_claim_after_emoji_and_delete_with_confirmation(
    qtbot, make_window, tmp_path: Path
) -> None:
    """Qt counts UTF-16 units: emoji before a claim must not shift its highlight."""
    article = tmp_path / "emoji.txt"
    article.write_text(
        "Fans cheered 🎉🎉 at the stadium 🏟️ all night.\n"
        "The club said ticket prices rose by 40% in 2023 😮 compared with 2019.\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_path(article)
    wait_for_claims(qtbot, window)
    text = window.article_view.article_text()
    phrase = "ticket prices rose by 40%"
    start = text.index(phrase)
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(start))
    cursor.setPosition(view.to_qt(start + len(phrase)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert cursor.selectedText() == phrase
    # Inside an untouched candidate sentence: no question asked (candidates are only
    # suggestions; overlaps count against claims the checker made or worked on).
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QMessageBox, "confirmOverlap") is None
    claim = window.detail.claim
    assert claim is not None and claim.origin is ClaimOrigin.MANUAL
    assert (claim.start, claim.end, claim.text) == (start, start + len(phrase), phrase)
    assert window.article_view.textCursor().selectedText() == phrase

    # The sentence after the emoji: its highlight covers exactly its characters.
    emoji_sentence = next(
        c
        for c in window.claims_panel.model.rows()
        if c.origin is ClaimOrigin.EXTRACTED and "stadium" in c.text
    )
    window.claims_panel.show_all.setChecked(True)
    window.select_claim(emoji_sentence.id)
    assert window.article_view.textCursor().selectedText() == emoji_sentence.text

    # Delete the manual claim: a confirmation first, then it is gone from table and database.
    window.select_claim(claim.id)
    qtbot.keyClick(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    box = window.findChild(QMessageBox, "confirmDeleteClaim")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.claims_panel.model.row_of(claim.id) < 0)
    assert all(c.id != claim.id for c in window.workbench.claims(window.article_id))


def test_the_delete_question_quotes_a_long_claim_cut_at_a_word_with_an_ellipsis(
    qtbot, make_window, seed_path
) -> None:
    """The question quoted the claim's first 200 characters as if they were all of it:
    "… hit the Danube river port of Izmail, damagin”". Cancel still changes nothing."""
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    claims = window.workbench.claims(window.article_id)
    long_claim = next(c for c in claims if "25 of 33" in c.text)
    assert len(long_claim.text) > 200
    window.select_claim(long_claim.id)
    box = window.commands.delete_claim()
    assert box is not None and box.objectName() == "confirmDeleteClaim"
    quote = box.text().split("\n\n", 1)[1]
    assert quote.startswith("“") and quote.endswith("…”"), quote
    shown = quote[1:-2]
    assert long_claim.text.startswith(shown)
    assert not long_claim.text[len(shown)].isalnum()  # cut between words, not inside one
    assert len(shown) <= 200
    short = next(c for c in window.claims_panel.visible_claims() if len(c.text) < 200)
    box.reject()
    window.select_claim(short.id)
    qtbot.waitUntil(lambda: window.detail.claim is not None and window.detail.claim.id == short.id)
    box = window.commands.delete_claim()
    assert box is not None and box.text().endswith(f"“{short.text}”")  # whole, no ellipsis
    box.reject()
    qtbot.wait(50)
    assert len(window.workbench.claims(window.article_id)) == len(claims)


def test_bad_files_give_a_message_and_change_nothing(qtbot, make_window, tmp_path: Path):
    window = make_window()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    for path in (empty, binary, tmp_path / "missing.txt"):
        window.open_path(path)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "knownErrorBox") is not None)
        box = window.findChild(QMessageBox, "knownErrorBox")
        assert path.name in box.text()
        box.close()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "knownErrorBox") is None)
    assert window.workbench.articles() == []
    assert window.library_model.rowCount() == 0
    QApplication.processEvents()
