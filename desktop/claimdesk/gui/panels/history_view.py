"""A claim's history for the detail pane: who changed its status or verdict, and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import ClaimStatus, HistoryEntry, HistoryField
from claimdesk.domain.review import review_state
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, format_datetime, label
from claimdesk.gui.models.row_model import RowCacheModel
from claimdesk.gui.panels.row_delegate import TextRowDelegate

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "When"),
    QT_TRANSLATE_NOOP("Columns", "Who"),
    QT_TRANSLATE_NOOP("Columns", "What"),
)
COL_WHEN, COL_WHO, COL_WHAT = range(len(COLUMNS))
#: Shown for "no verdict" (before the first rating, after clearing it).
NONE = "—"
#: The view grows with its rows up to this many, then scrolls.
MAX_VISIBLE_ROWS = 6
# ...and never shows fewer (the detail pane scrolls instead): at 1024×700 it was one.
MIN_VISIBLE_ROWS = 4
_TOOLTIP_CHARS = 400
translate = QCoreApplication.translate
_WRAP = int(Qt.TextFlag.TextWordWrap)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def _status(value: str | None) -> str:
    try:
        return label(ClaimStatus(value or "").label)
    except ValueError:
        return value or NONE


def _review(value: str | None) -> str:
    return label(review_state(value).label) if value else NONE


def describe(entry: HistoryEntry) -> str:
    """One line: "Status: To do → Done", "Verdict: — → False", "Explanation edited"."""
    if entry.field is HistoryField.STATUS:
        return translate("HistoryView", "Status: {old} → {new}").format(
            old=_status(entry.old), new=_status(entry.new)
        )
    if entry.field is HistoryField.VERDICT:
        return translate("HistoryView", "Verdict: {old} → {new}").format(
            old=label(entry.old) if entry.old else NONE, new=label(entry.new) if entry.new else NONE
        )
    if entry.field is HistoryField.SOURCE:
        return translate("HistoryView", "Source added: {name}").format(name=entry.new or NONE)
    if entry.field is HistoryField.ASSIGNEE:
        return translate("HistoryView", "Assigned: {old} → {new}").format(
            old=entry.old or NONE, new=entry.new or NONE
        )
    if entry.field is HistoryField.REVIEW:
        return translate("HistoryView", "Review: {old} → {new}").format(
            old=_review(entry.old), new=_review(entry.new)
        )
    return translate("HistoryView", "Explanation edited")


def when_text(entry: HistoryEntry) -> str:
    return format_datetime(entry.at)


def who_text(entry: HistoryEntry) -> str:
    return entry.who or translate("HistoryView", "unknown")


def _clip(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        return translate("HistoryView", "(empty)")
    return text if len(text) <= _TOOLTIP_CHARS else text[: _TOOLTIP_CHARS - 1] + "…"


def _details(entry: HistoryEntry) -> str:
    head = f"{describe(entry)}\n{who_text(entry)}, {format_datetime(entry.at, seconds=True)}"
    if entry.field is HistoryField.EXPLANATION:
        before = translate("HistoryView", "Before:")
        after = translate("HistoryView", "After:")
        return f"{head}\n\n{before}\n{_clip(entry.old)}\n\n{after}\n{_clip(entry.new)}"
    return head


class HistoryModel(RowCacheModel[HistoryEntry]):
    """Rows of HistoryEntry in the order given; `reload` replaces them."""

    COLUMNS = COLUMNS

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def cell(self, entry: HistoryEntry, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (when_text(entry), who_text(entry), describe(entry))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _details(entry)
        if role == self.EntryRole:
            return entry
        return None


class _EntryDelegate(TextRowDelegate):
    """Paints what changed over who and when, each wrapped to the row's width (a long
    translated line reads whole in a narrow pane, not cut with "…")."""

    ROW_ROLE = HistoryModel.EntryRole
    ROW_TYPE = HistoryEntry
    PAD = 3

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return QFont(option.font), small

    def row_height(self, option: QStyleOptionViewItem) -> int:
        """A row whose two lines need no wrapping."""
        big, small = self._fonts(option)
        return 2 * self.PAD + QFontMetrics(big).height() + QFontMetrics(small).height() + 1

    def _text_rect(self, rect: QRect) -> QRect:
        return rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)

    def _lines(self, entry: HistoryEntry) -> tuple[str, str]:
        return describe(entry), f"{who_text(entry)} · {when_text(entry)}"

    def _heights(self, option: QStyleOptionViewItem, entry: HistoryEntry, width: int) -> list[int]:
        """Each line's height wrapped at `width` (the text's, inside the margins)."""
        room = QRect(0, 0, max(width, 20), 100_000)
        return [
            QFontMetrics(font).boundingRect(room, _WRAP, text).height()
            for font, text in zip(self._fonts(option), self._lines(entry), strict=True)
        ]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        entry = index.data(self.ROW_ROLE)
        view = self.parent()
        # The row is as wide as the list's viewport (option.rect is not set here).
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        if not isinstance(entry, HistoryEntry) or width <= 0:
            return QSize(160, self.row_height(option))
        text_width = self._text_rect(QRect(0, 0, width, 100)).width()
        return QSize(160, 2 * self.PAD + sum(self._heights(option, entry, text_width)) + 1)

    def paint_row(
        self, painter: QPainter, opt: QStyleOptionViewItem, color: QColor, entry: HistoryEntry
    ) -> None:
        dim = QColor(color)
        dim.setAlphaF(0.65)
        big, small = self._fonts(opt)
        rect = self._text_rect(opt.rect)
        top_height, _ = self._heights(opt, entry, rect.width())
        what, who_when = self._lines(entry)
        lines = (
            (big, color, what, QRect(rect.left(), rect.top(), rect.width(), top_height)),
            (
                small,
                dim,
                who_when,
                QRect(
                    rect.left(),
                    rect.top() + top_height + 1,
                    rect.width(),
                    rect.height() - top_height - 1,
                ),
            ),
        )
        painter.save()
        for font, pen, text, box in lines:
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(box, _TOP_LEFT | _WRAP, text)
        painter.restore()


class _CompactList(QListView):
    """A list as tall as its rows (up to MAX_VISIBLE_ROWS), so a short history stays short,
    and never shorter than MIN_VISIBLE_ROWS of them (a short window scrolls the pane)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._rows_high(MAX_VISIBLE_ROWS))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._rows_high(MIN_VISIBLE_ROWS))

    def _rows_high(self, most: int) -> int:
        """The height of the first `most` rows (one empty row when there are none)."""
        model = self.model()
        rows = min(model.rowCount() if model is not None else 0, most)
        heights = [self.sizeHintForRow(r) for r in range(rows)] or [self._row_height()]
        return sum(heights) + 2 * self.frameWidth()

    def _row_height(self) -> int:
        delegate = self.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(self)
        return delegate.row_height(option) if isinstance(delegate, _EntryDelegate) else 24

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped rows: another width, other heights


class HistoryView(QWidget):
    """The history of one claim, newest change first, or a line saying there is none.

    Each row reads "Status: To do → Done" over "Ana · 2026-11-24 10:20"; the tooltip
    has the exact time and, for an explanation edit, the text before and after.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.model = HistoryModel(self)
        self.list = _CompactList()
        self.list.setObjectName("historyList")
        self.list.setModel(self.model)
        self.list.setModelColumn(COL_WHAT)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        # Rows wrap to the width: each its own height, laid out again on a resize.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("No status or verdict changes yet."))
        self.empty.setObjectName("historyEmpty")
        self.empty.setWordWrap(True)  # a long translation must not widen the detail pane
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.show_history([])

    def show_history(self, entries: list[HistoryEntry], *, newest_first: bool = True) -> None:
        """Show `entries` (Workbench.history gives them oldest first)."""
        rows = sorted(entries, key=lambda e: (e.at, e.id), reverse=newest_first)
        self.model.reload(rows)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.list.updateGeometry()

    def clear(self) -> None:
        self.show_history([])

    def count(self) -> int:
        return self.model.rowCount()

    def lines(self) -> list[str]:
        """What each row says, top to bottom ("when · who · what"), for tests and copying."""
        return [f"{when_text(e)} · {who_text(e)} · {describe(e)}" for e in self.model.rows()]
