"""Batch import in the window: a progress dialog with cancel, then a summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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
    dialog = QProgressDialog(
        QCoreApplication.translate("BatchImport", "Looking for articles…"),
        QCoreApplication.translate("BatchImport", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setObjectName("batchProgress")
    dialog.setWindowTitle(QCoreApplication.translate("BatchImport", "Importing articles"))
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
        dialog.setLabelText(
            QCoreApplication.translate(
                "BatchImport", "Importing article {number} of {total}…"
            ).format(number=min(step + 1, total), total=total)
        )

    def finished(result: BatchResult) -> None:
        dialog.close()
        dialog.deleteLater()
        show_summary(parent, result)
        done(result)

    job = jobs.run("batch import", work, finished, None, progress)
    job.finished.connect(dialog.close)
    dialog.canceled.connect(job.cancel)
    return job


def summary_box(
    parent: QWidget, title: str, summary: str, name: str, lines: list[str], warn: bool
) -> QMessageBox:
    """An import's summary, its per-file lines under "Show Details…"; opened, not run."""
    icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, summary, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    if lines:
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_summary(parent: QWidget, result: BatchResult) -> QMessageBox:
    lines = [
        QCoreApplication.translate("BatchImport", "Imported: {path}").format(path=p)
        for p, _ in result.imported
    ]
    lines += [
        QCoreApplication.translate("BatchImport", "Already in the library: {path}").format(path=p)
        for p, _ in result.duplicates
    ]
    lines += [
        QCoreApplication.translate("BatchImport", "Refused: {path}: {why}").format(path=p, why=why)
        for p, why in result.refused
    ]
    # The summary and the refusal reasons come from the services, in English.
    return summary_box(
        parent,
        QCoreApplication.translate("BatchImport", "Import finished"),
        result.summary(),
        "batchSummary",
        lines,
        warn=bool(result.refused),
    )
