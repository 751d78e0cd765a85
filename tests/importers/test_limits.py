"""Hostile-but-valid files: the worker's time, memory and size limits refuse them quickly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from claimdesk.importers.common import MAX_TEXT_CHARS
from claimdesk.importers.worker import IsolatedParser, WorkerLimits
from tests.conftest import REPO, SEED
from tests.importers.doc_builders import (
    _assemble_pdf,
    build_docx,
    build_odt,
    replace_member,
    write,
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def refusal(path: Path, parser: IsolatedParser | None = None) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_article(path, parser=parser)
    assert "\n" not in str(refused.value)
    return refused.value.reason


@pytest.fixture
def strict_parser() -> Iterator[IsolatedParser]:
    """A worker with tight limits, so the tests stay quick; killed afterwards."""
    parser = IsolatedParser(WorkerLimits(seconds=4.0))
    yield parser
    parser.close()


def slow_pdf(pages: int = 40, operators: int = 100_000) -> bytes:
    """A valid 53 KB PDF whose 40 pages each hold 100,000 text operators.

    pypdf bounds nested forms and tokens per stream itself, but not pages: each page
    takes it about 4 s here, the whole file minutes.
    """
    content = b"BT /F1 11 Tf 72 700 Td " + b"(a) Tj " * operators + b"ET"
    return _assemble_pdf([content] * pages, None)


def test_a_pdf_that_would_parse_forever_is_stopped_at_the_time_limit(
    tmp_path: Path, strict_parser: IsolatedParser
) -> None:
    path = write(tmp_path / "slow.pdf", slow_pdf())

    started = time.monotonic()
    reason = refusal(path, strict_parser)
    elapsed = time.monotonic() - started

    assert reason.startswith("reading it took longer than ClaimDesk's 4 s limit for one article")
    assert elapsed < 30
    # The stalled child was killed; the next file gets a fresh one.
    assert read_article(SEED, parser=strict_parser).text.startswith("The United States")


def test_text_over_the_limit_for_one_article_is_refused(tmp_path: Path) -> None:
    line = "Unemployment fell to 4% in May, the statistics office said.\n"
    path = write(tmp_path / "huge.txt", line * (MAX_TEXT_CHARS // len(line) + 2))

    reason = refusal(path)

    assert reason == (
        "its text (20.0 MB) is larger than ClaimDesk's 20 MB limit for one article; "
        "split it into smaller files"
    )
    assert MAX_TEXT_CHARS == 20 * 1024 * 1024


def test_a_file_that_needs_too_much_memory_is_refused(tmp_path: Path) -> None:
    # 18 M characters with an emoji: Python stores 4 bytes a character, 71 MB a copy,
    # and decoding and normalising make copies: about 200 MB, well under the default.
    path = write(tmp_path / "wide.txt", "Prices rose 😀 today.\n" * 850_000)
    small = IsolatedParser(WorkerLimits(memory_bytes=128 * 1024 * 1024))
    try:
        assert read_article(SEED, parser=small).text  # a child that has served a file
        reason = refusal(path, small)
        assert read_article(SEED, parser=small).text  # and a fresh one after the refusal
    finally:
        small.close()

    assert reason == (
        "reading it needs more than ClaimDesk's 128 MB memory limit for one article; "
        "split it into smaller files"
    )
    assert read_article(path).text.startswith("Prices rose 😀 today.")  # default limits


def _docx_with_xml_text(megabytes: int) -> bytes:
    """A docx whose document.xml holds `megabytes` MB of hard-to-compress text."""
    text = os.urandom(megabytes * 1024 * 1024 // 2).hex()
    runs = "".join(
        f"<w:p><w:r><w:t>{text[i : i + 4000]}</w:t></w:r></w:p>" for i in range(0, len(text), 4000)
    )
    xml = f'<w:document xmlns:w="{_W}"><w:body>{runs}</w:body></w:document>'.encode()
    return replace_member(build_docx(paragraphs=["x"]), "word/document.xml", xml, level=1)


def test_a_docx_with_too_much_xml_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = write(tmp_path / "long.docx", _docx_with_xml_text(65))

    started = time.monotonic()
    reason = refusal(path)

    assert time.monotonic() - started < 20
    assert reason.startswith("the Word document's part word/document.xml unpacks to 6")
    assert reason.endswith(
        "MB of XML, more than ClaimDesk's 64 MB limit for one article; "
        "split it into smaller documents"
    )


def test_an_odt_with_too_much_xml_is_refused(tmp_path: Path) -> None:
    package = build_odt("<text:p>x</text:p>")
    text = os.urandom(33 * 1024 * 1024).hex()
    content = f"<office:document-content><x>{text}</x></office:document-content>".encode()
    path = write(tmp_path / "long.odt", replace_member(package, "content.xml", content, level=1))

    assert "content.xml unpacks to 66 MB of XML" in refusal(path)


def test_the_worker_starts_from_python_dash_m_claimdesk(tmp_path: Path) -> None:
    # `python -m claimdesk` is the app's entry point; the spawned worker imports it again,
    # so its __main__ must not run the CLI a second time there.
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop")}
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", "extract", str(SEED), "--text"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The United States has hailed")
    assert result.stderr == ""
