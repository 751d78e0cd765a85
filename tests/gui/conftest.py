"""GUI fixtures: a real MainWindow on a real SQLite file in a temp folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from shiboken6 import isValid

from claimdesk.app import assemble
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.paths import app_paths
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.storage.db import Database, open_database

EXTRACTION_TIMEOUT_MS = 60_000


@pytest.fixture
def make_window(
    qtbot, tmp_path: Path, nlp_provider: NlpProvider
) -> Iterator[Callable[..., MainWindow]]:
    """Builds windows over `tmp_path/desk.sqlite3` (or another file); all closed at the end."""
    opened: list[tuple[MainWindow, Database]] = []

    def make(db_path: Path | None = None) -> MainWindow:
        db = open_database(db_path or tmp_path / "desk.sqlite3")
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(assemble(app_paths(tmp_path / "data"), db, nlp_provider), settings)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        opened.append((window, db))
        return window

    yield make
    for window, db in opened:
        # Queued writes finish first (pytest-qt may already have deleted a failed test's
        # window; its writer's pool waited for them then).
        qtbot.waitUntil(
            lambda w=window: not isValid(w) or w.writes.pending() == 0, timeout=30_000
        )
        if isValid(window):
            window.jobs.wait(10_000)
        db.dispose()


def wait_for_claims(qtbot, window: MainWindow) -> None:
    """Wait until the current article is shown and its extraction has finished."""
    qtbot.waitUntil(
        lambda: (
            window.article_id is not None
            and not window.extraction.busy()
            and window.claims_panel.model.rowCount() > 0
        ),
        timeout=EXTRACTION_TIMEOUT_MS,
    )
