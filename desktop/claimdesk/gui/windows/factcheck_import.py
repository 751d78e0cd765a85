"""File → Import fact-checks…: the library import off the GUI thread, then its summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from claimdesk.gui.i18n import format_number
from claimdesk.gui.jobs import Job
from claimdesk.gui.windows.batch_import import summary_box
from claimdesk.gui.windows.checked_before import CheckedBefore
from claimdesk.gui.windows.host import WindowHelper, WindowParts
from claimdesk.services.factcheck_import import FactCheckImport, import_factcheck_files


class FactCheckImporter(WindowHelper):
    """Imports ClaimReview files, saved pages, feeds and CSV; then vectors fill in the
    background and the claims are matched again."""

    def __init__(self, parts: WindowParts, checked: CheckedBefore) -> None:
        super().__init__(parts)
        self.checked = checked
        self.summary: QMessageBox | None = None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent,
            self.tr("Import fact-checks"),
            str(Path.home()),
            self.tr("Fact-checks (*.json *.jsonld *.html *.htm *.csv *.gz *.zip);;All files (*)"),
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str | Path]) -> Job:
        """Read and store `paths` in a job, with a progress dialog; the summary follows."""
        files = [str(p) for p in paths]
        dialog = QProgressDialog(self.tr("Reading fact-checks…"), "", 0, len(files), self.parent)
        dialog.setObjectName("factcheckImportProgress")
        dialog.setWindowTitle(self.tr("Importing fact-checks"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # The import stores every file in one write at the end: it cannot stop half-way,
        # so the dialog offers no cancel that would pretend to.
        dialog.setCancelButton(None)
        db = self.checked.matcher.db

        def work(job: Job) -> FactCheckImport:
            seen = [0]

            def progress(_path: str) -> None:
                job.report(seen[0], len(files))
                seen[0] += 1

            return import_factcheck_files(db, files, progress)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            dialog.setLabelText(
                self.tr("Reading file {number} of {total}…").format(number=done + 1, total=total)
            )

        def finished(result: FactCheckImport) -> None:
            dialog.close()
            dialog.deleteLater()
            self.summary = self.show_summary(result)
            if result.added or result.updated:
                self.checked.library_changed()
                self.checked.fill_vectors()

        job = self.jobs.run("import fact-checks", work, finished, None, progress)
        job.finished.connect(dialog.close)
        return job

    def show_summary(self, result: FactCheckImport) -> QMessageBox:
        """The counts in one line; each file's count or refusal on a line of its own."""
        lines = [
            (self.tr("{path}: 1 fact-check") if n == 1
             else self.tr("{path}: {count} fact-checks")).format(path=p, count=format_number(n))
            for p, n in result.per_file
        ]
        lines += [
            self.tr("Refused: {path}: {why}").format(path=p, why=why)
            for p, why in result.refused
        ]
        # The summary and the refusal reasons come from the services, in English.
        return summary_box(
            self.parent, self.tr("Fact-checks imported"), result.summary(),
            "factcheckSummary", lines, warn=bool(result.refused),
        )  # fmt: skip
