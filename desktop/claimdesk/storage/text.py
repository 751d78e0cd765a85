"""How text columns are read (bytes that are not UTF-8 become U+FFFD, never an error)
and what typed text both engines can store."""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` as both engines can store it, otherwise as typed: NUL (which PostgreSQL's
    text cannot hold) dropped, a lone surrogate (which no UTF-8 column can) U+FFFD.

    For text an editor saves as the checker types (the explanation): the fuller
    importers.common.normalise_text would make the stored text differ from the editor's,
    and the pane save it again on every leave.
    """
    return _LONE_SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def decode_text(raw: bytes) -> str:
    """A TEXT value as str; invalid UTF-8 (a lone surrogate written by another program,
    a damaged page) reads as U+FFFD so every report, search and print still works."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
