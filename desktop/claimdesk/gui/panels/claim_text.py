"""The detail pane's claim text: whole when there is room, scrolled when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

#: Lines of a claim always shown: a longer claim scrolls within them. Below that the
#: detail pane scrolls as a whole (the main window puts it in a scroll area), so a short
#: window never squeezes the verdict form under the claim nor draws one over the other.
MIN_LINES = 8


class ClaimTextArea(QScrollArea):
    """A word-wrapped, selectable label in a scroll area.

    The label alone asked for its whole wrapped height as a minimum, however long the
    claim (a 233-word sentence is one claim): here it asks for at most MIN_LINES.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="claimText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A font and margins, not a style sheet: a style sheet fixed the palette the label
        # was first shown with, so after a switch to the dark theme it stayed a light box.
        font = self.label.font()
        font.setPointSize(11)
        self.label.setFont(font)
        self.label.setContentsMargins(0, 4, 0, 4)
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
