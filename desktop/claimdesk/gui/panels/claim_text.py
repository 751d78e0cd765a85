"""The detail pane's claim text: whole when there is room, scrolled when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

#: Lines the claim keeps however short the window; the editor below needs the room more.
MIN_LINES = 2


class ClaimTextArea(QScrollArea):
    """A word-wrapped, selectable label in a scroll area.

    The label alone asked for its whole wrapped height as a minimum: a long claim in a
    1024×700 window (with a two-line Spanish header) left the verdict box less than its
    own minimum, and "Rated by …" was drawn over the explanation. Here the claim asks
    for its whole height but gives way down to MIN_LINES, then scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="claimText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet("font-size: 11pt; padding: 4px 0;")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop for Tab

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def _whole_height(self) -> int:
        width = max(1, self.viewport().width() or self.width())
        return self.label.heightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._whole_height())

    def minimumSizeHint(self) -> QSize:
        self.label.ensurePolished()
        lines = MIN_LINES * self.label.fontMetrics().lineSpacing() + 8  # the padding
        return QSize(0, min(lines, self._whole_height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a new width wraps the claim to another height
