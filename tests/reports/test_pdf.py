"""PDF report (Qt's writer, headless) read back with pypdf: A4, text and RTL scripts intact."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
import pytest

from claimdesk.reports.model import ReportData
from tests.reports.casework import ARABIC, HEBREW, SCRIPT

pytest.importorskip("PySide6.QtGui", reason="the PDF writer needs Qt")

from claimdesk.gui.report_pdf import render_pdf


@pytest.fixture(scope="module")
def pdf_text(report: ReportData, qapp: object) -> tuple[pypdf.PdfReader, str]:
    # qapp: pytest-qt's QApplication, so the writer does not make a widget-less one.
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(report)))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    # Qt draws Arabic with presentation forms and ligatures (ﬁ); NFKC maps them back.
    return reader, " ".join(unicodedata.normalize("NFKC", raw).split())


def test_pdf_is_a4_with_title(pdf_text: tuple[pypdf.PdfReader, str], report: ReportData) -> None:
    reader, _ = pdf_text
    assert len(reader.pages) >= 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata is not None and reader.metadata.title == report.title


def test_latin_text_with_markup_characters_is_intact(
    pdf_text: tuple[pypdf.PdfReader, str],
) -> None:
    _, text = pdf_text
    for needle in (SCRIPT, 'the "budget" table & annex <b>2</b> show a rise', "Fact & Check <Lab>",
                   'Dana "D" Reyes', "Summary of verdicts", "Unverifiable", "accessed 2026-03-05"):
        assert needle in text, needle


@pytest.mark.parametrize("phrase", [ARABIC, HEBREW])
def test_right_to_left_words_are_extracted(
    pdf_text: tuple[pypdf.PdfReader, str], phrase: str
) -> None:
    _, text = pdf_text
    # Text extraction yields visual order for right-to-left runs: accept either order.
    words = set(re.findall(r"\w+", text))
    for word in phrase.split():
        assert word in words or word[::-1] in words, word
