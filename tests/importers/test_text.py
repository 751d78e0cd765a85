"""Plain-text import: encodings, normalisation and refusal of binary files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import write

ARTICLE = (
    "Le café de la gare a fermé\n"
    "Le maire a déclaré que la fréquentation avait baissé de 40 % depuis l’été.\n"
    "« C’est une décision difficile », a-t-il ajouté, évoquant la hausse des coûts.\n"
    "Les habitués regrettent déjà leur crème du matin à la brasserie."
)
# Latin-1 has no curly apostrophe or guillemets-free quotes; keep it to its repertoire.
LATIN1_ARTICLE = ARTICLE.replace("’", "'")


@pytest.mark.parametrize(
    ("encoding", "bom", "text"),
    [
        ("utf-8", b"", ARTICLE),
        ("utf-8", codecs.BOM_UTF8, ARTICLE),
        ("utf-16-le", codecs.BOM_UTF16_LE, ARTICLE),
        ("utf-16-be", codecs.BOM_UTF16_BE, ARTICLE),
        ("cp1252", b"", ARTICLE),
        ("latin-1", b"", LATIN1_ARTICLE),
    ],
)
def test_reads_common_encodings(tmp_path: Path, encoding: str, bom: bytes, text: str) -> None:
    path = write(tmp_path / "article.txt", bom + text.encode(encoding))

    document = read_article(path)

    assert document.text == text
    assert document.format == "txt"
    assert document.metadata.title == "Le café de la gare a fermé"


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE.encode("utf-16-le"))

    assert read_article(path).text == ARTICLE


def test_lines_are_kept_and_whitespace_normalised(tmp_path: Path) -> None:
    raw = "\n\n  Title line   \r\nFirst line.\t \r\rSecond line\u2028\n\n\n\n\nThird\x07 line\n  \n"
    path = write(tmp_path / "a.txt", raw)

    text = read_article(path).text

    assert text == "Title line\nFirst line.\n\nSecond line\n\nThird line"


def test_decomposed_accents_are_composed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Cafe\u0301 ouvert, the\x01\u0301 ca\ufeff\u0300")

    assert read_article(path).text == "Café ouvert, thé cà"


def test_sha256_name_and_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Hello world.\n"
    write(tmp_path / "note.TXT", data)
    monkeypatch.chdir(tmp_path)

    document = read_article("note.TXT")

    assert document.sha256 == "6472bf692aaf270d5f9dc40c5ecab8f826ecc92425c8bac4d1ea69bcbbddaea4"
    assert document.file_name == "note.TXT"
    assert document.file_path == str(tmp_path.resolve() / "note.TXT")
    assert document.text == "Hello world."


def test_long_first_line_gives_a_shortened_title(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "word " * 100)

    title = read_article(path).metadata.title

    assert title.endswith("…")
    assert len(title) <= 120
    assert title.startswith("word word")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\r\n ", "only whitespace"),
        (bytes(range(256)) * 8, "binary"),
        (b"Some text\x00with a NUL byte in the middle of it", "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "zip archive"),
        (b"\xff\xfe\x00\xd8\x00\x00", "not valid UTF-16"),
    ],
)
def test_bad_text_is_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", data)

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert reason in refused.value.reason
    assert str(path) in str(refused.value)
    assert "\n" not in str(refused.value)
