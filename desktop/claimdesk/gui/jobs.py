"""The one way to run long work: a QRunnable whose results come back on the GUI thread."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def _log_failure(exc: BaseException, _tb: str) -> None:
    log.warning("a job failed after its owner closed: %s", exc)


class Job(QObject):
    """Handle of one background job: progress, cancellation and its outcome.

    The worker emits the private signals; because the Job lives on the GUI thread and
    its slots are bound methods, Qt queues those calls onto the GUI thread.
    """

    _succeeded = Signal(object)
    _failed = Signal(object, str)
    _progressed = Signal(int, int)
    finished = Signal()

    def __init__(
        self,
        name: str,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException, str], object],
        on_progress: Callable[[int, int], None] | None,
        on_done: Callable[[Job], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.done = False
        self._cancel = threading.Event()
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_done = on_done
        #: Where a failure goes once the owner is gone (the runner sets its default, the
        #: window's error reporter, so an export failing after its dialog closed is said).
        self.orphan_failure: Callable[[BaseException, str], object] = _log_failure
        self._succeeded.connect(self._handle_success)
        self._failed.connect(self._handle_failure)
        self._progressed.connect(self._handle_progress)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Thread-safe progress report from inside the job."""
        self._progressed.emit(done, total)

    @Slot()
    def orphan(self) -> None:
        """Its owner is gone: cancel it and let its outcome reach nobody.

        A panel or dialog closed while its job runs is deleted before the result comes
        back; calling into it then reaches a deleted C++ object (a RuntimeError, or a
        crash when Qt gets there first).
        """
        self.cancel()
        self._on_success = None
        self._on_progress = None
        self._on_failure = self.orphan_failure

    @Slot(object)
    def _handle_success(self, result: Any) -> None:
        self._mark_done()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object, str)
    def _handle_failure(self, exc: BaseException, tb: str) -> None:
        self._mark_done()
        self._on_failure(exc, tb)

    @Slot(int, int)
    def _handle_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.done:
            self._on_progress(done, total)

    def _mark_done(self) -> None:
        self.done = True
        self._on_done(self)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.job = job
        self.fn = fn
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:
            log.debug("job %s failed", self.job.name, exc_info=True)
            self.job._failed.emit(exc, traceback.format_exc())
        else:
            self.job._succeeded.emit(result)


class JobRunner(QObject):
    """Starts jobs on a thread pool and calls back on the GUI thread.

    `on_success(result)` or `on_failure(exc)` runs on the GUI thread; a failure with no
    handler goes to `default_failure` (the window's error reporter), so none is lost.
    """

    job_started = Signal(object)
    job_finished = Signal(object)

    def __init__(
        self,
        default_failure: Callable[[BaseException, str], object],
        parent: QObject | None = None,
        max_threads: int = 2,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._default_failure = default_failure
        self._active: set[Job] = set()

    def run(
        self,
        name: str,
        fn: Callable[[Job], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        owner: QObject | None = None,
    ) -> Job:
        """Starts `fn(job)` on the pool. With an `owner` (the panel or dialog that shows
        the outcome), the job is orphaned when the owner is destroyed: cancelled, and
        its callbacks never called."""
        def failure(exc: BaseException, tb: str) -> None:
            if on_failure is not None:
                on_failure(exc)
            else:
                self._default_failure(exc, tb)

        job = Job(name, on_success, failure, on_progress, self._finish, self)
        if owner is not None:
            job.orphan_failure = self._default_failure
            owner.destroyed.connect(job.orphan)
        self._active.add(job)
        self.job_started.emit(job)
        self._pool.start(_Runnable(job, fn))
        return job

    def _finish(self, job: Job) -> None:
        self._active.discard(job)
        self.job_finished.emit(job)
        job.deleteLater()

    def active(self) -> list[Job]:
        return list(self._active)

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (used when the window closes)."""
        for job in self._active:
            job.cancel()
        return self._pool.waitForDone(msecs)
