"""Word .docx importer: paragraphs, headings and tables in document order, core properties."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.archive import check_xml, foreign_package, open_checked_zip, parse_xml
from claimdesk.importers.common import (
    Extracted,
    Unreadable,
    clean_field,
    join_paragraphs,
    normalise_paragraph,
    one_line,
    parse_date,
    shorten,
)

log = logging.getLogger(__name__)

KIND = "Word document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
# Containers whose paragraphs belong to the body flow (content controls, tracked insertions
# and the new place of tracked moves).
_TRANSPARENT = frozenset(
    {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"}
)
# Inside a paragraph: deleted text (and the old place of moved text), field codes and text
# boxes are not the paragraph's words.
_SKIPPED = frozenset(
    {f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}txbxContent", f"{_W}pPr", f"{_W}rPr"}
)

# ISO/IEC 29500 Strict packages name their parts' relationships here (python-docx
# reads only the Transitional namespaces Word writes by default).
_STRICT_RELATIONSHIPS = b"http://purl.oclc.org/ooxml/officeDocument/relationships"
# The false values of an on/off property such as <w:vanish w:val="0"/>.
_OFF = frozenset({"0", "false", "off"})


def extract(data: bytes) -> Extracted:
    """Body text of a .docx; each paragraph, heading and table row becomes a paragraph."""
    members = open_checked_zip(data, KIND)
    foreign_package(members, KIND, ".docx")
    if _STRICT_RELATIONSHIPS in members.get("_rels/.rels", b""):
        raise Unreadable(
            f"it is a {KIND} saved as Strict Open XML, which ClaimDesk cannot read; "
            "save it again as a Word Document (.docx) and try again"
        )
    for name, blob in members.items():
        if name.endswith((".xml", ".rels")):
            check_xml(name, blob, KIND)
    document = _open(data)
    try:
        styles = _Styles(_heading_style_ids(document), _hidden_style_ids(document))
        paragraphs: list[str] = []
        first_heading: str | None = None
        for text, is_heading in _blocks(document.element.body, styles):
            paragraphs.append(text)
            if is_heading and first_heading is None and text.strip():
                first_heading = text
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except Unreadable:
        raise
    except Exception as exc:  # python-docx/lxml on a malformed but well-formed package
        log.debug("python-docx failed", exc_info=True)
        raise Unreadable(f"the {KIND} is damaged ({one_line(exc)})") from None
    text = join_paragraphs(paragraphs)
    if not text:
        raise Unreadable(f"the {KIND} contains no text")
    metadata = ArticleMetadata(
        title=shorten(clean_field(title) or clean_field(first_heading) or ""),
        author=clean_field(author),
        publisher=_company(members.get("docProps/app.xml")),
        published=parse_date(created),
    )
    return Extracted(text=text, metadata=metadata)


def _open(data: bytes) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # KeyError for a missing part, ValueError for a wrong type...
        log.debug("python-docx could not open the package", exc_info=True)
        if isinstance(exc, ValueError) and "content type" in str(exc):
            raise Unreadable(
                f"it is not a {KIND} (it may be a template or a macro file); "
                "save it as a .docx and try again"
            ) from None
        raise Unreadable(f"the {KIND} is damaged ({one_line(exc)})") from None


def _heading_style_ids(document: Any) -> frozenset[str]:
    ids = set()
    for style in document.styles:
        name = (getattr(style, "name", None) or "").lower()
        if name.startswith("heading") or name == "title":
            ids.add(style.style_id)
    return frozenset(ids)


@dataclass(frozen=True, slots=True)
class _Styles:
    """Style ids that matter to the text: headings, and those with the Hidden effect."""

    headings: frozenset[str]
    hidden: frozenset[str]


def _hidden_style_ids(document: Any) -> frozenset[str]:
    """Styles with Word's Hidden effect (w:vanish), set or from the style they are based on."""
    own: dict[str, tuple[str | None, bool | None]] = {}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        based_on = style.find(f"{_W}basedOn")
        own[style.get(f"{_W}styleId", "")] = (
            None if based_on is None else based_on.get(f"{_W}val"),
            None if vanish is None else _on(vanish),
        )
    hidden = set()
    for style_id in own:
        current: str | None = style_id
        seen: set[str] = set()
        while current in own and current not in seen:  # a basedOn loop ends the walk
            seen.add(current)
            parent, vanish = own[current]
            if vanish is not None:
                if vanish:
                    hidden.add(style_id)
                break
            current = parent
    return frozenset(hidden)


def _blocks(container: Any, styles: _Styles) -> Iterator[tuple[str, bool]]:
    """(text, is_heading) for each paragraph and table row below `container`, in order."""
    for child in container:
        if child.tag == f"{_W}p":
            style = _style_id(child)
            yield _paragraph_text(child, styles, style in styles.hidden), style in styles.headings
        elif child.tag == f"{_W}tbl":
            for row in _own_rows(child):
                cells = (_cell_text(cell, styles) for cell in _own_cells(row))
                yield " | ".join(cell for cell in cells if cell), False
        elif child.tag in _TRANSPARENT:
            yield from _blocks(child, styles)


def _own_rows(table: Any) -> Iterator[Any]:
    """The table's rows, not those of tables nested in its cells (read with their cell)."""
    for row in table.iter(f"{_W}tr"):
        owner = row.getparent()
        while owner is not None and owner.tag != f"{_W}tbl":
            owner = owner.getparent()
        if owner is table:
            yield row


def _own_cells(row: Any) -> Iterator[Any]:
    """The row's cells, including those wrapped in a content control or custom XML."""
    for child in row:
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _own_cells(child)


def _cell_text(cell: Any, styles: _Styles) -> str:
    parts = (text for text, _ in _blocks(cell, styles))
    return " ".join(normalise_paragraph(part).replace("\n", " ") for part in parts).strip()


def _style_id(paragraph: Any) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return None if style is None else style.get(f"{_W}val")


def _paragraph_text(paragraph: Any, styles: _Styles, hidden_paragraph: bool) -> str:
    """The paragraph's words; `hidden_paragraph`: its style hides runs not shown otherwise."""
    parts: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == f"{_W}r" and _hidden(node, styles, hidden_paragraph):
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            stack.extend(reversed(node))
    return "".join(parts)


def _hidden(run: Any, styles: _Styles, hidden_paragraph: bool) -> bool:
    """Whether a run has Word's Hidden effect (w:vanish): not shown, not printed.

    Set on the run it wins; then the run's character style; then the paragraph's style.
    """
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    if vanish is not None:
        return _on(vanish)
    character = run.find(f"{_W}rPr/{_W}rStyle")
    if character is not None and character.get(f"{_W}val") in styles.hidden:
        return True
    return hidden_paragraph


def _on(toggle: Any) -> bool:
    """The value of an on/off property such as <w:vanish/> or <w:vanish w:val="0"/>."""
    return toggle.get(f"{_W}val", "true") not in _OFF


def _company(app_xml: bytes | None) -> str | None:
    """The organisation Word recorded in docProps/app.xml (often the press office)."""
    if app_xml is None:
        return None
    try:
        root = parse_xml("docProps/app.xml", app_xml, KIND)
    except Unreadable:
        return None
    node = root.find(f"{_APP}Company")
    return None if node is None else clean_field(node.text)
