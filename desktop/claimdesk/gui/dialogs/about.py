"""Help → About: version, database, ClaimDesk's licence and the bundled third-party notices."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from claimdesk import __version__
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.screen_fit import resize_within_screen
from claimdesk.paths import resource_path

#: (tab title, file in resources/licenses), in the order the tabs appear.
LICENSE_TABS = (
    (QT_TRANSLATE_NOOP("AboutDialog", "ClaimDesk licence"), "LICENSE.txt"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Third-party notices"), "THIRD-PARTY-NOTICES.txt"),
    ("LGPL-3.0", "LGPL-3.0.txt"),
    ("GPL-3.0", "GPL-3.0.txt"),
    ("Apache-2.0", "Apache-2.0.txt"),
)


def licence_text(name: str) -> str:
    """A bundled licence file's text, or a sentence saying it is missing."""
    path = resource_path("licenses", name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return QCoreApplication.translate(
            "AboutDialog",
            "{name} is missing from this installation; reinstall ClaimDesk to restore it.",
        ).format(name=name)


class AboutDialog(QDialog):
    """Says what this ClaimDesk is and shows the licences it is distributed under."""

    def __init__(self, parent: QWidget | None, db_path: str | Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About ClaimDesk"))
        resize_within_screen(self, 720, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header(db_path))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.windowTitle())
        self.editors: dict[str, QPlainTextEdit] = {}
        for title, name in LICENSE_TABS:
            editor = QPlainTextEdit(self.tabs)
            editor.setObjectName(name)
            editor.setAccessibleName(self.tr(title))
            editor.setReadOnly(True)
            editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.tabs.addTab(editor, self.tr(title))
            self.editors[name] = editor
        # The notices are large: each text is read when its tab is first shown.
        self.tabs.currentChanged.connect(self._load_tab)
        self._load_tab(0)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _header(self, db_path: str | Path | None) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon_file = resource_path("icons", "claimdesk-64.png")
        if icon_file.exists():
            icon.setPixmap(QIcon(str(icon_file)).pixmap(64, 64))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        database = html.escape(str(db_path)) if db_path else self.tr("none open")
        text = QLabel(
            f"<h2>ClaimDesk {html.escape(__version__)}</h2><p>"
            + self.tr(
                "A workbench for fact-checkers: find the check-worthy claims of an article, "
                "rate them and keep the evidence."
            )
            + "</p><p>"
            + self.tr(
                "Copyright © ClaimDesk developers. Free software under the MIT licence. "
                "Built with Qt (LGPL-3.0), spaCy and its English pipeline (MIT), and a "
                "check-worthiness model trained on the ClaimBuster dataset (Arslan, Hassan, "
                "Li, Tremayne, ICWSM 2020)."
            )
            + "</p><p>"
            + self.tr("Database: {database}").format(database=database)
            + f"<br>Qt {html.escape(qVersion())}, PySide6 {html.escape(PySide6.__version__)}, "
            f"Python {html.escape(platform.python_version())}</p>",
            self,
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(text, 1)
        return row

    def _load_tab(self, index: int) -> None:
        _title, name = LICENSE_TABS[index]
        editor = self.editors[name]
        if not editor.toPlainText():
            editor.setPlainText(licence_text(name))

    def text_of(self, name: str) -> str:
        """The text shown for licence file `name` (loads it if its tab was not shown yet)."""
        self._load_tab([n for _t, n in LICENSE_TABS].index(name))
        return self.editors[name].toPlainText()


def show_about(parent: QWidget | None, db_path: str | Path | None) -> QDialog:
    """Show the About dialog (not modal) and return it."""
    dialog = AboutDialog(parent, db_path)
    dialog.show()
    return dialog
