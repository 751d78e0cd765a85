"""The window's dialogs: article properties, export, settings, search, shortcuts, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from claimdesk.errors import KnownError
from claimdesk.gui.about import show_about
from claimdesk.gui.export_dialog import ExportDialog
from claimdesk.gui.menus import shortcut_rows
from claimdesk.gui.metadata_dialog import MetadataDialog
from claimdesk.gui.restore_dialog import RestoreDialog
from claimdesk.gui.search_panel import SearchDialog
from claimdesk.gui.settings_dialog import SettingsDialog
from claimdesk.gui.shortcuts_sheet import ShortcutsSheet, show_shortcuts
from claimdesk.services.backups import RestoreResult, folder_of

if TYPE_CHECKING:
    from claimdesk.gui.main_window import MainWindow


class Dialogs:
    """Opens the window's dialogs (non-blocking) and routes what they return."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._search: SearchDialog | None = None

    def edit_metadata(self) -> MetadataDialog | None:
        if self.window.article_id is None:
            return None
        article_id = self.window.article_id
        dialog = MetadataDialog(self.window, self.window.workbench.article(article_id))

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                try:
                    self.window.apply_changes(
                        self.window.workbench.update_metadata(article_id, dialog.metadata())
                    )
                except KnownError as exc:
                    self.window.errors.report(exc)

        dialog.finished.connect(done)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_report(self) -> ExportDialog:
        """The export dialog, non-modal so the checker can keep it beside the work."""
        self.window.detail.save_explanation()
        dialog = ExportDialog(
            self.window,
            self.window.reporting,
            self.window.jobs,
            self.window.errors,
            self.window.article_id,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        self.window.detail.save_explanation()
        dialog = SettingsDialog(
            self.window, self.window.workbench, self.window.errors, self.window.workbench.db.path
        )
        dialog.settingsChanged.connect(self.window.apply_changes)
        dialog.deskSettingsSaved.connect(self.window.apply_desk_settings)
        dialog.ratingScaleChanged.connect(self.window.apply_scale)
        dialog.openDatabaseRequested.connect(self.window.databaseSwitchRequested.emit)
        dialog.newDatabaseRequested.connect(self.window.databaseSwitchRequested.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restore_backup(self) -> RestoreDialog:
        """File → Restore from backup; afterwards the window reopens the restored file."""
        self.window.detail.save_explanation()  # so the before-restore copy holds it
        db = self.window.workbench.db
        dialog = RestoreDialog(
            self.window, db.path, folder_of(db), self.window.jobs, self.window.errors,
            db.write_lock,
        )  # fmt: skip
        dialog.restored.connect(self._restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _restored(self, result: RestoreResult) -> None:
        # Nothing shown belongs to the restored file: the old window must not save it there.
        self.window.detail.show_claim(None)
        self.window.statusBar().showMessage(result.summary())
        self.window.databaseSwitchRequested.emit(result.database)

    def open_search(self) -> SearchDialog:
        """The desk-wide search (one dialog, kept for the session)."""
        if self._search is None:
            self._search = SearchDialog(self.window.workbench, self.window.jobs, self.window)
            self._search.resultActivated.connect(self._search_result)
        self._search.open_search()
        return self._search

    def _search_result(self, article_id: int, claim_id: int | None) -> None:
        if article_id != self.window.article_id:
            self.window.show_article(article_id)
        if claim_id is not None:
            self.window.claims_panel.show_all.setChecked(
                self.window.claims_panel.show_all.isChecked()
                or not self.select_claim_visible(claim_id)
            )
            self.window.select_claim(claim_id)

    def select_claim_visible(self, claim_id: int) -> bool:
        return any(c.id == claim_id for c in self.window.claims_panel.visible_claims())

    def show_shortcuts(self) -> ShortcutsSheet:
        return show_shortcuts(self.window, shortcut_rows(self.window.menu_actions))

    def show_about(self) -> QDialog:
        """Version, licence and the third-party notices shipped with the app."""
        return show_about(self.window, self.window.workbench.db.path)
