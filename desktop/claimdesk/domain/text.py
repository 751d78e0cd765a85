"""Characters that do not belong in stored or written text."""

from __future__ import annotations

#: C0 and C1 control characters other than tab, line feed, VT, FF, CR and NEL (the
#: line-break controls, which importers turn into "\n" and writers into spaces), as a
#: regular-expression character class.
STRAY_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"


def cut_to_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8 (a file name's room), never inside a
    character; a name's undecodable bytes (surrogate escapes) count as one byte each."""
    return text.encode("utf-8", "surrogateescape")[:limit].decode("utf-8", "ignore")
