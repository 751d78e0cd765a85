"""Language names shown in the window (library, Properties), through Qt's translations."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Qt

from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.nlp.language import UNDETERMINED, known_languages, language_name

#: Every English name nlp.language gives, marked for lupdate (context "Languages");
#: tests/gui/test_language_gui.py checks that the two lists agree.
NAMES = (
    QT_TRANSLATE_NOOP("Languages", "Acehnese"),
    QT_TRANSLATE_NOOP("Languages", "Afrikaans"),
    QT_TRANSLATE_NOOP("Languages", "Albanian"),
    QT_TRANSLATE_NOOP("Languages", "Amharic"),
    QT_TRANSLATE_NOOP("Languages", "Ancient Greek"),
    QT_TRANSLATE_NOOP("Languages", "Ancient Hebrew"),
    QT_TRANSLATE_NOOP("Languages", "Arabic"),
    QT_TRANSLATE_NOOP("Languages", "Aragonese"),
    QT_TRANSLATE_NOOP("Languages", "Armenian"),
    QT_TRANSLATE_NOOP("Languages", "Assamese"),
    QT_TRANSLATE_NOOP("Languages", "Azerbaijani"),
    QT_TRANSLATE_NOOP("Languages", "Bashkir"),
    QT_TRANSLATE_NOOP("Languages", "Basque"),
    QT_TRANSLATE_NOOP("Languages", "Belarusian"),
    QT_TRANSLATE_NOOP("Languages", "Bengali"),
    QT_TRANSLATE_NOOP("Languages", "Bosnian"),
    QT_TRANSLATE_NOOP("Languages", "Breton"),
    QT_TRANSLATE_NOOP("Languages", "Bulgarian"),
    QT_TRANSLATE_NOOP("Languages", "Burmese"),
    QT_TRANSLATE_NOOP("Languages", "Cantonese"),
    QT_TRANSLATE_NOOP("Languages", "Catalan"),
    QT_TRANSLATE_NOOP("Languages", "Central Bikol"),
    QT_TRANSLATE_NOOP("Languages", "Chinese"),
    QT_TRANSLATE_NOOP("Languages", "Crimean Tatar"),
    QT_TRANSLATE_NOOP("Languages", "Croatian"),
    QT_TRANSLATE_NOOP("Languages", "Czech"),
    QT_TRANSLATE_NOOP("Languages", "Danish"),
    QT_TRANSLATE_NOOP("Languages", "Dutch"),
    QT_TRANSLATE_NOOP("Languages", "Dzongkha"),
    QT_TRANSLATE_NOOP("Languages", "Egyptian Arabic"),
    QT_TRANSLATE_NOOP("Languages", "English"),
    QT_TRANSLATE_NOOP("Languages", "Esperanto"),
    QT_TRANSLATE_NOOP("Languages", "Estonian"),
    QT_TRANSLATE_NOOP("Languages", "Extremaduran"),
    QT_TRANSLATE_NOOP("Languages", "Faroese"),
    QT_TRANSLATE_NOOP("Languages", "Finnish"),
    QT_TRANSLATE_NOOP("Languages", "French"),
    QT_TRANSLATE_NOOP("Languages", "Galician"),
    QT_TRANSLATE_NOOP("Languages", "Ganda"),
    QT_TRANSLATE_NOOP("Languages", "Georgian"),
    QT_TRANSLATE_NOOP("Languages", "German"),
    QT_TRANSLATE_NOOP("Languages", "Goan Konkani"),
    QT_TRANSLATE_NOOP("Languages", "Greek"),
    QT_TRANSLATE_NOOP("Languages", "Guadeloupean Creole"),
    QT_TRANSLATE_NOOP("Languages", "Guianese Creole"),
    QT_TRANSLATE_NOOP("Languages", "Gujarati"),
    QT_TRANSLATE_NOOP("Languages", "Gun"),
    QT_TRANSLATE_NOOP("Languages", "Haitian Creole"),
    QT_TRANSLATE_NOOP("Languages", "Hausa"),
    QT_TRANSLATE_NOOP("Languages", "Hebrew"),
    QT_TRANSLATE_NOOP("Languages", "Hindi"),
    QT_TRANSLATE_NOOP("Languages", "Hungarian"),
    QT_TRANSLATE_NOOP("Languages", "Icelandic"),
    QT_TRANSLATE_NOOP("Languages", "Igbo"),
    QT_TRANSLATE_NOOP("Languages", "Indonesian"),
    QT_TRANSLATE_NOOP("Languages", "Irish"),
    QT_TRANSLATE_NOOP("Languages", "Italian"),
    QT_TRANSLATE_NOOP("Languages", "Japanese"),
    QT_TRANSLATE_NOOP("Languages", "Javanese"),
    QT_TRANSLATE_NOOP("Languages", "Kabyle"),
    QT_TRANSLATE_NOOP("Languages", "Kannada"),
    QT_TRANSLATE_NOOP("Languages", "Kazakh"),
    QT_TRANSLATE_NOOP("Languages", "Khmer"),
    QT_TRANSLATE_NOOP("Languages", "Kikuyu"),
    QT_TRANSLATE_NOOP("Languages", "Kinyarwanda"),
    QT_TRANSLATE_NOOP("Languages", "Korean"),
    QT_TRANSLATE_NOOP("Languages", "Kurdish"),
    QT_TRANSLATE_NOOP("Languages", "Kyrgyz"),
    QT_TRANSLATE_NOOP("Languages", "Lao"),
    QT_TRANSLATE_NOOP("Languages", "Latgalian"),
    QT_TRANSLATE_NOOP("Languages", "Latin"),
    QT_TRANSLATE_NOOP("Languages", "Latvian"),
    QT_TRANSLATE_NOOP("Languages", "Ligurian"),
    QT_TRANSLATE_NOOP("Languages", "Lingala"),
    QT_TRANSLATE_NOOP("Languages", "Lithuanian"),
    QT_TRANSLATE_NOOP("Languages", "Luxembourgish"),
    QT_TRANSLATE_NOOP("Languages", "Macedonian"),
    QT_TRANSLATE_NOOP("Languages", "Malagasy"),
    QT_TRANSLATE_NOOP("Languages", "Malay"),
    QT_TRANSLATE_NOOP("Languages", "Malayalam"),
    QT_TRANSLATE_NOOP("Languages", "Maltese"),
    QT_TRANSLATE_NOOP("Languages", "Marathi"),
    QT_TRANSLATE_NOOP("Languages", "Mongolian"),
    QT_TRANSLATE_NOOP("Languages", "Moroccan Arabic"),
    QT_TRANSLATE_NOOP("Languages", "Nepali"),
    QT_TRANSLATE_NOOP("Languages", "Nigerian Fulfulde"),
    QT_TRANSLATE_NOOP("Languages", "Nigerian Pidgin"),
    QT_TRANSLATE_NOOP("Languages", "Northern Sami"),
    QT_TRANSLATE_NOOP("Languages", "Northern Sotho"),
    QT_TRANSLATE_NOOP("Languages", "Norwegian"),
    QT_TRANSLATE_NOOP("Languages", "Norwegian Nynorsk"),
    QT_TRANSLATE_NOOP("Languages", "Occitan"),
    QT_TRANSLATE_NOOP("Languages", "Odia"),
    QT_TRANSLATE_NOOP("Languages", "Oromo"),
    QT_TRANSLATE_NOOP("Languages", "Paraguayan Guarani"),
    QT_TRANSLATE_NOOP("Languages", "Pashto"),
    QT_TRANSLATE_NOOP("Languages", "Persian"),
    QT_TRANSLATE_NOOP("Languages", "Polish"),
    QT_TRANSLATE_NOOP("Languages", "Portuguese"),
    QT_TRANSLATE_NOOP("Languages", "Punjabi"),
    QT_TRANSLATE_NOOP("Languages", "Quechua"),
    QT_TRANSLATE_NOOP("Languages", "Romanian"),
    QT_TRANSLATE_NOOP("Languages", "Russian"),
    QT_TRANSLATE_NOOP("Languages", "Sanskrit"),
    QT_TRANSLATE_NOOP("Languages", "Scottish Gaelic"),
    QT_TRANSLATE_NOOP("Languages", "Serbian"),
    QT_TRANSLATE_NOOP("Languages", "Shona"),
    QT_TRANSLATE_NOOP("Languages", "Sinhala"),
    QT_TRANSLATE_NOOP("Languages", "Slovak"),
    QT_TRANSLATE_NOOP("Languages", "Slovenian"),
    QT_TRANSLATE_NOOP("Languages", "Somali"),
    QT_TRANSLATE_NOOP("Languages", "Southern Kurdish"),
    QT_TRANSLATE_NOOP("Languages", "Southern Sotho"),
    QT_TRANSLATE_NOOP("Languages", "Southern Uzbek"),
    QT_TRANSLATE_NOOP("Languages", "Spanish"),
    QT_TRANSLATE_NOOP("Languages", "Swahili"),
    QT_TRANSLATE_NOOP("Languages", "Swedish"),
    QT_TRANSLATE_NOOP("Languages", "Tagalog"),
    QT_TRANSLATE_NOOP("Languages", "Tajik"),
    QT_TRANSLATE_NOOP("Languages", "Tamil"),
    QT_TRANSLATE_NOOP("Languages", "Tatar"),
    QT_TRANSLATE_NOOP("Languages", "Telugu"),
    QT_TRANSLATE_NOOP("Languages", "Thai"),
    QT_TRANSLATE_NOOP("Languages", "Turkish"),
    QT_TRANSLATE_NOOP("Languages", "Turkmen"),
    QT_TRANSLATE_NOOP("Languages", "Ukrainian"),
    QT_TRANSLATE_NOOP("Languages", "Urdu"),
    QT_TRANSLATE_NOOP("Languages", "Uyghur"),
    QT_TRANSLATE_NOOP("Languages", "Uzbek"),
    QT_TRANSLATE_NOOP("Languages", "Venetian"),
    QT_TRANSLATE_NOOP("Languages", "Vietnamese"),
    QT_TRANSLATE_NOOP("Languages", "Volapük"),
    QT_TRANSLATE_NOOP("Languages", "Walloon"),
    QT_TRANSLATE_NOOP("Languages", "Welsh"),
    QT_TRANSLATE_NOOP("Languages", "Western Frisian"),
    QT_TRANSLATE_NOOP("Languages", "Wu Chinese"),
    QT_TRANSLATE_NOOP("Languages", "Xhosa"),
    QT_TRANSLATE_NOOP("Languages", "Yoruba"),
    QT_TRANSLATE_NOOP("Languages", "Zulu"),
)
#: An article whose language the detector could not tell (code "und").
UNKNOWN = QT_TRANSLATE_NOOP("Languages", "Unknown")


def _translated(english: str) -> str:
    return QCoreApplication.translate("Languages", english)


def language_label(code: str | None) -> str:
    """The language's name in the interface language; "" when not detected yet.

    A tagged code the list does not name ("pt-BR") keeps its tag: "Portugués (pt-BR)".
    A code nobody knows is shown as it is stored.
    """
    if not code:
        return ""
    if code == UNDETERMINED:
        return _translated(UNKNOWN)
    english = language_name(code)
    if english in NAMES:
        return _translated(english)
    primary = language_name(code.split("-", 1)[0].lower())
    if primary in NAMES:
        return f"{_translated(primary)} ({code})"
    return code


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of every language the checker may choose, sorted by the shown name
    as the interface language sorts ("Árabe" among the A's in Spanish)."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(
        ((code, language_label(code)) for code in known_languages()),
        key=lambda pair: (collator.sortKey(pair[1]), pair[0]),
    )
