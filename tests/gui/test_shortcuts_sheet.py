"""Help → Keyboard shortcuts lists the real window's actions, grouped by menu, filterable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog

from claimdesk.gui.dialogs.shortcuts_sheet import ShortcutsSheet, menu_groups, show_shortcuts
from claimdesk.gui.menus import shortcut_rows


def test_sheet_lists_every_shortcut_under_its_menu(qtbot, make_window) -> None:
    window = make_window()
    rows = shortcut_rows(window.menu_actions)
    assert len(rows) >= 10
    sheet = show_shortcuts(window, rows)
    qtbot.waitExposed(sheet)
    assert sheet.isVisible()
    assert sorted(sheet.visible_rows()) == sorted(rows)

    tree = sheet.tree
    groups = {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }
    assert {"File", "Claim", "View"} <= set(groups)
    assert "Open" in groups["File"]
    assert "Mark as done" in groups["Claim"]
    assert "Filter claims" in groups["View"]
    where = menu_groups(window)
    assert where["Edit verdict"] == "Claim"
    # Within a menu the rows keep the menu's order.
    assert groups["Claim"] == [text for text, _ in rows if where[text] == "Claim"]


def test_filter_narrows_by_action_or_keys(qtbot, make_window) -> None:
    window = make_window()
    rows = shortcut_rows(window.menu_actions)
    sheet = show_shortcuts(window, rows)
    qtbot.waitExposed(sheet)
    assert sheet.focusWidget() is sheet.filter  # focused as soon as the sheet is active

    qtbot.keyClicks(sheet.filter, "mark as")
    assert {text for text, _ in sheet.visible_rows()} == {
        "Mark as to do",
        "Mark as in progress",
        "Mark as done",
    }
    hidden_groups = {
        sheet.tree.topLevelItem(i).text(0)
        for i in range(sheet.tree.topLevelItemCount())
        if sheet.tree.topLevelItem(i).isHidden()
    }
    assert "File" in hidden_groups and "Claim" not in hidden_groups

    sheet.filter.clear()
    qtbot.keyClicks(sheet.filter, "ctrl+shift")
    narrowed = sheet.visible_rows()
    assert narrowed
    assert all("ctrl+shift" in keys.casefold() for _, keys in narrowed)
    assert len(narrowed) < len(rows)

    sheet.filter.clear()
    qtbot.keyClicks(sheet.filter, "no such action")
    assert sheet.visible_rows() == []
    assert sheet.none_label.isVisible()
    sheet.filter.clear()
    assert len(sheet.visible_rows()) == len(rows)
    assert not sheet.none_label.isVisible()


def test_escape_closes_the_sheet(qtbot, make_window) -> None:
    window = make_window()
    sheet = show_shortcuts(window, shortcut_rows(window.menu_actions))
    qtbot.waitExposed(sheet)
    with qtbot.waitSignal(sheet.finished, timeout=2000) as signal:
        qtbot.keyClick(sheet.filter, Qt.Key.Key_Escape)
    assert signal.args == [QDialog.DialogCode.Rejected.value]


def test_without_menus_rows_are_sorted_and_rows_without_keys_left_out(qtbot) -> None:
    sheet = ShortcutsSheet([("Quit", "Ctrl+Q"), ("About", ""), ("Export report", "Ctrl+Shift+E")])
    qtbot.addWidget(sheet)
    assert sheet.visible_rows() == [("Export report", "Ctrl+Shift+E"), ("Quit", "Ctrl+Q")]
    assert sheet.tree.topLevelItemCount() == 2


def test_the_sheet_also_lists_the_keys_of_the_window_s_panels(qtbot, make_window) -> None:
    """Ctrl+V on the Sources list (paste files onto the note) worked but was in no menu,
    so the sheet, which listed only menu actions, never said so. Every key the sheet
    shows is one the window really has."""
    window = make_window()
    sheet = window.dialogs.show_shortcuts()
    qtbot.waitExposed(sheet)
    paste = window.detail.findChild(QShortcut)
    assert paste is not None and paste.isEnabled()
    keys = paste.key().toString(QKeySequence.SequenceFormat.NativeText)
    assert (paste.whatsThis(), keys) in sheet.visible_rows()
    assert "paste" in paste.whatsThis().casefold()
    real = {a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            for a in window.findChildren(QAction)} | {keys}  # fmt: skip
    assert {k for _text, k in sheet.visible_rows()} <= real
    sheet.close()
