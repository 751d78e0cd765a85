"""The one-line language banner above the article: Arabic gets it, English does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from claimdesk.domain import Theme
from claimdesk.gui.i18n import install
from claimdesk.gui.language_names import NAMES
from claimdesk.gui.theme import apply_theme
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.nlp.language import language_name
from claimdesk.nlp.languages import SENTENCE_LANGUAGES
from tests.gui.conftest import wait_for_claims
from tests.gui.test_translations import TS, compiled_and_installed
from tests.nlp.multilingual_articles import ARTICLES

LINE = "Arabic: claims and scores; no entities or speakers"


def _open(qtbot, window: MainWindow, tmp_path: Path, language: str) -> None:
    article = next(a for a in ARTICLES if a.language == language)
    path = tmp_path / f"{language}.txt"
    path.write_text(article.text, encoding="utf-8")
    before = window.article_id
    window.open_path(path)
    qtbot.waitUntil(lambda: window.article_id not in (None, before), timeout=30_000)
    wait_for_claims(qtbot, window)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(
            c.blueF()
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_arabic_shows_the_banner_and_english_hides_it(
    qtbot, make_window, tmp_path: Path, seed_path: Path
) -> None:
    window = make_window()
    banner = window.language_banner
    assert banner.isHidden()
    _open(qtbot, window, tmp_path, "ar")
    assert banner.isVisible() and banner.text() == LINE
    # Claims are there, without speakers (the English rules never saw the text).
    claims = window.workbench.claims(window.article_id)
    assert claims and all(c.speaker is None for c in claims)
    arabic = window.article_id
    window.open_path(seed_path)
    qtbot.waitUntil(lambda: window.article_id != arabic, timeout=30_000)
    wait_for_claims(qtbot, window)
    assert banner.isHidden()
    _open(qtbot, window, tmp_path, "hi")
    assert banner.text() == "Hindi: claims only; no scores, entities or speakers"


def test_the_banner_is_one_readable_line_at_1024_by_700_in_the_dark_theme(
    qtbot, make_window, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = make_window()
    window.resize(1024, 700)
    apply_theme(app, Theme.DARK)
    try:
        _open(qtbot, window, tmp_path, "ar")
        banner = window.language_banner
        qtbot.waitUntil(lambda: banner.isVisible() and banner.width() > 0)
        assert window.width() <= 1024 and window.height() <= 700
        margins = banner.contentsMargins()
        room = banner.contentsRect().width() - margins.left() - margins.right()
        assert banner.fontMetrics().horizontalAdvance(banner.text()) <= room  # one line
        image = banner.grab().toImage()
        background = image.pixelColor(3, image.height() // 2)
        assert background == QColor("#dde8f4")  # its own colours, not the dark palette's
        assert _contrast(background, QColor("#14273b")) >= 7  # WCAG AAA for body text
        dark = sum(
            1 for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 100
        )
        assert dark > 50  # the text is drawn, dark on the pale background
    finally:
        apply_theme(app, Theme.SYSTEM)


@pytest.fixture
def spanish(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    compiled_and_installed(qapp, tmp_path, TS, "es")
    yield
    install(qapp, "en")


def test_the_banner_in_spanish(spanish, qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    _open(qtbot, window, tmp_path, "ar")
    assert window.language_banner.text() == (
        "Árabe: afirmaciones y puntuaciones; sin entidades ni hablantes"
    )


def test_every_vouched_language_has_a_translatable_name() -> None:
    assert {language_name(code) for code in SENTENCE_LANGUAGES} <= set(NAMES)
