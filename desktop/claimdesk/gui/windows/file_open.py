"""macOS hands Finder's "Open with" files to the running app as FileOpen events."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """An application event filter that opens FileOpen events' files."""

    def __init__(self, open_path: Callable[[str], object]) -> None:
        super().__init__()
        self.open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open_path(event.file())
            return True
        return super().eventFilter(watched, event)
