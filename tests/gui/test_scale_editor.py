"""The scale editor of the Settings dialog: saves from elsewhere and keyboard use."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QColorDialog, QMessageBox

from claimdesk.domain import RatingDraft
from claimdesk.gui.dialogs.scale_editor import COL_NAME, drafts_of
from claimdesk.gui.menus import shortcut_rows
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.gui.conftest import EXTRACTION_TIMEOUT_MS
from tests.gui.test_settings_dialog import (
    ARTICLE,
    TAB_SCALE,
    Desk,
    child_dialog,
    click_cell,
    click_save,
    desk,  # noqa: F401 - the fixture
    edit_cell,
    open_dialog,
    show_tab,
    stored_scale,
)


def desk_path(window: MainWindow) -> Path:
    path = window.workbench.db.path
    assert isinstance(path, Path)
    return path


def test_a_scale_saved_elsewhere_while_the_dialog_is_open_is_kept(qtbot, desk: Desk) -> None:  # noqa: F811
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_SCALE)
    other = Workbench(open_database(desk.db_path), desk.window.workbench.nlp)
    try:  # a colleague (or a second window) saves the scale meanwhile
        theirs = drafts_of(other.rating_scale())
        theirs[0] = replace(theirs[0], name="Correct")
        other.save_rating_scale([*theirs, RatingDraft("Satire", 0, "#7b1fa2")])
    finally:
        other.db.dispose()
    after_theirs = stored_scale(desk.db_path)
    edit_cell(qtbot, dialog, 4, COL_NAME, "Wrong")  # False
    with qtbot.waitSignal(dialog.ratingScaleChanged) as reloaded:
        click_save(qtbot, dialog)
    box = child_dialog(qtbot, desk.window, QMessageBox, "knownErrorBox")
    assert "changed on this desk since you opened it" in box.text()
    box.close()
    assert dialog.isVisible() and stored_scale(desk.db_path) == after_theirs
    shown = [d.name for d in dialog.scale.model.drafts()]
    assert shown[0] == "Correct" and shown[-1] == "Satire"
    assert [r.name for r in reloaded.args[0].ratings] == shown
    edit_cell(qtbot, dialog, 4, COL_NAME, "Wrong")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    names = [row[1] for row in stored_scale(desk.db_path)]
    assert names[0] == "Correct" and names[4] == "Wrong" and names[-1] == "Satire"


def test_pressing_move_up_until_the_top_does_not_move_the_rating_back_down(
    qtbot, desk: Desk  # noqa: F811
) -> None:
    """At the top, Move up is disabled under the keyboard focus and Qt hands the focus on
    to Move down: the next Space moved the rating straight back down, and so on."""
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_SCALE)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    click_cell(qtbot, dialog, 2)  # Half true
    editor = dialog.scale
    editor.buttons["Up"].setFocus()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert editor.current_row() == 0 and QApplication.focusWidget() is editor.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # one press too many
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # (it began a name edit)
    assert [d.name for d in editor.model.drafts()][:3] == ["Half true", "True", "Mostly true"]
    click_cell(qtbot, dialog, 5)
    editor.buttons["Down"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert editor.current_row() == 6 and QApplication.focusWidget() is editor.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert editor.model.drafts()[-1].name == "Misleading"
    assert dialog.findChild(QColorDialog, "settingsColorDialog") is None  # Colour… is next
    assert dialog.isVisible()


def test_a_rating_key_rates_with_the_rating_the_menu_shows(qtbot, make_window, tmp_path) -> None:
    """Alt+N read the scale afresh while the Rating menu kept the names it was built with:
    once another window or a colleague reordered the scale, Alt+5 ("False" in the menu)
    rated the claim with whatever had become fifth."""
    (tmp_path / "tolls.txt").write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    wb = window.workbench
    article = wb.open_file(tmp_path / "tolls.txt").article_id
    window.show_article(article)
    text = wb.article(article).text
    first = "The port authority said harbour tolls doubled since 2019."
    claim, _ = wb.add_claim(article, text.index(first), text.index(first) + len(first))
    window.show_article(article)
    window.select_claim(claim)
    menu = {a.objectName(): a.text() for a in window.actions()}
    assert menu["rateAction5"] == "False"
    other = Workbench(open_database(desk_path(window)), wb.nlp)
    try:  # the other window moves "False" to the top
        theirs = drafts_of(other.rating_scale())
        other.save_rating_scale([theirs[4], *theirs[:4], *theirs[5:]])
    finally:
        other.db.dispose()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.writes.pending() == 0)
    assert wb.claim(claim).verdict is None  # not "Mostly false", now fifth
    assert "rating scale" in window.statusBar().currentMessage()
    menu = {a.objectName(): a.text() for a in window.actions()}
    assert menu["rateAction1"] == "False"  # the menu shows the scale as it is now
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wb.claim(claim).verdict is not None)
    verdict = wb.claim(claim).verdict
    assert verdict is not None and verdict.rating.name == "False"


def shown(text: str) -> tuple[str, str]:
    """What a menu shows of an action's text, and the Alt+letter it makes of it."""
    visible = re.sub(r"&(.)", r"\1", text)
    return visible, QKeySequence.mnemonic(text).toString()


def test_a_rating_named_with_an_ampersand_shows_it_in_the_menus(qtbot, make_window, tmp_path):
    """Menus read "&" as the mark of the Alt+letter: a rating "Fact & Fiction" showed as
    "Fact  Fiction" in the Rating menu and in Edit → Undo, and took Alt+Space."""
    (tmp_path / "tolls.txt").write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    wb = window.workbench
    ours = drafts_of(wb.rating_scale())
    ours[4] = replace(ours[4], name="Fact & Fiction")
    wb.save_rating_scale(ours)
    window.apply_scale(wb.rating_scale())
    article = wb.open_file(tmp_path / "tolls.txt").article_id
    text = wb.article(article).text
    first = "The port authority said harbour tolls doubled since 2019."
    claim, _ = wb.add_claim(article, text.index(first), text.index(first) + len(first))
    window.show_article(article)
    window.select_claim(claim)
    actions = {a.objectName(): a for a in window.actions()}
    assert shown(actions["rateAction5"].text()) == ("Fact & Fiction", "")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wb.claim(claim).verdict is not None)
    undo = window.findChild(QAction, "undoAction")
    assert undo is not None
    # The label waits for the write queue to empty (the article's own background writes
    # too, slower on a loaded machine).
    qtbot.waitUntil(lambda: "Fact" in undo.text(), timeout=EXTRACTION_TIMEOUT_MS)
    assert shown(undo.text()) == ("Undo Rate as “Fact & Fiction”", "Alt+U")
    assert ("Fact & Fiction", "Alt+5") in shortcut_rows(window.menu_actions)
