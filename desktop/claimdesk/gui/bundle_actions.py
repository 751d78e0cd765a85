"""Case bundles in the window: export articles to a .claimdesk file, merge one in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from claimdesk.gui.jobs import Job
from claimdesk.reports.bundle import SUFFIX
from claimdesk.services.bundles import BundleImport, export_bundle, import_bundle

if TYPE_CHECKING:
    from claimdesk.gui.main_window import MainWindow

FILTER = f"ClaimDesk case bundle (*{SUFFIX})"


def choose_export(window: MainWindow, everything: bool = False) -> None:
    scope = None if everything or window.article_id is None else [window.article_id]
    name = "claimdesk-case" + SUFFIX
    path, _ = QFileDialog.getSaveFileName(
        window, "Export case bundle", str(Path.home() / name), FILTER
    )
    if path:
        export_to(window, path, scope)


def export_to(window: MainWindow, path: str | Path, article_ids: list[int] | None) -> Job:
    """Write the bundle off the GUI thread; a message says where it went."""
    target = Path(path) if Path(path).suffix else Path(path).with_suffix(SUFFIX)
    window.detail.save_explanation()

    def done(count: int) -> None:
        window.statusBar().showMessage(f"Exported {count} article(s) to {target}", 8000)

    return window.jobs.run(
        "export bundle", lambda _job: export_bundle(window.workbench.db, target, article_ids), done
    )


def choose_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import case bundle", str(Path.home()), FILTER)
    if path:
        import_from(window, path)


def import_from(window: MainWindow, path: str | Path) -> Job:
    """Check and merge the bundle off the GUI thread, then show what it brought."""

    def done(result: BundleImport) -> None:
        for article_id in result.article_ids:
            # Rows changed outside the undo stack: its entries for them no longer apply.
            window.workbench.undo_stack.forget_article(article_id)
        window.apply_changes(result.changes)
        if result.article_ids and window.article_id is None:
            window.show_article(result.article_ids[0])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Case bundle imported",
            result.summary(),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("bundleSummary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    return window.jobs.run(
        "import bundle",
        lambda _job: import_bundle(window.workbench.db, path, waiting=window.workbench.waiting),
        done,
    )
