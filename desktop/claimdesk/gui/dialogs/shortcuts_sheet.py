"""Help → Keyboard shortcuts: every action with keys, grouped by menu, with a filter box."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.menus import shown
from claimdesk.gui.screen_fit import resize_within_screen

#: The group of actions found in no menu.
OTHER = QT_TRANSLATE_NOOP("ShortcutsSheet", "Other")


def _clean(text: str) -> str:
    """Menu text as shortcut_rows shows it: no mnemonic ampersands, no trailing "…"."""
    return shown(text).rstrip("…")


def menu_groups(window: QMainWindow) -> dict[str, str]:
    """Action text (cleaned like menus.shortcut_rows) → title of the menu that holds it."""
    groups: dict[str, str] = {}
    for top in window.menuBar().actions():
        menu = top.menu()  # a QMenu, or None for a bare action on the menu bar
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if not action.isSeparator() and action.text():
                groups.setdefault(_clean(action.text()), _clean(top.text()))
    return groups


class ShortcutsSheet(QDialog):
    """Lists (action, keys) rows; typing in the box keeps the rows whose action or keys match.

    With `groups` (action text → menu title) the rows sit under their menu in the order
    given; without, they are one list sorted by action. Esc closes it.
    """

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        groups: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = [(text, keys) for text, keys in rows if keys]
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []  # by menu
        self._items: list[QTreeWidgetItem] = []  # one per row, top to bottom

        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutFilter")
        self.filter.setPlaceholderText(self.tr("Filter by action or keys"))
        self.filter.setAccessibleName(self.filter.placeholderText())
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.installEventFilter(self)

        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTree")
        self.tree.setAccessibleName(self.windowTitle())
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._fill(groups)

        self.none_label = QLabel(self.tr("No shortcut matches."))
        self.none_label.setObjectName("shortcutsNone")
        self.none_label.setStyleSheet("color: palette(mid);")
        self.none_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.none_label)
        layout.addWidget(buttons)
        resize_within_screen(self, max(440, self._width_for_rows()), 560)
        self.filter.setFocus()

    def _fill(self, groups: Mapping[str, str] | None) -> None:
        if not groups:
            for text, keys in sorted(self.rows, key=lambda r: r[0].casefold()):
                self._items.append(QTreeWidgetItem(self.tree, [text, keys]))
            return
        members: dict[str, list[tuple[str, str]]] = {}
        for text, keys in self.rows:
            members.setdefault(groups.get(text, OTHER), []).append((text, keys))
        order = [g for g in members if g != OTHER] + ([OTHER] if OTHER in members else [])
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in order:
            head = QTreeWidgetItem([self.tr(OTHER) if group == OTHER else group])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            kids = [QTreeWidgetItem(head, list(row)) for row in members[group]]
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            head.setExpanded(True)
            self._groups.append((head, kids))
            self._items += kids

    def _width_for_rows(self) -> int:
        """The width that shows every action and its keys whole (a translation runs longer)."""
        metrics = self.tree.fontMetrics()
        action = max((metrics.horizontalAdvance(i.text(0)) for i in self._items), default=0)
        keys = max((metrics.horizontalAdvance(i.text(1)) for i in self._items), default=0)
        padding = 4 * metrics.horizontalAdvance("M")  # cell margins, frames, layout margins
        scroll_bar = self.tree.verticalScrollBar().sizeHint().width()
        return self.tree.indentation() + action + keys + padding + scroll_bar

    def apply_filter(self, text: str) -> None:
        """Keep the rows whose action or keys contain every word of `text` (any case)."""
        words = text.casefold().split()
        for item in self._items:
            haystack = f"{item.text(0)} {item.text(1)}".casefold()
            item.setHidden(not all(w in haystack for w in words))
        for head, kids in self._groups:
            head.setHidden(all(k.isHidden() for k in kids))
        self.none_label.setVisible(not self.visible_rows())

    def visible_rows(self) -> list[tuple[str, str]]:
        """(action, keys) of the rows the filter keeps, top to bottom."""
        return [(item.text(0), item.text(1)) for item in self._items if not item.isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the filter box walks into the list, so the keyboard never has to leave.
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


def show_shortcuts(parent: QWidget, rows: Sequence[tuple[str, str]]) -> ShortcutsSheet:
    """Open the sheet without blocking; grouped by menu when `parent` is the main window."""
    groups = menu_groups(parent) if isinstance(parent, QMainWindow) else None
    sheet = ShortcutsSheet(rows, parent, groups)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.open()
    return sheet
