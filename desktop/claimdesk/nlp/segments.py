"""Cutting article text into paragraphs and quotations, keeping absolute offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.domain.spans import is_blank

# The line boundaries of str.splitlines(): every one of them ends a paragraph.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Where a long paragraph may be cut: after sentence-final punctuation and any closers,
# then white space; Chinese and Japanese put none after 。！？.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|[。！？][」』”’）)]*\s*")
_SPACE = re.compile(r"\s+")
#: Paragraphs longer than this are cut into chunks (well below spaCy's nlp.max_length,
#: and small enough that the parser's memory stays modest).
MAX_CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of article text that spaCy sees as one Doc; `start` is its absolute offset."""

    start: int
    end: int
    #: Number of the line it comes from; a long line gives several chunks, one number.
    paragraph: int


def paragraph_segments(text: str, max_chunk: int = MAX_CHUNK) -> list[Segment]:
    """Non-blank lines of `text`, trimmed, each cut into chunks of at most `max_chunk`."""
    segments: list[Segment] = []
    for number, line in enumerate(_LINE.finditer(text)):
        start, end = line.start(), line.end()
        while start < end and is_blank(text[start]):
            start += 1
        while end > start and is_blank(text[end - 1]):
            end -= 1
        while start < end:
            cut = _cut_point(text, start, end, max_chunk)
            segments.append(Segment(start, cut, number))
            start = cut
            while start < end and is_blank(text[start]):
                start += 1
    return segments


def _cut_point(text: str, start: int, end: int, max_chunk: int) -> int:
    """End of the next chunk: a sentence end, else a space, else a hard cut."""
    if end - start <= max_chunk:
        return end
    limit = start + max_chunk
    floor = start + max_chunk // 2
    best = -1
    for match in _SENTENCE_END.finditer(text, floor, limit):
        best = match.start() + len(match.group().rstrip())
    if best > start:
        return best
    for match in _SPACE.finditer(text, floor, limit):
        best = match.start()
    return best if best > start else limit


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage inside one segment, offsets relative to the segment text."""

    start: int
    end: int
    #: True when the paragraph ended before the closing mark (a quotation that goes on
    #: in the next paragraph, as news style writes them).
    open_at_end: bool = False

    def substantial(self, text: str) -> bool:
        """Whether this is reported speech rather than a scare-quoted word or two."""
        # An open quotation has no closing mark to drop: its last character is text.
        inner = text[self.start + 1 : self.end - (0 if self.open_at_end else 1)].strip()
        return len(inner.split()) >= 4 or inner[-1:] in {",", ".", "!", "?", "…"}


_OPENERS = {"“": "”", "«": "»", "„": "“"}


def find_quotations(text: str) -> list[Quotation]:
    """Quoted passages of one paragraph: “…”, «…», „…“ and straight "…" pairs."""
    quotations: list[Quotation] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closer = _OPENERS.get(ch) or ('"' if ch == '"' else None)
        if closer is None:
            i += 1
            continue
        close = text.find(closer, i + 1)
        if close < 0:
            quotations.append(Quotation(i, n, open_at_end=True))
            break
        quotations.append(Quotation(i, close + 1))
        i = close + 1
    return quotations


_CLOSING_AFTER = frozenset(" \t,.;:!?)")


def paragraph_quotations(text: str, *, continuing: bool) -> list[Quotation]:
    """The paragraph's substantial quotations.

    When the last paragraph ended inside a quotation, one whose first mark closes
    (‘We will vote against it."’ with no opening mark) goes on with it: the text up to
    that mark is the rest of the quotation.
    """
    end = _closing_first(text) if continuing else None
    if end is None:
        return [q for q in find_quotations(text) if q.substantial(text)]
    rest = text[end:]
    return [Quotation(0, end), *(Quotation(q.start + end, q.end + end, q.open_at_end)
                                 for q in find_quotations(rest) if q.substantial(rest))]


def _closing_first(text: str) -> int | None:
    """End of the first quotation mark of `text` when that mark closes a quotation."""
    i = next((k for k, ch in enumerate(text) if ch in "\"“”"), -1)
    if i <= 0 or text[i] == "“" or text[i - 1].isspace():
        return None
    after = text[i + 1:i + 2]
    return i + 1 if text[i] == "”" or not after or after in _CLOSING_AFTER else None
