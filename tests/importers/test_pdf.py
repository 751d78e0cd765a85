"""PDF import: text layer regrouped into paragraphs, document info, scans and damage."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import _assemble_pdf, build_pdf, build_scanned_pdf, write

SPEECH = [
    "# Speech on the economy",
    "Thank you all for coming. Since 2010 our economy has grown by 20%, faster than any "
    "other country in Europe, and unemployment has halved to 4.1% — the lowest rate since "
    "records began in 1971.",
    "We have invested €2.5bn in the “green transition”, and our café owners, farmers and "
    "builders are seeing the results.",
]
INFO = {
    "Title": "Speech: “A stronger economy”",
    "Author": "Zoë Lindqvist",
    "CreationDate": "D:20230907120000Z",
}


def test_paragraphs_heading_and_accents(tmp_path: Path) -> None:
    document = read_article(write(tmp_path / "speech.pdf", build_pdf([SPEECH], INFO)))

    assert document.format == "pdf"
    assert document.text.split("\n\n") == [SPEECH[0][2:], SPEECH[1], SPEECH[2]]


def test_document_info_becomes_metadata(tmp_path: Path) -> None:
    metadata = read_article(write(tmp_path / "speech.PDF", build_pdf([SPEECH], INFO))).metadata

    assert metadata.title == "Speech: “A stronger economy”"
    assert metadata.author == "Zoë Lindqvist"
    assert metadata.published == date(2023, 9, 7)


def test_a_malformed_date_only_loses_the_date(tmp_path: Path) -> None:
    data = build_pdf([SPEECH], {**INFO, "CreationDate": "D:2023-99-99 garbage"})

    metadata = read_article(write(tmp_path / "speech.pdf", data)).metadata

    assert metadata.title == "Speech: “A stronger economy”"
    assert metadata.published is None


def test_file_name_titles_give_way_to_the_first_line(tmp_path: Path) -> None:
    data = build_pdf([SPEECH], {"Title": "Microsoft Word - speech_final_v3.docx"})

    assert read_article(write(tmp_path / "s.pdf", data)).metadata.title == "Speech on the economy"


def test_pages_headers_page_numbers_and_hyphenation(tmp_path: Path) -> None:
    pages = [
        ["# Annual report", "Crime fell in every region last year, although the figures were"],
        ["revised in March after an audit found that some offences had been recor-\nded twice."],
        ["The audit also found that fraud was under-reported."],
    ]
    data = build_pdf(pages, header="Annual report 2023 — Ministry of Justice", page_numbers=True)

    text = read_article(write(tmp_path / "report.pdf", data)).text

    assert text.split("\n\n") == [
        "Annual report",
        "Crime fell in every region last year, although the figures were revised in March "
        "after an audit found that some offences had been recorded twice.",
        "The audit also found that fraud was under-reported.",
    ]


def test_a_scan_without_a_text_layer_is_refused_with_advice(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", build_scanned_pdf())

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert "no text layer" in refused.value.reason
    assert "OCR" in refused.value.reason


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf([SPEECH]))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    with pytest.raises(ImportRefused, match="password"):
        read_article(write(tmp_path / "locked.pdf", buffer.getvalue()))


def test_a_pdf_only_locked_against_editing_opens(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf([SPEECH]))))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    text = read_article(write(tmp_path / "owner.pdf", buffer.getvalue())).text

    assert text.startswith("Speech on the economy\n\nThank you all for coming.")


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda data: data[: len(data) // 2], "damaged or incomplete"),
        (lambda data: data[:200], "damaged or incomplete"),
        (lambda data: b"This is a text file, not a PDF at all.", "not a PDF"),
        (lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 4, "damaged or incomplete"),
    ],
    ids=["half", "head", "text", "garbage"],
)
def test_damaged_pdfs_are_refused(tmp_path: Path, mangle: object, reason: str) -> None:
    assert callable(mangle)
    path = write(tmp_path / "bad.pdf", mangle(build_pdf([SPEECH, SPEECH], INFO)))

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert reason in refused.value.reason
    assert "\n" not in str(refused.value)


def test_lines_that_differ_only_in_digits_are_not_running_heads(tmp_path: Path) -> None:
    # A schedule: every line reads the same once its figures are masked, on every page.
    pages = [
        [f"Article {n} enters into force on 1 January {2000 + n}." for n in range(k, k + 3)]
        for k in (1, 4, 7)
    ]

    text = read_article(write(tmp_path / "schedule.pdf", build_pdf(pages))).text

    assert text.split("\n\n") == [
        f"Article {n} enters into force on 1 January {2000 + n}." for n in range(1, 10)
    ]


def test_a_running_head_with_a_page_number_still_goes(tmp_path: Path) -> None:
    pages = [[f"Spending rose by {7 * n}% in the budget."] for n in range(1, 4)]
    data = build_pdf(pages, header="Budget 2024 - page 3", page_numbers=True)

    text = read_article(write(tmp_path / "budget.pdf", data)).text

    assert text.split("\n\n") == [f"Spending rose by {7 * n}% in the budget." for n in (1, 2, 3)]


def test_ligature_glyphs_become_their_letters(tmp_path: Path) -> None:
    # Typeset PDFs often map "fi" and "fl" to one ligature glyph (U+FB01, U+FB02) in the
    # text layer; the reader sees the word "financial", and search and claims need it too.
    data = build_pdf(
        [["The ~nancial report was ~led late, the of~ce said of its cash |ow."]],
        to_unicode={"~": "FB01", "|": "FB02"},
    )

    text = read_article(write(tmp_path / "ligatures.pdf", data)).text

    assert text == "The financial report was filed late, the office said of its cash flow."


def test_a_soft_hyphen_at_a_line_end_joins_the_word(tmp_path: Path) -> None:
    # Word and InDesign exports put U+00AD where they hyphenated: "spokes-" / "person".
    data = build_pdf([["Her spokes\xad\nperson said the deficit had nar\xad\nrowed to 3%."]])

    text = read_article(write(tmp_path / "soft-hyphen.pdf", data)).text

    assert text == "Her spokesperson said the deficit had narrowed to 3%."


def test_a_sentence_running_into_the_next_column_stays_one_paragraph(tmp_path: Path) -> None:
    def column(x: int, lines: list[bytes]) -> bytes:
        shown = b"".join(b"(" + line + b") Tj T* " for line in lines)
        return b"BT /F1 11 Tf 14 TL %d 740 Td " % x + shown + b"ET"

    left = [b"The council said spending on roads rose", b"by 12% last year while spending on"]
    right = [b"buses fell by 3%, the report said.", b"", b"Fares will rise in May."]
    data = _assemble_pdf([column(72, left) + b"\n" + column(320, right)], None)

    text = read_article(write(tmp_path / "columns.pdf", data)).text

    assert text.split("\n\n") == [
        "The council said spending on roads rose by 12% last year while spending on buses "
        "fell by 3%, the report said.",
        "Fares will rise in May.",
    ]
