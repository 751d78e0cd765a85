"""Batch import in the window: a progress dialog with cancel, then a summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.services.batch import BatchResult, article_files, import_files
from claimdesk.services.workbench import Workbench


def run_batch_import(
    parent: QWidget,
    jobs: JobRunner,
    workbench: Workbench,
    paths: list[str] | list[Path],
    done: Callable[[BatchResult], None],
) -> Job:
    """Import `paths` (files and folders) off the GUI thread with visible progress."""
    dialog = QProgressDialog("Looking for articles…", "Cancel", 0, 0, parent)
    dialog.setObjectName("batchProgress")
    dialog.setWindowTitle("Importing articles")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def work(job: Job) -> BatchResult:
        files = article_files(paths)
        return import_files(workbench, files, progress=job.report, cancelled=job.is_cancelled)

    def progress(step: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(step)
        dialog.setLabelText(f"Importing article {min(step + 1, total)} of {total}…")

    def finished(result: BatchResult) -> None:
        dialog.close()
        dialog.deleteLater()
        show_summary(parent, result)
        done(result)

    job = jobs.run("batch import", work, finished, None, progress)
    job.finished.connect(dialog.close)
    dialog.canceled.connect(job.cancel)
    return job


def show_summary(parent: QWidget, result: BatchResult) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if result.refused else QMessageBox.Icon.Information
    box = QMessageBox(
        icon, "Import finished", result.summary(), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("batchSummary")
    lines = [f"Imported: {p}" for p, _ in result.imported]
    lines += [f"Already in the library: {p}" for p, _ in result.duplicates]
    lines += [f"Refused: {p}: {why}" for p, why in result.refused]
    if lines:
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
