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
_TAG_RE = re.compile(r"<[^>]*>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# What a browser does not show of an HTML block: comments, scripts, styles and templates
# (unclosed, they run to the block's end, as they do in the rendered page).
_UNSHOWN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template)\b.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)


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
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            paragraphs.append(" | ".join(row))
            row = None
        elif kind == "inline":
            words = _inline_text(token.children or [])
            if row is not None:
                row.append(words.replace("\n", " ").strip())
            else:
                paragraphs.append(words)
                if in_heading and first_heading is None and words.strip():
                    first_heading = words
        elif kind in ("fence", "code_block"):
            paragraphs.append(token.content)
        elif kind == "html_block":
            shown = _UNSHOWN_RE.sub(" ", token.content)
            paragraphs.append(html.unescape(_TAG_RE.sub(" ", shown)))
    return paragraphs, first_heading


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak" or (
            child.type == "html_inline" and _BR_RE.fullmatch(child.content)
        ):
            parts.append("\n")
    return "".join(parts)
