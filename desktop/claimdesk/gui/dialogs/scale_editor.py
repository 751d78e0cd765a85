"""The rating-scale editor of the settings: names, order, colours, ClaimReview values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import RatingDraft, RatingScale
from claimdesk.domain.review import name_key
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, label
from claimdesk.services.desk_settings import rating_name

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)

SCALE_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Rating"),
    QT_TRANSLATE_NOOP("Columns", "ClaimReview value"),
    QT_TRANSLATE_NOOP("Columns", "Colour"),
)
COL_NAME, COL_VALUE, COL_COLOR = range(len(SCALE_COLUMNS))
MAX_VALUE = 100  # what the Workbench accepts
NEW_RATING_COLOR = "#9e9e9e"


def note(text: str) -> QLabel:
    """Explanatory text; plain text colour, as grey (palette mid) reads poorly on Fusion."""
    return QLabel(text, wordWrap=True)


def named(widget: W, name: str) -> W:
    """`widget` with its objectName set (the tests and the lead find widgets by it)."""
    widget.setObjectName(name)
    return widget


def drafts_of(scale: RatingScale) -> list[RatingDraft]:
    return [RatingDraft(r.name, r.value, r.color, r.id) for r in scale.ratings]


def shown_alike(drafts: Sequence[RatingDraft]) -> tuple[str, int, int] | None:
    """Two ratings whose names differ as stored but read the same in the window's
    language (a default one translated, "False" as "Falso", and one typed "falso"): the
    name as shown and their rows, numbered from 1 as the editor shows them; None if none.

    The scale's own check (services.desk_settings.checked_scale) compares the stored
    names and knows no translation; two such ratings look like one in every menu.
    """
    seen: dict[str, tuple[int, str]] = {}
    for row, draft in enumerate(drafts, start=1):
        key = name_key(rating_name(label(draft.name)))
        if key in seen and name_key(seen[key][1]) != name_key(draft.name):
            return label(seen[key][1]), seen[key][0], row
        seen.setdefault(key, (row, draft.name))
    return None


class RatingScaleModel(QAbstractTableModel):
    """The scale being edited, as RatingDrafts in order; nothing is stored until Save."""

    def __init__(self, drafts: list[RatingDraft], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(drafts)

    def drafts(self) -> list[RatingDraft]:
        return list(self._rows)

    def reload(self, drafts: list[RatingDraft]) -> None:
        self.beginResetModel()
        self._rows = list(drafts)
        self.endResetModel()

    def draft_at(self, row: int) -> RatingDraft | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def insert_draft(self, row: int, draft: RatingDraft) -> None:
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, draft)
        self.endInsertRows()

    def remove_draft(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move_draft(self, row: int, delta: int) -> bool:
        """Move one rating up (-1) or down (+1); the order is the scale's order."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        # Qt wants the row the item lands before, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (delta > 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return True

    def unused_name(self, base: str | None = None) -> str:
        base = base or self.tr("New rating")
        names = {d.name.casefold() for d in self._rows}
        n = 1
        while (name := base if n == 1 else f"{base} {n}").casefold() in names:
            n += 1
        return name

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SCALE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if not 0 <= section < len(SCALE_COLUMNS):
            return None
        return QCoreApplication.translate("Columns", SCALE_COLUMNS[section])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (COL_NAME, COL_VALUE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        draft = self.draft_at(index.row()) if index.isValid() else None
        if draft is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # A default rating's name in the window's language, as the menus show it.
            return (label(draft.name), draft.value, draft.color)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_COLOR:
            return QColor(draft.color)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_VALUE:
            return self.tr("What ClaimReview publishes; 0 keeps this rating off the numeric scale.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        draft = self.draft_at(index.row()) if index.isValid() else None
        if draft is None or role != Qt.ItemDataRole.EditRole:
            return False
        name, number, color = draft.name, draft.value, draft.color
        if index.column() == COL_NAME and isinstance(value, str):
            # A name left as shown (a default one, translated) stays stored as it was,
            # also with stray spaces (the scale stores it trimmed): "Falso " stored as
            # "Falso" would rename the desk's "False", and bundles match ratings by name.
            name = draft.name if rating_name(value) == label(draft.name) else value
        elif index.column() == COL_VALUE and isinstance(value, int) and 0 <= value <= MAX_VALUE:
            number = value
        elif index.column() == COL_COLOR and isinstance(value, str) and QColor(value).isValid():
            color = QColor(value).name()
        else:
            return False
        self._rows[index.row()] = RatingDraft(name, number, color, draft.id)
        self.dataChanged.emit(index, index)
        return True


class _ValueDelegate(QStyledItemDelegate):
    """Edits the ClaimReview value in a spin box limited to what the Workbench accepts."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != COL_VALUE:
            return super().createEditor(parent, option, index)
        return named(QSpinBox(parent, minimum=0, maximum=MAX_VALUE), "settingsRatingValueEditor")


class RatingScaleEditor(QWidget):
    """Table of the edited scale with add, remove, move and colour buttons."""

    def __init__(self, drafts: list[RatingDraft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RatingScaleModel(drafts, self)
        self.view = named(QTableView(), "settingsScaleView")
        self.view.setModel(self.model)
        # Tab reaches the buttons (an edited name still goes on to the next with Tab).
        self.view.setTabKeyNavigation(False)
        self.view.setItemDelegate(_ValueDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_VALUE, COL_COLOR):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(
            lambda index: self.choose_color() if index.column() == COL_COLOR else None
        )
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_buttons)
        side = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions: list[tuple[str, str, Callable[[], object]]] = [
            ("Add", self.tr("&Add"), self.add_rating),
            ("Remove", self.tr("Remo&ve"), self.remove_rating),
            ("Up", self.tr("Move &up"), lambda: self.move_rating(-1)),
            ("Down", self.tr("Move do&wn"), lambda: self.move_rating(1)),
            ("Color", self.tr("Co&lour…"), self.choose_color),
        ]
        for key, text, slot in actions:
            self.buttons[key] = button = named(QPushButton(text), f"settingsRating{key}")
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note(self.tr(
            "Best rating first. Claims keep their rating when you rename, recolour or move "
            "it; a rating that claims use cannot be removed. Double-click a name or value "
            "to edit it; ClaimReview publishes the value (0 = not on the numeric scale)."
        )))  # fmt: skip
        self._update_buttons()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, COL_NAME))

    def _update_buttons(self, *_args: object) -> None:
        row, count = self.current_row(), self.model.rowCount()
        focused = next((b for b in self.buttons.values() if b.hasFocus()), None)
        self.buttons["Remove"].setEnabled(row >= 0 and count > 1)
        self.buttons["Up"].setEnabled(row > 0)
        self.buttons["Down"].setEnabled(0 <= row < count - 1)
        self.buttons["Color"].setEnabled(row >= 0)
        if focused is not None and not focused.isEnabled():
            # Qt hands the focus to the next button (Move up → Move down → Colour…), so
            # the next Space would undo the move or open a dialog: go back to the rating.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_rating(self) -> None:
        """Add a rating below the current one and start editing its name."""
        row = self.current_row()
        row = row + 1 if row >= 0 else self.model.rowCount()
        self.model.insert_draft(row, RatingDraft(self.model.unused_name(), 0, NEW_RATING_COLOR))
        self.select_row(row)
        self.view.edit(self.model.index(row, COL_NAME))

    def remove_rating(self) -> None:
        """Take the current rating out of the edited scale (Save refuses one in use)."""
        row = self.current_row()
        self.model.remove_draft(row)
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_rating(self, delta: int) -> None:
        row = self.current_row()
        if self.model.move_draft(row, delta):
            self.select_row(row + delta)
            self._update_buttons()

    def choose_color(self) -> QColorDialog | None:
        """Ask for the current rating's colour (non-blocking; returns the open dialog)."""
        draft = self.model.draft_at(self.current_row())
        if draft is None:
            return None
        target = QPersistentModelIndex(self.model.index(self.current_row(), COL_COLOR))
        dialog = named(QColorDialog(QColor(draft.color), self), "settingsColorDialog")
        dialog.setWindowTitle(self.tr("Colour of “{name}”").format(name=label(draft.name)))
        dialog.colorSelected.connect(lambda color: self.model.setData(target, color.name()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
