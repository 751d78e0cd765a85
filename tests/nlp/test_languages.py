"""The support table and its one-line limitation, per language."""

from __future__ import annotations

import pytest

from claimdesk.nlp.language import detect_language, known_languages, language_name
from claimdesk.nlp.languages import (
    ENCODER_LANGUAGES,
    SENTENCE_LANGUAGES,
    limitation_line,
    support,
    support_table,
)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", None),
        ("en-GB", None),
        ("ar", "Arabic: claims and scores; no entities or speakers"),
        ("de", "German: claims and scores; no entities or speakers"),
        ("zh_Hant", "Chinese: claims and scores; no entities or speakers"),
        ("hi", "Hindi: claims only; no scores, entities or speakers"),
        ("he", "Hebrew: claims only; no scores, entities or speakers"),
        (None, "Unknown language: claims only; no scores, entities or speakers"),
    ],
)
def test_limitation_line(code: str | None, line: str | None) -> None:
    assert limitation_line(code) == line


def test_only_english_has_entities_and_speakers_and_every_language_has_sentences() -> None:
    table = support_table()
    assert len(table) >= 20
    assert all(row.sentences for row in table)
    assert [row.code for row in table if row.entities or row.speakers] == ["en"]
    assert {row.code for row in table if row.scores} == ENCODER_LANGUAGES
    assert not support("en").limited and support("fr").limited


def test_every_vouched_language_has_a_name() -> None:
    assert all(language_name(code) != code for code in SENTENCE_LANGUAGES)
    assert set(known_languages()) >= SENTENCE_LANGUAGES


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The deficit rose.", "en"),  # short and ambiguous: English when it is likely
        ("Die Preise steigen.", "de"),
        ("Fiyatlar arttı.", "tr"),
        ("12,5 % — 2024", "und"),
    ],
)
def test_detection_of_short_texts(text: str, code: str) -> None:
    assert detect_language(text).code == code
