"""Alt+letter in the dialogs, in every interface language: one letter, one control."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from tests.gui.test_translations import spanish  # noqa: F401 (a fixture)

ALT = Qt.KeyboardModifier.AltModifier


def shown_mnemonics(dialog: QDialog) -> dict[str, list[str]]:
    """Letter → texts of the controls shown now with that Alt+letter (tab titles too)."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in dialog.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QLabel, QGroupBox)) or w.window() is not dialog:
            continue
        if not w.isVisibleTo(dialog):
            continue
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        if m := re.search(r"&(\w)", text):
            found[m.group(1).casefold()].append(text)
    for tabs in dialog.findChildren(QTabWidget):
        for i in range(tabs.count()):
            if m := re.search(r"&(\w)", tabs.tabText(i)):
                found[m.group(1).casefold()].append(tabs.tabText(i))
    return found


def clashes(dialog: QDialog) -> dict[str, list[str]]:
    return {k: v for k, v in shown_mnemonics(dialog).items() if len(v) > 1}


def every_settings_page_has_its_own_letters(qtbot, window) -> None:
    dialog = window.dialogs.open_settings()
    try:
        for i in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda i=i: dialog.tabs.widget(i).isVisible())
            assert not clashes(dialog), dialog.tabs.tabText(i)
    finally:
        dialog.reject()


def test_settings_letters_are_unique_on_every_page(make_window, qtbot) -> None:
    every_settings_page_has_its_own_letters(qtbot, make_window())


@pytest.mark.usefixtures("spanish")
def test_spanish_settings_letters_are_unique_on_every_page(make_window, qtbot) -> None:
    """Spanish "&Elegir…" and "&Borrar" took the letters of the tabs "&Escala de calificación" and
    "&Base de datos" (so did "&Bajar" and "Abrir &otra…"): Alt+B only moved the focus."""
    window = make_window()
    every_settings_page_has_its_own_letters(qtbot, window)
    dialog = window.dialogs.open_settings()
    dialog.tabs.setCurrentIndex(1)  # Organización
    qtbot.waitUntil(lambda: dialog.tabs.widget(1).isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_B, ALT)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "&Base de datos"
    dialog.reject()
