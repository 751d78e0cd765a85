"""SIGTERM (`kill`, a logout) and Ctrl+C in the terminal close the window as its close
button does: the explanation being typed and the queued edits are saved first, an open
source note's fields are kept as a draft (panels/source_drafts.py). A second
one while the window still waits for them ends the run at once (`on_stop`'s `again`).

Python's own handlers raise (KeyboardInterrupt, the commands' Terminated) in whatever
Python code runs next, and in the window that is a Qt callback, most often the
application's event filter: Qt printed "Error calling Python override of
QObject::eventFilter()", the crash dialog opened and the window stayed. While the window
runs, the handlers here raise nothing; the signal's number, written by Python to a socket
(signal.set_wakeup_fd), wakes the event loop, whose slot then closes the window.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Slot

#: The exit codes the commands give for the same signals (128 + the signal's number).
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
#: What the terminal is told, as the commands tell it.
SAID = {signal.SIGINT: "Interrupted.", signal.SIGTERM: "Stopped."}


def _note(_signum: int, _frame: FrameType | None) -> None:
    """Raise nothing: the wake-up byte carries the signal to the event loop."""


class StopOnSignal(QObject):
    """From install() to uninstall(): SIGTERM and SIGINT call `stop` once, then `again` at
    each further one, on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The first stopping signal received, if any.
        self.received: signal.Signals | None = None
        self._stop: Callable[[], None] | None = None
        self._again: Callable[[], None] | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, _note) for sig in EXIT_CODES}

    def on_stop(self, stop: Callable[[], None], again: Callable[[], None] | None = None) -> None:
        """Call `stop` on a stopping signal; at once if one came before there was a window.
        A second signal (Ctrl+C pressed again) calls `again`."""
        self._stop = stop
        self._again = again
        if self.received is not None:
            stop()

    @Slot()
    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(512)
        except OSError:  # nothing more to read
            return
        for number in numbers:
            if number not in EXIT_CODES:
                continue
            if self.received is None:
                self.received = signal.Signals(number)
                if self._stop is not None:
                    self._stop()
            elif self._again is not None:
                self._again()

    def exit_code(self) -> int | None:
        return None if self.received is None else EXIT_CODES[self.received]

    def said(self) -> str | None:
        return None if self.received is None else SAID[self.received]

    def uninstall(self) -> None:
        """Give the signals back to the handlers they had before."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
