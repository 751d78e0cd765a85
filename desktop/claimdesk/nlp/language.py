"""Which language an article is written in, from py3langid's model (shipped in its wheel)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

#: The code for "nothing can be said" (BCP-47's undetermined language).
UNDETERMINED = "und"
#: Fewer letters than this (digits, punctuation and spaces do not count) say nothing.
MIN_LETTERS = 4
#: Below this normalised probability the guess is no better than noise.
MIN_CONFIDENCE = 0.2
#: Below UNSURE the detector is unsure (a short sentence: "The deficit rose." comes out
#: Catalan at 0.16), and English wins if it is at least ENGLISH_SHARE as likely as the
#: best guess: non-English sentences put English near 0.001, and an English sentence
#: read as something else would lose its entities, speakers and English scores.
UNSURE, ENGLISH_SHARE = 0.5, 0.25
#: Regional and historical varieties the model tells apart from their big neighbour only
#: on longer text: a short Turkish sentence comes out Crimean Tatar at 0.51. Below
#: LOOKALIKE_SURE, the best-ranked language outside this set wins.
LOOKALIKE_SURE = 0.9
_LOOKALIKES = frozenset(
    {"crh", "ary", "arz", "hbo", "grc", "uzs", "ext", "an", "lij", "vec", "wa", "ltg",
     "gcf", "gcr", "gug", "guw", "bcl", "sdh", "wuu", "ace", "lb", "fy", "oc", "gom"}
)  # fmt: skip
#: A text up to this long is read whole; a longer one is sampled (see `sample`).
WHOLE_TEXT = 6000
#: A longer text is read in this many windows of WINDOW characters, spread over it, so
#: a 200,000-character article costs what a 6,000-character one does.
WINDOWS = 5
WINDOW = 1200

#: What a stored language may look like: a BCP-47 primary language subtag with optional
#: subtags ("de", "pt-BR", "sr-Latn", "und"); anything else from a bundle is refused.
_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}")

#: The model's labels that are ISO 639-3 although ISO 639-1 has a code (BCP-47 wants the
#: shortest); "zxx" is the model's class for numbers and markup, not a language.
_SHORTER = {"kik": "ki"}
_NOT_A_LANGUAGE = "zxx"

#: English names of every language the model gives (its labels, 639-1 where one exists).
_NAMES = {
    "ace": "Acehnese", "af": "Afrikaans", "am": "Amharic", "an": "Aragonese",
    "ar": "Arabic", "ary": "Moroccan Arabic", "arz": "Egyptian Arabic", "as": "Assamese",
    "az": "Azerbaijani", "ba": "Bashkir", "bcl": "Central Bikol", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan",
    "crh": "Crimean Tatar", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "dz": "Dzongkha", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "ext": "Extremaduran", "fa": "Persian",
    "fi": "Finnish", "fo": "Faroese", "fr": "French", "fuv": "Nigerian Fulfulde",
    "fy": "Western Frisian", "ga": "Irish", "gcf": "Guadeloupean Creole",
    "gcr": "Guianese Creole", "gd": "Scottish Gaelic", "gl": "Galician",
    "gom": "Goan Konkani", "grc": "Ancient Greek", "gu": "Gujarati",
    "gug": "Paraguayan Guarani", "guw": "Gun", "ha": "Hausa", "hbo": "Ancient Hebrew",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "ht": "Haitian Creole",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "ig": "Igbo",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "jv": "Javanese",
    "ka": "Georgian", "kab": "Kabyle", "ki": "Kikuyu", "kk": "Kazakh", "km": "Khmer",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin",
    "lb": "Luxembourgish", "lg": "Ganda", "lij": "Ligurian", "ln": "Lingala", "lo": "Lao",
    "lt": "Lithuanian", "ltg": "Latgalian", "lv": "Latvian", "mg": "Malagasy",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi",
    "ms": "Malay", "mt": "Maltese", "my": "Burmese", "ne": "Nepali", "nl": "Dutch",
    "nn": "Norwegian Nynorsk", "no": "Norwegian", "nso": "Northern Sotho",
    "oc": "Occitan", "om": "Oromo", "or": "Odia", "pa": "Punjabi",
    "pcm": "Nigerian Pidgin", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
    "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda",
    "sa": "Sanskrit", "sdh": "Southern Kurdish", "se": "Northern Sami", "si": "Sinhala",
    "sk": "Slovak", "sl": "Slovenian", "sn": "Shona", "so": "Somali", "sq": "Albanian",
    "sr": "Serbian", "st": "Southern Sotho", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tk": "Turkmen",
    "tl": "Tagalog", "tr": "Turkish", "tt": "Tatar", "ug": "Uyghur", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "uzs": "Southern Uzbek", "vec": "Venetian",
    "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon", "wuu": "Wu Chinese",
    "xh": "Xhosa", "yo": "Yoruba", "yue": "Cantonese", "zh": "Chinese", "zu": "Zulu",
}


@dataclass(frozen=True)
class DetectedLanguage:
    """The detector's answer for one text."""

    code: str  # ISO 639-1 where it exists (else 639-3, both valid BCP-47); "und": unknown
    confidence: float  # 0..1, the model's normalised probability of `code`


class _Model:
    """py3langid's identifier, read once (about a second) by whichever thread needs it
    first; imported late so that nothing pays for it before an article is read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.identifier: Any = None

    def get(self) -> Any:
        if self.identifier is None:
            with self._lock:
                if self.identifier is None:
                    # py3langid ships no type information.
                    from py3langid.langid import (  # type: ignore[import-untyped]
                        MODEL_FILE,
                        LanguageIdentifier,
                    )

                    # Normalised: a probability the window can show, not a log score.
                    self.identifier = LanguageIdentifier.from_model_file(
                        MODEL_FILE, norm_probs=True
                    )
        return self.identifier


_MODEL = _Model()


def _code(label: str) -> str:
    return _SHORTER.get(label, label)


def sample(text: str) -> str:
    """The part of `text` the detector reads: all of it, or windows spread over it.

    Windows start and end at spaces where there is one nearby, so no word is cut in two
    (a cut word is a made-up word for a character n-gram model).
    """
    if len(text) <= WHOLE_TEXT:
        return text
    step = (len(text) - WINDOW) / (WINDOWS - 1)
    parts = []
    for i in range(WINDOWS):
        start = int(i * step)
        end = start + WINDOW
        if i:
            space = text.find(" ", start, start + 80)
            start = space + 1 if space >= 0 else start
        space = text.rfind(" ", end - 80, end)
        end = space if space > start else end
        parts.append(text[start:end])
    return "\n".join(parts)


def detect_language(text: str) -> DetectedLanguage:
    """The language of `text`; "und" when it is too short, has no letters or no clear answer."""
    part = sample(text)
    if sum(1 for ch in part if ch.isalpha()) < MIN_LETTERS:
        return DetectedLanguage(UNDETERMINED, 0.0)
    ranked = _MODEL.get().rank(part)
    label, probability = ranked[0]
    if label in _LOOKALIKES and probability < LOOKALIKE_SURE:
        label, probability = next((c, p) for c, p in ranked if c not in _LOOKALIKES)
    if label not in ("en", _NOT_A_LANGUAGE) and probability < UNSURE:
        english = next((p for c, p in ranked if c == "en"), 0.0)
        if english >= ENGLISH_SHARE * probability:
            # English by this rule even below MIN_CONFIDENCE: a short sentence spreads
            # its probability over many look-alike languages.
            return DetectedLanguage("en", min(max(float(english), 0.0), 1.0))
    confidence = min(max(float(probability), 0.0), 1.0)
    if label == _NOT_A_LANGUAGE or confidence < MIN_CONFIDENCE:
        return DetectedLanguage(UNDETERMINED, confidence)
    return DetectedLanguage(_code(label), confidence)


def language_name(code: str) -> str:
    """The English name of `code` ("German"); a tagged code keeps its tag ("Portuguese
    (pt-BR)"); "Unknown language" for "und"; else the code itself."""
    if code == UNDETERMINED:
        return "Unknown language"
    if code in _NAMES:
        return _NAMES[code]
    primary = code.split("-", 1)[0].lower()
    if primary in _NAMES:
        return f"{_NAMES[primary]} ({code})"
    return code


def known_languages() -> list[str]:
    """Every code `detect_language` can give (besides "und"), sorted by code."""
    return sorted(_NAMES)


def is_language_tag(code: str) -> bool:
    """Whether `code` looks like a BCP-47 language tag this app may store and publish."""
    return len(code) <= 35 and _TAG.fullmatch(code) is not None
