"""`claimdesk export` and `claimdesk bundle`, run as a user would, on a real database file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pypdf
import pytest

from tests.reports.casework import NASTY_CLAIM, SCRIPT, Case, build_case


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        capture_output=True, timeout=120, env=env or dict(os.environ), check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode != 0
    err = result.stderr.decode("utf-8").strip()
    assert err.startswith("claimdesk: ") and "\n" not in err, err
    return err


@pytest.fixture
def db(tmp_path: Path, data_dir: Path) -> Iterator[Path]:
    built: Case = build_case(tmp_path / "case")
    wb = built.workbench
    wb.save_settings(replace(wb.settings(), org_name="Fact Lab", org_url="https://factlab.example"))
    path = built.workbench.db.path
    built.close()
    yield path


def test_text_formats_go_to_stdout_and_binary_ones_refuse(db: Path) -> None:
    md = run("export", "--format", "md", "--db", str(db), "-o", "-")
    assert md.returncode == 0, md.stderr
    assert "\\<script\\>alert(1)\\</script\\>" in md.stdout.decode("utf-8")
    table = run("export", "--format", "csv", "--bom", "--article", "1", "--db", str(db), "-o", "-")
    assert table.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(table.stdout.decode("utf-8-sig"), newline="")))
    assert next(r["claim_text"] for r in rows) == NASTY_CLAIM and len(rows) == 2
    err = one_line_error(run("export", "--format", "pdf", "--db", str(db), "-o", "-"))
    assert "binary" in err and "-o" in err
    err = one_line_error(run("export", "--format", "md", "--article", "7", "--db", str(db),
                             "-o", "-"))
    assert "No article with id 7" in err


def test_claimreview_needs_the_review_url(db: Path, tmp_path: Path) -> None:
    err = one_line_error(run("export", "--format", "claimreview", "--db", str(db), "-o", "-"))
    assert "where this fact-check is published" in err
    out = tmp_path / "reviews.jsonld"
    done = run("export", "--format", "claimreview", "--review-url", "https://factlab.example/c/1",
               "--db", str(db), "-o", str(out))
    assert done.returncode == 0, done.stderr
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert graph[0]["claimReviewed"] == NASTY_CLAIM and graph[0]["author"]["name"] == "Fact Lab"


def test_binary_formats_write_files_headless(db: Path, tmp_path: Path) -> None:
    hidden = ("QT_QPA_PLATFORM", "QT_LOGGING_RULES", "DISPLAY", "WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    pdf = tmp_path / "report.pdf"
    result = run("export", "--format", "pdf", "--db", str(db), "-o", str(pdf), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b"", result.stderr  # no Qt chatter for the user
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert SCRIPT in " ".join(text.split())
    word = tmp_path / "report.docx"
    assert run("export", "--format", "docx", "--db", str(db), "-o", str(word)).returncode == 0
    assert any(NASTY_CLAIM in p.text for p in docx.Document(str(word)).paragraphs)


def test_bundle_export_then_import_into_another_database(db: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "case.claimdesk"
    exported = run("bundle", "export", "--db", str(db), "-o", str(bundle))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.decode().strip().endswith("2 articles")
    other = tmp_path / "other.sqlite3"
    imported = run("bundle", "import", str(bundle), "--db", str(other))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.decode().startswith("2 new and 0 existing articles; 4 claims")
    err = one_line_error(run("bundle", "export", "--db", str(db), "-o", "-"))
    assert "binary" in err
    (tmp_path / "bad.claimdesk").write_bytes(b"not a zip")
    err = one_line_error(run("bundle", "import", str(tmp_path / "bad.claimdesk"),
                             "--db", str(other)))
    assert "Cannot import bad.claimdesk" in err and "Nothing was changed" in err


def test_a_written_report_is_readable_like_any_new_file(db: Path, tmp_path: Path) -> None:
    """The temporary file an export is written through is private (0600); the report is
    for sharing, so it must get the mode a new file gets, or keep the one it replaces."""
    umask = os.umask(0o022)
    os.umask(umask)
    out = tmp_path / "rapport final — ünï.html"
    done = run("export", "--format", "html", "--db", str(db), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)
    again = run("export", "--format", "md", "--db", str(db), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "data", out.name]
    err = one_line_error(run("export", "--format", "md", "--db", str(db), "-o", str(tmp_path)))
    assert "is a folder" in err


def test_a_read_only_report_is_not_replaced(db: Path, tmp_path: Path) -> None:
    """A report someone made read-only (a published check kept as it went out) stays."""
    out = tmp_path / "published.md"
    out.write_text("as published\n", encoding="utf-8")
    out.chmod(0o444)
    err = one_line_error(run("export", "--format", "md", "--db", str(db), "-o", str(out)))
    assert "read-only" in err and str(out) in err
    assert out.read_text(encoding="utf-8") == "as published\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "data", out.name]


def test_no_standard_output_is_one_clear_line(db: Path) -> None:
    """Run with standard output closed (`>&-`, a service with none), '-' cannot work."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" "$@" >&-', sys.executable, "-m", "claimdesk", "export",
         "--format", "md", "--db", str(db), "-o", "-"],
        capture_output=False, stderr=subprocess.PIPE, timeout=120, check=False,
    )  # fmt: skip
    err = one_line_error(result)
    assert "standard output" in err and "-o" in err


def test_a_name_as_long_as_the_file_system_allows_is_written(db: Path, tmp_path: Path) -> None:
    """The temporary file beside the report must not need a longer name than the report."""
    out = tmp_path / ("ü" * 120 + ".md")  # 245 bytes in UTF-8; 255 is the usual limit
    done = run("export", "--format", "md", "--db", str(db), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_exporting_to_a_link_updates_the_file_it_points_to(db: Path, tmp_path: Path) -> None:
    """A report name that is a symbolic link (into a web folder, say) is written through:
    replacing the link with a file left the published copy stale and said nothing."""
    site = tmp_path / "site"
    site.mkdir()
    real = site / "check.md"
    real.write_text("stale\n", encoding="utf-8")
    link = tmp_path / "check.md"
    link.symlink_to(real)
    done = run("export", "--format", "md", "--db", str(db), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in site.iterdir()) == ["check.md"]
    loop = tmp_path / "loop.md"
    loop.symlink_to(tmp_path / "back.md")
    (tmp_path / "back.md").symlink_to(loop)
    err = one_line_error(run("export", "--format", "md", "--db", str(db), "-o", str(loop)))
    assert "loop" in err
