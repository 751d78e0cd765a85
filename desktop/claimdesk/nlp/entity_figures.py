"""Figure rules of the entity post-rules: an amount's approximators, currency, unit, rate."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdesk.nlp.entity_words import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MAGNITUDES,
    RATE_UNITS,
    RATE_WORDS,
    SCALES,
    SHORT_RATES,
    UNIT_PREFIXES,
    UNITS,
)
from claimdesk.nlp.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Phrases after a number that make it a percentage, longest first.
_PERCENT_TAILS: tuple[tuple[str, ...], ...] = (
    ("of", "a", "percentage", "point"), ("a", "percentage", "point"),
    ("percentage", "point"), ("percentage", "points"), ("basis", "point"),
    ("basis", "points"), ("per", "cent"), ("%",), ("percent",), ("pc",),
)
PERCENT_WORDS = words("% percent pc percentage")
# Numbers with their currency or unit in one token: "R70,000", "US$40", "155p", "1.5C".
# Each may start with a minus sign ("-£4", "−7", "-89C"): hyphen, minus or en dash.
SIGNS = "-−–"
_MONEY_TOKEN = re.compile(r"^[-−–]?(?:[A-Z]{0,2}\$|R|Rs\.?|[£€¥₹])\d[\d,.]*(?:m|bn|mn|tn|k)?$")
_PENCE_TOKEN = re.compile(r"^[-−–]?\d[\d.]*p$")
_AMOUNT_TOKEN = re.compile(r"^[-−–]?\d[\d,.]*(?:m|bn|mn|tn|k)$")
_UNIT_TOKEN = re.compile(r"^[-−–]?\d[\d,.]*(?:°?[CF]|km|kg|mm|cm|mph|kph|ha|MW|GW|GWh|TWh)\.?$")
_PERCENT_TOKEN = re.compile(r"^[-−–]?\d[\d,.]*(?:%|pc)$")
#: A number with a sign written on it ("−7", "-0.4"): a figure, never a name.
SIGNED_NUMBER = re.compile(r"^[-−–]\d")
NUMBER = re.compile(r"\d")


def is_figure_token(tok: Token) -> bool:
    """A number written with its currency or unit in one token ("R70,000", "155p")."""
    text = tok.text
    return bool(_MONEY_TOKEN.match(text) or _UNIT_TOKEN.match(text) or _PENCE_TOKEN.match(text)
                or _AMOUNT_TOKEN.match(text))


#: Words before an amount that qualify it ("more than £2m", "just over 70%", "an extra
#: £100bn"): the figure is the amount itself, so they stay outside the entity.
_APPROXIMATORS = tuple(tuple(a.split()) for a in (
    "more than", "less than", "fewer than", "up to", "at least", "at most", "an extra",
    "an additional", "a further", "well over", "over", "under", "about", "around",
    "nearly", "almost", "roughly", "approximately", "some", "just", "only", "above",
    "below", "extra", "additional", "another", "circa",
))


def after_approximators(doc: Doc, start: int, end: int) -> int:
    """`start` moved past any approximating words, keeping at least one token."""
    moved = True
    while moved:
        moved = False
        for words_ in _APPROXIMATORS:
            stop = start + len(words_)
            if stop < end and tuple(t.lower_ for t in doc[start:stop]) == words_:
                start, moved = stop, True
                break
    return start


def bare_word(tok: Token) -> str:
    """Lower-case text without the full stop the tokenizer leaves on "m." at a sentence end."""
    low = tok.lower_
    return low[:-1] if len(low) > 1 and low.endswith(".") else low


def is_number(tok: Token) -> bool:
    return bool(tok.like_num or NUMBER.search(tok.text)) or tok.lower_ in {"half", "quarter"}


def percent_tail(doc: Doc, end: int) -> int:
    """Length of the percentage words right after token `end - 1`, else 0."""
    if end == 0 or (not is_number(doc[end - 1]) and doc[end - 1].lower_ not in MAGNITUDES):
        return 0
    for tail in _PERCENT_TAILS:
        if tuple(t.lower_ for t in doc[end:end + len(tail)]) == tail:
            return len(tail)
    return 0


# A unit squared or cubed ("km²", "m³"): the base is a unit, or "m" for metres.
_POWER = re.compile(r"^(?P<base>[^\W\d_]+)[²³]$")
_DEGREE_SIGNS = frozenset({"°", "º"})


def is_unit(tok: Token) -> bool:
    """A unit word ("km", "degrees"), a degree sign, or a unit with a superscript power."""
    low = bare_word(tok)
    if low in UNITS or tok.text in _DEGREE_SIGNS:
        return True
    power = _POWER.match(low)
    return power is not None and (power.group("base") in UNITS or power.group("base") == "m")


def _scale_end(doc: Doc, end: int) -> int:
    """Past the scale after degrees: "degrees C", "° F", "°C" (no space), "degrees Celsius"."""
    # A lone "C" or "F" counts only in capitals ("degrees C", not "degrees c").
    if (end < len(doc) and bare_word(doc[end]) in SCALES
            and (doc[end - 1].lower_ in {"degree", "degrees"}
                 or doc[end - 1].text in _DEGREE_SIGNS)
            and (len(doc[end].text) > 1 or doc[end].text.isupper())):
        return end + 1
    return end


def unit_end(doc: Doc, end: int) -> int:
    n = len(doc)
    if end > 0 and (doc[end - 1].lower_ in {"degree", "degrees"}
                    or doc[end - 1].text in _DEGREE_SIGNS):
        return _scale_end(doc, end)  # spaCy's QUANTITY stopped at "degrees"
    if end == 0 or (not is_number(doc[end - 1]) and doc[end - 1].lower_ not in MAGNITUDES):
        return end
    at = end + 1 if end < n and doc[end].lower_ in UNIT_PREFIXES else end
    if at < n and is_unit(doc[at]):
        end = _scale_end(doc, at + 1)
        if (end + 1 < n and doc[end].text == "/" and not doc[end - 1].whitespace_
                and doc[end + 1].lower_ in SHORT_RATES):
            end += 2  # "130 km/h"
    return end


def rate_end(doc: Doc, end: int) -> int:
    """ "barrels a day", "km per hour": the rate belongs to the quantity."""
    if (end + 1 < len(doc) and doc[end].lower_ in RATE_WORDS
            and bare_word(doc[end + 1]) in RATE_UNITS):
        return end + 2
    return end


def figure_kind(doc: Doc, start: int, end: int) -> str | None:
    """PERCENT, MONEY or QUANTITY by the words of [start, end), else None."""
    money = unit = False
    for tok in doc[start:end]:
        low = bare_word(tok)
        if (low in PERCENT_WORDS or _PERCENT_TOKEN.match(tok.text) or low == "basis"
                or (low == "cent" and tok.i > 0 and doc[tok.i - 1].lower_ == "per")):
            return "PERCENT"
        if (low in CURRENCY_SIGNS or low in CURRENCY_WORDS or _MONEY_TOKEN.match(tok.text)
                or _PENCE_TOKEN.match(tok.text)):
            money = True
        elif is_unit(tok) or _UNIT_TOKEN.match(tok.text):
            unit = True
    if money:
        return "MONEY"
    return "QUANTITY" if unit else None
