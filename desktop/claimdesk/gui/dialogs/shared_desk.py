"""Open shared desk…: a PostgreSQL address, the password kept by libpq or for this session only."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from claimdesk.app import OpenedDesk
from claimdesk.errors import KnownError
from claimdesk.gui.dialogs.scale_editor import named
from claimdesk.gui.theme import ERROR_COLORS, MessageLabel
from claimdesk.services import desk_settings
from claimdesk.storage import pgpass
from claimdesk.storage.db import Database, open_database
from claimdesk.storage.pgpass import DeskAddress

log = logging.getLogger(__name__)


class _Outcome(QObject):
    """Carries a connection attempt's end from its thread to the dialog's (queued)."""

    finished = Signal(object, object)  # the _Attempt; None, or the refusal's sentence


class _Attempt:
    """One connection attempt and the desk it opened, until the dialog takes it.

    The lock orders the attempt's end (on its thread) against a cancel (on the GUI
    thread): whichever comes second disposes the desk, so a cancelled attempt never
    leaves a connection open, even when its queued signal is never delivered.
    """

    def __init__(self, target: str, address: DeskAddress, remember: str | None) -> None:
        self.target = target
        self.address = address
        self.remember = remember  # the password to remember once it opened
        self._lock = threading.Lock()
        self._db: Database | None = None
        self._cancelled = False

    def opened(self, db: Database | None) -> None:
        with self._lock:
            if not self._cancelled:
                self._db = db
                return
        if db is not None:
            db.dispose()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            db, self._db = self._db, None
        if db is not None:
            db.dispose()

    def take(self) -> Database | None:
        with self._lock:
            db, self._db = self._db, None
        return db


class SharedDeskDialog(QDialog):
    """Asks where the shared desk is; Open connects first and stays open on a refusal.

    The password never reaches ClaimDesk's settings: ticked "Remember password" writes it
    to the user's libpq password file, otherwise it lives in this session's address only.
    """

    # The desk opened (claimdesk.app.OpenedDesk): whoever hears this owns and disposes it.
    openRequested = Signal(object)
    # A connection attempt ended (after openRequested when it succeeded).
    attemptFinished = Signal()

    def __init__(
        self, parent: QWidget | None, opener: Callable[[str], Database] = open_database
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sharedDeskDialog")
        self.setWindowTitle(self.tr("Open shared desk"))
        self.opener = opener
        self.host = named(QLineEdit(placeholderText="db.newsroom.example"), "sharedDeskHost")
        self.port = named(QSpinBox(), "sharedDeskPort")
        self.port.setRange(1, 65535)
        self.port.setValue(pgpass.DEFAULT_PORT)
        self.database = named(QLineEdit(placeholderText="claimdesk"), "sharedDeskDatabase")
        self.user = named(QLineEdit(), "sharedDeskUser")
        self.user.setPlaceholderText(desk_settings.os_user() or "")
        self.password = named(QLineEdit(), "sharedDeskPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.service = named(QLineEdit(), "sharedDeskService")
        self.service.setPlaceholderText(self.tr("or a service from pg_service.conf"))
        self.remember = named(QCheckBox(self.tr("&Remember password")), "sharedDeskRemember")
        self.remember.setToolTip(
            self.tr("Kept in your PostgreSQL password file ({path}), never in ClaimDesk.").format(
                path=pgpass.password_file()
            )
        )
        self.error = named(MessageLabel(ERROR_COLORS, wordWrap=True), "sharedDeskError")
        self.buttons = named(QDialogButtonBox(), "sharedDeskButtons")
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setDefault(True)  # Enter opens; Esc is QDialog's reject
        form = QFormLayout(self)
        for text, field in (
            (self.tr("&Host:"), self.host), (self.tr("&Port:"), self.port),
            (self.tr("&Database:"), self.database), (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password), (self.tr("&Service:"), self.service),
        ):  # fmt: skip
            form.addRow(text, field)
        form.addRow(self.remember)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.open_desk)
        self.buttons.rejected.connect(self.reject)
        self.service.textChanged.connect(self._service_typed)
        self._outcome = _Outcome(self)
        self._outcome.finished.connect(self._connected)
        #: The attempt under way: its address, and the password to remember if it opens.
        self._pending: _Attempt | None = None
        # Wide enough for the hints in the fields and a server's one-line refusal.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def address(self) -> DeskAddress:
        return DeskAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            service=self.service.text().strip(),
        )

    def _service_typed(self, text: str) -> None:
        # A service's password is its own entry's business (pgpass.remember_password).
        self.remember.setEnabled(not text.strip())

    def show_error(self, text: str) -> None:
        self.error.setText(" ".join(text.split()))  # one line, however the server put it

    def open_desk(self) -> bool:
        """Start connecting (False: the address is incomplete, said in the dialog).

        On success the asked password is remembered, openRequested carries the open desk
        and the dialog closes; a refusal is one line in it and the fields come back.
        The desk is opened (created, upgraded) once, here: the window takes it over.
        """
        address = self.address()
        if address.problem():
            self.show_error(
                self.tr("Enter the server's host name, or a service name.")
                if not address.host
                else self.tr("Enter the name of the desk's database.")
            )
            return False
        password = self.password.text()
        target = address.url(password or None)
        remember = self.remember.isChecked() and self.remember.isEnabled() and password
        self._pending = pending = _Attempt(target, address, password if remember else None)
        self.show_error(self.tr("Connecting…"))
        self._busy(True)
        # Off the GUI thread: an unreachable server takes up to the connect timeout, and
        # the first checker's open creates the whole desk. Esc still cancels meanwhile.
        outcome, opener = self._outcome, self.opener
        unexpected = self.tr("Cannot open the shared desk; the log file has the details.")

        def attempt() -> None:
            # Only the engine is made here (SQLAlchemy's are thread-safe); nothing of Qt
            # but the queued signal, which hands the desk to the GUI thread.
            try:
                pending.opened(opener(target))
                error: str | None = None
            except KnownError as exc:
                error = str(exc)
            except Exception:
                log.exception("opening the shared desk failed")
                error = unexpected
            try:
                outcome.finished.emit(pending, error)
            except RuntimeError:  # the dialog was deleted meanwhile: nobody takes the desk
                pending.cancel()

        threading.Thread(target=attempt, name="open shared desk", daemon=True).start()
        return True

    def connecting(self) -> bool:
        return self._pending is not None

    def _busy(self, busy: bool) -> None:
        for field in (self.host, self.port, self.database, self.user, self.password,
                      self.service, self.remember, self.open_button):  # fmt: skip
            field.setEnabled(not busy)
        if not busy:
            self._service_typed(self.service.text())

    def _connected(self, attempt: _Attempt, error: str | None) -> None:
        if attempt is not self._pending:
            attempt.cancel()  # cancelled meanwhile (the checker closed the dialog)
            return
        self._pending = None
        self._busy(False)
        db = attempt.take()
        if error is not None or db is None:
            self.show_error(error or "")
            self.attemptFinished.emit()
            return
        if attempt.remember:
            pgpass.remember_password(attempt.address, attempt.remember)
        self.error.clear()
        self.accept()
        self.openRequested.emit(OpenedDesk(attempt.target, db))
        self.attemptFinished.emit()

    def reject(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.cancel()  # an attempt still running is forgotten, its desk let go
        super().reject()


def shared_desk_button(settings: QDialog, requested: SignalInstance) -> QPushButton:
    """The Settings dialog's "Open shared desk…" button: the dialog closes, `requested`
    (its openDatabaseRequested) carries the opened desk to the window (an OpenedDesk,
    where a file is a Path)."""
    text = QCoreApplication.translate("SettingsDialog", "Open shared des&k…")
    button = named(QPushButton(text), "settingsOpenSharedDesk")

    def ask() -> None:
        dialog = SharedDeskDialog(settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(desk: OpenedDesk) -> None:
            settings.reject()
            requested.emit(desk)

        dialog.openRequested.connect(chosen)
        dialog.open()

    button.clicked.connect(ask)
    return button
