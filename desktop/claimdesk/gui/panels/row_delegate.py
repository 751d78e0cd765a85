"""Our two-line list delegates: Qt draws the row's background, the subclass draws the text."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


class TextRowDelegate(QStyledItemDelegate):
    """Paints rows whose ROW_ROLE holds a ROW_TYPE record; other rows paint as usual."""

    ROW_ROLE: ClassVar[int]
    ROW_TYPE: ClassVar[type]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(self.ROW_ROLE)
        if not isinstance(row, self.ROW_TYPE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # paint_row draws the text
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        self.paint_row(painter, opt, opt.palette.color(role), row)

    def paint_row(
        self, painter: QPainter, opt: QStyleOptionViewItem, color: QColor, row: Any
    ) -> None:
        """Draw `row`'s text in `opt.rect` (selection and focus are drawn already)."""
        raise NotImplementedError
