"""What the window's helpers may ask of the window, so none of them imports it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from claimdesk.app import OpenedDesk
from claimdesk.domain import DeskSettings, RatingScale
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.article_view import ArticleView
from claimdesk.gui.panels.claims_panel import ClaimsPanel
from claimdesk.gui.panels.detail_pane import DetailPane
from claimdesk.gui.write_queue import WriteQueue
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench


class WindowHost(Protocol):
    """The window as Commands, bundle actions and file opening see it."""

    @property
    def article_id(self) -> int | None:
        """The article shown (None before the first one opens)."""
        ...

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a service call says it changed (the one refresh path)."""
        ...

    def select_claim(self, claim_id: int) -> None: ...

    def show_article(self, article_id: int) -> None: ...

    def extract(self, article_id: int) -> object:
        """Find the article's claims in the background."""
        ...

    def show_status(self, message: str, msecs: int = 4000) -> None:
        """A short message in the status bar; an empty message clears it."""
        ...

    @property
    def closing(self) -> bool:
        """The window was asked to close and waits for its writes to end first."""
        ...


class DialogHost(WindowHost, Protocol):
    """The window as its dialogs see it: settings also change the scale and the database."""

    @property
    def settings(self) -> QSettings:
        """The per-user UI preferences (ui.ini): geometry, session, interface language."""
        ...

    def apply_desk_settings(self, settings: DeskSettings) -> None: ...

    def apply_scale(self, scale: RatingScale) -> None: ...

    def switch_database(self, path: Path | str | OpenedDesk) -> None: ...


@dataclass(frozen=True, slots=True)
class WindowParts:
    """The window (as a DialogHost), its services and the widgets its helpers work on."""

    host: DialogHost
    parent: QWidget
    workbench: Workbench
    jobs: JobRunner
    errors: ErrorReporter
    article_view: ArticleView
    claims_panel: ClaimsPanel
    detail: DetailPane
    #: The window's actions by name (filled when its menus are built).
    actions: dict[str, QAction]
    #: Writes asked for on the GUI thread go through it (never blocks the window).
    writes: WriteQueue


class WindowHelper:
    """Base of the window's helpers: the shared parts under short names."""

    def __init__(self, parts: WindowParts) -> None:
        self.host, self.parent, self.workbench = parts.host, parts.parent, parts.workbench
        self.jobs, self.errors, self.actions = parts.jobs, parts.errors, parts.actions
        self.article_view, self.claims_panel = parts.article_view, parts.claims_panel
        self.detail = parts.detail
        self.writes = parts.writes

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """Qt translation in the context of the helper's class (as lupdate files it)."""
        return QCoreApplication.translate(type(self).__name__, text, disambiguation, n)
