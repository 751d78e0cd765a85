"""Open shared desk…: a PostgreSQL address, the password kept by libpq or for this session only."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from claimdesk.errors import KnownError
from claimdesk.gui.dialogs.scale_editor import named
from claimdesk.services import desk_settings
from claimdesk.storage import pgpass
from claimdesk.storage.db import open_database
from claimdesk.storage.pgpass import DeskAddress

log = logging.getLogger(__name__)


class _Outcome(QObject):
    """Carries a connection attempt's end from its thread to the dialog's (queued)."""

    finished = Signal(str, object)  # the address tried; None, or the refusal's sentence


def try_open(target: str) -> None:
    """Open the desk once (creating or upgrading it) and let go: a KnownError says why not."""
    open_database(target).dispose()


class SharedDeskDialog(QDialog):
    """Asks where the shared desk is; Open connects first and stays open on a refusal.

    The password never reaches ClaimDesk's settings: ticked "Remember password" writes it
    to the user's libpq password file, otherwise it lives in this session's address only.
    """

    openRequested = Signal(str)  # the address to open now (with the session's password)
    # A connection attempt ended (after openRequested when it succeeded).
    attemptFinished = Signal()

    def __init__(self, parent: QWidget | None, opener: Callable[[str], None] = try_open) -> None:
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
        self.error = named(QLabel(wordWrap=True), "sharedDeskError")
        self.error.setStyleSheet("color: #c62828;")
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
        self._pending: tuple[str, DeskAddress, str | None] | None = None
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

        On success the asked password is remembered, openRequested carries the address
        and the dialog closes; a refusal is one line in it and the fields come back.
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
        self._pending = (target, address, password if remember else None)
        self.show_error(self.tr("Connecting…"))
        self._busy(True)
        # Off the GUI thread: an unreachable server takes up to the connect timeout, and
        # the first checker's open creates the whole desk. Esc still cancels meanwhile.
        outcome, opener = self._outcome, self.opener
        unexpected = self.tr("Cannot open the shared desk; the log file has the details.")

        def attempt() -> None:
            try:
                opener(target)
                error: str | None = None
            except KnownError as exc:
                error = str(exc)
            except Exception:
                log.exception("opening the shared desk failed")
                error = unexpected
            with contextlib.suppress(RuntimeError):  # the dialog was deleted meanwhile
                outcome.finished.emit(target, error)

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

    def _connected(self, target: str, error: str | None) -> None:
        pending, self._pending = self._pending, None
        if pending is None or pending[0] != target:
            return  # cancelled meanwhile: the checker closed the dialog
        self._busy(False)
        if error is not None:
            self.show_error(error)
            self.attemptFinished.emit()
            return
        _, address, remember = pending
        if remember:
            pgpass.remember_password(address, remember)
        self.error.clear()
        self.accept()
        self.openRequested.emit(target)
        self.attemptFinished.emit()

    def reject(self) -> None:
        self._pending = None  # an attempt still running is forgotten
        super().reject()


def shared_desk_button(settings: QDialog, requested: SignalInstance) -> QPushButton:
    """The Settings dialog's "Open shared desk…" button: the dialog closes, `requested`
    (its openDatabaseRequested) carries the address to the window, as for a file."""
    text = QCoreApplication.translate("SettingsDialog", "Open shared des&k…")
    button = named(QPushButton(text), "settingsOpenSharedDesk")

    def ask() -> None:
        dialog = SharedDeskDialog(settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(target: str) -> None:
            settings.reject()
            requested.emit(target)

        dialog.openRequested.connect(chosen)
        dialog.open()

    button.clicked.connect(ask)
    return button
