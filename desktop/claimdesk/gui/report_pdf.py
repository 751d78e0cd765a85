"""PDF report: the HTML report laid out by QTextDocument and written by QPdfWriter on A4."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from claimdesk.reports.export import register
from claimdesk.reports.html import render_html
from claimdesk.reports.model import ReportData

MARGIN_MM = 18.0

# The CLI has no Qt application; the one made here must outlive the call (Qt aborts if
# it is destroyed while fonts are cached), so it is kept for the rest of the process.
# It is a QApplication, not a QGuiApplication, so widgets still work in that process.
_headless_app: list[QApplication] = []


def ensure_gui_application() -> None:
    """Make sure a Qt application exists; one made here uses the offscreen platform."""
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The offscreen platform warns about its font set-up; that is not the user's concern.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
    _headless_app.append(QApplication(["claimdesk"]))


def html_to_pdf(html: str, title: str = "") -> bytes:
    """Lay out `html` (Qt's rich-text subset) on A4 pages and return the PDF's bytes."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(title)
    writer.setCreator("ClaimDesk")
    document = QTextDocument()
    document.setHtml(html)
    # print() paginates, and finishes the PDF when its painter ends.
    document.print_(writer)
    del writer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def render_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes: the same HTML as the HTML export, printed by Qt."""
    return html_to_pdf(render_html(data), data.title)


def register_pdf() -> None:
    """Make the PDF export format render through Qt (the export dialog and the CLI call it)."""
    register("pdf", lambda data, _options: render_pdf(data))
