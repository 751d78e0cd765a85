"""The evidence viewer: what it shows for a file, and opening a copy outside ClaimDesk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox

from claimdesk.domain import Theme
from claimdesk.gui.dialogs.evidence_viewer import VIEW_CHARS, EvidenceViewer
from claimdesk.gui.i18n import format_number
from claimdesk.gui.panels.evidence_actions import png_bytes
from claimdesk.gui.theme import _contrast, apply_theme
from tests.gui.test_evidence_gui import Opened, window_with_a_source
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf, build_scanned_pdf


def _viewer(qtbot, make_window, tmp_path, name: str, data: bytes) -> EvidenceViewer:
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    path = tmp_path / name
    path.write_bytes(data)
    attachment, _ = window.workbench.attach_file(source, path)
    viewer = EvidenceViewer(window.workbench, attachment, window)
    viewer.show()
    return viewer


def test_a_saved_page_goes_to_the_browser_only_once_the_checker_agrees(
    qtbot, make_window, tmp_path
):
    # Its script and remote picture would run and load in the browser, telling the site.
    viewer = _viewer(qtbot, make_window, tmp_path, "saved.html", make.page("Flibbertigibbet"))
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        qtbot.mouseClick(viewer.open_button, Qt.MouseButton.LeftButton)
        ask = viewer.findChild(QMessageBox, "openPageQuestion")
        assert ask is not None and ask.isVisible() and opened.paths == []
        assert ask.defaultButton() is ask.button(QMessageBox.StandardButton.Cancel)
        qtbot.keyClick(ask, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not ask.isVisible())
        assert opened.paths == [] and viewer.temporary is None
        ask = viewer.open_clicked()
        assert ask is not None
        go = next(b for b in ask.buttons() if "browser" in b.text())
        qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(opened.paths) == 1)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.paths == [viewer.temporary] and opened.paths[0].name == "saved.html"
    viewer.close()


def test_a_pdf_opens_without_a_question(qtbot, make_window, tmp_path):
    pdf = build_pdf([["Annex two."]])
    viewer = _viewer(qtbot, make_window, tmp_path, "annex.pdf", pdf)
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        assert viewer.open_clicked() is None
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [p.read_bytes() for p in opened.paths] == [pdf]
    viewer.close()


def test_a_huge_text_on_one_line_is_shown_in_part(qtbot, make_window, tmp_path):
    # A JSON dump is one line: laying out all 20 M characters held the window for seconds.
    dump = ('{"row": "lorem ipsum dolor"}, ' * 80_000)[: VIEW_CHARS + 5_000]
    viewer = _viewer(qtbot, make_window, tmp_path, "dump.txt", dump.encode("utf-8"))
    assert viewer.text is not None
    shown = viewer.text.toPlainText()
    assert shown.startswith(dump[:1000]) and len(shown) < VIEW_CHARS + 300
    # The counts as the window's locale writes them (no grouping in the C locale).
    first, total = format_number(VIEW_CHARS), format_number(len(dump))
    assert shown.endswith(f"the first {first} of {total} characters. Open the "
                          "file with the system viewer for the rest; desk search finds words "
                          "in all of it.]")
    viewer.close()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("pixel.html",
         b"<!doctype html><html><body><img src=https://remote.example/a.png></body></html>",
         "No main text was found in this saved page"),
        ("scan.pdf", build_scanned_pdf(1), "No text layer was found in this PDF"),
    ],
)
def test_a_file_without_text_is_said_to_be_what_it_is(qtbot, make_window, tmp_path, name, data,
                                                      said):
    viewer = _viewer(qtbot, make_window, tmp_path, name, data)
    assert viewer.text is not None and viewer.text.toPlainText().startswith(said)
    viewer.close()


def test_a_transparent_screenshot_is_shown_on_paper_in_the_dark_theme(
    qtbot, make_window, tmp_path
):
    # Black text on a transparent background, as many tools save a cut-out of a page.
    image = QImage(40, 20, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.fillRect(5, 5, 30, 10, QColor("black"))
    painter.end()
    try:
        apply_theme(QApplication.instance(), Theme.DARK)
        viewer = _viewer(qtbot, make_window, tmp_path, "quote.png", png_bytes(image))
        viewer.resize(1024, 700)
        assert viewer.image is not None
        qtbot.waitUntil(lambda: not viewer.image.pixmap().isNull())  # decoded on a worker
        shown = viewer.image.grab().toImage()
        around = shown.pixelColor(shown.width() // 2, shown.height() // 2 - 9)
        inside = shown.pixelColor(shown.width() // 2, shown.height() // 2)
        assert _contrast(around, inside) >= 7, (around.name(), inside.name())
        viewer.close()
    finally:
        apply_theme(QApplication.instance(), Theme.SYSTEM)
