"""Markdown importer: rendered to plain paragraphs, with simple front-matter metadata."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.common import (
    Extracted,
    Unreadable,
    clean_field,
    decode_text,
    join_paragraphs,
    normalise_newlines,
    one_line,
    parse_date,
    shorten,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_MAX_LINES = 100
_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "publisher": "publisher",
    "site": "publisher",
    "site_name": "publisher",
    "date": "date",
    "published": "date",
    "url": "url",
    "canonical_url": "url",
    "canonical": "url",
    "link": "url",
}
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# A comment (unclosed, it runs to the end, as in a browser), or a start or end tag whose
# attribute values may hold '>'.
_HTML_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([a-z][a-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE | re.DOTALL,
)
_UNSHOWN_TAGS = frozenset({"noscript", "script", "style", "template"})
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "source", "track", "wbr"})  # fmt: skip
_QUOTED_RE = re.compile(r"\"[^\"]*\"|'[^']*'")
_HIDDEN_VALUE_RE = re.compile(
    r"""\s*hidden(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""", re.IGNORECASE
)
_HIDDEN_ATTR_RE = re.compile(r"(?:^|\s)hidden(?:\s|=|/|$)", re.IGNORECASE)
_STYLE_ATTR_RE = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_STYLE_HIDES_RE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)",
    re.IGNORECASE,
)


class _Hiding:
    """Whether the Markdown being read is inside an HTML element a browser does not show.

    HTML comes in pieces (an inline tag, a block that opens a <div hidden> closed three
    paragraphs later), so the hidden element is followed across tokens by its tag name.
    """

    def __init__(self) -> None:
        self.tag: str | None = None
        self.depth = 0

    def shown(self, markup: str) -> str:
        """The text of an HTML piece outside hidden elements; tags become spaces."""
        parts: list[str] = []
        position = 0
        for match in _HTML_RE.finditer(markup):
            if self.tag is None:
                parts.append(markup[position : match.start()])
                parts.append(" ")
            self._see(match)
            position = match.end()
        if self.tag is None:
            parts.append(markup[position:])
        return "".join(parts)

    def _see(self, match: re.Match[str]) -> None:
        closing, name, attributes = match[1], (match[2] or "").lower(), match[3] or ""
        if not name:  # a comment
            return
        if self.tag is not None:
            if name == self.tag:
                self.depth += -1 if closing else 0 if attributes.endswith("/") else 1
                if self.depth == 0:
                    self.tag = None
            return
        if closing or name in _VOID_TAGS or attributes.endswith("/"):
            return
        if name in _UNSHOWN_TAGS or _hides(attributes):
            self.tag, self.depth = name, 1


def _hides(attributes: str) -> bool:
    """Whether a start tag's attributes hide the element (not hidden="until-found")."""
    # Quoted values blanked (same length), so "hidden" in a title is not the attribute.
    names = _QUOTED_RE.sub(lambda m: m[0][0] + " " * (len(m[0]) - 2) + m[0][-1], attributes)
    hidden = _HIDDEN_ATTR_RE.search(names)
    if hidden is not None:
        value = _HIDDEN_VALUE_RE.match(attributes, hidden.start())
        if value is None or next((g for g in value.groups() if g), "").lower() != "until-found":
            return True
    style = _STYLE_ATTR_RE.search(names)
    if style is None:
        return False
    value = _STYLE_ATTR_RE.match(attributes, style.start())
    assert value is not None  # the same attribute, its value no longer blanked
    return bool(_STYLE_HIDES_RE.search(next(g for g in value.groups() if g is not None)))


def extract(data: bytes) -> Extracted:
    """Paragraphs, headings, list items and table rows of a Markdown file, markup removed."""
    # Trailing spaces stay: two of them make a Markdown line break.
    source = normalise_newlines(decode_text(data))
    fields, body = split_front_matter(source)
    paragraphs, first_heading = _render(body)
    text = join_paragraphs(paragraphs)
    if not text:
        raise Unreadable("the file contains no text")
    title = clean_field(fields.get("title")) or clean_field(first_heading) or ""
    metadata = ArticleMetadata(
        title=shorten(title),
        author=clean_field(fields.get("author")),
        publisher=clean_field(fields.get("publisher")),
        url=clean_field(fields.get("url")),
        published=parse_date(fields.get("date")),
    )
    return Extracted(text=text, metadata=metadata)


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter between '---' fences; never evaluates YAML."""
    lines = source.split("\n")
    if not lines or lines[0].strip() != _FRONT_MATTER_FENCE:
        return {}, source
    for end in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        if lines[end].strip() in (_FRONT_MATTER_FENCE, "..."):
            break
    else:
        return {}, source
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        name = _KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'").strip()
        if sep and name and value and name not in fields:
            fields[name] = value
    return fields, "\n".join(lines[end + 1 :])


def _render(body: str) -> tuple[list[str], str | None]:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    paragraphs: list[str] = []
    first_heading: str | None = None
    row: list[str] | None = None
    in_heading = False
    hiding = _Hiding()
    try:
        tokens = parser.parse(body)
    except Exception as exc:  # markdown-it is robust, but a library bug must not escape
        raise Unreadable(f"the Markdown could not be read ({one_line(exc)})") from None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "html_block":
            paragraphs.append(html.unescape(hiding.shown(token.content)))
        elif hiding.tag is not None:
            continue  # inside a hidden element opened by an earlier HTML block
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            paragraphs.append(" | ".join(row))
            row = None
        elif kind == "inline":
            words = _inline_text(token.children or [], hiding)
            if row is not None:
                row.append(words.replace("\n", " ").strip())
            else:
                paragraphs.append(words)
                if in_heading and first_heading is None and words.strip():
                    first_heading = words
        elif kind in ("fence", "code_block"):
            paragraphs.append(token.content)
    return paragraphs, first_heading


def _inline_text(children: list[Token], hiding: _Hiding) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "html_inline":
            hidden = hiding.tag is not None
            hiding.shown(child.content)
            if not hidden and _BR_RE.fullmatch(child.content):
                parts.append("\n")
        elif hiding.tag is not None:
            continue
        elif child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
