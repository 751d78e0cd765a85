"""How text columns are read: bytes that are not UTF-8 become U+FFFD, never an error."""

from __future__ import annotations


def decode_text(raw: bytes) -> str:
    """A TEXT value as str; invalid UTF-8 (a lone surrogate written by another program,
    a damaged page) reads as U+FFFD so every report, search and print still works."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
