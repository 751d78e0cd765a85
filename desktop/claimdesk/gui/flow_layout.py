"""A row of widgets that wraps onto further rows when it is too narrow (a filter bar)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapped onto a new row where the next one
    would not fit; a row's items that expand horizontally share the room it leaves.

    An item never gets less than its minimum size nor more than the row is wide, so a
    narrow panel shows every item whole, one under the other if need be, rather than
    squeezing them until their text is cut.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # ------------------------------------------------------------------ QLayout

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        width = sum(self._width(i) for i in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest item, one item a row."""
        shown = self._shown()
        width = max((i.minimumSize().width() for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    # ------------------------------------------------------------------ placing

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _width(item: QLayoutItem) -> int:
        return max(item.sizeHint().width(), item.minimumSize().width())

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        found = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        return found if found >= 0 else 6

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            need = min(self._width(item), width)
            if rows and used + self._gap() + need <= width:
                rows[-1].append(item)
                used += self._gap() + need
            else:
                rows.append([item])
                used = need
        return rows

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); the height that takes."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        width = max(1, area.width())
        y = area.y()
        for n, row in enumerate(self._rows(width)):
            widths = [min(self._width(i), width) for i in row]
            spare = width - sum(widths) - self._gap() * (len(row) - 1)
            growing = [
                k for k, i in enumerate(row) if i.expandingDirections() & Qt.Orientation.Horizontal
            ]
            for turn, k in enumerate(growing):
                share = spare // len(growing) + (1 if turn < spare % len(growing) else 0)
                widths[k] += max(0, share)
            height = max(i.sizeHint().height() for i in row)
            if n:
                y += self._vertical_gap()
            x = area.x()
            for item, w in zip(row, widths, strict=True):
                h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
                if move:  # mirrored in a right-to-left window, as QHBoxLayout is
                    place = QRect(QPoint(x, y + (height - h) // 2), QSize(w, h))
                    item.setGeometry(QStyle.visualRect(self._direction(), area, place))
                x += w + self._gap()
            y += height
        return y - area.y() + m.top() + m.bottom()

    def _direction(self) -> Qt.LayoutDirection:
        parent = self.parentWidget()
        return parent.layoutDirection() if parent is not None else Qt.LayoutDirection.LeftToRight

    def _vertical_gap(self) -> int:
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        found = (
            style.pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing, None, parent)
            if style is not None
            else -1
        )
        return found if found >= 0 else self._gap()

