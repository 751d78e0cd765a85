"""The one shape of our Qt models: a cache of immutable rows that a service refills."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class RowCacheModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen records; subclasses say what each cell shows in `cell`.

    A model never owns data: the view's owner calls `reload` with fresh rows from a
    service whenever the service reports a change (STYLE: Qt models keep a cache).
    """

    #: Header texts, marked QT_TRANSLATE_NOOP("Columns", …) and translated when shown.
    COLUMNS: tuple[str, ...] = ("",)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def reload(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            text = self.COLUMNS[section]
            return QCoreApplication.translate("Columns", text) if text else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: T, column: int, role: int) -> Any:
        """What `row` shows in `column` for `role` (None for nothing)."""
        raise NotImplementedError
