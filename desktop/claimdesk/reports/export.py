"""One entry point for every export format except PDF (which needs Qt: gui.report_pdf)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimdesk.reports.model import ReportData


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format offered by File → Export and `claimdesk export --format`."""

    name: str
    label: str
    suffix: str
    binary: bool


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("html", "Web page (HTML)", ".html", False),
        ExportFormat("pdf", "PDF document", ".pdf", True),
        ExportFormat("docx", "Word document (DOCX)", ".docx", True),
        ExportFormat("md", "Markdown", ".md", False),
        ExportFormat("csv", "Spreadsheet (CSV)", ".csv", False),
        ExportFormat("json", "Data (JSON)", ".json", False),
        ExportFormat("claimreview", "ClaimReview JSON-LD", ".jsonld", False),
    )
}


def render_export(
    data: ReportData,
    fmt: str,
    *,
    csv_bom: bool = False,
    review_url: str | None = None,
    published: date | None = None,
) -> str | bytes:
    """`data` in format `fmt`: text for text formats, bytes for DOCX.

    PDF is not made here (the core does not import Qt): call
    `claimdesk.gui.report_pdf.render_pdf`. Raises ClaimReviewIncomplete for ClaimReview
    when required facts are missing.
    """
    if fmt == "html":
        from claimdesk.reports.html import render_html

        return render_html(data)
    if fmt == "md":
        from claimdesk.reports.markdown import render_markdown

        return render_markdown(data)
    if fmt == "csv":
        from claimdesk.reports.csv_json import render_csv

        return render_csv(data, bom=csv_bom)
    if fmt == "json":
        from claimdesk.reports.csv_json import render_json

        return render_json(data)
    if fmt == "claimreview":
        from claimdesk.reports.claimreview import render_claimreview

        return render_claimreview(data, review_url, published)
    if fmt == "docx":
        from claimdesk.reports.docx import render_docx

        return render_docx(data)
    raise ValueError(f"no headless writer for format {fmt!r}")
