"""Span arithmetic over article text, including Python ↔ UTF-16 offset conversion."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
#: Characters that show nothing and that text copied from web pages carries at a word's or
#: line's edge: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def is_blank(ch: str) -> bool:
    """White space, or an invisible character that no span should start or end with."""
    return ch.isspace() or ch in INVISIBLE


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) of an article's stored text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span ({self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def has_words(text: str) -> bool:
    """Whether `text` holds a letter or a digit: a claim of only punctuation, symbols or
    emoji ("." "🎉" "—") says nothing and comes only from a selection that missed."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with white space (or INVISIBLE)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and is_blank(text[start]):
        start += 1
    while end > start and is_blank(text[end - 1]):
        end -= 1
    return start, end


class Utf16Map:
    """Converts between Python code-point offsets and UTF-16 code-unit offsets.

    Qt counts positions in UTF-16 code units, so every character outside the Basic
    Multilingual Plane (emoji, some CJK) counts twice there and once in Python.
    """

    def __init__(self, text: str) -> None:
        # Python offsets of characters that take two UTF-16 units (a regex scan runs in C,
        # which matters for megabyte articles).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Their UTF-16 positions, in the same order.
        self._astral16 = [i + n for n, i in enumerate(self._astral)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of Python offset `offset`."""
        return offset + bisect_right(self._astral, offset - 1)

    def from_utf16(self, pos16: int) -> int:
        """Python offset of UTF-16 position `pos16` (inside a surrogate pair → its start)."""
        n = bisect_right(self._astral16, pos16 - 1)
        offset = pos16 - n
        if n and self._astral16[n - 1] == pos16 - 1:
            # pos16 points between the two halves of a surrogate pair.
            offset = self._astral[n - 1]
        return max(0, min(offset, self._length))
