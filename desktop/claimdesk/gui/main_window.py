"""The main window: wires library, article view, claims table and detail pane together."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import ClaimStatus, DeskSettings, RatingScale
from claimdesk.gui import bundle_actions
from claimdesk.gui.article_view import ArticleView
from claimdesk.gui.batch_import import run_batch_import
from claimdesk.gui.claims_panel import ClaimsPanel
from claimdesk.gui.commands import RATING_KEYS, Commands
from claimdesk.gui.detail_pane import DetailPane
from claimdesk.gui.dialogs import Dialogs
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.extraction import ExtractionQueue
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.gui.library_model import LibraryModel
from claimdesk.gui.menus import Act, build_menus
from claimdesk.gui.theme import apply_theme
from claimdesk.gui.write_wait import WriteWaitNotice
from claimdesk.importers import FILE_DIALOG_FILTER
from claimdesk.services.batch import BatchResult
from claimdesk.services.changes import Changes
from claimdesk.services.reporting import Reporting
from claimdesk.services.workbench import OpenResult, StaleReference, Workbench

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Composes the widgets; the work itself happens in the Workbench and in jobs."""

    #: The checker chose another (or a new) database file in the settings.
    databaseSwitchRequested = Signal(object)

    def __init__(
        self,
        workbench: Workbench,
        settings: QSettings,
        log_file: Path | None = None,
        reporting: Reporting | None = None,
    ) -> None:
        super().__init__()
        self.reporting = reporting or Reporting(workbench.db)
        self.setObjectName("mainWindow")
        self.workbench = workbench
        self.settings = settings
        self.errors = ErrorReporter(self, log_file)
        self.jobs = JobRunner(self.errors.report, self)
        # Writes that wait for another ClaimDesk say so in the status bar.
        workbench.waiting = WriteWaitNotice(self.statusBar())
        self.article_id: int | None = None
        self.setWindowTitle("ClaimDesk")
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._restore_state()
        self.claims_panel.set_scale(self.workbench.rating_scale())
        self.claims_panel.threshold.setValue(round(self.workbench.settings().threshold * 100))
        self.refresh_library()
        # Keyboard first: the claims table has the focus from the start.
        self.claims_panel.table.setFocus()

    # ------------------------------------------------------------------ layout

    def _build_widgets(self) -> None:
        self.library_model = LibraryModel(self)
        self.library = QTableView(objectName="libraryView")
        self.library.setModel(self.library_model)
        self.library.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.library.verticalHeader().setVisible(False)
        self.library.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.library.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        self.library.selectionModel().currentRowChanged.connect(self._library_row_changed)

        self.banner = QLabel(objectName="limitationsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #3d3000; border: 1px solid #e0c060; padding: 6px;"
        )
        self.banner.hide()
        self.article_view = ArticleView()
        self.article_view.claimClicked.connect(self.select_claim)
        self.claims_panel = ClaimsPanel()
        self.claims_panel.currentClaimChanged.connect(self._claim_changed)
        self.claims_panel.visibleClaimsChanged.connect(self._sync_highlights)
        self.detail = DetailPane(self.workbench, self.errors)
        self.detail.changed.connect(self.apply_changes)

        centre = QSplitter(Qt.Orientation.Vertical, objectName="centreSplitter")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.banner)
        top_layout.addWidget(self.article_view)
        centre.addWidget(top)
        centre.addWidget(self.claims_panel)
        centre.setSizes([420, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([230, 760, 340])
        self.setCentralWidget(self.splitter)

        self.extraction = ExtractionQueue(
            self.workbench, self.jobs, self.statusBar(), self.errors.report, self
        )
        self.extraction.extracted.connect(self._extracted)

    def _status_setter(self, status: ClaimStatus) -> Callable[[], None]:
        return lambda: self.set_status(status)

    def _build_actions(self) -> None:
        panel = self.claims_panel
        self.commands = cmd = Commands(self)
        self.dialogs = dlg = Dialogs(self)
        status_acts = [
            Act(
                f"status_{st.value}",
                f"Mark as {st.label.lower()}",
                self._status_setter(st),
                f"Ctrl+{i}",
            )
            for i, st in enumerate(ClaimStatus, start=1)
        ]
        self.menu_actions = build_menus(self, [
            ("&File", [
                Act("openAction", "&Open…", self.choose_files, QKeySequence.StandardKey.Open),
                Act("importFolderAction", "Import &folder…", self.choose_folder, "Ctrl+Shift+O"),
                Act("exportAction", "&Export report…", dlg.export_report, "Ctrl+Shift+E"),
                None,
                Act("exportBundleAction", "Export case &bundle…",
                    lambda: bundle_actions.choose_export(self)),
                Act("importBundleAction", "&Import case bundle…",
                    lambda: bundle_actions.choose_import(self)),
                None,
                Act("quitAction", "&Quit", self.close, QKeySequence.StandardKey.Quit),
            ]),
            ("&Edit", [
                Act("undoAction", "&Undo", cmd.undo, QKeySequence.StandardKey.Undo),
                Act("redoAction", "&Redo", cmd.redo, "Ctrl+Shift+Z"),
                None,
                Act("searchAction", "&Search the desk…", dlg.open_search, "Ctrl+Shift+F"),
                None,
                Act("settingsAction", "Se&ttings…", dlg.open_settings, "Ctrl+,"),
            ]),
            ("&Article", [
                Act("articlePropertiesAction", "&Properties…", dlg.edit_metadata, "Ctrl+I"),
                Act("reextractAction", "Find claims &again", self.reextract),
            ]),
            ("&Claim", [
                Act("nextClaimAction", "&Next claim", lambda: panel.step(1), "Alt+Down"),
                Act("previousClaimAction", "&Previous claim", lambda: panel.step(-1), "Alt+Up"),
                Act("nextUncheckedAction", "Next &unchecked claim", cmd.next_unchecked, "Ctrl+J"),
                None,
                *status_acts,
                Act("focusVerdictAction", "Edit &verdict", self.detail.focus_verdict, "Ctrl+E"),
                Act("addSourceAction", "Add &source…", self.detail.add_source, "Ctrl+Shift+N"),
                Act("clipboardSourceAction", "Add source from &clipboard URL",
                    cmd.add_source_from_clipboard, "Ctrl+Shift+V"),
                None,
                Act("addClaimAction", "&Add claim from selection",
                    cmd.add_claim_from_selection, "Ctrl+M"),
                Act("adjustSpanAction", "Ad&just claim to selection", cmd.adjust_span,
                    "Ctrl+Shift+M"),
                Act("splitClaimAction", "Sp&lit claim at cursor", cmd.split_at_cursor,
                    "Ctrl+Shift+K"),
                Act("mergeClaimAction", "&Merge with next claim", cmd.merge_with_next,
                    "Ctrl+Shift+J"),
                Act("deleteClaimAction", "&Delete claim…", cmd.delete_claim, "Ctrl+Delete"),
            ]),
            ("&View", [
                Act("showAllAction", "Show &every sentence", panel.show_all.setChecked,
                    "Ctrl+Shift+A", checkable=True),
                Act("filterAction", "&Filter claims", self._focus_filter,
                    QKeySequence.StandardKey.Find),
            ]),
            ("&Rating", [
                Act("clearRatingAction", "&Not rated", lambda: cmd.rate(0), "Alt+0"),
            ]),
            ("&Help", [
                Act("shortcutsAction", "&Keyboard shortcuts", dlg.show_shortcuts, "F1"),
                Act("aboutAction", "&About ClaimDesk", dlg.show_about),
            ]),
        ])  # fmt: skip
        panel.show_all.toggled.connect(self.menu_actions["showAllAction"].setChecked)
        self.rebuild_rating_menu()
        cmd.refresh_undo_actions()

    def rebuild_rating_menu(self) -> None:
        """Alt+1 … Alt+9 give the current claim the scale's ratings, in scale order."""
        menu = self.menuBar().findChild(QMenu, "menuRating")
        assert menu is not None, "the Rating menu is declared in _build_actions"
        for name in [n for n in self.menu_actions if n.startswith("rateAction")]:
            action = self.menu_actions.pop(name)
            menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        ratings = self.workbench.rating_scale().ratings[:RATING_KEYS]
        for number, rating in enumerate(ratings, start=1):
            action = QAction(rating.name, self)
            action.setObjectName(f"rateAction{number}")
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _c=False, n=number: self.commands.rate(n))
            menu.addAction(action)
            self.addAction(action)
            self.menu_actions[action.objectName()] = action

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    # ------------------------------------------------------------------ opening

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", str(Path.home()), FILE_DIALOG_FILTER
        )
        self.open_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import every article in a folder")
        if folder:
            self.open_paths([folder])

    def open_paths(self, paths: list[str]) -> Job | None:
        """One file opens directly; several files or a folder go through a batch import."""
        if not paths:
            return None
        if len(paths) == 1 and not Path(paths[0]).is_dir():
            return self.open_path(paths[0])
        return run_batch_import(self, self.jobs, self.workbench, paths, self._batch_done)

    def _batch_done(self, result: BatchResult) -> None:
        self.apply_changes(result.changes)
        shown = [aid for _, aid in (*result.imported, *result.duplicates)]
        if shown:
            self.show_article(shown[0])
        for _, article_id in result.imported:
            if self.workbench.needs_extraction(article_id):
                self.extract(article_id)

    def open_path(self, path: str | Path) -> Job:
        """Import `path` off the GUI thread, then show it and extract its claims."""
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        return self.jobs.run(
            f"open {path}",
            lambda job: self.workbench.open_file(path),
            on_success=self._opened,
            on_failure=self._open_failed,
        )

    def _opened(self, result: OpenResult) -> None:
        self.statusBar().showMessage(
            "Article imported." if result.created else "Already in the library: showing it.", 5000
        )
        self.apply_changes(result.changes)
        self.show_article(result.article_id)

    def _open_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self.errors.report(exc)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.open_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # ------------------------------------------------------------------ article

    def show_article(self, article_id: int) -> None:
        self.detail.show_claim(None)
        try:
            article = self.workbench.article(article_id)
        except StaleReference as exc:
            self.errors.report(exc)
            self.refresh_library()
            return
        self.article_id = article_id
        self.settings.setValue("session/article", article_id)
        self.setWindowTitle(f"{article.title} — ClaimDesk")
        self.article_view.set_article_text(article.text)
        self.claims_panel.load(self.workbench.claims(article_id))
        self._sync_highlights()
        self._select_library_row(article_id)
        if self.workbench.needs_extraction(article_id):
            self.extract(article_id)

    def restore_session(self) -> None:
        """Show the article the checker had open last time, if it still exists."""
        last = self.settings.value("session/article")
        try:
            article_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            article_id = None
        if article_id is not None and self.library_model.row_of(article_id) >= 0:
            self.show_article(article_id)

    def extract(self, article_id: int) -> Job | None:
        """Find the article's claims in the background (queued behind a running one)."""
        return self.extraction.request(article_id)

    def _extracted(self, changes: Changes) -> None:
        self.apply_changes(changes)
        self.show_limitations()

    def show_limitations(self) -> None:
        notes = self.workbench.nlp.limitations()
        if notes and self.banner.isHidden():
            self.banner.setText(" ".join(notes))
            self.banner.show()

    # ------------------------------------------------------------------ changes

    def apply_changes(self, changes: Changes) -> None:
        """Refresh exactly what a service call says it changed."""
        self.commands.refresh_undo_actions()
        if changes.library:
            self.refresh_library()
        aid = self.article_id
        if aid is None:
            return
        if aid in changes.claim_sets:
            self.claims_panel.load(
                self.workbench.claims(aid), keep=self.claims_panel.current_claim_id()
            )
        elif changes.claims:
            self.claims_panel.model.update_claims(self._fetch_claim, set(changes.claims))
        if aid in changes.articles:
            self.setWindowTitle(f"{self.workbench.article(aid).title} — ClaimDesk")
        self._sync_highlights()
        current = self.detail.claim
        if current is not None and (current.id in changes.claims or aid in changes.claim_sets):
            self.detail.show_claim(self._fetch_claim(current.id))

    def _fetch_claim(self, claim_id: int):  # type: ignore[no-untyped-def]
        try:
            return self.workbench.claim(claim_id)
        except StaleReference:
            return None

    def refresh_library(self) -> None:
        self.library_model.reload(self.workbench.articles(self.claims_panel.proxy.threshold))
        if self.article_id is not None:
            self._select_library_row(self.article_id)

    def _select_library_row(self, article_id: int) -> None:
        row = self.library_model.row_of(article_id)
        if row >= 0:
            self.library.selectionModel().setCurrentIndex(
                self.library_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _library_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.library_model.article_id(current.row())
        if article_id is not None and article_id != self.article_id:
            self.show_article(article_id)

    def _sync_highlights(self) -> None:
        self.article_view.set_claims(self.claims_panel.visible_claims())
        current = self.claims_panel.current_claim_id()
        claim = self.claims_panel.model.row_at(self.claims_panel.model.row_of(current or -1))
        if claim is not None:
            self.article_view.show_claim(claim)

    # ------------------------------------------------------------------ claims

    def select_claim(self, claim_id: int) -> None:
        self.claims_panel.select_claim(claim_id)

    def _claim_changed(self, claim_id: int | None) -> None:
        claim = self._fetch_claim(claim_id) if claim_id is not None else None
        self.article_view.show_claim(claim)
        self.detail.show_claim(claim)

    def set_status(self, status: ClaimStatus) -> None:
        if self.detail.claim is not None:
            self.detail.set_status(status)

    def reextract(self) -> None:
        """Run extraction again; claims the checker worked on are kept."""
        if self.article_id is not None:
            self.extract(self.article_id)

    def _focus_filter(self) -> None:
        self.claims_panel.search.setFocus()
        self.claims_panel.search.selectAll()

    def apply_desk_settings(self, settings: DeskSettings) -> None:
        """Threshold and theme follow the settings stored with the data."""
        self.claims_panel.threshold.setValue(round(settings.threshold * 100))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.refresh_library()

    def apply_scale(self, scale: RatingScale) -> None:
        self.claims_panel.set_scale(scale)
        self.detail.set_scale(scale)
        self.rebuild_rating_menu()

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.save_explanation()
        self.jobs.wait(5000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
