"""Saved web page importer: the article's main text via trafilatura, never fetching anything."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.common import (
    Extracted,
    Unreadable,
    clean_field,
    decode_text,
    gather_text,
    join_paragraphs,
    one_line,
    parse_date,
    shorten,
)

log = logging.getLogger(__name__)

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# Python codecs no browser would apply to a page (and "undefined" always fails).
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "idna", "punycode"}
)
# HTML elements that are blocks of their own (a <div> holding one is not a paragraph).
_HTML_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "table", "ul",
    }
)  # fmt: skip
# An inline style that hides its element: display:none or visibility:hidden.
_STYLE_HIDES = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({"p", "head", "quote", "code", "list", "item", "table", "row", "cell"})


def extract(data: bytes) -> Extracted:
    """Main article text and metadata of a saved HTML page.

    trafilatura only ever receives the decoded string, so it has nothing to download;
    lxml's HTML parser neither loads DTDs nor touches the network.
    """
    markup = decode_text(data, declared=_declared_charset(data))
    if not markup.strip():
        raise Unreadable("the page contains no text")
    document, body = _extract(markup)
    text = join_paragraphs(_paragraphs(body)) if body is not None else ""
    if not text:
        raise Unreadable(
            "no article text was found in the page; "
            "save the page again (as 'Web page, complete' or 'HTML only') and retry"
        )
    return Extracted(text=text, metadata=_metadata(document))


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in _NOT_PAGE_ENCODINGS:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # WHATWG: a page that got this far without a BOM is not UTF-16
    return _WHATWG_ALIASES.get(name, name)


def _extract(markup: str) -> tuple[Any, Any]:
    import trafilatura

    try:
        page = _shown(markup)
        document = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            include_formatting=False,
            deduplicate=False,
            # Only dates the page states; no guessing from the text or the file's age.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        body = getattr(document, "body", None)
        if body is None or not _has_text(body):
            # Very short pages fall under trafilatura's size threshold; take everything.
            body = trafilatura.baseline(page)[0]
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        log.debug("trafilatura failed", exc_info=True)
        raise Unreadable(f"the page could not be read as HTML ({one_line(exc)})") from None
    return document, body


def _shown(markup: str) -> Any:
    """The page's tree without what a browser never shows: elements marked `hidden`,
    <template> content (trafilatura would keep both), and <noscript> content and elements
    whose inline style hides them (trafilatura drops those only on long pages).
    "until-found" content stays: the reader reaches it by searching the page. Falls back
    to the markup if it has no tree.
    """
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return markup
    unshown = tree.xpath(
        "//template | //noscript"
        " | //*[@hidden and translate(@hidden, 'UNTILFOD', 'untilfod') != 'until-found']"
    )
    styled = tree.xpath("//*[@style]")
    unshown += [node for node in styled if _STYLE_HIDES.search(node.get("style"))]
    for element in unshown:
        if element.getparent() is not None:  # the root itself is never dropped
            element.drop_tree()  # keeps the text that follows the element
    _wrap_loose_words(tree)
    return tree


# Containers whose own words trafilatura may skip when the page has enough <p> elsewhere.
_LOOSE_CONTAINERS = frozenset({"div", "section", "article", "main"})


def _wrap_loose_words(tree: Any) -> None:
    """Put the words a container holds outside any block into <p> elements of their own.

    Pages written as <div>text<br>text</div>, or with words beside a <p> or in a bare
    <section>, are common; with enough <p> elsewhere trafilatura ignores such words (the
    text before a div's first <br>, or all of it). The containers themselves stay, so
    trafilatura still drops page furniture by their class or id.
    """
    has_block: set[Any] = set()  # elements with a block somewhere below them
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _HTML_BLOCKS:
            parent = element.getparent()
            while parent is not None and parent not in has_block:
                has_block.add(parent)
                parent = parent.getparent()
    for container in [node for node in tree.iter(*_LOOSE_CONTAINERS) if _loose(node, has_block)]:
        _wrap_runs(container, has_block)


def _loose(container: Any, has_block: set[Any]) -> bool:
    """Whether `container` holds words outside any block: its own, or in inline markup."""
    if (container.text or "").strip():
        return True
    for child in container:
        if (child.tail or "").strip():
            return True
        inline = isinstance(child.tag, str) and child.tag not in _HTML_BLOCKS
        if inline and child not in has_block and _has_text(child):
            return True
    return False


def _wrap_runs(container: Any, has_block: set[Any]) -> None:
    """Each run of words and inline children of `container` goes into a new <p>."""
    pieces: list[Any] = [container.text or ""]  # strings and child elements, in order
    for child in list(container):
        pieces.append(child)
        pieces.append(child.tail or "")
        child.tail = None
        container.remove(child)
    container.text = None
    paragraph: Any = None
    for piece in pieces:
        if isinstance(piece, str):
            if paragraph is None and not piece.strip():
                _append_text(container, piece)
                continue
            if paragraph is None:
                paragraph = container.makeelement("p", {})
                container.append(paragraph)
            _append_text(paragraph, piece)
        elif isinstance(piece.tag, str) and (piece.tag in _HTML_BLOCKS or piece in has_block):
            container.append(piece)
            paragraph = None
        else:  # inline markup, <br>, a comment: part of the current run
            if paragraph is None:
                paragraph = container.makeelement("p", {})
                container.append(paragraph)
            paragraph.append(piece)


def _append_text(element: Any, text: str) -> None:
    """Add `text` at the end of `element`'s content."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _has_text(element: Any) -> bool:
    return any(piece.strip() for piece in element.itertext())


def _paragraphs(body: Any) -> Iterator[str]:
    """Walk trafilatura's XML (p, head, list/item, table/row/cell, quote, lb) in order.

    Iterative, so a page nested thousands of levels deep cannot exhaust the stack.
    """
    stack: list[Any] = [body]
    while stack:
        node = stack.pop()
        if node is not body and node.tag == "table":
            for row in node.iter("row"):
                cells = (" ".join(_text(cell).split()) for cell in row.iter("cell"))
                yield " | ".join(cell for cell in cells if cell)
        elif node is body or node.tag == "list" or any(sub.tag in _BLOCK_TAGS for sub in node):
            own = _own_text(node)
            if own:
                yield own
            # Comments and processing instructions have a non-string tag and no words.
            stack.extend(child for child in reversed(node) if isinstance(child.tag, str))
        else:
            yield _text(node)


def _text(element: Any) -> str:
    """All text below `element`; <lb/> becomes a line break inside the paragraph."""
    return gather_text(element, _html_opening)


def _html_opening(node: Any) -> tuple[str, bool] | None:
    if not isinstance(node.tag, str):  # comments and processing instructions have no words
        return None
    return ("\n" if node.tag == "lb" else node.text or ""), True


def _own_text(element: Any) -> str:
    """Text of `element` outside its block children (an item's words before a sub-list)."""
    parts: list[str] = [element.text or ""]
    for sub in element:
        if sub.tag not in _BLOCK_TAGS and isinstance(sub.tag, str):
            parts.append("\n" if sub.tag == "lb" else _text(sub))
        parts.append(sub.tail or "")
    return "".join(parts).strip()


def _metadata(document: Any) -> ArticleMetadata:
    if document is None:
        return ArticleMetadata()
    url = clean_field(getattr(document, "url", None))
    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        url = None
    return ArticleMetadata(
        title=shorten(clean_field(getattr(document, "title", None)) or ""),
        author=clean_field(getattr(document, "author", None)),
        publisher=clean_field(getattr(document, "sitename", None)),
        url=url,
        published=parse_date(getattr(document, "date", None)),
    )
