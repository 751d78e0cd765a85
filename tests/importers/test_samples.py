"""The sample articles kept in tests/data import to the text make_samples.py wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimdesk.importers import read_article
from tests.data import make_samples

DATA = Path(make_samples.__file__).resolve().parent


def test_saved_page() -> None:
    document = read_article(DATA / "sample_saved_page.html")

    assert document.text.split("\n\n") == make_samples.PAGE_PARAGRAPHS
    assert document.metadata.author == "Priya Raman"
    assert document.metadata.publisher == "The Northern Courier"
    assert document.metadata.url == "https://courier.example/transport/rail-fares-2024"
    assert document.metadata.published == date(2024, 1, 16)


def test_press_release() -> None:
    document = read_article(DATA / "sample_press_release.docx")

    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "New homes completed at fastest rate in 17 years"
    assert paragraphs[1:4] == make_samples.RELEASE_PARAGRAPHS
    assert paragraphs[4:8] == [" | ".join(row) for row in make_samples.RELEASE_TABLE]
    assert document.metadata.title == "Housing completions highest since 2007"
    assert document.metadata.published == date(2024, 5, 2)


def test_speech() -> None:
    document = read_article(DATA / "sample_speech.pdf")

    expected = [p.removeprefix("# ") for page in make_samples.SPEECH_PAGES for p in page]
    assert document.text.split("\n\n") == expected  # running header and folios dropped
    assert document.metadata.author == "Office of the Prime Minister"
    assert document.metadata.published == date(2023, 10, 12)
