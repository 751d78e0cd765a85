"""Settings reach the window: threshold, scale, theme, and switching databases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from claimdesk.domain import Theme
from claimdesk.gui.application import RunningWindow, remembered_database
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog
from claimdesk.gui.theme import is_dark
from tests.gui.conftest import wait_for_claims


def test_settings_dialog_changes_threshold_scale_and_theme(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    settings = window.workbench.settings()
    from dataclasses import replace

    window.workbench.save_settings(replace(settings, threshold=0.9, theme=Theme.DARK))
    dialog.deskSettingsSaved.emit(window.workbench.settings())
    assert window.claims_panel.proxy.threshold == 0.9
    assert window.claims_panel.threshold_label.text() == "0.90"
    assert is_dark(QApplication.instance().palette())
    window.apply_desk_settings(replace(settings, theme=Theme.SYSTEM))
    assert not is_dark(QApplication.instance().palette())
    dialog.reject()

    scale = window.workbench.rating_scale()
    from claimdesk.domain import RatingDraft

    drafts = [
        RatingDraft(r.name if r.name != "False" else "Wrong", r.value, r.color, r.id)
        for r in scale.ratings
    ]
    window.workbench.save_rating_scale(drafts)
    window.apply_scale(window.workbench.rating_scale())
    names = [window.menu_actions[f"rateAction{i}"].text() for i in range(1, 8)]
    assert "Wrong" in names and "False" not in names
    assert window.detail.rating.findText("Wrong") > 0


def test_switching_database_opens_a_new_window_and_remembers_it(
    qtbot, tmp_path, monkeypatch, seed_path
):
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    from claimdesk.app import build_services

    services = build_services(tmp_path / "first.sqlite3", tmp_path / "data")
    desk = RunningWindow(QApplication.instance(), services, None)
    qtbot.addWidget(desk.window)
    first = desk.window
    desk.window.databaseSwitchRequested.emit(tmp_path / "second.sqlite3")
    assert desk.window is not first and not first.isVisible()
    assert desk.services.db.path == (tmp_path / "second.sqlite3").resolve()
    assert remembered_database(tmp_path / "data") == str((tmp_path / "second.sqlite3").resolve())
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"no database here" * 10)
    current = desk.window
    desk.switch(Path(broken))
    assert desk.window is current  # refused: the open desk stays
    desk.window.jobs.wait(60_000)
    desk.window.close()
    desk.services.close()


def test_file_open_event_opens_the_article(qtbot, tmp_path, monkeypatch, seed_path):
    """What macOS sends for Finder's "Open with"."""
    from PySide6.QtGui import QFileOpenEvent

    from claimdesk.app import build_services

    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(tmp_path / "mac.sqlite3", tmp_path / "data")
    desk = RunningWindow(QApplication.instance(), services, None)
    qtbot.addWidget(desk.window)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(seed_path)))
    qtbot.waitUntil(lambda: desk.window.article_id is not None, timeout=30_000)
    QApplication.instance().removeEventFilter(desk._file_events)
    desk.window.jobs.wait(60_000)
    desk.window.close()
    services.close()


def test_switching_waits_until_queued_edits_are_saved(qtbot, tmp_path, monkeypatch):
    """Edits queued behind a bundle import are saved in their own file, never dropped."""
    import threading

    from claimdesk.app import build_services

    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    services = build_services(tmp_path / "first.sqlite3", tmp_path / "data")
    desk = RunningWindow(QApplication.instance(), services, None)
    qtbot.addWidget(desk.window)
    first, wb = desk.window, services.workbench
    release = threading.Event()
    held = threading.Event()

    def merge() -> None:
        with wb.db.write_lock:
            held.set()
            release.wait(10)

    threading.Thread(target=merge).start()
    held.wait()
    from dataclasses import replace

    first.writes.submit(
        lambda: wb.save_settings(replace(wb.settings(), checker_name="Ana")), lambda _c: None
    )
    desk.switch(tmp_path / "second.sqlite3")
    assert desk.window is first  # refused while the edit waits
    box = first.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and "still being saved" in box.text()
    release.set()
    qtbot.waitUntil(lambda: first.writes.pending() == 0, timeout=10_000)
    assert wb.settings().checker_name == "Ana"
    desk.switch(tmp_path / "second.sqlite3")
    assert desk.window is not first
    desk.window.jobs.wait(60_000)
    desk.window.close()
    desk.services.close()
