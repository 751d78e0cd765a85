"""macOS hands Finder's "Open with" files to the running app as FileOpen events."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """An application event filter that opens FileOpen events' files.

    It is a child of the application, so neither Python's cycle collector nor the end of
    whatever installed it can tear its wrapper down while Qt still calls it (every event
    of the application passes through it); `open_path` must not keep its owner alive.
    """

    def __init__(self, open_path: Callable[[str], object], app: QObject) -> None:
        super().__init__(app)
        self.open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open_path(event.file())
            return True
        return super().eventFilter(watched, event)


def install(app: QObject, open_path: Callable[[str], object]) -> FileOpenFilter:
    """Put one FileOpen filter on `app`, replacing the one installed before."""
    for old in app.findChildren(FileOpenFilter):
        app.removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    added = FileOpenFilter(open_path, app)
    app.installEventFilter(added)
    return added
