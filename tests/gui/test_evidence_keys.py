"""The evidence viewer from the keyboard: Enter and Esc close it, Alt+O opens the copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from claimdesk.gui.dialogs.evidence_viewer import EvidenceViewer
from tests.gui.test_evidence_gui import Opened, window_with_a_source

ALT = Qt.KeyboardModifier.AltModifier


def test_enter_closes_the_viewer_and_opens_nothing(qtbot, make_window, tmp_path) -> None:
    """Enter and Esc close the viewer; "Open with the system viewer", which hands a
    temporary copy to another program, had no Alt letter: the keyboard reached it only
    by Tab. Alt+O opens the copy when the checker means it."""
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    page = b"<html><body><p>Port closed on Monday.</p><script>x()</script></body></html>"
    attached, _ = window.workbench.attach_bytes(source, page, "saved.html")
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            viewer = EvidenceViewer(window.workbench, attached, window)
            qtbot.addWidget(viewer)
            viewer.show()
            viewer.activateWindow()
            qtbot.waitUntil(lambda v=viewer: QApplication.activeWindow() is v)
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.waitUntil(lambda v=viewer: not v.isVisible())
            assert opened.paths == [] and viewer.temporary is None, key
        # A saved page asks before the browser runs it (test_evidence_viewer_open.py);
        # a plain text goes straight to the system viewer.
        notes = b"Port closed on Monday, the harbour master said.\n"
        plain, _ = window.workbench.attach_bytes(source, notes, "notes.txt")
        viewer = EvidenceViewer(window.workbench, plain, window)
        qtbot.addWidget(viewer)
        viewer.show()
        viewer.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, ALT)
        qtbot.waitUntil(lambda: len(opened.paths) == 1)
        assert viewer.temporary is not None and viewer.temporary.read_bytes() == notes
        viewer.close()
    finally:
        QDesktopServices.unsetUrlHandler("file")
