"""read_article: dispatch by suffix and refusal of files that cannot be read at all."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused, KnownError
from claimdesk.importers import (
    DEFAULT_MAX_BYTES,
    FILE_DIALOG_FILTER,
    SUPPORTED_SUFFIXES,
    ImportedDocument,
    read_article,
)
from tests.conftest import SEED
from tests.importers.doc_builders import build_docx, build_pdf, write


def refusal(path: str | os.PathLike[str], **kwargs: int) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_article(path, **kwargs)
    assert isinstance(refused.value, KnownError)
    assert refused.value.reason
    assert "\n" not in str(refused.value)
    return refused.value


def test_the_seed_article_imports_unchanged() -> None:
    document = read_article(SEED)

    raw = SEED.read_text(encoding="utf-8")
    assert document.text == raw.strip()
    assert document.text.count("\n") == raw.strip().count("\n")
    assert document.format == "txt"
    assert document.metadata.title.startswith("The United States has hailed")


def test_suffix_dispatch_is_case_insensitive(tmp_path: Path) -> None:
    pdf = read_article(write(tmp_path / "A.Pdf", build_pdf([["Hello from a PDF."]])))
    docx = read_article(write(tmp_path / "B.DocX", build_docx(paragraphs=["Hello, Word."])))

    assert isinstance(pdf, ImportedDocument)
    assert (pdf.format, pdf.text) == ("pdf", "Hello from a PDF.")
    assert (docx.format, docx.text) == ("docx", "Hello, Word.")


def test_content_must_match_the_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "really-a-pdf.txt", build_pdf([["Hello from a PDF."]]))

    assert "looks like a PDF document" in refusal(path).reason


@pytest.mark.parametrize("name", ["notes.xyz", "README", "archive.tar.gz"])
def test_unknown_suffixes_are_refused_with_the_supported_list(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "Some text.")

    reason = refusal(path).reason

    assert "not supported" in reason
    assert ".docx" in reason
    assert ".pdf" in reason


def test_old_word_files_get_specific_advice(tmp_path: Path) -> None:
    path = write(tmp_path / "old.doc", b"\xd0\xcf\x11\xe0" + bytes(100))

    assert "save it as .docx" in refusal(path).reason


def test_missing_file(tmp_path: Path) -> None:
    refused = refusal(tmp_path / "gone.txt")

    assert "does not exist" in refused.reason
    assert str(tmp_path / "gone.txt") in str(refused)


def test_impossible_file_name() -> None:
    assert "not valid" in refusal("bad\0name.txt").reason


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()

    assert "folder" in refusal(tmp_path / "folder.txt").reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")

    assert "not a regular file" in refusal(tmp_path / "pipe.txt").reason


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "Top secret.")
    path.chmod(0)

    assert "permission denied" in refusal(path).reason


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_files_of_every_format(tmp_path: Path, suffix: str) -> None:
    assert refusal(write(tmp_path / f"empty{suffix}", b"")).reason == "the file is empty"


def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 2048)

    reason = refusal(path, max_bytes=1024).reason

    assert "2,048 bytes" in reason
    assert "1,024 bytes import limit" in reason
    assert read_article(path, max_bytes=2048).text == "x" * 2048
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_dialog_filter_lists_every_suffix() -> None:
    first = FILE_DIALOG_FILTER.split(";;")[0]

    assert re.fullmatch(r"Articles \((\*\.\w+ ?)+\)", first)
    assert sorted(first[10:-1].split()) == sorted(f"*{s}" for s in SUPPORTED_SUFFIXES)
    assert FILE_DIALOG_FILTER.endswith(";;All files (*)")
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"} <= set(SUPPORTED_SUFFIXES)
