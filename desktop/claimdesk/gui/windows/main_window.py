"""The main window: wires library, article view, claims table and detail pane together."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from claimdesk.app import OpenedDesk, Services
from claimdesk.domain import Claim, DeskSettings, RatingScale
from claimdesk.errors import StaleReference
from claimdesk.gui import collector
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.gui.menus import build_menus
from claimdesk.gui.panels.article_view import ArticleView
from claimdesk.gui.panels.claims_panel import ClaimsPanel
from claimdesk.gui.panels.detail_pane import DetailPane
from claimdesk.gui.panels.language_banner import LanguageBanner
from claimdesk.gui.panels.library_view import LibraryView
from claimdesk.gui.panels.pane_scroll import PaneScroll
from claimdesk.gui.panels.review_bar import ReviewBar
from claimdesk.gui.panels.source_drafts import SourceNoteDrafts
from claimdesk.gui.screen_fit import resize_within_screen
from claimdesk.gui.theme import apply_theme
from claimdesk.gui.windows.article_opener import ArticleOpener
from claimdesk.gui.windows.bundle_actions import BundleActions
from claimdesk.gui.windows.checked_before import CheckedBefore
from claimdesk.gui.windows.commands import Commands
from claimdesk.gui.windows.dialog_opener import Dialogs
from claimdesk.gui.windows.extraction import ExtractionQueue
from claimdesk.gui.windows.factcheck_import import FactCheckImporter
from claimdesk.gui.windows.host import WindowParts
from claimdesk.gui.windows.live_refresh import LiveRefresh
from claimdesk.gui.windows.review_actions import ReviewActions
from claimdesk.gui.windows.window_menus import main_menus, set_rating_actions
from claimdesk.gui.write_queue import WriteQueue
from claimdesk.gui.write_wait import WriteWaitNotice
from claimdesk.nlp.languages import support
from claimdesk.services.changes import Changes

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Composes the widgets; the work itself happens in the Workbench and in jobs."""

    #: The checker chose another (or a new) database file in the settings.
    databaseSwitchRequested = Signal(object)
    # A close that waited for writes was tried again (closed, or waiting for the next).
    closeRetried = Signal()

    def __init__(
        self, services: Services, settings: QSettings, log_file: Path | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        collector.install()  # before any job runs: no collection on a worker thread
        self.services = services
        self.workbench = services.workbench
        self.reporting = services.reporting
        self.settings = settings
        self.errors = ErrorReporter(self, log_file)
        self.jobs = JobRunner(self.errors.report, self)
        # Writes that wait for another ClaimDesk say so in the status bar.
        self.workbench.waiting = WriteWaitNotice(self.statusBar())
        # Quick edits never block the window on the lock (gui/write_queue.py).
        self.writes = WriteQueue(self.workbench, self.errors.report, self.statusBar(), self)
        self._closing = False
        self._close_waits = False
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
        # Other checkers' saves and who is editing what (issue 16).
        self.live = LiveRefresh(self, self)

    # ------------------------------------------------------------------ layout

    def _build_widgets(self) -> None:
        self.library = LibraryView()
        self.library_model = self.library.library_model
        self.library.articleChosen.connect(self._library_article_chosen)

        self.banner = QLabel(objectName="limitationsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #3d3000; border: 1px solid #e0c060; padding: 6px;"
        )
        self.banner.hide()
        self.language_banner = LanguageBanner()
        self.article_view = ArticleView()
        self.article_view.claimClicked.connect(self.select_claim)
        self.claims_panel = ClaimsPanel()
        self.claims_panel.currentClaimChanged.connect(self._claim_changed)
        self.claims_panel.visibleClaimsChanged.connect(self._sync_highlights)
        self.detail = DetailPane(self.workbench, self.errors, self.writes, jobs=self.jobs)
        self.detail.changed.connect(self.apply_changes)
        self.detail.notice.connect(self.show_status)
        self.detail.source_edits.drafts = SourceNoteDrafts(self.settings, self.services.db.where)

        centre = QSplitter(Qt.Orientation.Vertical, objectName="centreSplitter")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.banner)
        top_layout.addWidget(self.language_banner)
        top_layout.addWidget(self.article_view)
        centre.addWidget(top)
        centre.addWidget(self.claims_panel)
        centre.setSizes([420, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(centre)
        # The pane scrolls when the window is too short for it (1024×700 with a long
        # claim): Qt would otherwise squeeze its widgets under their minimums and draw
        # "Rated by …" over the explanation.
        self.detail_scroll = PaneScroll(self.detail)
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setAccessibleName(self.tr("Claim details"))
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setSizes([230, 760, 340])
        self.setCentralWidget(self.splitter)

        self.extraction = ExtractionQueue(
            self.workbench, self.jobs, self.statusBar(), self.errors.report, self
        )
        self.extraction.extracted.connect(self._extracted)
        self.menu_actions: dict[str, QAction] = {}
        # In WindowParts' order: host and parent, services, widgets, actions.
        parts = WindowParts(
            self, self, self.workbench, self.jobs, self.errors,
            self.article_view, self.claims_panel, self.detail, self.menu_actions, self.writes,
        )  # fmt: skip
        self.files = ArticleOpener(parts)
        self.bundles = BundleActions(parts, self.services.bundles)
        self.commands = Commands(parts)
        self.dialogs = Dialogs(parts, self.reporting, self.services.search)
        self.checked = CheckedBefore(parts, self.services.factchecks)
        self.factcheck_import = FactCheckImporter(parts, self.checked)
        self.review = ReviewActions(parts)
        self.review_bar = ReviewBar(self.detail)
        self.review_bar.attach(self.detail)
        self.bundles.library_changed = self._library_imported

    def _build_actions(self) -> None:
        panel = self.claims_panel
        cmd = self.commands
        self.menu_actions.update(
            build_menus(
                self,
                main_menus(
                    files=self.files,
                    factchecks=self.factcheck_import,
                    checked=self.checked,
                    bundles=self.bundles,
                    commands=cmd,
                    dialogs=self.dialogs,
                    panel=panel,
                    detail=self.detail,
                    review=self.review,
                    quit_app=self.close,
                    reextract=self.reextract,
                ),
            )
        )
        panel.show_all.toggled.connect(self.menu_actions["showAllAction"].setChecked)
        self.rebuild_rating_menu()
        self.review.signed_in()
        cmd.refresh_undo_actions()
        self.writes.pendingChanged.connect(lambda _n: cmd.refresh_undo_actions())

    def rebuild_rating_menu(self) -> None:
        set_rating_actions(
            self, self.menu_actions, self.workbench.rating_scale(), self.commands.rate
        )

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # a first start: roomy, but never bigger than a small screen
            resize_within_screen(self, 1360, 820)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        hidden = self.settings.value("window/hiddenColumns")
        if isinstance(hidden, str):  # names joined by commas; "" when every one is shown
            self.claims_panel.set_hidden_columns([n for n in hidden.split(",") if n])

    # ------------------------------------------------------------------ opening

    def open_paths(self, paths: list[str]) -> Job | None:
        return self.files.open_paths(paths)

    def open_path(self, path: str | Path) -> Job:
        return self.files.open_path(path)

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
        self.setWindowTitle(self.tr("{title} — ClaimDesk").format(title=article.title))
        self.article_view.set_article_text(article.text)
        self.language_banner.show_for(support(self.workbench.article_language(article_id)))
        self.claims_panel.load(self.workbench.claims(article_id))
        self._sync_highlights()
        self.library.select_article(article_id)
        if self.workbench.needs_extraction(article_id):
            self.extract(article_id)  # detects the language too, if it has none
        elif article.language is None:
            # Stored before languages existed (or merged from an older bundle).
            self.jobs.run(
                f"detect language {article_id}",
                lambda _job: self.workbench.ensure_language(article_id),
                on_success=self.apply_changes,
            )

    def restore_session(self) -> None:
        """Show the article the checker had open last time, if it still exists."""
        last = self.settings.value("session/article")
        try:
            article_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            article_id = None
        if article_id is not None and self.library.has_article(article_id):
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
        """Refresh exactly what a service call says it changed.

        Each changed claim that is on screen is read once; the claims table and the
        detail pane share that one fresh Claim.
        """
        self.commands.refresh_undo_actions()
        if changes.library:
            self.refresh_library()
        aid = self.article_id
        if aid is None:
            self.checked.changes_applied(changes)
            return
        fresh: dict[int, Claim | None] = {}
        if aid in changes.claim_sets:
            self.claims_panel.load(
                self.workbench.claims(aid), keep=self.claims_panel.current_claim_id()
            )
        elif changes.claims:
            shown = self.claims_panel.model
            fresh = {
                cid: self._fetch_claim(cid)
                for cid in sorted(changes.claims)
                if shown.row_of(cid) >= 0 or cid == self._detail_claim_id()
            }
            shown.update_claims(fresh)
        if aid in changes.articles:
            title = self.workbench.article(aid).title
            self.setWindowTitle(self.tr("{title} — ClaimDesk").format(title=title))
        self._sync_highlights()
        current = self._detail_claim_id()
        if current is not None and (current in changes.claims or aid in changes.claim_sets):
            claim = fresh[current] if current in fresh else self._fetch_claim(current)
            self.detail.show_claim(claim)
        # Last: a verdict changes the fact-check library, so cached answers may be stale.
        self.checked.changes_applied(changes)

    def _library_imported(self) -> None:
        """A case bundle brought fact-checks: answers are asked again, entries encoded."""
        self.checked.library_changed()
        self.checked.fill_vectors()

    def _detail_claim_id(self) -> int | None:
        return self.detail.claim.id if self.detail.claim is not None else None

    def _fetch_claim(self, claim_id: int) -> Claim | None:
        try:
            return self.workbench.claim(claim_id)
        except StaleReference:
            return None

    def refresh_library(self) -> None:
        self.library.show_articles(
            self.workbench.articles(self.claims_panel.proxy.threshold), self.article_id
        )

    def _library_article_chosen(self, article_id: int) -> None:
        if article_id != self.article_id:
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

    def show_status(self, message: str, msecs: int = 4000) -> None:
        if message:
            self.statusBar().showMessage(message, msecs)
        else:
            self.statusBar().clearMessage()

    def _claim_changed(self, claim_id: int | None) -> None:
        claim = self._fetch_claim(claim_id) if claim_id is not None else None
        self.article_view.show_claim(claim)
        self.detail.show_claim(claim)

    def reextract(self) -> None:
        """Run extraction again; claims the checker worked on are kept."""
        if self.article_id is not None:
            self.extract(self.article_id)

    def apply_desk_settings(self, settings: DeskSettings) -> None:
        """Threshold and theme follow the settings stored with the data."""
        self.claims_panel.threshold.setValue(round(settings.threshold * 100))
        self.review.signed_in()  # the checker's name may have changed
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.refresh_library()

    def switch_database(self, path: Path | str | OpenedDesk) -> None:
        """Ask the application to open another database (a file, a shared desk's address,
        or a desk the shared-desk dialog opened) in a fresh window."""
        self.databaseSwitchRequested.emit(path)

    def apply_scale(self, scale: RatingScale) -> None:
        self.claims_panel.set_scale(scale)
        self.detail.set_scale(scale)
        self.rebuild_rating_menu()

    # ------------------------------------------------------------------ closing

    @property
    def closing(self) -> bool:
        return self._closing

    def _unfinished_write(self) -> SignalInstance | None:
        """What closing waits for: the queued edits, then a bundle merge under way."""
        if self.writes.pending():
            return self.writes.drained
        merging = self.bundles.importing()
        return None if merging is None else merging.finished

    def _write_ended(self) -> None:
        # After the write's own handlers (a merge's job says it ended before them).
        QTimer.singleShot(0, self._close_again)

    def _close_again(self) -> None:
        self._close_waits = False
        self.close()
        self.closeRetried.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.save_explanation()
        # Only a stop signal closes the window over an open note dialog (the close
        # button and Quit are blocked by it): what is typed there is kept, not stored.
        self.detail.source_edits.keep_typed()
        unfinished = self._unfinished_write()
        if unfinished is not None:
            # Queued edits and a bundle merge are saved, never dropped or left to the
            # process's teardown: close again once they are.
            event.ignore()
            if not self._closing:
                self._closing = True
                self.splitter.setEnabled(False)
                self.statusBar().showMessage(
                    self.tr("Saving your last changes; ClaimDesk closes when they are saved…")
                )
            if not self._close_waits:
                self._close_waits = True
                unfinished.connect(self._write_ended, Qt.ConnectionType.SingleShotConnection)
            return
        self.detail.source_edits.close_for_stop()
        self.jobs.wait(5000)
        self.live.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        hidden = self.claims_panel.hidden_columns()
        if hidden is None:  # no choice made: the defaults follow the window's width
            self.settings.remove("window/hiddenColumns")
        else:
            self.settings.setValue("window/hiddenColumns", ",".join(hidden))
        self.settings.sync()
        super().closeEvent(event)
