"""The one line above the article that says what ClaimDesk cannot do in its language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from claimdesk.gui.language_names import language_label
from claimdesk.nlp.languages import LanguageSupport

# Its own colours, dark text on pale blue, so it reads the same in the light and dark
# themes (palette roles would follow the theme, and the banner must stand out in both).
_STYLE = (
    "QLabel#languageBanner { background: #dde8f4; color: #14273b; "
    "border: 1px solid #8fb0d2; border-radius: 3px; padding: 3px 8px; }"
)


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
        language = language_label(support.code)
        if support.scores:
            text = self.tr("{language}: claims and scores; no entities or speakers")
        else:
            text = self.tr("{language}: claims only; no scores, entities or speakers")
        self.setText(text.format(language=language))
        self.show()
