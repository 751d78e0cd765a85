"""Open shared desk… in Settings: a real desk on the test server, the password never in settings."""

from __future__ import annotations

import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import Engine, event

from claimdesk.gui.application import RunningWindow, remembered_database
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog
from claimdesk.gui.dialogs.shared_desk import SharedDeskDialog
from claimdesk.storage import pgpass
from claimdesk.storage.db import Database, open_database
from tests.pg import SUPERUSER, PgServer

SECRET = "s3cr:t\\pw"


@pytest.fixture
def desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningWindow]:
    """A running window over a desk file, its data folder and password file in tmp_path."""
    from claimdesk.app import build_services

    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    services = build_services(tmp_path / "own.sqlite3", tmp_path / "data")
    running = RunningWindow(QApplication.instance(), services, None)
    qtbot.addWidget(running.window)
    yield running
    running.window.jobs.wait(60_000)
    running.window.close()
    running.services.close()


def _shared_desk_dialog(qtbot, running: RunningWindow) -> SharedDeskDialog:
    settings = running.window.dialogs.open_settings()
    assert isinstance(settings, SettingsDialog)
    button = settings.findChild(QPushButton, "settingsOpenSharedDesk")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = settings.findChild(SharedDeskDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _fill(dialog: SharedDeskDialog, server: PgServer, database: str, remember: bool) -> None:
    dialog.host.setText(str(server.socket_dir))
    dialog.port.setValue(server.port)
    dialog.database.setText(database)
    dialog.user.setText(SUPERUSER)
    dialog.password.setText(SECRET)  # the server trusts its socket: any password opens
    dialog.remember.setChecked(remember)


@pytest.mark.parametrize("remember", [True, False], ids=["remembered", "session-only"])
def test_enter_opens_a_shared_desk_and_the_password_stays_out_of_settings(
    qtbot, desk: RunningWindow, tmp_path: Path, pg_server: PgServer, remember: bool
) -> None:
    name = pg_server.create_database()
    try:
        first = desk.window
        dialog = _shared_desk_dialog(qtbot, desk)
        _fill(dialog, pg_server, name, remember)
        with qtbot.waitSignal(dialog.attemptFinished, timeout=60_000):
            qtbot.keyClick(dialog.database, Qt.Key.Key_Return)
        assert desk.window is not first, dialog.error.text()
        assert desk.services.db.is_server
        assert desk.services.workbench.rating_scale().ratings  # migrated and seeded
        stored = (tmp_path / "data" / "ui.ini").read_text()
        address = pgpass.DeskAddress(str(pg_server.socket_dir), pg_server.port, name, SUPERUSER)
        assert remembered_database(tmp_path / "data") == address.url()
        assert "s3cr" not in stored
        password_file = tmp_path / "pgpass"
        if remember:
            line = f"{pg_server.socket_dir}:{pg_server.port}:{name}:{SUPERUSER}:s3cr\\:t\\\\pw"
            assert password_file.read_text() == line + "\n"
            assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
        else:
            assert not password_file.exists()
        desk.window.jobs.wait(60_000)
        desk.services.db.dispose()
    finally:
        pg_server.drop_database(name)


def test_a_refused_connection_is_one_line_in_the_dialog_and_esc_cancels(
    qtbot, desk: RunningWindow, tmp_path: Path, pg_server: PgServer
) -> None:
    first = desk.window
    dialog = _shared_desk_dialog(qtbot, desk)
    _fill(dialog, pg_server, "no_such_desk", remember=True)
    with qtbot.waitSignal(dialog.attemptFinished, timeout=60_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.connecting() and not dialog.open_button.isEnabled()
    assert dialog.isVisible() and desk.window is first
    assert dialog.open_button.isEnabled() and dialog.host.isEnabled()
    text = dialog.error.text()
    assert "no_such_desk" in text and "does not exist" in text and "\n" not in text
    assert not (tmp_path / "pgpass").exists()  # a refused password is not remembered
    dialog.host.clear()
    dialog.database.clear()
    qtbot.keyClick(dialog.host, Qt.Key.Key_Return)
    assert "host" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and desk.window is first


def test_every_hint_in_the_dialog_is_readable_whole(qtbot) -> None:
    dialog = SharedDeskDialog(None, opener=lambda _url: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in (dialog.host, dialog.database, dialog.user, dialog.service):
        hint = field.placeholderText()
        # The text area is the field less its frame and margins (a few pixels a side).
        assert field.width() - 16 >= field.fontMetrics().horizontalAdvance(hint), hint
    dialog.show_error("Cannot open the shared desk db.newsroom.example/claimdesk: " + "x" * 200)
    assert dialog.error.wordWrap()  # a long refusal wraps inside the dialog
    assert dialog.width() < 1024


def test_the_window_answers_while_a_server_is_slow_and_esc_forgets_the_attempt(qtbot) -> None:
    """Connecting runs off the GUI thread: an unreachable server must not freeze anything."""
    release = threading.Event()
    opened: list[str] = []

    def slow(_target: str) -> None:
        release.wait(30)

    dialog = SharedDeskDialog(None, opener=slow)
    qtbot.addWidget(dialog)
    dialog.openRequested.connect(opened.append)
    dialog.show()
    dialog.host.setText("db.newsroom.example")
    dialog.database.setText("claimdesk")
    started = time.monotonic()
    qtbot.keyClick(dialog.database, Qt.Key.Key_Return)
    assert time.monotonic() - started < 5  # the key press came back before the server did
    assert dialog.connecting() and dialog.error.text() == "Connecting…"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    release.set()
    qtbot.wait(300)  # the attempt ends now, and its success is no longer wanted
    assert opened == []


@pytest.fixture
def engines_on(pg_server: PgServer) -> Iterator[tuple[str, list[object]]]:
    """A new database and every engine that connects to it (one dialect per engine),
    heard through SQLAlchemy's own do_connect event on all engines."""
    name = pg_server.create_database()
    dialects: list[object] = []

    def connecting(dialect, _record, _args, params) -> None:  # type: ignore[no-untyped-def]
        if params.get("dbname") == name and not any(d is dialect for d in dialects):
            dialects.append(dialect)

    event.listen(Engine, "do_connect", connecting)
    try:
        yield name, dialects
    finally:
        event.remove(Engine, "do_connect", connecting)
        pg_server.drop_database(name)


def _sessions_on(server: PgServer, name: str) -> int:
    with psycopg.connect(server.conninfo()) as con:
        row = con.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_the_desk_the_dialog_opened_is_the_one_the_window_works_on(
    qtbot, engines_on: tuple[str, list[object]], desk: RunningWindow, pg_server: PgServer
) -> None:
    """One open: the first checker's open creates the desk once, and the window does
    not connect, check and upgrade it a second time after the dialog's test open."""
    name, dialects = engines_on
    first = desk.window
    dialog = _shared_desk_dialog(qtbot, desk)
    _fill(dialog, pg_server, name, remember=False)
    with qtbot.waitSignal(dialog.attemptFinished, timeout=60_000):
        qtbot.keyClick(dialog.database, Qt.Key.Key_Return)
    assert desk.window is not first, dialog.error.text()
    assert desk.services.workbench.rating_scale().ratings  # migrated and seeded
    desk.window.jobs.wait(60_000)
    assert len(dialects) == 1  # one engine ever connected to the desk
    assert dialects[0] is desk.services.db.engine.dialect
    desk.services.db.dispose()


def test_an_attempt_cancelled_while_connecting_lets_go_of_the_desk_it_opened(
    qtbot, pg_server: PgServer, engines_on: tuple[str, list[object]]
) -> None:
    name, dialects = engines_on
    release = threading.Event()
    opened: list[Database] = []

    def slow(target: str) -> Database:
        db = open_database(target)
        with db.engine.connect():  # keeps a pooled connection, as a used desk does
            pass
        opened.append(db)
        release.wait(30)
        return db

    dialog = SharedDeskDialog(None, opener=slow)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, pg_server, name, remember=False)
    qtbot.keyClick(dialog.database, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert _sessions_on(pg_server, name) >= 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    release.set()
    # The attempt ends after the cancel: what it opened is closed, nothing is left connected.
    qtbot.waitUntil(lambda: _sessions_on(pg_server, name) == 0, timeout=10_000)
    assert len(dialects) == 1


def test_a_switch_refused_while_writes_wait_lets_go_of_the_desk_the_dialog_opened(
    qtbot, desk: RunningWindow, pg_server: PgServer, engines_on: tuple[str, list[object]]
) -> None:
    """The window keeps its own file while a queued edit waits to be saved there; the
    shared desk the dialog had opened for it is closed, not left connected."""
    from claimdesk.app import OpenedDesk
    from tests.gui.test_write_queue import hold_in_process

    name, _dialects = engines_on
    url = pg_server.url(name)
    opened = open_database(url)
    with opened.engine.connect():  # a pooled connection, as the dialog's open leaves
        pass
    assert _sessions_on(pg_server, name) == 1
    first, workbench = desk.window, desk.services.workbench
    merge, _held = hold_in_process(first, 1.5)  # as a bundle merge holds the file
    settings = workbench.settings()
    assert not first.writes.submit(lambda: workbench.save_settings(settings), lambda _r: None)
    assert first.writes.pending() == 1
    desk.switch(OpenedDesk(url, opened))
    assert desk.window is first  # refused: the queued edit belongs to this file
    assert _sessions_on(pg_server, name) == 0
    box = first.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and "still being saved" in box.text()
    box.close()
    merge.join()
    qtbot.waitUntil(lambda: first.writes.pending() == 0, timeout=10_000)
