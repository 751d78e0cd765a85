"""Span arithmetic and the Python ↔ UTF-16 offset map, checked against real encodings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdesk.domain.spans import Span, Utf16Map, trim_span


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_utf16_map_agrees_with_the_encoding(text: str) -> None:
    m = Utf16Map(text)
    for offset in range(len(text) + 1):
        pos = m.to_utf16(offset)
        assert pos == utf16_len(text[:offset])
        assert m.from_utf16(pos) == offset


def test_position_inside_a_surrogate_pair_maps_to_the_character_start() -> None:
    text = "a😀b"
    m = Utf16Map(text)
    assert [m.from_utf16(p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_trim_span_drops_surrounding_space_and_clamps() -> None:
    text = "  Hello world. \n"
    assert trim_span(text, 0, len(text)) == (2, 14)
    assert trim_span(text, -5, 999) == (2, 14)
    assert trim_span(text, 0, 2) == (2, 2)


def test_trim_span_drops_invisible_format_characters_at_the_edges() -> None:
    text = "\ufeff\u200b Hello\u200bworld.\u2060\u00ad "
    assert text[slice(*trim_span(text, 0, len(text)))] == "Hello\u200bworld."


def test_span_rules() -> None:
    assert Span(0, 5).overlaps(Span(4, 6)) and not Span(0, 5).overlaps(Span(5, 6))
    assert Span(2, 4).contains(2) and not Span(2, 4).contains(4)
    with pytest.raises(ValueError):
        Span(5, 4)
