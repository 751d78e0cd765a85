"""The detail pane's source-note actions: add, edit (on the version shown), remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from claimdesk.domain import SourceDraft
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.panels.source_drafts import SourceNoteDrafts
from claimdesk.services.changes import Changes

if TYPE_CHECKING:
    from claimdesk.gui.panels.detail_pane import DetailPane


class SourceNoteEdits:
    """The source-note buttons' actions of one DetailPane (`pane`)."""

    def __init__(self, pane: DetailPane) -> None:
        self.pane = pane
        self._sel_connected = False
        #: Told (claim id, True) when a note dialog opens and (claim id, False) when it
        #: closes: on a shared desk the others see the claim being edited.
        self.on_editing: list[Callable[[int, bool], None]] = []
        # Where a note's typed fields are kept when the window is stopped with its
        # dialog open (the window sets it; None: not kept).
        self.drafts: SourceNoteDrafts | None = None
        # The open note dialog, its claim, its note (None: a new one) with the version
        # it edits, and its fields as it opened.
        self._open: tuple[SourceDialog, int, int | None, int | None, dict[str, object]] | None
        self._open = None

    def _opened(
        self,
        dialog: SourceDialog,
        claim_id: int,
        source_id: int | None,
        version: int | None,
        kept: dict[str, Any] | None,
    ) -> None:
        """Offer back `kept` (the draft kept for this note, if any), then open the dialog."""
        opened_with = dialog.fields()
        if kept is not None:
            handed = dialog.url.text()  # a web address from the clipboard
            dialog.restore(kept)
            if not dialog.url.text():
                dialog.url.setText(handed)
        self._open = (dialog, claim_id, source_id, version, opened_with)
        dialog.open()
        self._editing(claim_id, True)

    def _kept(self, claim_id: int, source_id: int | None) -> dict[str, Any] | None:
        return None if self.drafts is None else self.drafts.kept(claim_id, source_id)

    def _closed(self, claim_id: int, source_id: int | None) -> None:
        """The checker pressed Save or Cancel: a kept draft has been dealt with."""
        self._open = None
        if self.drafts is not None:
            self.drafts.drop(claim_id, source_id)
        self._editing(claim_id, False)

    def keep_typed(self) -> None:
        """The window closes with a note dialog open (a stop signal): keep its fields
        as a draft if they differ from what it opened with. Nothing is stored as a note."""
        if self._open is None or self.drafts is None:
            return
        dialog, claim_id, source_id, version, opened_with = self._open
        fields = dialog.fields()
        if not dialog.restored.isHidden() or fields != opened_with:
            self.drafts.keep(claim_id, source_id, {**fields, "version": version})

    def close_for_stop(self) -> None:
        """The window closes over the open note dialog (a stop signal): keep what is typed,
        then close the dialog as neither Save nor Cancel. Nothing is stored as a note, and
        files attached or removed in it stay so (they were stored at once): Cancel's
        take-back would start as the process ends and might not finish."""
        if self._open is None:
            return
        self.keep_typed()
        dialog, claim_id = self._open[0], self._open[1]
        self._open = None
        dialog.finished.disconnect()
        self._editing(claim_id, False)
        dialog.close()
        dialog.deleteLater()

    def _editing(self, claim_id: int, now: bool) -> None:
        for hear in self.on_editing:
            hear(claim_id, now)

    def update_buttons(self) -> None:
        has = self.pane.claim is not None and self.pane.sources.currentIndex().isValid()
        self.pane.edit_source_button.setEnabled(has)
        self.pane.remove_source_button.setEnabled(has)
        sel = self.pane.sources.selectionModel()
        if sel is not None and not self._sel_connected:
            sel.currentChanged.connect(lambda *_: self.update_buttons())
            self._sel_connected = True

    def add_source(self, url: str = "") -> SourceDialog | None:
        if self.pane.claim is None:
            return None
        dialog = SourceDialog(self.pane, evidence=self.pane.evidence)
        dialog.url.setText(url)
        claim_id = self.pane.claim.id

        pending: list[Path] = []

        def added(result: tuple[int, Changes]) -> None:
            self.pane.changed.emit(result[1])
            self.pane.evidence.attach_paths(result[0], pending)

        def done(result: int) -> None:
            self._closed(claim_id, None)
            if result == QDialog.DialogCode.Accepted:
                draft = dialog.draft()
                pending.extend(dialog.pending_files)
                self.pane.writes.submit(
                    lambda: self.pane.workbench.add_source(claim_id, draft),
                    added,
                    lambda exc: self.not_saved(exc, draft),
                )
            # A closed dialog goes: kept, it stayed a child of the pane and re-read its
            # note's files at every attach anywhere, for as long as the window lived.
            dialog.deleteLater()

        dialog.finished.connect(done)
        self._opened(dialog, claim_id, None, None, self._kept(claim_id, None))
        return dialog

    def not_saved(self, exc: BaseException, draft: SourceDraft) -> None:
        """The dialog is closed: what the checker typed goes to the clipboard, not away."""
        typed = [draft.url, draft.title, draft.publisher, draft.quote, draft.note]
        kept = "\n\n".join(part for part in typed if part)
        if kept:
            QGuiApplication.clipboard().setText(kept)
            self.pane.notice.emit(QCoreApplication.translate(
                "DetailPane", "The source note was not saved; what you typed is on the clipboard."
            ))  # fmt: skip
        self.pane.errors.report(exc)

    def edit_source(self) -> SourceDialog | None:
        source = self.pane.sources_model.row_at(self.pane.sources.currentIndex().row())
        if source is None or self.pane.claim is None:
            return None
        dialog = SourceDialog(self.pane, source, self.pane.evidence)
        claim_id = self.pane.claim.id
        kept = self._kept(claim_id, source.id)
        # A kept draft was typed over the version then shown: a save made since by
        # someone else is a conflict to settle, not overwritten.
        version = source.version
        if kept is not None and isinstance(kept.get("version"), int):
            version = kept["version"]

        def done(result: int) -> None:
            self._closed(claim_id, source.id)
            if result == QDialog.DialogCode.Accepted:
                self.pane.conflicts.save_source(source.id, dialog.draft(), version)
            else:  # Cancel leaves the note as it was, its files too
                self.pane.evidence.take_back(source.id, dialog.since)
            dialog.deleteLater()  # as in add_source

        dialog.finished.connect(done)
        self._opened(dialog, claim_id, source.id, version, kept)
        return dialog

    def source_id_at(self, row: int) -> int | None:
        source = self.pane.sources_model.row_at(row) if row >= 0 else None
        return None if source is None else source.id

    def edit_at(self, index: QModelIndex) -> None:
        self.pane.sources.setCurrentIndex(index)
        self.edit_source()

    def remove_source(self) -> None:
        source = self.pane.sources_model.row_at(self.pane.sources.currentIndex().row())
        if source is not None:
            self.pane.write(lambda: self.pane.workbench.delete_source(source.id))
