"""Bad input in every format: one plain ImportRefused each, and nothing stored."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.importers.test_fuzz import valid_files

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf", ".odt")


@pytest.fixture
def workbench(tmp_path: Path) -> Iterator[Workbench]:
    # No NLP is needed: nothing here gets as far as extraction.
    wb = Workbench(open_database(tmp_path / "bad.sqlite3"), nlp=None, max_bytes=64 * 1024)  # type: ignore[arg-type]
    yield wb
    wb.db.dispose()


def refused_and_nothing_stored(wb: Workbench, path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        wb.open_file(path)
    assert "\n" not in str(refused.value)
    assert wb.articles() == []
    return refused.value.reason


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_empty(tmp_path: Path, workbench: Workbench, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")

    assert refused_and_nothing_stored(workbench, path) == "the file is empty"


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_binary(tmp_path: Path, workbench: Workbench, suffix: str, seed: int) -> None:
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(random_bytes(4096, seed))

    reason = refused_and_nothing_stored(workbench, path)

    assert reason.startswith(("it looks like a binary file", "it is not", "its text encoding"))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_image_renamed_to_an_article(tmp_path: Path, workbench: Workbench, suffix: str) -> None:
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random_bytes(2048, 9))

    assert refused_and_nothing_stored(workbench, path).startswith("it is not")


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".odt"])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated(tmp_path: Path, workbench: Workbench, suffix: str, keep: float) -> None:
    data = valid_files()[suffix]
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: int(len(data) * keep)])

    assert "damaged or incomplete" in refused_and_nothing_stored(workbench, path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_over_the_size_limit(tmp_path: Path, workbench: Workbench, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"A" * (64 * 1024 + 1))

    reason = refused_and_nothing_stored(workbench, path)

    assert reason == "the file is 65,537 bytes, larger than the 65,536 bytes import limit"


@pytest.mark.parametrize(
    ("made_as", "named", "said"),
    [
        (".odt", ".docx", "it is an OpenDocument text (.odt), not a Word document"),
        (".docx", ".odt", "it is a Word document (.docx), not an OpenDocument text"),
        (".pdf", ".docx", "it looks like a PDF document"),
        (".pdf", ".odt", "it looks like a PDF document"),
        (".docx", ".pdf", "it looks like a zip archive"),
    ],
)
def test_a_file_saved_under_another_formats_suffix_says_what_it_is(
    tmp_path: Path, workbench: Workbench, made_as: str, named: str, said: str
) -> None:
    # Not "damaged": the file is whole, only its name is wrong.
    path = tmp_path / f"article{named}"
    path.write_bytes(valid_files()[made_as])

    reason = refused_and_nothing_stored(workbench, path)

    assert said in reason
    assert "damaged" not in reason
