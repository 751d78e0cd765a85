"""Menus from a declarative table, so every action has one name, one shortcut, one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

Shortcut = str | QKeySequence.StandardKey | None


@dataclass(frozen=True, slots=True)
class Act:
    """One menu action: object name, menu text, what it does, its keys.

    `text` is the English source, marked QT_TRANSLATE_NOOP("Menus", …) where it is
    written and translated here, so object names stay English in every language.
    """

    name: str
    text: str
    slot: Callable[[], object]
    keys: Shortcut = None
    checkable: bool = False


#: A menu is its title and its actions; None draws a separator.
MenuSpec = Sequence[tuple[str, Sequence[Act | None]]]


def plain(text: str) -> str:
    """User text (a rating name, an undo label) for a menu item: a menu reads "&" as the
    mark of its Alt+letter, so it is doubled to show as itself and make none."""
    return text.replace("&", "&&")


def shown(text: str) -> str:
    """A menu item's text as the menu shows it: "&&" is "&", any other "&" marks a key."""
    return re.sub(r"&(.)", r"\1", text)


def build_menus(window: QMainWindow, spec: MenuSpec) -> dict[str, QAction]:
    """Create the menu bar from `spec`; actions are also added to the window for shortcuts."""
    actions: dict[str, QAction] = {}
    for title, entries in spec:
        menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", title))
        menu.setObjectName("menu" + title.replace("&", ""))
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            action = QAction(QCoreApplication.translate("Menus", entry.text), window)
            action.setObjectName(entry.name)
            if entry.keys is not None:
                action.setShortcut(QKeySequence(entry.keys))
            action.setCheckable(entry.checkable)
            slot = entry.slot
            if entry.checkable:
                action.toggled.connect(slot)
            else:
                # triggered(bool) would pass `checked` to slots with optional arguments.
                action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            window.addAction(action)
            actions[entry.name] = action
    return actions


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action text, keys) for every action that has a shortcut, for the shortcuts sheet."""
    rows = []
    for action in actions.values():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((shown(action.text()).rstrip("…"), keys))
    return rows


def panel_shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(description, keys) of the window's QShortcuts that have a description (whatsThis):
    keys that work in one panel and belong to no menu, such as Ctrl+V on the sources."""
    rows = []
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and shortcut.whatsThis():
            rows.append((shortcut.whatsThis(), keys))
    return rows
