"""A scroll area for a side pane: the pane fills it, and scrolls only below its minimum."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PaneScroll(QScrollArea):
    """Shows `pane` at the viewport's size, or taller when the pane's widgets need more.

    QScrollArea's own resizable mode lays a pane with wrapped labels out at its preferred
    height for the width, so the pane scrolled even with room enough for its minimum.
    Here the pane is as tall as the viewport unless its minimum height for that width is
    more: only then does a scroll bar appear (and Tab scrolls to the widget it reaches).
    """

    def __init__(self, pane: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(pane)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(pane.minimumSizeHint().width() + bar)
        pane.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def needed_height(self, width: int) -> int:
        """The least height the pane's widgets fit in at `width`."""
        pane = self.widget()
        if pane is None:
            return 0
        layout = pane.layout()
        least = pane.minimumSizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            least = max(least, layout.minimumHeightForWidth(width))
        return least

    def fit(self) -> None:
        pane, viewport = self.widget(), self.viewport()
        if pane is None:
            return
        width = viewport.width()
        height = max(viewport.height(), self.needed_height(width))
        if pane.size().width() != width or pane.size().height() != height:
            pane.resize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self.viewport() and kind == QEvent.Type.Resize) or (
            watched is self.widget() and kind == QEvent.Type.LayoutRequest
        ):
            self.fit()
        return super().eventFilter(watched, event)
