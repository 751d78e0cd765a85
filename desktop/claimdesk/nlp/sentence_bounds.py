"""Sentences of one line in any language (sentencex plus script rules), offsets exact."""

from __future__ import annotations

import re

from claimdesk.nlp.language import UNDETERMINED as UNKNOWN

#: A Thai or Lao "sentence" shorter than this joins the next one: a space in these
#: scripts ends a sentence, but also sets off a name, a figure or a short phrase.
MIN_SPACE_SENTENCE = 12
# Thai and Lao letters (not their digits), where a space between two ends a sentence.
_SPACED_SCRIPT = re.compile(r"[\u0e01-\u0e4e\u0e81-\u0ecd]")
_SPACE_RUN = re.compile(r"\s+")
# Sentence ends sentencex leaves alone in some scripts (Khmer ។ ៕), then white space.
_EXTRA_END = re.compile(r"[\u17d4\u17d5]+(?=\s)")
_GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')
_GEORGIAN = re.compile(r"[\u10d0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]").match
_OPENING = "\"'“‘„‚«‹»›「『（(["
# A German ordinal ("der 3. Platz", "im 19. Jahrhundert", "seinen 80. Geburtstag"): an
# article, a contracted preposition or a possessive, then a number and its dot. No
# sentence ends so, and the noun after it is upper case like a sentence's first word.
_GERMAN_ORDINAL = re.compile(
    r"(?<!\w)(?:d(?:er|ie|as|em|en|es)|[ai]m|zu[mr]|vom|beim|[ai]ns|ein(?:e[mnrs]?)?"
    r"|(?:mein|dein|sein|ihr|unser|euer|eur)(?:e[mnrs]?)?)\s+\d{1,3}\.$",
    re.IGNORECASE,
)

# Abbreviations that always lead into what follows, per language, where sentencex cut
# after them: titles before a name ("قال د.", "τον καθ.", "Doç.", "Profa.") and "for
# example", "among others", "according to" ("bspw.", "m.in.", "напр.", "bl.a.").
_LEADING = {
    "ar": "د أ",
    "hi": "डॉ प्रो",
    "el": "καθ κ κα δρ",
    "tr": "doç yrd prof dr örn",
    "pt": "profa dra sra srta exmo exma",
    "es": "dra sra srta lic ing arq",
    "de": "abg staatssekr dipl bspw insb gem vgl inkl zzgl",
    "it": "on dott avv",
    "fr": "gén",
    "ru": "напр ген",
    "uk": "напр зокр",
    "bg": "напр",
    "pl": "m.in tzw",
    "cs": "mj",
    "hr": "npr",
    "ro": "ex",
    "id": "mis ir drs",
    "vi": "ts pgs gs ths tp",
    "sw": "dkt",
    "da": "bl.a f.eks",
    "no": "bl.a f.eks",
    "sv": "t.ex",
}
#: English titles, which articles in every language keep for English names ("Mr. Smith",
#: "St. Louis"); also for text of no given language (search queries).
_ENGLISH_TITLES = "mr mrs ms st"
_LEADING_BEFORE = {
    code: re.compile(
        rf"(?<!\w)(?:{'|'.join(map(re.escape, f'{names} {_ENGLISH_TITLES}'.split()))})\.$",
        re.IGNORECASE,
    )
    for code, names in [*_LEADING.items(), ("", "")]
}


def sentence_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (one line), trimmed, in order.

    sentencex finds the sentence ends; its offsets count code points like Python, and
    the spans are cut from `text` itself, so text[start:end] is always the sentence.
    Then: a full stop between digits is a decimal point ("३.५"), a "sentence" that goes
    on in lower case followed an abbreviation ("т. е. это"), the stop of an initial
    before a capital ("M. Dupont"), of a title or "for example" ("د. أحمد", "bspw.
    Rentner") and of a German ordinal after an article ("der 3. Platz") ends nothing, a
    piece without letters or digits joins its neighbour, and Thai and Lao sentences end
    at a space.
    """
    if not text:
        return []
    cuts = _sentencex_cuts(text, language) | _script_cuts(text)
    kept = sorted(c for c in cuts if 0 < c < len(text) and not _false_cut(text, c, language))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*kept, len(text)]:
        s, e = _trim(text, start, end)
        start = end
        if s == e:
            continue
        if spans and not any(ch.isalnum() for ch in text[s:e]):
            # "…" or "***" alone is no sentence: it stays with the one before it.
            spans[-1] = (spans[-1][0], e)
            continue
        if spans and not any(ch.isalnum() for ch in text[spans[-1][0]:spans[-1][1]]):
            s = spans.pop()[0]  # ... or, at the start, with the one after it
        spans.append((s, e))
    if spans and not any(ch.isalnum() for ch in text[spans[-1][0]:spans[-1][1]]):
        spans.pop()  # a line of punctuation only ("***") has no sentence
    return spans


def _sentencex_cuts(text: str, language: str | None) -> set[int]:
    from sentencex import get_sentence_boundaries  # type: ignore[import-untyped]

    code = language or UNKNOWN
    # A Hebrew acronym's '"' (צה"ל) becomes gershayim (one character for one): sentencex
    # reads '"' as a quotation mark and ends no sentence inside one.
    text = _GERSHAYIM.sub("\u05f4", text)
    return {int(b["end_index"]) for b in get_sentence_boundaries(code, text)}


def _script_cuts(text: str) -> set[int]:
    cuts = {m.end() for m in _EXTRA_END.finditer(text)}
    last = 0
    for space in _SPACE_RUN.finditer(text):
        i, j = space.start(), space.end()
        if i == 0 or j >= len(text):
            continue
        if (_SPACED_SCRIPT.match(text, i - 1) and _SPACED_SCRIPT.match(text, j)
                and i - last >= MIN_SPACE_SENTENCE):
            cuts.add(j)
            last = j
    return cuts


def _false_cut(text: str, cut: int, language: str | None) -> bool:
    """Whether a sentence end sentencex (or a script rule) put at `cut` is none."""
    before = text[:cut].rstrip()
    if language == "de" and _GERMAN_ORDINAL.search(before, max(0, len(before) - 20)):
        return True
    # "३.५", "3.5", "３．５": no space after the stop, digits on both sides.
    if (2 <= cut < len(text) and len(before) == cut and text[cut].isdigit()
            and text[cut - 1] in ".,٫．" and text[cut - 2].isdigit()):
        return True
    i = cut
    while i < len(text) and (text[i].isspace() or text[i] in _OPENING):
        i += 1
    leading = _LEADING_BEFORE.get(language or "", _LEADING_BEFORE[""])
    if (leading is not None and i < len(text) and text[i].isalpha()
            and leading.search(before, max(0, len(before) - 20))):
        return True  # "قال د. أحمد", "Doç. Dr. Işık", "m.in. Warszawy"
    if i < len(text) and text[i].isupper() and _initial_before(before):
        # "selon M. Dupont", "J. Pérez": a capital letter alone is an initial or a
        # title, and a name follows ("la vitamine C. Puis" is lost, as sentencex's
        # German rules lose it).
        return True
    if i < len(text) and text[i].isalpha() and text[i].islower() and not _GEORGIAN(text[i]):
        # Only cased scripts have lower case; a sentence does not start with it, so
        # the stop before was an abbreviation's ("z. B. falsch", "т. е. это"). Georgian
        # is lower case to Unicode, but its sentences start so.
        return before.endswith(".")
    return False


def _initial_before(before: str) -> bool:
    """Whether `before` ends with a capital letter alone and a stop ("… selon M.")."""
    return (len(before) >= 2 and before[-1] == "." and before[-2].isupper()
            and (len(before) == 2 or before[-3].isspace() or before[-3] in _OPENING))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
