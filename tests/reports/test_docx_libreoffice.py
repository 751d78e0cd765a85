"""The DOCX report opens in LibreOffice (when it is installed: CI's machine may not have it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from claimdesk.reports.docx import render_docx
from claimdesk.reports.model import ReportData
from tests.reports.casework import ARABIC, PLAIN_CLAIM, SCRIPT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed on this machine")
def test_libreoffice_converts_the_docx_with_its_text(report: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(render_docx(report))
    result = subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert PLAIN_CLAIM in text
    assert SCRIPT in text  # shown as text, not lost
    assert ARABIC.split()[0] in text or ARABIC.split()[0][::-1] in text
