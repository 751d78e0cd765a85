"""`claimdesk extract FILE --format json` works for every supported format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def extract(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", "extract", str(path), *args],
        capture_output=True, text=True, timeout=300, env=dict(os.environ),
    )


def markdown_file(tmp: Path) -> Path:
    path = tmp / "brief.md"
    path.write_text(
        "---\ntitle: Budget brief\n---\n# Budget\n\nThe deficit rose to **5%** of GDP in 2024, "
        "the finance minister said.\n\n- Spending grew faster than revenue.\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "name",
    ["sample_saved_page.html", "sample_press_release.docx", "sample_speech.pdf", "brief.md",
     "latin1.txt"],
)
def test_extract_json_for_every_format(name: str, tmp_path: Path) -> None:
    if name == "brief.md":
        path = markdown_file(tmp_path)
    elif name == "latin1.txt":
        path = tmp_path / name
        path.write_bytes("Le déficit a atteint 5 % du PIB en 2024, selon le ministère.\n"
                         .encode("latin-1"))
    else:
        path = DATA / name
    text = extract(path, "--text")
    assert text.returncode == 0, text.stderr
    result = extract(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    claims = out["claims"]
    assert claims, f"no claims from {name}"
    assert out["language"] == ("fr" if name == "latin1.txt" else "en"), name
    for claim in claims:
        assert text.stdout[claim["start"] : claim["end"]] == claim["text"]
    if name == "latin1.txt":
        assert "déficit" in text.stdout
    if name == "brief.md":
        assert "**" not in text.stdout and "5%" in text.stdout
