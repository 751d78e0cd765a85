"""Dropping files on the window, and the plain banner when no language model loads."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from claimdesk.app import assemble
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.paths import app_paths
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.storage.db import open_database
from tests.gui.conftest import wait_for_claims


def drop(window: MainWindow, *paths) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    accepted = enter.isAccepted()
    event = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return accepted


def test_dropping_a_file_opens_it(qtbot, make_window, seed_path):
    window = make_window()
    assert drop(window, seed_path)
    wait_for_claims(qtbot, window)
    assert window.workbench.article(window.article_id).file_name == seed_path.name


def test_dropping_a_folder_imports_its_articles(qtbot, make_window, seed_path, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    (folder / "b.md").write_text("# Jobs\n\nUnemployment fell to 4% in May.\n", encoding="utf-8")
    window = make_window()
    drop(window, folder)
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 2, timeout=60_000)


def test_without_a_language_model_the_window_says_so_once(qtbot, tmp_path, seed_path):
    from PySide6.QtCore import QSettings

    nlp = NlpProvider(model_names=("no_such_model",))
    window = MainWindow(
        assemble(app_paths(tmp_path / "data"), open_database(tmp_path / "f.sqlite3"), nlp),
        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    assert window.banner.isVisible()
    assert "language model could not be loaded" in window.banner.text()
    claims = window.workbench.claims(window.article_id)
    text = window.workbench.article(window.article_id).text
    assert claims and all(text[c.start : c.end] == c.text for c in claims)
    first = window.banner.text()
    window.show_limitations()
    assert window.banner.text() == first  # said once, not repeated
    window.jobs.wait(30_000)
    window.workbench.db.dispose()
