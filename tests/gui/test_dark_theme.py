"""The dark theme at 1024×700: no text of a dialog is dark on dark (or drawn in a
colour fixed for light windows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from claimdesk.domain import Theme
from claimdesk.gui.dialogs.shared_desk import SharedDeskDialog
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.theme import _contrast, apply_theme, is_dark
from tests.gui.conftest import wait_for_claims

Role = QPalette.ColorRole
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
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


def _reads(label) -> bool:
    """The label's text colour stands out from its dialog's window (WCAG AA: 4.5)."""
    label.ensurePolished()
    window = label.window().palette().color(Role.Window)
    return _contrast(label.palette().color(Role.WindowText), window) >= 4.5


def test_warnings_and_errors_read_in_either_theme(qtbot, make_window, seed_path):
    """The inline warnings and errors were red and brown made for light windows."""
    app = QApplication.instance()
    try:
        window = dark_window(qtbot, make_window, seed_path)
        window.claims_panel.step(1)
        export = window.dialogs.export_report()
        assert export.warning.text()  # no claim worked on yet
        assert _reads(export.warning)

        qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)  # Add source…
        source = window.findChild(SourceDialog)
        qtbot.waitUntil(lambda: source is not None and source.isVisible())
        source.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        assert source.error.text() and source.isVisible()
        assert _reads(source.error)

        shared = SharedDeskDialog(window)
        qtbot.addWidget(shared)
        shared.error.setText("could not connect")
        assert _reads(shared.error)

        # Settings can change the theme while the (non-modal) export dialog stays open.
        apply_theme(app, Theme.LIGHT)
        qtbot.waitUntil(lambda: not is_dark(export.palette()))
        for label in (export.warning, source.error, shared.error):
            assert _reads(label)
        source.reject()
        export.close()
    finally:
        apply_theme(app, Theme.SYSTEM)


def test_the_claim_text_turns_dark_with_the_window(qtbot, make_window, seed_path):
    """Switched to dark in Settings, the detail pane's claim text stayed a light box with
    dark text (its style sheet had fixed the light palette) until the next start."""
    from dataclasses import replace

    app = QApplication.instance()
    try:
        apply_theme(app, Theme.LIGHT)
        window = make_window()
        window.open_path(seed_path)
        wait_for_claims(qtbot, window)
        window.claims_panel.step(1)
        claim_text = window.detail.claim_text.label
        assert claim_text.text()
        window.apply_desk_settings(replace(window.workbench.settings(), theme=Theme.DARK))
        qtbot.waitUntil(lambda: is_dark(window.detail.palette()))
        qtbot.waitUntil(lambda: is_dark(claim_text.palette()), timeout=2000)
        assert claim_text.palette().color(Role.Window) == window.detail.palette().color(
            Role.Window
        )
    finally:
        apply_theme(app, Theme.SYSTEM)


def test_the_export_dialogs_saved_line_reads_in_the_dark_theme(
    qtbot, make_window, seed_path, tmp_path
):
    """ "Saved …" is news in the dialog's own text colour: light on the dark window,
    and no longer the warning colour it was drawn in."""
    app = QApplication.instance()
    try:
        window = dark_window(qtbot, make_window, seed_path)
        export = window.dialogs.export_report()
        export.format.setCurrentIndex(export.format.findData("md"))
        target = tmp_path / "report.md"
        assert export.save_to(target) is not None
        qtbot.waitUntil(lambda: export.saved == target, timeout=30_000)
        line = export.saved_line
        assert line.isVisible() and line.text() == f"Saved {target}"
        assert _reads(line)
        assert line.palette().color(Role.WindowText) == export.palette().color(Role.WindowText)
        assert line.palette().color(Role.WindowText) != export.warning.palette().color(
            Role.WindowText
        )
        export.close()
    finally:
        apply_theme(app, Theme.SYSTEM)
