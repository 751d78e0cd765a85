"""The self-test's window step: the main window offscreen, real glyphs, the About dialog."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication

from claimdesk.app import Services
from claimdesk.errors import SelfTestFailure
from claimdesk.gui.application import create_window
from claimdesk.gui.dialogs.about import show_about

#: Letters of different shapes: with a real font no two render alike; as boxes all do.
PROBE_LETTERS = ("A", "W", "g", "1")


def _quiet_offscreen_notes(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # The offscreen platform says this about every window; it is not a finding of the test.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _glyph_image(font: QFont, text: str) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def text_renders(font: QFont) -> bool:
    """True when letters draw as distinct shapes (not blank, not all the same box)."""
    blank = _glyph_image(font, "")
    images = [_glyph_image(font, letter) for letter in PROBE_LETTERS]
    if any(image == blank for image in images):
        return False
    return all(a != b for i, a in enumerate(images) for b in images[i + 1 :])


def check_window(services: Services, article_id: int, claim_id: int, screenshot: Path) -> str:
    """Show the main window on the article, check its text and the About box; save a PNG."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    families = QFontDatabase.families()
    if not families:
        raise SelfTestFailure("no fonts are installed, so every letter would show as a box")
    previous_handler = qInstallMessageHandler(_quiet_offscreen_notes)
    window = create_window(services)
    try:
        window.resize(1280, 800)
        window.show()
        window.show_article(article_id)
        window.select_claim(claim_id)
        _settle(app)
        article = services.workbench.article(article_id)
        if article.title not in window.windowTitle():
            raise SelfTestFailure(f"the window shows {window.windowTitle()!r}, not the article")
        rows = window.claims_panel.model.rowCount()
        if rows == 0:
            raise SelfTestFailure("the claims table is empty")
        font = window.font()
        if not text_renders(font):
            raise SelfTestFailure(
                f"the font {font.family()!r} draws letters as boxes; install a font package "
                "(e.g. fonts-dejavu-core)"
            )
        if not window.grab().save(str(screenshot)):
            raise SelfTestFailure(f"could not save the screenshot {screenshot}")
        about = show_about(window, services.db.path)
        _settle(app, 0.1)
        notices = about.text_of("THIRD-PARTY-NOTICES.txt")  # type: ignore[attr-defined]
        lgpl = about.text_of("LGPL-3.0.txt")  # type: ignore[attr-defined]
        about.close()
        for needed, text in (("ClaimBuster", notices), ("PySide6", notices), ("LESSER", lgpl)):
            if needed not in text:
                raise SelfTestFailure(f"the About dialog's licences lack {needed!r}")
    finally:
        window.hide()
        window.deleteLater()
        _settle(app, 0.05)
        qInstallMessageHandler(previous_handler)
    return f"{rows} claims listed, font {font.family()!r}, screenshot {screenshot}"
