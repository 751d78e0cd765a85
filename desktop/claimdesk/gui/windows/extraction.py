"""Runs claim extraction one article at a time, with progress and cancel in the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from claimdesk.errors import StaleReference
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench

#: The extraction stopped because the checker cancelled it (not an error to report).
CANCELLED = ("ExtractionCancelled",)


class ExtractionQueue(QObject):
    """spaCy pipelines are not made for concurrent use, so articles wait for their turn."""

    extracted = Signal(object)  # Changes
    idle = Signal()

    def __init__(
        self,
        workbench: Workbench,
        jobs: JobRunner,
        status_bar: QStatusBar,
        report_error: Callable[[BaseException], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.jobs = jobs
        self.status_bar = status_bar
        self.report_error = report_error
        self.running: dict[int, Job] = {}
        self.waiting: list[int] = []
        self.progress = QProgressBar(objectName="jobProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelJob")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_all)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)

    def busy(self) -> bool:
        return bool(self.running or self.waiting)

    def request(self, article_id: int) -> Job | None:
        """Extract now, or after the running extraction; None when queued."""
        if article_id in self.running:
            return self.running[article_id]
        if self.running:
            if article_id not in self.waiting:
                self.waiting.append(article_id)
            return None
        return self._start(article_id)

    def _start(self, article_id: int) -> Job:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status_bar.showMessage(self.tr("Finding claims… (loading the language model)"))

        def work(job: Job) -> Changes:
            return self.workbench.extract(
                article_id, progress=job.report, cancelled=job.is_cancelled
            )

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            self.status_bar.showMessage(self.tr("Finding claims…"))

        def finished(changes: Changes) -> None:
            self.running.pop(article_id, None)
            self.status_bar.showMessage(self.tr("Claims found."), 4000)
            self.extracted.emit(changes)
            self._next()

        def failed(exc: BaseException) -> None:
            self.running.pop(article_id, None)
            if type(exc).__name__ in CANCELLED:
                self.status_bar.showMessage(self.tr("Claim extraction cancelled."), 5000)
            else:
                self.report_error(exc)
            self._next()

        job = self.jobs.run(f"extract {article_id}", work, finished, failed, progress)
        self.running[article_id] = job
        return job

    def _next(self) -> None:
        while self.waiting:
            article_id = self.waiting.pop(0)
            try:
                pending = self.workbench.needs_extraction(article_id)
            except StaleReference:
                continue
            if pending:
                self._start(article_id)
                return
        if not self.running:
            self.progress.hide()
            self.cancel_button.hide()
            self.idle.emit()

    def cancel_all(self) -> None:
        self.waiting.clear()
        for job in self.running.values():
            job.cancel()
