"""A DATE claim in every report format: its value in CSV and JSON, its label elsewhere."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace

from claimdesk.domain import ClaimType
from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.reports.model import ReportData


def _dated(report: ReportData) -> ReportData:
    first = report.articles[0]
    claim = replace(first.claims[0], types=(ClaimType.QUANTITY, ClaimType.DATE))
    article = replace(first, claims=(claim, *first.claims[1:]))
    return replace(report, articles=(article, *report.articles[1:]))


def test_each_format_names_the_date_type(report: ReportData) -> None:
    dated, options = _dated(report), ExportOptions()

    def text(name: str) -> str:
        return FORMATS[name].render_bytes(dated, options).decode("utf-8-sig")

    assert "quantity; date" in text("csv")
    claims = [c for a in json.loads(text("json"))["articles"] for c in a["claims"]]
    assert claims[0]["types"] == ["quantity", "date"]
    assert "Quantity, Date &amp; time" in text("html")
    assert r"Quantity, Date \& time" in text("md")  # Markdown escapes the &
    with zipfile.ZipFile(io.BytesIO(FORMATS["docx"].render_bytes(dated, options))) as docx:
        assert "Quantity, Date &amp; time" in docx.read("word/document.xml").decode("utf-8")
