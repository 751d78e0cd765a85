"""Which language an article is written in, offline (py3langid; replaced at merge)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier  # type: ignore[import-untyped]

#: The code for "no language": text without letters (figures, punctuation, nothing).
UNKNOWN = "und"
#: Detection reads this many characters: more costs time and changes no answer.
SAMPLE_CHARS = 20_000
#: Below this probability the detector is unsure (a short sentence: "The deficit rose."
#: comes out Catalan at 0.16), and English wins if it is at least ENGLISH_SHARE as
#: likely as the best guess. Non-English sentences put English near 0.001.
UNSURE, ENGLISH_SHARE = 0.5, 0.25

_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani",
    "be": "Belarusian", "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian",
    "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "gu": "Gujarati", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh",
    "km": "Khmer", "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz",
    "la": "Latin", "lo": "Lao", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese",
    "yo": "Yoruba", "zh": "Chinese", "zu": "Zulu",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DetectedLanguage:
    """An ISO 639-1 code (or "und") and the detector's probability for it."""

    code: str
    confidence: float


@lru_cache(maxsize=1)
def _model() -> LanguageIdentifier:
    """The detector's model, loaded once (about half a second); it is read-only."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only languages we can name: fewer look-alikes (Crimean Tatar for Turkish).
    model.set_languages([code for code in _NAMES if code in model.labels])
    return model


def detect_language(text: str) -> DetectedLanguage:
    """The language of `text`; "und" when it has no letters to go by."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return DetectedLanguage(UNKNOWN, 0.0)
    ranked = _model().rank(sample)
    code, confidence = ranked[0]
    if code != "en" and confidence < UNSURE:
        english = next(p for c, p in ranked if c == "en")
        if english >= ENGLISH_SHARE * confidence:
            code, confidence = "en", english
    return DetectedLanguage(str(code), float(confidence))


def language_name(code: str) -> str:
    """The English name of a language code ("ar" → "Arabic"); the code itself if unnamed."""
    base = code.split("-", maxsplit=1)[0].split("_", maxsplit=1)[0].lower()
    if base == UNKNOWN:
        return "Unknown language"
    return _NAMES.get(base, code)


def known_languages() -> list[str]:
    """Codes the detector can answer with, sorted."""
    return sorted(_NAMES)
