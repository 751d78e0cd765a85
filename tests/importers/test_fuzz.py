"""Property: any bytes under any supported suffix give a whole document or ImportRefused."""

from __future__ import annotations

import os
import unicodedata
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.errors import ImportRefused
from claimdesk.importers import ImportedDocument, read_article
from tests.importers.doc_builders import build_docx, build_odt, build_pdf
from tests.importers.test_html import PAGE
from tests.importers.test_markdown import ARTICLE_MD
from tests.importers.test_text import ARTICLE

EXAMPLES = int(os.environ.get("CLAIMDESK_FUZZ_EXAMPLES", "50"))


@cache
def valid_files() -> dict[str, bytes]:
    """One valid file per suffix: the seeds that mutations start from."""
    pdf_pages = [["# Title", ARTICLE], [ARTICLE.replace("\n", " ")]]
    return {
        ".txt": ARTICLE.encode("cp1252"),
        ".md": ARTICLE_MD.encode("utf-8"),
        ".html": PAGE.encode("utf-8"),
        ".docx": build_docx(
            title="Fuzz",
            author="Tester",
            created=datetime(2024, 1, 1),
            heading="Heading",
            paragraphs=ARTICLE.split("\n"),
            table=[["a", "b"], ["1", "2"]],
        ),
        ".pdf": build_pdf(pdf_pages, {"Title": "Fuzz", "CreationDate": "D:20240101000000Z"}),
        ".odt": build_odt("<text:h>Heading</text:h><text:p>Some text.</text:p>", title="F"),
    }


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few random flips, cuts, insertions and duplications."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        operation = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "repeat"]))
        if operation == "flip":
            data[at] = draw(st.integers(0, 255))
        elif operation == "truncate":
            del data[at:]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 512))]
    return bytes(data)


def file_bytes(suffix: str) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2048), mutated(valid_files()[suffix]))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        document = read_article(path)
    except ImportRefused as refused:
        assert refused.reason.strip()
        assert "\n" not in str(refused)
        return
    assert isinstance(document, ImportedDocument)
    text = document.text
    assert text and text == text.strip()
    assert "\r" not in text and "\n\n\n" not in text
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in text)
    assert unicodedata.is_normalized("NFC", text)
    assert document.metadata.title


fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf", ".odt"])
@fuzz
@given(data=st.data())
def test_random_and_mutated_bytes(folder: Path, suffix: str, data: st.DataObject) -> None:
    check(folder / f"fuzz{suffix}", data.draw(file_bytes(suffix)))


def test_the_fuzz_seeds_are_valid(folder: Path) -> None:
    for suffix, data in valid_files().items():
        path = folder / f"seed{suffix}"
        path.write_bytes(data)
        assert read_article(path).text, suffix
