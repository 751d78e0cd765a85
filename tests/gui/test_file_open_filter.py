"""The application's FileOpen filter outlives nothing it points at, and dies with nothing."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from claimdesk.gui.application import RunningWindow
from claimdesk.gui.windows.file_open import FileOpenFilter


def _filters(app: QApplication) -> list[FileOpenFilter]:
    return [child for child in app.children() if isinstance(child, FileOpenFilter)]


def test_a_dropped_running_window_leaves_a_working_filter(qtbot, tmp_path, monkeypatch, seed_path):
    """A RunningWindow collected as garbage must not take a live filter's wrapper with it.

    The full suite saw "libshiboken: '__init__' method of object's base class (FileOpenFilter) not
    called" from every later event once the test that made one had been collected.
    """
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    from claimdesk.app import build_services

    app = QApplication.instance()
    first = RunningWindow(app, build_services(tmp_path / "a.sqlite3", tmp_path / "data"), None)
    first.window.jobs.wait(60_000)
    first.window.close()
    first.services.close()
    second = RunningWindow(app, build_services(tmp_path / "b.sqlite3", tmp_path / "data"), None)
    qtbot.addWidget(second.window)
    assert len(_filters(app)) == 1  # the first one's filter was replaced, not stacked
    del first
    gc.collect()
    # Every event still passes through the remaining filter without an exception.
    probe = QObject()
    QApplication.sendEvent(probe, QEvent(QEvent.Type.User))
    opened: list[str] = []
    second.window.open_path = opened.append  # type: ignore[method-assign]
    QApplication.sendEvent(app, QFileOpenEvent(str(seed_path)))
    assert opened == [str(seed_path)]
    second.window.jobs.wait(60_000)
    second.window.close()
    second.services.close()
    del second
    gc.collect()
    (left,) = _filters(app)  # still the application's, and inert now
    QApplication.sendEvent(app, QFileOpenEvent(str(seed_path)))
    assert opened == [str(seed_path)]
    assert left.eventFilter(probe, QEvent(QEvent.Type.User)) is False
