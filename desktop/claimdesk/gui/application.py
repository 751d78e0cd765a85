"""Starts the Qt application: checks system libraries, opens the data, shows the window."""

from __future__ import annotations

import logging
import os
import sys
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimdesk.app import OpenedDesk, Services, build_services, configure_logging
from claimdesk.errors import KnownError

if TYPE_CHECKING:
    from claimdesk.gui.stop_signals import StopOnSignal

log = logging.getLogger(__name__)


def create_window(services: Services, log_file: Path | None = None):  # type: ignore[no-untyped-def]
    """The main window over `services` (QApplication must exist)."""
    from PySide6.QtCore import QSettings

    from claimdesk.gui.windows.main_window import MainWindow

    settings = QSettings(str(services.paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    return MainWindow(services, settings, log_file)


def warm_up(window) -> None:  # type: ignore[no-untyped-def]
    """Load spaCy, the scorer and the language detector in the background (quick first use)."""

    def load(_job) -> None:  # type: ignore[no-untyped-def]
        window.workbench.nlp.pipeline()
        window.workbench.nlp.scorer()
        window.workbench.nlp.language_of("ClaimDesk")  # loads the language detector

    window.jobs.run("load language model", load, on_success=lambda _r: window.show_limitations())


def run(files: Sequence[str], db: str | None, data_dir: str | None, lang: str | None = None) -> int:
    from claimdesk.system_libraries import (
        display_problem,
        display_unanswered,
        libraries_message,
        missing_libraries,
    )

    # Said before Qt starts: Qt would abort with a misleading hint about xcb-cursor.
    problem = display_problem()
    missing = [] if problem else missing_libraries()
    if not (problem or missing):
        problem = display_unanswered()
    if problem or missing:
        print(problem or libraries_message(missing), file=sys.stderr)
        return 3
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from claimdesk.paths import app_paths, resource_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("ClaimDesk")
    app.setOrganizationName("ClaimDesk")
    app.setDesktopFileName("claimdesk")
    icon = resource_path("icons", "claimdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    unusable = _not_text(data_dir)
    if unusable:
        return _refuse(app, unusable)
    from claimdesk.gui.i18n import install, stored_language

    # Before any widget exists: texts are translated when widgets are built.
    install(app, lang if lang is not None else stored_language(_prefs(data_dir)))
    remembered = db is None
    if db is None:
        db = remembered_database(data_dir)
    try:
        # Before the desk opens: what happens while opening it goes to the log, not the
        # terminal (logging's last resort printed a remembered desk's traceback there).
        log_file = configure_logging(app_paths(data_dir))
        try:
            services = build_services(db, data_dir)
        except KnownError:
            if not (remembered and db):
                raise
            # A shared desk remembered from last time is down or wants a password that
            # was kept for that session only: the checker's own desk opens instead.
            log.warning("the remembered desk %s did not open", db, exc_info=True)
            services = build_services(None, data_dir)
    except KnownError as exc:
        return _refuse(app, str(exc))
    from claimdesk.gui.stop_signals import StopOnSignal

    stopper = StopOnSignal(app)
    try:
        running = RunningWindow(app, services, log_file)
        stopper.on_stop(running.stop, lambda: running.end_now(stopper))
        if files:
            for path in files:
                running.window.open_path(path)
        else:
            running.window.restore_session()
        code = app.exec()
        running.services.close()
    finally:
        stopper.uninstall()
        stopper.deleteLater()
    said = stopper.said()
    if said is not None:
        print(f"claimdesk: {said}", file=sys.stderr)
        return stopper.exit_code() or int(code)
    return int(code)


def _refuse(app, message: str) -> int:  # type: ignore[no-untyped-def]
    """Say why the window cannot open: one line on stderr, and a box on a real screen."""
    from PySide6.QtWidgets import QMessageBox

    print(f"claimdesk: {message}", file=sys.stderr)
    if app.platformName() != "offscreen":  # nobody could click a box there
        QMessageBox.critical(None, "ClaimDesk", message)
    return 2


def _not_text(data_dir: str | Path | None) -> str | None:
    """Why Qt cannot use the data folder's name, if it cannot: Qt keeps file names as
    UTF-8 text, so a name with other bytes (a Latin-1 "café") would send the window's
    ui.ini into another folder, named with U+FFFD."""
    from claimdesk.paths import DATA_DIR_ENV, app_paths

    folder = app_paths(data_dir).data_dir
    try:
        str(folder).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(folder).encode("utf-8", "replace").decode("utf-8")
        return (
            f"The data folder {shown} has a name that is not UTF-8 text, which the window "
            f"cannot use. Rename it, or choose another folder with --data-dir or {DATA_DIR_ENV}."
        )
    return None


def drop_removed_files(services: Services) -> None:
    """Delete the stored files no attachment names any more, as a window opens a desk:
    no undo history here can bring them back yet. A busy desk keeps them for next time.

    Not on closing: by then a restore may have put an older file under the services.
    """
    try:
        dropped = services.workbench.drop_unreferenced_evidence()
    except KnownError:
        log.warning("removed attachments stay in the desk until it is next opened", exc_info=True)
        return
    if dropped:
        log.info("dropped %d stored files no attachment names", dropped)


def _prefs(data_dir: str | Path | None):  # type: ignore[no-untyped-def]
    """The per-user UI preferences file (QSettings in the data folder)."""
    from PySide6.QtCore import QSettings

    from claimdesk.paths import app_paths

    return QSettings(str(app_paths(data_dir).data_dir / "ui.ini"), QSettings.Format.IniFormat)


def remembered_database(data_dir: str | Path | None) -> str | None:
    """The database chosen in Settings last time, if it still exists (a shared desk's
    address, without a password, is tried as it is)."""
    from claimdesk.storage.db_server import is_server_url

    value = _prefs(data_dir).value("database/path")
    if is_server_url(value):
        return str(value)
    return str(value) if value and Path(str(value)).is_file() else None


class RunningWindow:
    """The running window and its services; switching databases replaces both."""

    def __init__(self, app, services: Services, log_file: Path | None) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.log_file = log_file
        self._open(services)
        from claimdesk.gui.windows import file_open

        # self.window changes when the database is switched, so look it up per event;
        # a weak reference: the filter lives with the application, not with this object.
        running = weakref.ref(self)

        def open_path(path: str) -> None:
            me = running()
            if me is not None:
                me.window.open_path(path)

        self._file_events = file_open.install(app, open_path)

    def _open(self, services: Services) -> None:
        from claimdesk.gui.errors import install_excepthook
        from claimdesk.gui.theme import apply_theme

        self.services = services
        drop_removed_files(services)
        self.window = create_window(services, self.log_file)
        self.window.databaseSwitchRequested.connect(self.switch)
        apply_theme(self.app, services.workbench.settings().theme)
        install_excepthook(self.window.errors)
        self.window.show()
        warm_up(self.window)

    def stop(self) -> None:
        """Close the window as its close button does, then end the run even if some other
        window is open; queued edits are saved first (the window waits for them)."""
        from PySide6.QtCore import Qt

        window = self.window
        if not window.isVisible() or window.close():
            self.app.quit()
        else:
            window.closeRetried.connect(self.stop, Qt.ConnectionType.SingleShotConnection)

    def end_now(self, stopper: StopOnSignal) -> None:
        """A second stop signal while the window waits for queued edits or a bundle
        import: end the run now, saying on stderr what was not saved. A write that was
        running is a transaction never committed (SQLite and PostgreSQL drop it whole);
        a note dialog's fields are kept as on the first signal. With nothing to wait
        for, the first signal's close is already ending the run."""
        pending = self.window.writes.pending()
        merging = self.window.bundles.importing() is not None
        if not (pending or merging):
            return
        self.window.detail.source_edits.keep_typed()
        unfinished = []
        if pending:
            unfinished.append("1 edit was saved" if pending == 1 else f"{pending} edits were saved")
        if merging:
            unfinished.append("the bundle import finished")
        said = (stopper.said() or "Stopped.").rstrip(".")
        message = f"{said} before {' and '.join(unfinished)} (a second signal)."
        log.warning("%s", message)
        print(f"claimdesk: {message}", file=sys.stderr, flush=True)
        logging.shutdown()
        # Not through the event loop: the writer's thread may wait minutes for the lock,
        # and the interpreter would wait for it on exit.
        os._exit(stopper.exit_code() or 1)

    def switch(self, path: Path | str | OpenedDesk) -> None:
        """Open `path` (created if new), a shared desk's address, or take over a desk the
        shared-desk dialog opened, in a fresh window; the old one closes on success."""
        if self.window.writes.pending() or self.window.bundles.importing():
            if isinstance(path, OpenedDesk):
                path.db.dispose()  # not switching: nobody else will close it
            # Edits queued behind a bundle import go to the file they were made in, and
            # the window would not close before the import is merged.
            from PySide6.QtCore import QCoreApplication

            if not self.window.writes.pending():
                self.window.errors.known(
                    QCoreApplication.translate(
                        "RunningWindow",
                        "A case bundle is still being imported. Switch databases once it "
                        "is merged.",
                    )
                )
                return
            self.window.errors.known(
                QCoreApplication.translate(
                    "RunningWindow",
                    "Your last changes are still being saved. Switch databases once the "
                    "status bar says “{saved}”",
                ).format(saved=QCoreApplication.translate("WriteQueue", "Saved."))
            )
            return
        try:
            services = build_services(path, self.services.paths.data_dir)
        except KnownError as exc:
            self.window.errors.report(exc)
            return
        self.window.close()
        self.services.close()
        # A shared desk is remembered by its address, never with the password typed for it.
        from claimdesk.storage.pgpass import without_password

        target = path.target if isinstance(path, OpenedDesk) else str(path)
        where = without_password(target) if services.db.path is None else services.db.path
        _prefs(services.paths.data_dir).setValue("database/path", str(where))
        self._open(services)
        self.window.restore_session()
