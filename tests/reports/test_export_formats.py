"""Every export format renders itself; PDF once the front end registered Qt's renderer."""

from __future__ import annotations

import subprocess
import sys

from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.reports.model import ReportData


def test_each_format_renders_the_report_as_its_file_bytes(report: ReportData) -> None:
    from claimdesk.gui.report_pdf import register_pdf

    register_pdf()
    options = ExportOptions(review_url="https://factcheck.example/r/1")
    starts = {"pdf": b"%PDF", "docx": b"PK", "html": b"<!DOCTYPE html", "json": b"{"}
    for fmt in FORMATS.values():
        data = fmt.render_bytes(report, options)
        assert data.startswith(starts.get(fmt.name, b"")) and len(data) > 100, fmt.name
        assert isinstance(fmt.render(report, options), bytes) == fmt.binary, fmt.name


def test_the_core_has_no_pdf_renderer_until_one_is_registered() -> None:
    code = (
        "import sys; from claimdesk.reports.export import FORMATS;"
        "assert FORMATS['pdf'].renderer is None;"
        "assert all(f.renderer for n, f in FORMATS.items() if n != 'pdf');"
        "assert 'PySide6' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
