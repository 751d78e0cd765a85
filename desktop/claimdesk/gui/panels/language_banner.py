"""The one line above the article that says what ClaimDesk cannot do in its language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.nlp.languages import LanguageSupport

#: English names of the languages ClaimDesk vouches for (nlp/languages.py), marked for
#: translation; any other language is shown by its English name.
LANGUAGE_NAMES = {
    "am": QT_TRANSLATE_NOOP("Languages", "Amharic"),
    "ar": QT_TRANSLATE_NOOP("Languages", "Arabic"),
    "bg": QT_TRANSLATE_NOOP("Languages", "Bulgarian"),
    "bn": QT_TRANSLATE_NOOP("Languages", "Bengali"),
    "ca": QT_TRANSLATE_NOOP("Languages", "Catalan"),
    "cs": QT_TRANSLATE_NOOP("Languages", "Czech"),
    "da": QT_TRANSLATE_NOOP("Languages", "Danish"),
    "de": QT_TRANSLATE_NOOP("Languages", "German"),
    "el": QT_TRANSLATE_NOOP("Languages", "Greek"),
    "en": QT_TRANSLATE_NOOP("Languages", "English"),
    "es": QT_TRANSLATE_NOOP("Languages", "Spanish"),
    "fa": QT_TRANSLATE_NOOP("Languages", "Persian"),
    "fi": QT_TRANSLATE_NOOP("Languages", "Finnish"),
    "fr": QT_TRANSLATE_NOOP("Languages", "French"),
    "he": QT_TRANSLATE_NOOP("Languages", "Hebrew"),
    "hi": QT_TRANSLATE_NOOP("Languages", "Hindi"),
    "hr": QT_TRANSLATE_NOOP("Languages", "Croatian"),
    "hu": QT_TRANSLATE_NOOP("Languages", "Hungarian"),
    "hy": QT_TRANSLATE_NOOP("Languages", "Armenian"),
    "id": QT_TRANSLATE_NOOP("Languages", "Indonesian"),
    "it": QT_TRANSLATE_NOOP("Languages", "Italian"),
    "ja": QT_TRANSLATE_NOOP("Languages", "Japanese"),
    "km": QT_TRANSLATE_NOOP("Languages", "Khmer"),
    "ko": QT_TRANSLATE_NOOP("Languages", "Korean"),
    "lo": QT_TRANSLATE_NOOP("Languages", "Lao"),
    "my": QT_TRANSLATE_NOOP("Languages", "Burmese"),
    "nl": QT_TRANSLATE_NOOP("Languages", "Dutch"),
    "pl": QT_TRANSLATE_NOOP("Languages", "Polish"),
    "pt": QT_TRANSLATE_NOOP("Languages", "Portuguese"),
    "ro": QT_TRANSLATE_NOOP("Languages", "Romanian"),
    "ru": QT_TRANSLATE_NOOP("Languages", "Russian"),
    "sr": QT_TRANSLATE_NOOP("Languages", "Serbian"),
    "sv": QT_TRANSLATE_NOOP("Languages", "Swedish"),
    "sw": QT_TRANSLATE_NOOP("Languages", "Swahili"),
    "ta": QT_TRANSLATE_NOOP("Languages", "Tamil"),
    "th": QT_TRANSLATE_NOOP("Languages", "Thai"),
    "tr": QT_TRANSLATE_NOOP("Languages", "Turkish"),
    "uk": QT_TRANSLATE_NOOP("Languages", "Ukrainian"),
    "ur": QT_TRANSLATE_NOOP("Languages", "Urdu"),
    "vi": QT_TRANSLATE_NOOP("Languages", "Vietnamese"),
    "zh": QT_TRANSLATE_NOOP("Languages", "Chinese"),
    "und": QT_TRANSLATE_NOOP("Languages", "Unknown language"),
}
# Its own colours, dark text on pale blue, so it reads the same in the light and dark
# themes (palette roles would follow the theme, and the banner must stand out in both).
_STYLE = (
    "QLabel#languageBanner { background: #dde8f4; color: #14273b; "
    "border: 1px solid #8fb0d2; border-radius: 3px; padding: 3px 8px; }"
)


def language_label(support: LanguageSupport) -> str:
    """The language's name in the interface language."""
    name = LANGUAGE_NAMES.get(support.code)
    return QCoreApplication.translate("Languages", name) if name else support.name


class LanguageBanner(QLabel):
    """Shown above the article when its language gets claims without entities or speakers.

    The text matches nlp.languages.limitation_line (what the CLI's JSON says) and is
    translated here; hidden for English, where nothing is limited.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageBanner")
        self.setStyleSheet(_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # One line at 1024 px; a narrow centre pane wraps it rather than cut it.
        self.setWordWrap(True)
        self.hide()

    def show_for(self, support: LanguageSupport | None) -> None:
        if support is None or not support.limited:
            self.clear()
            self.hide()
            return
        language = language_label(support)
        if support.scores:
            text = self.tr("{language}: claims and scores; no entities or speakers")
        else:
            text = self.tr("{language}: claims only; no scores, entities or speakers")
        self.setText(text.format(language=language))
        self.show()
