"""Word documents: text in order with headings and tables, core properties, hostile zips."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    build_docx,
    lying_zip_docx,
    replace_member,
    write,
    zip_bomb_docx,
)

PARAGRAPHS = [
    "The Ministry of Health announced today that waiting lists fell by 12% in 2023.",
    "“This is the fastest fall on record,” said the minister, Dr Aisling Ó Briain.",
]
TABLE = [["Region", "Waiting list"], ["North", "120,000"], ["South", "95,500"]]


def press_release() -> bytes:
    return build_docx(
        title="Waiting lists fall",
        author="Press Office",
        created=datetime(2024, 1, 15, 9, 30),
        heading="Waiting lists fall for the first time in a decade",
        paragraphs=PARAGRAPHS,
        table=TABLE,
        closing=["Ends.", "Notes to editors: figures are provisional."],
    )


def test_paragraphs_heading_and_table_in_document_order(tmp_path: Path) -> None:
    document = read_article(write(tmp_path / "release.docx", press_release()))

    assert document.format == "docx"
    assert document.text.split("\n\n") == [
        "Waiting lists fall for the first time in a decade",
        *PARAGRAPHS,
        "Region | Waiting list",
        "North | 120,000",
        "South | 95,500",
        "Ends.",
        "Notes to editors: figures are provisional.",
    ]


def test_core_properties_become_metadata(tmp_path: Path) -> None:
    metadata = read_article(write(tmp_path / "release.DOCX", press_release())).metadata

    assert metadata.title == "Waiting lists fall"
    assert metadata.author == "Press Office"
    assert metadata.published == date(2024, 1, 15)


def test_without_a_title_property_the_first_heading_is_the_title(tmp_path: Path) -> None:
    data = build_docx(heading="Minister resigns", paragraphs=["She left on Friday."])

    assert read_article(write(tmp_path / "a.docx", data)).metadata.title == "Minister resigns"


def test_deleted_text_and_field_codes_are_left_out(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        f"<w:document {w}><w:body><w:p><w:r><w:t>Crime fell by </w:t></w:r>"
        '<w:del w:id="1" w:author="Ed"><w:r><w:delText>50%</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Ed"><w:r><w:t>10%</w:t></w:r></w:ins>'
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:tab/><w:t>since 2010.</w:t><w:br/><w:t>New line.</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt></w:body></w:document>"
    )
    data = replace_member(press_release(), "word/document.xml", body.encode())

    text = read_article(write(tmp_path / "tracked.docx", data)).text

    assert text == "Crime fell by 10% since 2010.\nNew line.\n\nInside a content control."


def _with_body(xml: str) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = f"<w:document {w}><w:body>{xml}</w:body></w:document>"
    return replace_member(press_release(), "word/document.xml", document.encode())


def test_hidden_text_is_left_out(tmp_path: Path) -> None:
    # Word's "Hidden" font effect (w:vanish) is not shown or printed; w:val="0" undoes it.
    data = _with_body(
        "<w:p><w:r><w:t>Turnout was 64%.</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> Editor: check this, it may be 46%.</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> Shown again.</w:t></w:r></w:p>'
    )

    text = read_article(write(tmp_path / "hidden.docx", data)).text

    assert text == "Turnout was 64%. Shown again."


def test_text_hidden_by_its_style_is_left_out(tmp_path: Path) -> None:
    # The Hidden effect set in a character or paragraph style (or a style it is based on).
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = (
        f"<w:styles {w}>"
        '<w:style w:type="character" w:styleId="EditorNote"><w:name w:val="Editor note"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="Draft"><w:name w:val="Draft"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="DraftQuote"><w:name w:val="Draft quote"/>'
        '<w:basedOn w:val="Draft"/></w:style>'
        "</w:styles>"
    )
    data = _with_body(
        "<w:p><w:r><w:t>Turnout was 64%.</w:t></w:r>"
        '<w:r><w:rPr><w:rStyle w:val="EditorNote"/></w:rPr><w:t> Check: 46%?</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="DraftQuote"/></w:pPr>'
        "<w:r><w:t>Unconfirmed: the mayor will resign.</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>Shown in a draft.</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Counting ends at noon.</w:t></w:r></w:p>"
    )
    data = replace_member(data, "word/styles.xml", styles.encode())

    text = read_article(write(tmp_path / "hidden-style.docx", data)).text

    assert text.split("\n\n") == ["Turnout was 64%.", "Shown in a draft.", "Counting ends at noon."]


def test_cells_inside_content_controls_are_read(tmp_path: Path) -> None:
    # A content control (or custom XML) may wrap a single cell of a row.
    def cell(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    data = _with_body(
        "<w:tbl><w:tr>"
        + cell("North")
        + "<w:sdt><w:sdtContent>"
        + cell("120,000")
        + "</w:sdtContent></w:sdt>"
        + "<w:customXml>"
        + cell("provisional")
        + "</w:customXml></w:tr></w:tbl>"
    )

    text = read_article(write(tmp_path / "controls.docx", data)).text

    assert text == "North | 120,000 | provisional"


def test_text_moved_with_tracked_changes_appears_once_where_it_now_is(tmp_path: Path) -> None:
    # A tracked move keeps the old place (w:moveFrom, shown struck through) and the new one.
    data = _with_body(
        '<w:p><w:moveFrom w:id="1" w:author="Ed"><w:r><w:t>Prices rose 3%. </w:t></w:r>'
        "</w:moveFrom><w:r><w:t>Wages fell.</w:t></w:r>"
        '<w:moveTo w:id="2" w:author="Ed"><w:r><w:t> Prices rose 3%.</w:t></w:r></w:moveTo>'
        "</w:p>"
    )

    text = read_article(write(tmp_path / "moved.docx", data)).text

    assert text == "Wages fell. Prices rose 3%."


def test_a_table_inside_a_cell_is_read_once(tmp_path: Path) -> None:
    def cell(content: str) -> str:
        return f"<w:tc>{content}</w:tc>"

    def para(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    inner = "<w:tbl><w:tr>" + cell(para("Fines")) + cell(para("£2m")) + "</w:tr></w:tbl>"
    data = _with_body(
        "<w:tbl><w:tr>" + cell(para("Penalties") + inner) + cell(para("2023")) + "</w:tr></w:tbl>"
    )

    text = read_article(write(tmp_path / "nested.docx", data)).text

    assert text == "Penalties Fines | £2m | 2023"


def test_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.docx", zip_bomb_docx(press_release(), megabytes=300))
    started = time.monotonic()

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert "zip bomb" in refused.value.reason
    assert time.monotonic() - started < 2


def test_zip_that_lies_about_its_sizes_is_refused(tmp_path: Path) -> None:
    data = lying_zip_docx(press_release(), megabytes=20)
    declared = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    assert declared == 1024  # the directory really does lie
    started = time.monotonic()

    with pytest.raises(ImportRefused) as refused:
        read_article(write(tmp_path / "liar.docx", data))

    # Inflation stops at the declared size, so the member fails its checksum.
    assert "damaged or incomplete" in refused.value.reason
    assert time.monotonic() - started < 2


def test_zip_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for number in range(10_001):
            package.writestr(f"word/media/{number}.bin", b"")

    with pytest.raises(ImportRefused, match="10,001 parts"):
        read_article(write(tmp_path / "parts.docx", buffer.getvalue()))


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_xml_with_entities_is_refused(tmp_path: Path, xml: bytes) -> None:
    data = replace_member(press_release(), "word/document.xml", xml)
    started = time.monotonic()

    with pytest.raises(ImportRefused) as refused:
        read_article(write(tmp_path / "entities.docx", data))

    assert "unsafe XML in word/document.xml" in refused.value.reason
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda data: data[: len(data) // 2], "damaged or incomplete"),
        (lambda data: data[:-40], "damaged or incomplete"),
        (lambda data: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-format"),
        (lambda data: b"Just some text saved with the wrong extension.", "not a zip"),
        (
            lambda data: replace_member(data, "word/document.xml", b"<w:document"),
            "damaged",
        ),
        (lambda data: replace_member(data, "[Content_Types].xml", b"<Types/>"), "damaged"),
    ],
    ids=["half", "tail-cut", "ole", "text", "bad-xml", "no-content-types"],
)
def test_damaged_documents_are_refused(tmp_path: Path, mangle: object, reason: str) -> None:
    assert callable(mangle)
    path = write(tmp_path / "bad.docx", mangle(press_release()))

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert reason in refused.value.reason
    assert "\n" not in str(refused.value)


def test_a_strict_open_xml_document_is_not_called_damaged(tmp_path: Path) -> None:
    # Word's "Strict Open XML Document" uses other namespaces, which python-docx cannot read.
    source = zipfile.ZipFile(io.BytesIO(press_release()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as strict:
        for info in source.infolist():
            data = source.read(info)
            for transitional, iso in (
                (b"schemas.openxmlformats.org/wordprocessingml/2006/main",
                 b"purl.oclc.org/ooxml/wordprocessingml/main"),
                (b"schemas.openxmlformats.org/officeDocument/2006/relationships",
                 b"purl.oclc.org/ooxml/officeDocument/relationships"),
            ):  # fmt: skip
                data = data.replace(transitional, iso)
            strict.writestr(info.filename, data)

    with pytest.raises(ImportRefused) as refused:
        read_article(write(tmp_path / "strict.docx", out.getvalue()))

    assert "damaged" not in refused.value.reason
    assert "Strict Open XML" in refused.value.reason


def test_a_document_without_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.docx", build_docx())

    with pytest.raises(ImportRefused, match="contains no text"):
        read_article(path)
