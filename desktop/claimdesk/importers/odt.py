"""OpenDocument text (.odt) importer: content.xml and meta.xml read with defusedxml."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.archive import foreign_package, open_checked_zip, parse_xml
from claimdesk.importers.common import (
    Extracted,
    Unreadable,
    clean_field,
    gather_text,
    join_paragraphs,
    normalise_paragraph,
    parse_date,
    shorten,
)

KIND = "OpenDocument text"
_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
# Blocks whose children are themselves paragraphs, lists or tables.
_CONTAINERS = frozenset(
    {
        f"{_TEXT}section",
        f"{_TEXT}list",
        f"{_TEXT}list-item",
        f"{_TEXT}list-header",
        f"{_TEXT}numbered-paragraph",
        f"{_TEXT}index-body",
        f"{_TABLE}table-header-rows",
        f"{_TABLE}table-rows",
    }
)
# Not part of the running text: deleted text of tracked changes, notes, comments.
_SKIPPED = frozenset(
    {f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}index-title"}
)

# Hidden-text and hidden-paragraph fields: whether their condition hid them at the last save.
_IS_HIDDEN = f"{_TEXT}is-hidden"
_STYLE_NAME = f"{_TEXT}style-name"


def extract(data: bytes) -> Extracted:
    """Paragraphs, headings, lists and table rows of an .odt in document order."""
    members = open_checked_zip(data, KIND)
    foreign_package(members, KIND, ".odt")
    if members.get("mimetype", _MIMETYPE).strip() != _MIMETYPE:
        raise Unreadable(f"it is not an {KIND} (it is another OpenDocument type)")
    if "content.xml" not in members:
        raise Unreadable(f"the {KIND} is damaged (content.xml is missing)")
    root = parse_xml("content.xml", members["content.xml"], KIND)
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise Unreadable(f"it is not an {KIND} (content.xml has no text body)")
    hidden = _hidden_styles(root, members.get("styles.xml"))
    paragraphs: list[str] = []
    first_heading: str | None = None
    for text, is_heading in _blocks(body, hidden):
        paragraphs.append(text)
        if is_heading and first_heading is None and text.strip():
            first_heading = text
    text = join_paragraphs(paragraphs)
    if not text:
        raise Unreadable(f"the {KIND} contains no text")
    meta = _meta(members.get("meta.xml"))
    title = clean_field(meta.get("title")) or clean_field(first_heading) or ""
    return Extracted(
        text=text,
        metadata=ArticleMetadata(
            title=shorten(title),
            author=clean_field(meta.get("author")),
            published=parse_date(meta.get("created")),
        ),
    )


def _blocks(container: Any, hidden: frozenset[tuple[str, str]]) -> Iterator[tuple[str, bool]]:
    """(text, is_heading) for every paragraph, heading and table row, without recursion.

    `hidden` names the styles with the Hidden font effect: their text is left out.
    """
    stack: list[Any] = list(reversed(container))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in (f"{_TEXT}p", f"{_TEXT}h"):
            style = ("paragraph", node.get(_STYLE_NAME, ""))
            if not _hidden_paragraph(node) and style not in hidden:
                yield _inline(node, hidden), tag == f"{_TEXT}h"
        elif tag == f"{_TABLE}table":
            for row in _own(node, f"{_TABLE}table-row"):
                cells = (_cell(cell, hidden) for cell in _own(row, f"{_TABLE}table-cell"))
                yield " | ".join(cell for cell in cells if cell), False
        elif tag in _CONTAINERS and node.get(f"{_TEXT}display") != "none":  # hidden section
            stack.extend(reversed(node))


def _own(element: Any, tag: str) -> Iterator[Any]:
    """Descendants of a table or row with `tag`, in order, not looking into nested tables
    (a table inside a cell is read with that cell)."""
    stack: list[Any] = list(reversed(element))
    while stack:
        node = stack.pop()
        if node.tag == tag:
            yield node
        elif node.tag != f"{_TABLE}table":
            stack.extend(reversed(node))


def _hidden_paragraph(paragraph: Any) -> bool:
    """Whether a hidden-paragraph field hid the paragraph when the file was last saved."""
    return any(
        field.get(_IS_HIDDEN) == "true" for field in paragraph.iter(f"{_TEXT}hidden-paragraph")
    )


def _cell(cell: Any, hidden: frozenset[tuple[str, str]]) -> str:
    parts = (text for text, _ in _blocks(cell, hidden))
    return " ".join(normalise_paragraph(part).replace("\n", " ") for part in parts).strip()


def _inline(paragraph: Any, hidden: frozenset[tuple[str, str]]) -> str:
    """A paragraph's words: spans and links kept, <text:s/> spaces, tabs and line breaks."""

    def opening(node: Any) -> tuple[str, bool] | None:
        if ("text", node.get(_STYLE_NAME, "")) in hidden:
            return None
        return _odt_opening(node)

    return gather_text(paragraph, opening)


def _odt_opening(node: Any) -> tuple[str, bool] | None:
    tag = node.tag
    if tag in _SKIPPED or not isinstance(tag, str):
        return None
    if tag == f"{_TEXT}hidden-text" and node.get(_IS_HIDDEN) == "true":
        return None
    if tag == f"{_TEXT}s":
        return " " * _count(node), False
    if tag == f"{_TEXT}tab":
        return "\t", False
    if tag == f"{_TEXT}line-break":
        return "\n", False
    if tag.startswith(_TEXT):  # span, a, bookmark-ref, date, page-number...
        return node.text or "", True
    return "", False


def _hidden_styles(content: Any, styles_xml: bytes | None) -> frozenset[tuple[str, str]]:
    """Paragraph and text styles with the Hidden font effect (text:display="none"),
    set on the style itself or inherited from its parent style."""
    roots = [content]
    if styles_xml is not None:
        with contextlib.suppress(Unreadable):  # the text can be read without named styles
            roots.append(parse_xml("styles.xml", styles_xml, KIND))
    # (family, name) -> (the parent's (family, name), text:display if the style sets it)
    styles: dict[tuple[str, str], tuple[tuple[str, str] | None, str | None]] = {}
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            properties = style.find(f"{_STYLE}text-properties")
            display = None if properties is None else properties.get(f"{_TEXT}display")
            family = style.get(f"{_STYLE}family", "")
            parent = style.get(f"{_STYLE}parent-style-name")
            key = (family, style.get(f"{_STYLE}name", ""))
            styles[key] = (None if parent is None else (family, parent), display)
    hidden = set()
    for key in styles:
        current: tuple[str, str] | None = key
        seen: set[tuple[str, str]] = set()
        while current in styles and current not in seen:  # a parent loop ends the walk
            seen.add(current)
            parent, display = styles[current]
            if display is not None:
                if display == "none":
                    hidden.add(key)
                break
            current = parent
    return frozenset(hidden)


def _count(node: Any) -> int:
    try:
        return max(1, min(int(node.get(f"{_TEXT}c", "1")), 100))
    except ValueError:
        return 1


def _meta(meta_xml: bytes | None) -> dict[str, str | None]:
    if meta_xml is None:
        return {}
    try:
        root = parse_xml("meta.xml", meta_xml, KIND)
    except Unreadable:
        return {}
    meta = root.find(f"{_OFFICE}meta")
    if meta is None:
        return {}
    return {
        "title": meta.findtext(f"{_DC}title"),
        "author": meta.findtext(f"{_META}initial-creator") or meta.findtext(f"{_DC}creator"),
        "created": meta.findtext(f"{_META}creation-date"),
    }
