"""Shows the two kinds of error: a plain message for the user's world, a report for bugs."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from claimdesk.errors import KnownError

log = logging.getLogger(__name__)


class ErrorReporter:
    """Turns exceptions into dialogs; non-blocking so work and tests go on."""

    def __init__(self, parent: QWidget, log_file: Path | None) -> None:
        self.parent = parent
        self.log_file = log_file

    def report(self, exc: BaseException, tb: str = "") -> QMessageBox:
        if isinstance(exc, KnownError):
            return self.known(str(exc))
        return self.bug(exc, tb or "".join(traceback.format_exception(exc)))

    def known(self, message: str, title: str = "ClaimDesk") -> QMessageBox:
        log.info("user error: %s", message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("knownErrorBox")
        return self._show(box)

    def bug(self, exc: BaseException, tb: str) -> QMessageBox:
        log.error("unexpected error: %s\n%s", exc, tb)
        where = (
            "\n\n"
            + QCoreApplication.translate(
                "ErrorReporter", "The details are also in the log: {path}"
            ).format(path=self.log_file)
            if self.log_file
            else ""
        )
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("ErrorReporter", "ClaimDesk: unexpected error"),
            QCoreApplication.translate(
                "ErrorReporter", "Something went wrong inside ClaimDesk. Your work so far is saved."
            )
            + where
            + "\n\n"
            + QCoreApplication.translate(
                "ErrorReporter", "Please report it with the details below."
            ),
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        box.setObjectName("bugReportBox")
        box.setDetailedText(f"{type(exc).__name__}: {exc}\n\n{tb}")
        return self._show(box)

    @staticmethod
    def _show(box: QMessageBox) -> QMessageBox:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box


def install_excepthook(reporter: ErrorReporter) -> None:
    """Route uncaught exceptions on the GUI thread to the crash dialog instead of stderr."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        reporter.report(exc, text)

    sys.excepthook = hook
