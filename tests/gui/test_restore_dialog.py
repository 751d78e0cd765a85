"""File → Restore from backup on the real window: pick a copy, Enter, confirm, see it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from claimdesk.app import build_services
from claimdesk.domain import ArticleMetadata
from claimdesk.gui.application import RunningWindow
from claimdesk.gui.dialogs.restore_dialog import COL_ARTICLES, COL_VERDICTS, RestoreDialog
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.services import backups
from tests.reports.casework import build_case


@pytest.fixture
def desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningWindow]:
    """The running app over a small case file; opening it made the day's backup."""
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    case = build_case(tmp_path / "case")
    case.close()
    running = RunningWindow(QApplication.instance(), build_services(case.workbench.db.path), None)
    qtbot.addWidget(running.window)
    yield running
    running.window.jobs.wait(60_000)
    running.window.close()
    running.services.close()


def titles(window: MainWindow) -> list[str]:
    return [row.title for row in window.library_model.rows()]


def open_restore(qtbot, window: MainWindow) -> RestoreDialog:
    window.menu_actions["restoreBackupAction"].trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def confirmation(qtbot, dialog: RestoreDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "restoreConfirm") is not None)
    box = dialog.findChild(QMessageBox, "restoreConfirm")
    qtbot.waitUntil(box.isVisible)
    return box


def test_restore_brings_the_backup_back_into_the_window(qtbot, desk: RunningWindow) -> None:
    window = desk.window
    path, folder = desk.services.db.path, desk.services.paths.backups
    (daily,) = backups.list_backups(path, folder)
    bridge = next(r.id for r in window.library_model.rows() if r.title == "Bridge")
    window.apply_changes(
        window.workbench.update_metadata(bridge, ArticleMetadata(title="Edited after the backup"))
    )
    assert "Edited after the backup" in titles(window)

    dialog = open_restore(qtbot, window)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, COL_ARTICLES).data() == "2"
    assert dialog.model.index(0, COL_VERDICTS).data() == "3"
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the first row
    assert dialog.selected() == daily
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    box = confirmation(qtbot, dialog)
    assert "kept aside" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: desk.window is not window, timeout=30_000)
    assert not window.isVisible()
    assert "Bridge" in titles(desk.window)
    assert "Edited after the backup" not in titles(desk.window)
    kinds = sorted(b.kind for b in backups.list_backups(path, folder))
    assert kinds == ["before-restore", "daily"]


def test_cancel_and_escape_leave_the_database_alone(qtbot, desk: RunningWindow) -> None:
    window = desk.window
    before = desk.services.db.path.read_bytes()
    dialog = open_restore(qtbot, window)
    dialog.table.selectRow(0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = confirmation(qtbot, dialog)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert desk.window is window
    assert len(backups.list_backups(desk.services.db.path, desk.services.paths.backups)) == 1
    assert desk.services.db.path.read_bytes() == before


def test_backups_to_keep_is_set_in_the_settings(qtbot, desk: RunningWindow) -> None:
    window = desk.window
    window.menu_actions["settingsAction"].trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.backups_keep.value() == 10
    dialog.backups_keep.setValue(3)
    assert dialog.save()
    assert window.workbench.settings().backups_keep == 3
