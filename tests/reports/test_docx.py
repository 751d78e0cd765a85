"""DOCX report read back with python-docx: text intact, real links, right-to-left paragraphs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn

from claimdesk.reports.docx import render_docx
from claimdesk.reports.model import ReportData
from tests.reports.casework import (
    ARABIC,
    HEBREW,
    NASTY_CLAIM,
    NASTY_EXPLANATION,
    NASTY_NOTE,
    NASTY_QUOTE,
    NASTY_TITLE,
    NASTY_URL,
    SCRIPT,
)
from tests.reports.test_html import tiny_png


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_nasty_text_survives_and_opens(report: ReportData, tmp_path: Path) -> None:
    data = render_docx(report)
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    document = docx.Document(str(path))
    text = all_text(document)
    for needle in (NASTY_CLAIM, NASTY_EXPLANATION, NASTY_QUOTE, NASTY_NOTE, NASTY_TITLE, ARABIC,
                   HEBREW, f"Annual {SCRIPT} report", 'Dana "D" Reyes', NASTY_URL):
        assert needle in text, needle
    assert document.core_properties.title == report.title
    # Every part is well-formed XML with the text escaped, never raw markup.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        body = zf.read("word/document.xml").decode("utf-8")
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_headings_summary_table_and_numbered_sources(report: ReportData) -> None:
    document = read(render_docx(report))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Title") == 1
    assert styles.count("Heading 1") == 3 and styles.count("Heading 2") == 3
    assert styles.count("List Number") == 2
    summary = document.tables[0]
    rows = [[c.text for c in row.cells] for row in summary.rows]
    assert rows == [["Verdict", "Claims"], ["True", "1"], ["False", "1"], ["Unverifiable", "1"]]


def test_links_are_real_hyperlinks_and_unsafe_ones_are_text(report: ReportData) -> None:
    document = read(render_docx(report))
    links = [link for p in document.paragraphs for link in p.hyperlinks]
    addresses = {link.address for link in links}
    assert NASTY_URL in addresses
    assert "https://news.example/budget?id=7&lang=en" in addresses
    assert not any(a.startswith("javascript") for a in addresses)
    assert any(link.text == f"Annual {SCRIPT} report" for link in links)
    assert "javascript:alert(2)" in all_text(document)


def test_right_to_left_paragraphs_are_marked(report: ReportData) -> None:
    first = report.articles[0]
    claim = first.claims[0]
    assert claim.verdict is not None
    arabic_first = replace(claim, verdict=replace(claim.verdict, explanation=ARABIC + " (2026)"))
    data = replace(report, articles=(replace(first, claims=(arabic_first, *first.claims[1:])),
                                     *report.articles[1:]))
    document = read(render_docx(data))
    rtl_runs = [
        r for p in document.paragraphs for r in p.runs
        if r._r.rPr is not None and r._r.rPr.find(qn("w:rtl")) is not None
    ]
    assert any(r.text == ARABIC + " (2026)" for r in rtl_runs)
    explanation = next(p for p in document.paragraphs if p.text == ARABIC + " (2026)")
    assert explanation._p.pPr.find(qn("w:bidi")) is not None
    # The title starts with Latin text, so its paragraph stays left to right.
    heading = next(p for p in document.paragraphs if p.text == NASTY_TITLE)
    assert heading.style.name == "Heading 1"
    assert heading._p.pPr.find(qn("w:bidi")) is None


def test_control_characters_and_logo(report: ReportData, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    data = replace(report, title="Bell\x07 and NUL\x00 here",
                   organisation=replace(report.organisation, logo=str(logo)))
    document = read(render_docx(data))
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Bell and NUL here"
    assert len(document.inline_shapes) == 1
