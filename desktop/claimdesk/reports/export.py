"""The export formats: each knows its name, suffix and how to render a report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from claimdesk.reports.model import ReportData


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices some formats take: a BOM for CSV, the review's URL and date for ClaimReview."""

    csv_bom: bool = False
    review_url: str | None = None
    published: date | None = None
    #: HTML: attachment id → relative path of its copy beside the report.
    attachment_links: Mapping[int, str] | None = None


#: Renders a report: text for text formats, bytes for binary ones.
Renderer = Callable[[ReportData, ExportOptions], "str | bytes"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format offered by File → Export and `claimdesk export --format`."""

    name: str
    label: str
    suffix: str
    binary: bool
    renderer: Renderer | None = None

    def render(self, data: ReportData, options: ExportOptions | None = None) -> str | bytes:
        """`data` in this format (ClaimReviewIncomplete when ClaimReview lacks facts)."""
        if self.renderer is None:
            raise LookupError(f"no renderer registered for {self.name!r} (see register)")
        return self.renderer(data, options or ExportOptions())

    def render_bytes(self, data: ReportData, options: ExportOptions | None = None) -> bytes:
        """What goes into the file: text formats as UTF-8."""
        out = self.render(data, options)
        return out if isinstance(out, bytes) else out.encode("utf-8")


# Writers import lazily: python-docx and Jinja stay out of start-up until a report is made.


def _html(data: ReportData, options: ExportOptions) -> str:
    from claimdesk.reports.html import render_html

    return render_html(data, options.attachment_links)


def _markdown(data: ReportData, _options: ExportOptions) -> str:
    from claimdesk.reports.markdown import render_markdown

    return render_markdown(data)


def _csv(data: ReportData, options: ExportOptions) -> str:
    from claimdesk.reports.csv_json import render_csv

    return render_csv(data, bom=options.csv_bom)


def _json(data: ReportData, _options: ExportOptions) -> str:
    from claimdesk.reports.csv_json import render_json

    return render_json(data)


def _claimreview(data: ReportData, options: ExportOptions) -> str:
    from claimdesk.reports.claimreview import render_claimreview

    return render_claimreview(data, options.review_url, options.published)


def _docx(data: ReportData, _options: ExportOptions) -> bytes:
    from claimdesk.reports.docx import render_docx

    return render_docx(data)


#: Every format, in menu order. PDF is laid out by Qt, so the core has no renderer for
#: it: the front ends register one (claimdesk.gui.report_pdf.register_pdf).
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("html", "Web page (HTML)", ".html", False, _html),
        ExportFormat("pdf", "PDF document", ".pdf", True),
        ExportFormat("docx", "Word document (DOCX)", ".docx", True, _docx),
        ExportFormat("md", "Markdown", ".md", False, _markdown),
        ExportFormat("csv", "Spreadsheet (CSV)", ".csv", False, _csv),
        ExportFormat("json", "Data (JSON)", ".json", False, _json),
        ExportFormat("claimreview", "ClaimReview JSON-LD", ".jsonld", False, _claimreview),
    )
}


def register(name: str, renderer: Renderer) -> None:
    """Give the format `name` its renderer (a front end does this at start-up)."""
    FORMATS[name] = replace(FORMATS[name], renderer=renderer)
