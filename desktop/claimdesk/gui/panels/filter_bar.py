"""Pieces of the claims filter bar that keep their text whole when the panel is narrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QStyleOptionComboBox, QWidget

#: Filter combos are at least this many characters wide (their popups show whole items).
COMBO_CHARS = 11


class FilterCombo(QComboBox):
    """A filter combo never narrower than the item it shows (a long translation, a long
    speaker's name), however narrow the panel: the filter bar wraps it instead."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        # Sized by a few characters and the current item, not by the longest item.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(COMBO_CHARS)
        self.currentTextChanged.connect(lambda _text: self.updateGeometry())

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self._fits_current())

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(self._fits_current())

    def _fits_current(self) -> QSize:
        """The size that shows the current item whole, as Qt sizes a combo to its items."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.currentText())
        if not self.itemIcon(self.currentIndex()).isNull():
            width += self.iconSize().width() + 4
        contents = QSize(width, max(metrics.height(), self.iconSize().height()))
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, contents, self
        )


class PlaceholderFit(QObject):
    """Keeps a line edit at least wide enough for its whole placeholder (with its frame,
    margins and clear button), also after a theme or font change."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        edit.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        metrics = self.edit.fontMetrics()
        # QLineEdit's size hint is 17 "x" wide plus its frame, margins and side buttons.
        around = self.edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        self.edit.setMinimumWidth(
            metrics.horizontalAdvance(self.edit.placeholderText()) + max(0, around) + 2
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (
            QEvent.Type.StyleChange, QEvent.Type.FontChange
        ):  # fmt: skip
            self.fit()
        return False
