"""Shows in the status bar that the window waits for another ClaimDesk's write."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QStatusBar

#: Long enough to bridge the waits between two notes (the writer repeats every 5 s).
SHOW_MS = 7000


class WriteWaitNotice(QObject):
    """The Workbench's `waiting` callback for a window: safe from any thread.

    From a worker the note is queued to the GUI thread. On the GUI thread itself (a
    quick edit waiting for the lock) the bar is repainted at once: the event loop is
    not running meanwhile, and processing events there could start another write.
    """

    _noted = Signal(str)

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self._bar = status_bar
        self._noted.connect(self._show)

    def __call__(self, message: str) -> None:
        if QThread.currentThread() is self.thread():
            self._show(message)
            self._bar.repaint()
        else:
            self._noted.emit(message)

    @Slot(str)
    def _show(self, message: str) -> None:
        self._bar.showMessage(message, SHOW_MS)
