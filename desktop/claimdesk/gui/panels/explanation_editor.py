"""The verdict's explanation editor: five lines asked for, three kept in a short window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPlainTextEdit


def lines_high(editor: QPlainTextEdit, lines: int) -> int:
    """The height that shows `lines` lines of text in `editor`, frame and margins included."""
    return lines * editor.fontMetrics().lineSpacing() + 2 * (editor.frameWidth() + 4)


class ExplanationEditor(QPlainTextEdit):
    """The explanation editor: it asks for five lines, not Qt's default of about twelve.

    Tab moves on to the sources (a tab character has no place in a verdict), so the
    keyboard is never trapped in the editor.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), lines_high(self, 5))
