"""OpenDocument text: paragraphs, headings, lists and tables; meta.xml; unsafe XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import BILLION_LAUGHS, build_odt, replace_member, write

BODY = (
    "<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words"
    "</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    '<text:h text:outline-level="1">Council tax to rise by 5%</text:h>'
    "<text:p>The council said the rise was<text:s text:c='3'/>the <text:span>lowest</text:span>"
    " in the region.<text:note><text:note-body><text:p>Footnote text</text:p></text:note-body>"
    "</text:note></text:p>"
    "<text:list><text:list-item><text:p>Libraries stay open</text:p></text:list-item>"
    "<text:list-item><text:p>Bins collected weekly<text:line-break/>from April</text:p>"
    "</text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Band D</text:p></table:table-cell>"
    "<table:table-cell><text:p>£1,950</text:p></table:table-cell></table:table-row></table:table>"
)


def test_text_in_document_order_without_deletions_or_notes(tmp_path: Path) -> None:
    data = build_odt(
        BODY, title="Council budget", author="Comms Team", created="2024-03-01T10:00:00"
    )

    document = read_article(write(tmp_path / "budget.odt", data))

    assert document.format == "odt"
    assert document.text.split("\n\n") == [
        "Council tax to rise by 5%",
        "The council said the rise was the lowest in the region.",
        "Libraries stay open",
        "Bins collected weekly\nfrom April",
        "Band D | £1,950",
    ]
    assert document.metadata.title == "Council budget"
    assert document.metadata.author == "Comms Team"
    assert document.metadata.published == date(2024, 3, 1)


def test_without_meta_title_the_first_heading_is_the_title(tmp_path: Path) -> None:
    document = read_article(write(tmp_path / "a.odt", build_odt(BODY)))

    assert document.metadata.title == "Council tax to rise by 5%"
    assert document.metadata.published is None


def test_entities_in_content_are_refused(tmp_path: Path) -> None:
    data = replace_member(build_odt(BODY), "content.xml", BILLION_LAUGHS)

    with pytest.raises(ImportRefused, match=r"unsafe XML in content\.xml"):
        read_article(write(tmp_path / "lol.odt", data))


def test_another_opendocument_type_is_refused(tmp_path: Path) -> None:
    data = replace_member(
        build_odt(BODY), "mimetype", b"application/vnd.oasis.opendocument.spreadsheet"
    )

    with pytest.raises(ImportRefused, match="another OpenDocument type"):
        read_article(write(tmp_path / "sheet.odt", data))


def test_a_table_inside_a_cell_is_read_once(tmp_path: Path) -> None:
    def cell(content: str) -> str:
        return f"<table:table-cell>{content}</table:table-cell>"

    inner = (
        "<table:table><table:table-row>"
        + cell("<text:p>Fines</text:p>")
        + cell("<text:p>£2m</text:p>")
        + "</table:table-row></table:table>"
    )
    body = (
        "<table:table><table:table-header-rows><table:table-row>"
        + cell("<text:p>Item</text:p>")
        + cell("<text:p>Year</text:p>")
        + "</table:table-row></table:table-header-rows><table:table-row>"
        + cell("<text:p>Penalties</text:p>" + inner)
        + cell("<text:p>2023</text:p>")
        + "</table:table-row></table:table>"
    )

    text = read_article(write(tmp_path / "nested.odt", build_odt(body))).text

    assert text.split("\n\n") == ["Item | Year", "Penalties Fines | £2m | 2023"]


def test_numbered_paragraphs_are_kept(tmp_path: Path) -> None:
    # ODF 1.2 text:numbered-paragraph: a paragraph numbered without being in a list.
    body = (
        "<text:p>The report makes two findings.</text:p>"
        '<text:numbered-paragraph text:list-id="l1"><text:number>1.</text:number>'
        "<text:p>Arrests fell by 8%.</text:p></text:numbered-paragraph>"
        '<text:numbered-paragraph text:list-id="l1"><text:number>2.</text:number>'
        '<text:h text:outline-level="2">Convictions rose</text:h></text:numbered-paragraph>'
    )

    text = read_article(write(tmp_path / "numbered.odt", build_odt(body))).text

    assert text.split("\n\n") == [
        "The report makes two findings.",
        "Arrests fell by 8%.",
        "Convictions rose",
    ]


def test_hidden_text_paragraphs_and_sections_are_left_out(tmp_path: Path) -> None:
    # Writer's hidden fields and sections keep their text in the file but do not show it.
    body = (
        "<text:p>Turnout was 64%."
        '<text:hidden-text text:condition="ooow:1" text:string-value=" Check: 46%?"'
        ' text:is-hidden="true"> Check: 46%?</text:hidden-text>'
        '<text:hidden-text text:condition="ooow:0" text:string-value=" Final."'
        ' text:is-hidden="false"> Final.</text:hidden-text></text:p>'
        '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>'
        "Draft: the mayor will resign.</text:p>"
        '<text:section text:name="Notes" text:display="none">'
        "<text:p>Internal: unconfirmed figure.</text:p></text:section>"
        '<text:section text:name="Body"><text:p>Shown section.</text:p></text:section>'
    )

    text = read_article(write(tmp_path / "hidden.odt", build_odt(body))).text

    assert text.split("\n\n") == ["Turnout was 64%. Final.", "Shown section."]


def test_text_with_the_hidden_font_effect_is_left_out(tmp_path: Path) -> None:
    # Writer stores Format > Character > Hidden as text:display="none" in a style.
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        "<office:automatic-styles>"
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties text:display="none"/></style:style>'
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Notes"/>'
        "</office:automatic-styles><office:body><office:text>"
        '<text:p>Turnout was 64%.<text:span text:style-name="T1"> Check: 46%?</text:span>'
        "</text:p>"
        '<text:p text:style-name="P1">Internal: the mayor may resign.</text:p>'
        "<text:p>Counting ends at noon.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}><office:styles>'
        '<style:style style:name="Notes" style:family="paragraph">'
        '<style:text-properties text:display="none"/></style:style>'
        "</office:styles></office:document-styles>"
    )
    data = replace_member(build_odt(""), "content.xml", content.encode())
    data = replace_member(data, "styles.xml", styles.encode())

    text = read_article(write(tmp_path / "hidden-style.odt", data)).text

    assert text.split("\n\n") == ["Turnout was 64%.", "Counting ends at noon."]
