"""normalise_text: the one normalisation all stored text passes (importers and bundles)."""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest

from claimdesk.importers import read_article
from claimdesk.importers.common import normalise_text
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.importers.doc_builders import build_pdf, write


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("one\u2028two\u2029three\x85four\x0bfive\x0csix", "one\ntwo\nthree\nfour\nfive\nsix"),
        ("N\x00U\x07L\x1b[31m\x7f\x9b", "NUL[31m"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("\ufeffstray\ufeffBOM", "strayBOM"),
        ("lone \ud800 high, lone \udfff low", "lone \ufffd high, lone \ufffd low"),
        ("\ud83d\ude00", "\ufffd\ufffd"),  # a pair as two code points is still two halves
        ("cafe\u0301", "caf\u00e9"),
        ("e\x00\u0301", "\u00e9"),  # NFC after the control goes
    ],
)
def test_what_normalise_text_does(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean
    assert normalise_text(clean) == clean  # idempotent: stored text is left as it is


def test_the_result_always_encodes_and_is_nfc() -> None:
    raw = "".join(chr(c) for c in range(0x3000)) + "\ud800\udc00\udbff"

    clean = normalise_text(raw)

    clean.encode("utf-8")  # no surrogate survives
    assert unicodedata.is_normalized("NFC", clean)
    assert "\r" not in clean and "\x00" not in clean


def test_a_pdf_whose_text_layer_has_lone_surrogates_imports_and_stores(tmp_path: Path) -> None:
    # The font's ToUnicode map turns every "A" into U+D800, as broken PDF producers do.
    data = build_pdf([["Tax rose by 4% in May. A new rate applies."]], to_unicode={"A": "D800"})
    path = write(tmp_path / "broken-font.pdf", data)

    document = read_article(path)

    assert document.text == "Tax rose by 4% in May. \ufffd new rate applies."
    wb = Workbench(open_database(tmp_path / "s.sqlite3"), nlp=None)  # type: ignore[arg-type]
    try:
        article_id = wb.open_file(path).article_id
        assert wb.article(article_id).text == document.text
    finally:
        wb.db.dispose()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_stored(tmp_path: Path) -> None:
    # A Latin-1 name on a UTF-8 system: Python shows the byte as a surrogate escape.
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    path.write_bytes(b"Prices rose by 3% in the caf\xc3\xa9s.")
    assert "\udce9" in path.name

    wb = Workbench(open_database(tmp_path / "n.sqlite3"), nlp=None)  # type: ignore[arg-type]
    try:
        article = wb.article(wb.open_file(path).article_id)
        assert article.text == "Prices rose by 3% in the cafés."
        assert article.file_name == "caf\ufffd.txt"
    finally:
        wb.db.dispose()
