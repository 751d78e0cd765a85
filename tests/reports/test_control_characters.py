"""Control characters an older desk stored in a verdict or a note never reach a report."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.reports.model import ReportData
from claimdesk.services.reporting import Reporting
from tests.reports.casework import Case, build_case, open_workbench
from tests.reports.conftest import GENERATED

# NUL, BEL, ESC (a terminal colour sequence), backspace, VT, FF, DEL and C1 controls.
DIRTY_EXPLANATION = (
    '\x00=HYPERLINK("https://evil.example")\x07 red\x1b[31m alert\x0bnext\x0cpage\x7f\x9b'
)
DIRTY_NOTE = "note\x00 with\x08 a \x85 break and\x01 a start-of-heading"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportData]:
    built: Case = build_case(tmp_path_factory.mktemp("dirty"))
    wb = built.workbench
    wb.save_settings(replace(wb.settings(), org_name="Fact Lab", org_url="https://fl.example"))
    path = wb.db.path
    built.close()
    # As an older ClaimDesk (or another program) left them in the file.
    with sqlite3.connect(path) as con:
        con.execute("UPDATE verdicts SET explanation = ? WHERE claim_id = ?",
                    (DIRTY_EXPLANATION, built.true_claim))
        con.execute("UPDATE source_notes SET note = ? WHERE claim_id = ?",
                    (DIRTY_NOTE, built.nasty_claim))
    con.close()
    wb = open_workbench(path)
    try:
        yield Reporting(wb.db).build(now=GENERATED)
    finally:
        wb.db.dispose()


def text_of(name: str, data: ReportData) -> str:
    out = FORMATS[name].render(data, ExportOptions(review_url="https://fl.example/r/1"))
    assert isinstance(out, str)
    return out


def test_text_formats_carry_no_control_characters(dirty: ReportData) -> None:
    for name in ("html", "md", "csv", "claimreview"):
        text = text_of(name, dirty)
        assert not CONTROL.findall(text), (name, CONTROL.findall(text))
        assert "red[31m alert" in text or "red\\[31m alert" in text, name


def test_html_reads_back_with_the_words_kept_apart(dirty: ReportData) -> None:
    page = lxml_html.fromstring(text_of("html", dirty))
    words = " ".join(page.text_content().split())
    assert "alert next page" in words and "a break and a start-of-heading" in words


def test_a_nul_cannot_hide_a_formula_from_the_csv_guard(dirty: ReportData) -> None:
    table = list(csv.DictReader(io.StringIO(text_of("csv", dirty), newline="")))
    explanation = next(r["explanation"] for r in table if "HYPERLINK" in r["explanation"])
    assert explanation.startswith("'=HYPERLINK(")


def test_claimreview_body_is_clean_json(dirty: ReportData) -> None:
    graph = json.loads(text_of("claimreview", dirty))["@graph"]
    body = next(r["reviewBody"] for r in graph if "HYPERLINK" in r.get("reviewBody", ""))
    assert body == '=HYPERLINK("https://evil.example") red[31m alert next page'


def test_docx_drops_the_c1_controls_too(dirty: ReportData, tmp_path: Path) -> None:
    out = tmp_path / "dirty.docx"
    out.write_bytes(FORMATS["docx"].render_bytes(dirty))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert not CONTROL.findall(text) and "alert next page" in text
