"""Plain-text importer: any common encoding, lines kept as they are."""

from __future__ import annotations

from claimdesk.domain.models import ArticleMetadata
from claimdesk.importers.common import Extracted, Unreadable, decode_text, normalise_plain


def extract(data: bytes) -> Extracted:
    """The text of a .txt file; each line stays a line, separated by a single '\\n'."""
    text = normalise_plain(decode_text(data))
    if not text:
        raise Unreadable("the file contains only whitespace")
    return Extracted(text=text, metadata=ArticleMetadata())
