"""Post-rules over spaCy's entities: money, percentages and quantities whole, clean edges."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def entity_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of the Doc's entities, in text order."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
