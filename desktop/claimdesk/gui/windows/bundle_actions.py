"""Case bundles in the window: export articles to a .claimdesk file, merge one in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from claimdesk.exchange.bundle_file import SUFFIX
from claimdesk.gui.dialogs.bundle_conflicts import BundleConflictsDialog
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.jobs import Job
from claimdesk.gui.windows.host import WindowHelper, WindowParts
from claimdesk.services.bundles import BundleExport, BundleImport, Bundles, Choice, ImportPlan

log = logging.getLogger(__name__)

FILTER = QT_TRANSLATE_NOOP("BundleActions", "ClaimDesk case bundle (*{suffix})")


class BundleActions(WindowHelper):
    """Exports and imports case bundles off the GUI thread; asks about conflicts first."""

    def __init__(self, parts: WindowParts, bundles: Bundles) -> None:
        super().__init__(parts)
        self.service = bundles
        #: Called when a bundle's fact-check library changed this desk's (the window
        #: hands in Checked before's refresh and background encoding).
        self.library_changed: Callable[[], object] = lambda: None
        self._merging: Job | None = None

    def importing(self) -> Job | None:
        """The merge under way, if any: a write the window waits for before it closes."""
        return self._merging

    def choose_export(self, everything: bool = False) -> None:
        scope = None if everything or self.host.article_id is None else [self.host.article_id]
        name = "claimdesk-case" + SUFFIX
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            self.tr("Export case bundle"),
            str(Path.home() / name),
            self.tr(FILTER).format(suffix=SUFFIX),
        )
        if path:
            self.export_to(path, scope)

    def export_to(self, path: str | Path, article_ids: list[int] | None) -> Job:
        """Write the bundle off the GUI thread; a message says where it went."""
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(SUFFIX)
        self.detail.save_explanation()

        def done(result: BundleExport) -> None:
            count = result.articles
            said = self.tr("Exported %n article(s) to {path}", None, count).format(path=target)
            # What was left out is the service's sentence, like its refusals.
            self.host.show_status(f"{said} {result.note}".strip(), 30000 if result.note else 8000)

        return self.jobs.run(
            "export bundle", lambda _job: self.service.export(target, article_ids), done
        )

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            self.tr("Import case bundle"),
            str(Path.home()),
            self.tr(FILTER).format(suffix=SUFFIX),
        )
        if path:
            self.import_from(path)

    def import_from(self, path: str | Path) -> Job:
        """Check the bundle off the GUI thread; if its work differs from work done here,
        ask claim by claim (BundleConflictsDialog); then merge off the GUI thread."""
        self.detail.save_explanation()  # a pending edit is local work: it must count

        def checked(plan: ImportPlan) -> None:
            if not plan.conflicts:
                self.merge(plan, {})
                return
            dialog = BundleConflictsDialog(self.parent, plan.path.name, plan.conflicts)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.merge(plan, dialog.choices()))
            dialog.rejected.connect(
                lambda: self.host.show_status(
                    self.tr("Import of {name} cancelled; nothing was changed.").format(
                        name=plan.path.name
                    ),
                    8000,
                )
            )
            dialog.open()

        return self.jobs.run("check bundle", lambda _job: self.service.preview(path), checked)

    def merge(self, plan: ImportPlan, choices: dict[int, Choice]) -> Job:
        """Merge a checked bundle with the checker's choices, then show what it brought."""

        def done(result: BundleImport) -> None:
            self.host.apply_changes(result.changes)
            if result.library is not None and (result.library.added or result.library.updated):
                self.library_changed()  # the new entries are matched once encoded
            if result.article_ids and self.host.article_id is None:
                self.host.show_article(result.article_ids[0])
            if self.host.closing:  # the window closes once merged: no box left behind
                log.info("bundle merged while the window closed: %s", result.summary())
                return
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Case bundle imported"),
                result.summary(),
                QMessageBox.StandardButton.Ok,
                self.parent,
            )
            box.setObjectName("bundleSummary")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        waiting = self.workbench.waiting
        job = self.jobs.run(
            "import bundle", lambda _job: self.service.apply(plan, choices, waiting), done
        )
        self._merging = job

        def ended() -> None:
            if self._merging is job:
                self._merging = None

        job.finished.connect(ended)
        return job
