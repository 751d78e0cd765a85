"""PDF importer: the text layer via pypdf, lines regrouped into paragraphs by their spacing."""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.common import (
    Extracted,
    Unreadable,
    clean_field,
    describe_binary,
    join_paragraphs,
    one_line,
    parse_date,
    shorten,
)

log = logging.getLogger(__name__)
# pypdf logs a warning for every repairable flaw; without a handler Python's last-resort
# handler would print them on stderr, so route them only to handlers the app installs.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A gap this many times the usual line spacing starts a new paragraph.
PARAGRAPH_GAP = 1.35
_PAGE_NUMBER_RE = re.compile(r"^(page\s*)?[-–—\s]*\d{1,4}[-–—\s]*((of|/)\s*\d{1,4})?$", re.I)
_DIGITS_RE = re.compile(r"\d+")
_BULLET_RE = re.compile(r"^[•●▪◦‣∙·\-–*]\s")
_FILE_TITLE_RE = re.compile(r"\.(docx?|pdf|odt|rtf|indd|qxd|pages|txt)$", re.I)
#: Latin ligature glyphs (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that typesetting puts in the text layer: the reader
#: sees letters, and search, claims and quotes need the letters.
LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
_SENTENCE_END = (".", "!", "?", ":", "…", '"', "”", "’", "»", ")")


@dataclass(slots=True)
class _Line:
    text: str
    y: float | None
    size: float


def extract(data: bytes) -> Extracted:
    """Text of a PDF with a text layer; a scan without one is refused with advice."""
    reader = _open(data)
    try:
        pages = [_page_lines(page) for page in reader.pages]
    except Exception as exc:  # pypdf raises many types on damaged streams and objects
        log.debug("pypdf failed", exc_info=True)
        raise Unreadable(
            f"the PDF is damaged and its text cannot be read ({one_line(exc)})"
        ) from None
    info = _info(reader)
    pages = _drop_running_lines(pages)
    paragraphs: list[str] = []
    for lines in pages:
        page_paragraphs = _paragraphs(lines)
        if page_paragraphs and paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
            paragraphs[-1] = _join_lines(paragraphs[-1], page_paragraphs.pop(0))
        paragraphs.extend(page_paragraphs)
    text = join_paragraphs(paragraphs).translate(LIGATURES)
    if not text:
        raise Unreadable(
            "the PDF has no text layer (it looks like a scanned image); "
            "run it through OCR first and import the result"
        )
    title = clean_field(info.get("title"))
    return Extracted(
        text=text,
        metadata=ArticleMetadata(
            title=shorten(_usable_title(title) or ""),
            author=clean_field(info.get("author")),
            published=parse_date(info.get("created")),
        ),
    )


def _open(data: bytes) -> Any:
    from pypdf import PdfReader

    if b"%PDF" not in data[:1024]:
        magic = describe_binary(data)
        if magic is not None:
            raise Unreadable(f"it is not a PDF; it looks like {magic}")
        raise Unreadable("it is not a PDF (the PDF header is missing)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is password-protected; remove the password and try again")
        if len(reader.pages) == 0:
            raise Unreadable("the PDF has no pages")
    except Unreadable:
        raise
    except Exception as exc:
        log.debug("pypdf could not open the file", exc_info=True)
        if type(exc).__name__ in ("DependencyError", "FileNotDecryptedError"):
            raise Unreadable(
                "the PDF is encrypted; remove the protection (print to PDF) and try again"
            ) from None
        raise Unreadable(f"the PDF is damaged or incomplete ({one_line(exc)})") from None
    return reader


def _info(reader: Any) -> dict[str, object]:
    """Title, author and creation date from the document info; a flawed field is skipped."""
    meta = _field(lambda: reader.metadata)
    if meta is None:
        return {}
    return {
        "title": _field(lambda: meta.title),
        "author": _field(lambda: meta.author),
        "created": _field(lambda: meta.creation_date),
    }


def _field(read: Callable[[], object]) -> Any:
    try:
        return read()
    except Exception:  # malformed metadata is not worth refusing the text for
        log.debug("unusable PDF document info", exc_info=True)
        return None


def _usable_title(title: str | None) -> str | None:
    """PDF titles are often the source file's name; those say nothing about the article."""
    if not title:
        return None
    title = title.removeprefix("Microsoft Word - ").strip()
    if _FILE_TITLE_RE.search(title) or title.lower() in ("untitled", "title"):
        return None
    return title


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines in content order, each with its baseline height and font size."""
    lines: list[_Line] = []
    current: list[str] = []
    state: dict[str, float | None] = {"y": None, "size": 0.0}

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append(_Line("".join(current), state["y"], state["size"] or 0.0))
                current.clear()
                state["y"], state["size"] = None, 0.0
            if piece.strip():
                current.append(piece)
                if state["y"] is None:
                    state["y"] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                state["size"] = max(state["size"] or 0.0, abs(size) * scale)
            elif piece:
                current.append(piece)

    page.extract_text(visitor_text=visit)
    lines.append(_Line("".join(current), state["y"], state["size"] or 0.0))
    return [line for line in lines if line.text.strip()]


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers and headers/footers repeated at the top or bottom of pages.

    A running line sits at a page edge on at least half the pages, once per page, and
    reads the same on each, or differs only by a number that grows with the page (a
    folio). Lines that merely share a shape ("Article 4 enters into force in 2004")
    stay; and if removal would leave no text at all, nothing is removed.
    """
    seen: dict[str, list[tuple[int, str]]] = {}
    counts = [Counter(_edge_key(line.text) for line in lines) for lines in pages]
    for number, lines in enumerate(pages):
        for i in sorted(_edge_indices(len(lines))):
            seen.setdefault(_edge_key(lines[i].text), []).append((number, lines[i].text))
    repeated = {
        key
        for key, places in seen.items()
        if all(counts[number][key] == 1 for number, _ in places)
        and _running(places, len(pages))
    }
    cleaned: list[list[_Line]] = []
    for lines in pages:
        drop = {
            i
            for i in _edge_indices(len(lines))
            if _PAGE_NUMBER_RE.match(lines[i].text.strip()) or _edge_key(lines[i].text) in repeated
        }
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    if any(pages) and not any(cleaned):
        return pages
    return cleaned


def _running(places: list[tuple[int, str]], page_count: int) -> bool:
    """Whether one masked line at these (page, text) places is a running head or foot."""
    if len(places) < 2 or len(places) * 2 < page_count:
        return False
    texts = {" ".join(text.split()) for _, text in places}
    if len(texts) == 1:
        return True
    # The last digits only: a hostile line of 5,000 digits is past int()'s limit.
    numbers = [[int(n[-9:]) for n in _DIGITS_RE.findall(text)] for _, text in places]
    for position in range(len(numbers[0])):
        column = [row[position] for row in numbers]
        offsets = {value - number for value, (number, _) in zip(column, places, strict=True)}
        others_fixed = all(
            len({row[other] for row in numbers}) == 1
            for other in range(len(numbers[0]))
            if other != position
        )
        if len(offsets) == 1 and others_fixed:
            return True
    return False


def _edge_indices(count: int) -> set[int]:
    """The first two and last two lines of a page: where running heads and folios sit."""
    return {0, 1, count - 2, count - 1} & set(range(count))


def _edge_key(text: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(text.split()).lower())


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    gaps = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.y is not None and b.y is not None and a.y - b.y > 0
    ]
    sizes = [line.size for line in lines if line.size > 0]
    body_size = statistics.median(sizes) if sizes else 10.0
    # The lower quartile is the ordinary line spacing even when many paragraphs are short.
    leading = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 4 else body_size * 1.2
    paragraphs = [lines[0].text.strip()]
    for previous, line in itertools.pairwise(lines):
        if _breaks(previous, line, leading) and not _next_column(previous, line, paragraphs[-1]):
            paragraphs.append(line.text.strip())
        else:
            paragraphs[-1] = _join_lines(paragraphs[-1], line.text.strip())
    return paragraphs


def _breaks(previous: _Line, line: _Line, leading: float) -> bool:
    if previous.y is None or line.y is None:
        return True
    gap = previous.y - line.y
    if gap <= 0 or gap > leading * PARAGRAPH_GAP:
        return True  # a jump up (next column) or a blank line's worth of space
    if previous.size and line.size and abs(previous.size - line.size) > 0.15 * previous.size:
        return True  # a heading next to body text
    return bool(_BULLET_RE.match(line.text.strip()))


def _next_column(previous: _Line, line: _Line, paragraph: str) -> bool:
    """Whether `line` goes on with `paragraph` at the top of the next column: the text
    jumps up, in the same type size, in the middle of a sentence (as across pages)."""
    if previous.y is None or line.y is None or line.y < previous.y:
        return False
    if previous.size and line.size and abs(previous.size - line.size) > 0.15 * previous.size:
        return False
    return _continues(paragraph, line.text.strip())


def _join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation."""
    if first.endswith("\xad") and second:  # a soft hyphen marks where a word was split
        return first[:-1] + second
    if len(first) > 1 and first.endswith("-") and first[-2].isalpha() and second[:1].islower():
        return first[:-1] + second
    return f"{first} {second}"


def _continues(last: str, first: str) -> bool:
    """Whether a paragraph runs over the page break."""
    return not last.rstrip().endswith(_SENTENCE_END) and first[:1].islower()
