"""File → Restore from backup: the database's backups, and bringing one back safely."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.models.row_model import RowCacheModel
from claimdesk.services import backups
from claimdesk.services.backups import BackupInfo, RestoreResult

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Made"),
    QT_TRANSLATE_NOOP("Columns", "Why"),
    QT_TRANSLATE_NOOP("Columns", "Articles"),
    QT_TRANSLATE_NOOP("Columns", "Verdicts"),
    QT_TRANSLATE_NOOP("Columns", "Size"),
)
COL_MADE, COL_KIND, COL_ARTICLES, COL_VERDICTS, COL_SIZE = range(len(COLUMNS))
KIND_LABELS = {
    backups.DAILY: QT_TRANSLATE_NOOP("RestoreDialog", "Daily"),
    backups.MANUAL: QT_TRANSLATE_NOOP("RestoreDialog", "Made by hand"),
    backups.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("RestoreDialog", "Before an upgrade"),
    backups.BEFORE_IMPORT: QT_TRANSLATE_NOOP("RestoreDialog", "Before a bundle import"),
    backups.BEFORE_RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
}


def made_text(info: BackupInfo) -> str:
    """The date in the user's locale, with seconds (two copies can share a minute)."""
    when = QDateTime.fromSecsSinceEpoch(int(info.made.timestamp()))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


class BackupsModel(RowCacheModel[BackupInfo]):
    """Rows of BackupInfo, newest first, as the service lists them."""

    COLUMNS = COLUMNS

    def cell(self, row: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            unreadable = "?"
            return (
                made_text(row),
                QCoreApplication.translate("RestoreDialog", KIND_LABELS.get(row.kind, row.kind)),
                unreadable if row.articles is None else QLocale().toString(row.articles),
                unreadable if row.verdicts is None else QLocale().toString(row.verdicts),
                QLocale().formattedDataSize(row.size),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Lists the backups; Restore (Enter) asks first, then restores off the GUI thread.

    `restored` carries the RestoreResult; the window then reopens the database.
    """

    restored = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        database: Path,
        folder: Path,
        jobs: JobRunner,
        errors: ErrorReporter,
        lock: threading.Lock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumSize(620, 360)
        self.database, self.folder = Path(database), Path(folder)
        self.jobs, self.errors, self.lock = jobs, errors, lock

        intro = QLabel(
            self.tr(
                "Backups of {name}, newest first. Restoring one first keeps the "
                "current file aside as a “before a restore” backup, so nothing is lost."
            ).format(name=self.database.name),
            wordWrap=True,
        )
        self.model = BackupsModel(self)
        self.table = QTableView(objectName="restoreTable")
        self.table.setTabKeyNavigation(False)  # Tab reaches the buttons; arrows pick a copy
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "No backups yet. ClaimDesk makes one each day it opens this database, and "
                "before upgrades and bundle imports. They are kept in {folder}."
            ).format(folder=self.folder),
            objectName="restoreEmpty",
            wordWrap=True,
        )
        self.status = QLabel(objectName="restoreStatus")
        self.buttons = QDialogButtonBox(objectName="restoreButtons")
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)  # Enter in the table restores the chosen row

        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.empty, self.status, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self.ask)
        self.buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _index: self.ask())
        self.table.selectionModel().selectionChanged.connect(self._sync_button)
        self.reload()

    def reload(self) -> None:
        self.model.reload(backups.list_backups(self.database, self.folder))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._sync_button()

    def _sync_button(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def ask(self) -> QMessageBox | None:
        """Confirm (non-blocking) before restoring the selected backup."""
        chosen = self.selected()
        if chosen is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from backup"),
            self.tr(
                "Make {name} what it was on {when} ({holds})?\n\n"
                "The current file is kept aside first as a “before a restore” backup, which "
                "this list then shows, so you can go back to it."
            ).format(name=self.database.name, when=made_text(chosen), holds=chosen.holds()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("restoreConfirm")
        confirm = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(confirm)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.start(chosen) if button is confirm else None)
        box.open()
        return box

    def start(self, chosen: BackupInfo) -> None:
        """Restore off the GUI thread: two copies of a large file take a moment."""
        self.buttons.setEnabled(False)
        self.table.setEnabled(False)
        self.status.setText(
            self.tr("Restoring the backup of {when}…").format(when=made_text(chosen))
        )
        self.jobs.run(
            "restore backup",
            lambda _job: backups.restore(self.database, chosen.path, self.folder, self.lock),
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, result: RestoreResult) -> None:
        self.status.setText(result.summary())
        self.restored.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.status.clear()
        self.buttons.setEnabled(True)
        self.table.setEnabled(True)
        self.reload()
        self.errors.report(exc)
