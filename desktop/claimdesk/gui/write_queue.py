"""The window's writes: at once when the lock is free, else in order on one background writer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.jobs import JobRunner
from claimdesk.services.workbench import Workbench
from claimdesk.services.write_path import WriteBusy
from claimdesk.storage.writer import WAITING

T = TypeVar("T")

#: Shown while writes wait for the lock, by who holds it.
SAVING_AFTER_IMPORT = QT_TRANSLATE_NOOP("WriteQueue", "Saving when the bundle import finishes…")
SAVING_AFTER_OTHER = QT_TRANSLATE_NOOP(
    "WriteQueue", "Saving when the other ClaimDesk finishes writing…"
)
SAVED = QT_TRANSLATE_NOOP("WriteQueue", "Saved.")


class WriteQueue(QObject):
    """Runs the window's writes without ever freezing it.

    The rule: a write asked for on the GUI thread runs there at once only if nothing is
    queued and the lock is free within a moment (the in-process lock is waited for 0.1 s,
    SQLite's for 0.2 s: `Workbench.quick`). Otherwise the same call goes to ONE serial
    background writer, which runs queued writes in the order they were asked for (a
    later write queues behind earlier ones even if the lock is free by then), waiting
    as long as a write normally waits. Its result (`done`) or error is handled on the
    GUI thread when it finishes. While writes are queued the status bar says so;
    `drained` is emitted when the last one has finished, and the window does not close
    before that, so nothing the checker did is dropped.
    """

    drained = Signal()
    #: The number of queued writes changed (the undo actions follow it).
    pendingChanged = Signal(int)

    def __init__(
        self,
        workbench: Workbench,
        report: Callable[[BaseException], object],
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self._report = report
        self._bar = status_bar
        self._runner = JobRunner(lambda exc, _tb: report(exc), self, max_threads=1)
        self._pending = 0

    def pending(self) -> int:
        """How many writes are queued or running in the background."""
        return self._pending

    def submit(
        self,
        call: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run `call` (a Workbench write), then `done(result)` on the GUI thread.

        Returns True if it ran at once, False if it was queued. An exception goes to
        `failed` (default: the window's error reporter).
        """
        if self._pending == 0:
            try:
                with self.workbench.quick():
                    result = call()
            except WriteBusy as busy:
                self._queue(call, done, failed, busy.in_process)
                return False
            except Exception as exc:
                (failed or self._report)(exc)
                return True
            done(result)
            return True
        self._queue(call, done, failed, None)
        return False

    def _queue(
        self,
        call: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None,
        in_process: bool | None,
    ) -> None:
        self._pending += 1
        self.pendingChanged.emit(self._pending)
        if in_process is not None:
            self._bar.showMessage(
                self.tr(SAVING_AFTER_IMPORT if in_process else SAVING_AFTER_OTHER)
            )

        def succeeded(result: Any) -> None:
            try:
                done(result)
            finally:
                self._finished()

        def failure(exc: BaseException) -> None:
            try:
                (failed or self._report)(exc)
            finally:
                self._finished()

        self._runner.run("save", lambda _job: call(), succeeded, failure)

    def _finished(self) -> None:
        self._pending -= 1
        self.pendingChanged.emit(self._pending)
        if self._pending == 0:
            # Replace only our own notes (a finished undo says "Undone: …" instead).
            note = self._bar.currentMessage()
            ours = (self.tr(SAVING_AFTER_IMPORT), self.tr(SAVING_AFTER_OTHER))
            if note in ours or note.startswith(WAITING):
                self._bar.showMessage(self.tr(SAVED), 3000)
            self.drained.emit()
