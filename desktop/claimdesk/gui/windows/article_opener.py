"""Opening articles in the window: one file directly, several files or a folder as a batch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from claimdesk.gui.jobs import Job
from claimdesk.gui.windows.batch_import import run_batch_import
from claimdesk.gui.windows.host import WindowHelper
from claimdesk.importers import FILE_DIALOG_FILTER
from claimdesk.services.batch import BatchResult
from claimdesk.services.workbench import OpenResult


class ArticleOpener(WindowHelper):
    """Imports files off the GUI thread, then shows them and starts their extraction."""

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, self.tr("Open articles"), str(Path.home()), FILE_DIALOG_FILTER
        )
        self.open_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent, self.tr("Import every article in a folder")
        )
        if folder:
            self.open_paths([folder])

    def open_paths(self, paths: list[str]) -> Job | None:
        """One file opens directly; several files or a folder go through a batch import."""
        if not paths:
            return None
        if len(paths) == 1 and not Path(paths[0]).is_dir():
            return self.open_path(paths[0])
        return run_batch_import(self.parent, self.jobs, self.workbench, paths, self._batch_done)

    def _batch_done(self, result: BatchResult) -> None:
        self.host.apply_changes(result.changes)
        shown = [aid for _, aid in (*result.imported, *result.duplicates)]
        if shown:
            self.host.show_article(shown[0])
        for _, article_id in result.imported:
            if self.workbench.needs_extraction(article_id):
                self.host.extract(article_id)

    def open_path(self, path: str | Path) -> Job:
        """Import `path` off the GUI thread, then show it and extract its claims."""
        self.host.show_status(self.tr("Opening {name}…").format(name=Path(path).name), 0)
        return self.jobs.run(
            f"open {path}",
            lambda job: self.workbench.open_file(path),
            on_success=self._opened,
            on_failure=self._open_failed,
        )

    def _opened(self, result: OpenResult) -> None:
        self.host.show_status(
            self.tr("Article imported.")
            if result.created
            else self.tr("Already in the library: showing it."),
            5000,
        )
        self.host.apply_changes(result.changes)
        self.host.show_article(result.article_id)

    def _open_failed(self, exc: BaseException) -> None:
        self.host.show_status("")
        self.errors.report(exc)
