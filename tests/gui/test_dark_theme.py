"""The dark theme at 1024×700: no text of a dialog is dark on dark (or drawn in a
colour fixed for light windows)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from claimdesk.domain import Theme
from claimdesk.gui.theme import _contrast, apply_theme, is_dark
from tests.gui.conftest import wait_for_claims

Role = QPalette.ColorRole
#: The report's own body text colour (resources/templates/report.html.j2).
REPORT_TEXT = QColor("#1a1a1a")


def dark_window(qtbot, make_window, seed_path):
    apply_theme(QApplication.instance(), Theme.DARK)
    window = make_window()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    return window


def test_the_export_preview_is_a_readable_page_in_the_dark_theme(qtbot, make_window, seed_path):
    """The report brings its own dark text; the preview shows it on paper, not on the
    dark theme's base where it could not be read."""
    try:
        window = dark_window(qtbot, make_window, seed_path)
        dialog = window.dialogs.export_report()
        preview = dialog.preview.viewport()
        assert "Fact-check" in dialog.preview.toPlainText()
        assert _contrast(REPORT_TEXT, preview.palette().color(Role.Base)) >= 7
        assert (
            _contrast(dialog.preview.palette().color(Role.Text), preview.palette().color(Role.Base))
            >= 7
        )  # the plain-text formats too
        dialog.grab().save("/tmp/export_preview_dark.png")
        dialog.close()
    finally:
        apply_theme(QApplication.instance(), Theme.SYSTEM)
