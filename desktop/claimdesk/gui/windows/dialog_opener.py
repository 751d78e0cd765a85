"""The window's dialogs: article properties, export, settings, search, shortcuts, about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from claimdesk.errors import StaleReference
from claimdesk.gui.dialogs.about import show_about
from claimdesk.gui.dialogs.metadata_dialog import MetadataDialog
from claimdesk.gui.dialogs.restore_dialog import RestoreDialog
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog
from claimdesk.gui.dialogs.shortcuts_sheet import ShortcutsSheet, show_shortcuts
from claimdesk.gui.menus import panel_shortcut_rows, shortcut_rows
from claimdesk.gui.panels.search_panel import SearchDialog
from claimdesk.gui.windows.host import WindowHelper, WindowParts
from claimdesk.nlp.language import DetectedLanguage
from claimdesk.services.backups import RestoreResult, folder_of
from claimdesk.services.changes import Changes
from claimdesk.services.reporting import Reporting
from claimdesk.services.search import Search

if TYPE_CHECKING:
    from claimdesk.gui.dialogs.export_dialog import ExportDialog


class Dialogs(WindowHelper):
    """Opens the window's dialogs (non-blocking) and routes what they return."""

    def __init__(self, parts: WindowParts, reporting: Reporting, search: Search) -> None:
        super().__init__(parts)
        self.reporting = reporting
        self.search = search
        self._search: SearchDialog | None = None

    def edit_metadata(self) -> MetadataDialog | None:
        if self.host.article_id is None:
            return None
        article_id = self.host.article_id
        dialog = MetadataDialog(self.parent, self.workbench.article(article_id))

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                metadata, language = dialog.metadata(), dialog.chosen_language()
                self.writes.submit(
                    lambda: self.workbench.update_metadata(article_id, metadata, language),
                    self.host.apply_changes,
                )

        def detected(found: DetectedLanguage) -> None:
            if isValid(dialog):  # the checker may have closed it meanwhile
                dialog.show_detected(found)

        dialog.finished.connect(done)
        # Off the GUI thread: the first detection of a session reads the model (~1 s).
        self.jobs.run(
            f"detect language {article_id}",
            lambda _job: self.workbench.detected_language(article_id),
            on_success=detected,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_report(self) -> ExportDialog:
        """The export dialog, non-modal so the checker can keep it beside the work."""
        # Imported here: the report renderers and their templates (jinja2) are not needed
        # until the first export, and the window shows sooner without them.
        from claimdesk.gui.dialogs.export_dialog import ExportDialog

        self.detail.save_explanation()
        dialog = ExportDialog(
            self.parent,
            self.reporting,
            self.jobs,
            self.errors,
            self.host.article_id,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        self.detail.save_explanation()
        # A shared desk has no file: its file dialogs start in the home folder (issue 16).
        where = self.workbench.db.path or Path.home()
        dialog = SettingsDialog(self.parent, self.workbench, self.errors, where, self.host.settings)
        dialog.settingsChanged.connect(self.host.apply_changes)
        dialog.deskSettingsSaved.connect(self.host.apply_desk_settings)
        dialog.ratingScaleChanged.connect(self.host.apply_scale)
        dialog.openDatabaseRequested.connect(self.host.switch_database)
        dialog.newDatabaseRequested.connect(self.host.switch_database)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restore_backup(self) -> RestoreDialog:
        """File → Restore from backup; afterwards the window reopens the restored file."""
        self.detail.save_explanation()  # so the before-restore copy holds it
        db = self.workbench.db
        folder = folder_of(db)  # a shared desk: DatabaseError, its backups are the server's
        assert db.path is not None
        dialog = RestoreDialog(
            self.parent, db.path, folder, self.jobs, self.errors, db.write_lock
        )
        dialog.restored.connect(self._restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _restored(self, result: RestoreResult) -> None:
        # Nothing shown belongs to the restored file: the old window must not save it there.
        self.detail.show_claim(None)
        self.host.show_status(result.summary(), 0)
        self.host.switch_database(result.database)

    def open_search(self) -> SearchDialog:
        """The desk-wide search (one dialog, kept for the session)."""
        if self._search is None:
            self._search = SearchDialog(self.search, self.jobs, self.parent)
            self._search.resultActivated.connect(self._search_result)
        self._search.open_search()
        return self._search

    def _search_result(self, article_id: int, claim_id: int | None) -> None:
        if article_id != self.host.article_id:
            self.host.show_article(article_id)
        if claim_id is not None and not self._claim_exists(claim_id):
            # Deleted or merged since the search: say so, and leave the filters alone.
            if self.host.article_id == article_id:
                self.host.apply_changes(Changes(claim_sets=frozenset({article_id})))
            self.host.show_status(
                self.tr("That claim no longer exists: it was deleted or merged since the search."),
                8000,
            )
            return
        if claim_id is not None:
            self.claims_panel.show_all.setChecked(
                self.claims_panel.show_all.isChecked() or not self.select_claim_visible(claim_id)
            )
            self.claims_panel.reveal(claim_id)  # even when another filter hides it

    def _claim_exists(self, claim_id: int) -> bool:
        try:
            self.workbench.claim(claim_id)
        except StaleReference:
            return False
        return True

    def select_claim_visible(self, claim_id: int) -> bool:
        return any(c.id == claim_id for c in self.claims_panel.visible_claims())

    def show_shortcuts(self) -> ShortcutsSheet:
        rows = shortcut_rows(self.actions) + panel_shortcut_rows(self.parent)
        return show_shortcuts(self.parent, rows)

    def show_about(self) -> QDialog:
        """Version, licence and the third-party notices shipped with the app."""
        return show_about(self.parent, self.workbench.db.path)
