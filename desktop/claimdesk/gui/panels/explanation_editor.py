"""The verdict's explanation editor: five lines asked for, three kept in a short window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit


def lines_high(editor: QPlainTextEdit, lines: int) -> int:
    """The height that shows `lines` lines of text in `editor`, frame and margins included."""
    return lines * editor.fontMetrics().lineSpacing() + 2 * (editor.frameWidth() + 4)


class ExplanationEditor(QPlainTextEdit):
    """The explanation editor: it asks for five lines, not Qt's default of about twelve.

    Tab moves on to the sources (a tab character has no place in a verdict), so the
    keyboard is never trapped in the editor. Ctrl+Z and Ctrl+Shift+Z undo and redo the
    typing here; with no typing to undo or redo they are the window's Undo and Redo.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            nothing_to_undo = (
                event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()
            )
            nothing_to_redo = (
                event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()
            )
            if nothing_to_undo or nothing_to_redo:
                event.ignore()  # not ours: the shortcut goes to the window's action
                return False
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), lines_high(self, 5))
