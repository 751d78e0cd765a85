"""The window says that it waits for another ClaimDesk's write, on the GUI thread or off it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from claimdesk.app import assemble
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.paths import app_paths
from claimdesk.services.bundles import export_bundle
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from claimdesk.storage.writer import WAITING
from tests.reliability.crash_child import NoModels
from tests.reliability.helpers import query, write_articles


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "desk.sqlite3")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(assemble(app_paths(tmp_path / "data"), db, NoModels()), settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.jobs.wait(10_000)
    db.dispose()


def _hold(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("BEGIN IMMEDIATE")
    return con


def test_a_quick_edit_from_the_window_waits_off_the_gui_thread_and_says_so(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
) -> None:
    """The window's write is handed to its background writer, which says that it waits."""
    wb = window.workbench
    saved: list[Changes] = []
    con = _hold(wb.db.path)
    try:
        started = time.monotonic()
        ran_now = window.writes.submit(
            lambda: wb.save_settings(replace(wb.settings(), checker_name="Ana")), saved.append
        )
        assert not ran_now and time.monotonic() - started < 1.0  # the window goes on
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING, timeout=10_000)
        assert wb.settings().checker_name == ""
    finally:
        con.execute("COMMIT")
        con.close()
    qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    assert wb.settings().checker_name == "Ana"


def test_a_bundle_import_shows_that_it_waits(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = open_database(tmp_path / "source.sqlite3")
    wb = Workbench(source, NoModels())
    (article,) = write_articles(tmp_path / "in", 1)
    wb.add_claim(wb.open_file(article).article_id, 0, 10)
    bundle = tmp_path / "case.claimdesk"
    export_bundle(source, bundle)
    source.dispose()

    con = _hold(window.workbench.db.path)
    try:
        # The check job runs first; the merge that follows waits for the lock and says so.
        window.bundles.import_from(bundle)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING, timeout=10_000)
        assert query(window.workbench.db.path, "SELECT count(*) FROM claims") == [(0,)]
    finally:
        con.execute("COMMIT")
        con.close()
    qtbot.waitUntil(
        lambda: query(window.workbench.db.path, "SELECT count(*) FROM claims") == [(1,)],
        timeout=30_000,
    )
    window.jobs.wait(30_000)
