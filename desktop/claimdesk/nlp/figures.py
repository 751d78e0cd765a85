"""Claim types without a language model: figures, money, percentages, dates, quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.domain.models import ClaimType
from claimdesk.nlp.months import month_pattern

# A number in any script (str patterns match every Unicode decimal digit: Arabic-Indic,
# Devanagari, Thai, full-width…), with the thousands and decimal marks of its locale:
# 1,200.5 · 1.200,5 · 1'200 · 1 200 (also with no-break spaces) · ١٬٢٠٠٫٥ · ３．５.
_NUMBER = re.compile(
    r"\d+(?:(?:[.,٫٬'’．]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*"
)
_PERCENT_AFTER = re.compile(r"\s?[%٪％‰]")
_PERCENT_BEFORE = re.compile(r"[%٪％]\s?$")
_CURRENCY_SYMBOLS = "$€£¥₹₽₺₪₩฿₫₴₦₱₸₼₾﷼元円圓원"
_ISO_CODES = (
    "USD EUR GBP JPY CNY RMB INR RUB TRY ILS KRW THB BRL MXN CHF SAR AED EGP PLN SEK NOK "
    "DKK CZK HUF UAH ZAR NGN KES IDR VND PHP PKR BDT ARS CLP COP PEN CAD AUD NZD HKD SGD "
    "TWD MAD DZD TND QAR KWD JOD LBP IRR IQD RON BGN RSD TL"
)
_CURRENCY_WORDS = (
    r"euros?|dollars?|dólar(?:es)?|dollari|pesos?|reais|real|libras?|pounds?|francs?|"
    r"yuan|yen|rupees?|liras?|lira|zł(?:oty)?|złotych|kronor|kroner|рубл\w*|доллар\w*|"
    r"евро|гривн\w*|دولار\w*|يورو|ريال\w*|جنيه\w*|درهم\w*|דולר\w*|שקל\w*|यूरो|रुपय?े|"
    r"डॉलर|บาท|ดอลลาร์|美元|欧元|人民币|日元|달러"
)
_ISO = _ISO_CODES.replace(" ", "|")
_CURRENCY_BEFORE = re.compile(rf"(?:[{_CURRENCY_SYMBOLS}]|R\$|US\$|\b(?:{_ISO}))\s?$")
# Between a figure and its currency: "1.200 Mio. Euro", "1200億円", "1,200 ล้านบาท".
_MULTIPLIER = (
    r"(?:[万萬亿億兆千百억만]|mio\.?|mrd\.?|mill?\.?|bn|mn|million\w*|millones|milliards?|"
    r"miliardi?|milyon|milyar|млн\.?|млрд\.?|тыс\.?|करोड़|लाख|ล้าน|مليون|مليار|מיליון|מיליארד)"
)
_CURRENCY_AFTER = re.compile(
    rf"\s?(?:{_MULTIPLIER}\s?)?(?:[{_CURRENCY_SYMBOLS}]|(?-i:\b(?:{_ISO})\b)"
    rf"|(?:{_CURRENCY_WORDS})\b)",
    re.IGNORECASE,
)
# Chinese and Japanese figures written in characters: 三千万, 5亿, 百分之五.
_CJK_FIGURE = re.compile(
    r"百分之[零〇一二三四五六七八九十百点點\d.]+|[零〇一二三四五六七八九十百千两兩]+[万萬亿億兆]"
)
_DATE_NUMERIC = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))(?!\d)"
)
_DATE_CJK = re.compile(
    r"(?:\d{2,4}\s*[年년]\s*)?\d{1,2}\s*[月월](?:\s*\d{1,2}\s*[日号號일])?|\d{4}\s*[年년]"
)
# Ordinals ("the 2nd" is no quantity, as spaCy's ORDINAL is none in English): "1º", "2.ª",
# "3.er" in Spanish, Portuguese and Italian; "2e", "1er", "1re", "3ème" in French; "第3"
# in Chinese and Japanese, "제2" in Korean; a dot before the next word where the language
# writes ordinals so ("im 19. Jahrhundert").
# "3°" stays a figure: it is also a temperature.
_ORDINAL = re.compile(r"\.?[ºª]|\.er\b")
_FRENCH_ORDINAL = re.compile(r"(?:er|re|e|ème|eme|nde?|d)\b")
_DOT_ORDINAL = re.compile(r"\.\s+[^\W\d_]")
_DOT_ORDINAL_LANGUAGES = frozenset(
    ["de", "da", "no", "nb", "nn", "fi", "et", "lv", "cs", "sk", "sl", "hr", "sr", "bs",
     "hu", "pl", "tr", "is", "fo"]
)
_DAY_OR_YEAR = re.compile(r"[年년日号號일]")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\d{1,2}[.h]\d{2}\s?(?:Uhr|h)\b")
_YEAR_MIN, _YEAR_MAX = 1500, 2099
# Chinese, Japanese and Korean counters and multipliers: a figure glued to one counts
# something ("2000人", "1800名", "2000명", "2000万"), and one after 万 or 億 is part of
# a bigger figure ("1万2000人"); a year is written 2000年 / 2000년.
_COUNTER_AFTER = re.compile(
    r"[人名件个個台次倍家户戸辆輛例棟隻頭枚社校所位座种種条條项項起余餘多万萬亿億千百"
    r"명건개곳배회만억천]"
)
_MULTIPLIER_BEFORE = re.compile(r"[万萬亿億억만]$")
#: Thai years count from 543 BC (พ.ศ. 2567 is 2024).
_THAI_YEAR_MIN, _THAI_YEAR_MAX = 2400, 2699
#: Reading a quotation as reported speech: this many words, or a closing stop, or (in
#: scripts written without spaces) this many characters.
QUOTE_WORDS, QUOTE_CHARS = 3, 5
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# Quotation marks: opener → closers. »…« and ›…‹ open only where the language writes
# them so (in French » closes); ”…” opens only where the language uses it both ways.
_PAIRS = {"„": "“”", "«": "»", "“": "”", "「": "」", "『": "』", "‚": "‘’", "‹": "›",
          "‘": "’", '"': '"'}  # fmt: skip
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_REVERSED_GUILLEMETS = frozenset(["de", "da", "cs", "sk", "hr", "hu", "sl", "pl"])
_RIGHT_QUOTES_BOTH_WAYS = frozenset(["sv", "fi"])


@dataclass(frozen=True, slots=True)
class Mark:
    """A figure, date or quotation found in a sentence: [start, end) and its kind."""

    start: int
    end: int
    kind: str


def quotations(text: str, language: str | None) -> list[Mark]:
    """Quoted passages of one paragraph with `language`'s quotation marks, in order.

    kind is "quote" for reported speech, "mention" for a scare-quoted word or title.
    A quotation left open at the end of the paragraph runs to its end (news style).
    """
    pairs = dict(_PAIRS)
    if language in _REVERSED_GUILLEMETS:
        pairs.update({"»": "«", "›": "‹"})
    if language in _RIGHT_QUOTES_BOTH_WAYS:
        pairs.update({"”": "”", "»": "»"})
    found: list[Mark] = []
    i, n = 0, len(text)
    while i < n:
        closers = pairs.get(text[i])
        if (closers is None or (text[i] in "‘‚" and i > 0 and text[i - 1].isalnum())
                or _is_gershayim(text, i)):
            i += 1
            continue
        close = _closing(text, i + 1, closers)
        end = n if close < 0 else close + 1
        inner = text[i + 1 : close if close >= 0 else n].strip()
        found.append(Mark(i, end, "quote" if _substantial(inner) else "mention"))
        i = end
    return found


def _is_gershayim(text: str, i: int) -> bool:
    """Whether the '"' at `i` is a Hebrew acronym's gershayim (צה"ל), no quotation mark."""
    return text[i] == '"' and 0 < i < len(text) - 1 and bool(
        _HEBREW_LETTER.match(text, i - 1) and _HEBREW_LETTER.match(text, i + 1)
    )


def _closing(text: str, start: int, closers: str) -> int:
    for j in range(start, len(text)):
        if text[j] in closers and not _is_gershayim(text, j):
            # ’ inside a word is an apostrophe ("don’t", "l’État"), not a closing mark.
            if text[j] == "’" and j + 1 < len(text) and text[j + 1].isalpha():
                continue
            return j
    return -1


def _substantial(inner: str) -> bool:
    if len(inner.split()) >= QUOTE_WORDS or inner[-1:] in set(".,!?…。！？、，؟،।"):
        return True
    return bool(_UNSPACED.search(inner)) and len(inner) >= QUOTE_CHARS


def dates(text: str, language: str | None) -> list[Mark]:
    """Dates and times: numeric, CJK (2024年3月5日), month names with a day or year."""
    found = [Mark(m.start(), m.end(), "date") for m in _DATE_NUMERIC.finditer(text)]
    # "2月" alone is a month without a day or year: its number is no quantity, but it
    # dates nothing a checker can look up ("im März").
    found += [Mark(m.start(), m.end(), "date" if _DAY_OR_YEAR.search(m.group()) else "month")
              for m in _DATE_CJK.finditer(text)]
    found += [Mark(m.start(), m.end(), "date")
              for m in month_pattern(language).finditer(text) if _has_digit(m.group())]
    found += [Mark(m.start(), m.end(), "time") for m in _TIME.finditer(text)]
    for m in _NUMBER.finditer(text):
        start, end = m.start(), m.end()
        if (_is_year(m.group(), language) and not _is_money(text, start, end)
                and not _is_percent(text, start, end) and not _is_count(text, start, end)):
            found.append(Mark(start, end, "year"))
    return _outermost(found)


def figures(text: str, language: str | None) -> list[Mark]:
    """Quantities: numbers (kind "number", "percent" or "money") outside dates and names.

    A year, a date, a time, an ordinal ("2e", "1º", "im 19. Jahrhundert") and a number
    glued to a word ("COVID-19", "G7") count nothing.
    """
    return _figures(text, language, dates(text, language))


def _figures(text: str, language: str | None, taken: list[Mark]) -> list[Mark]:
    """figures() outside the already found dates `taken`."""
    found: list[Mark] = []
    for m in _NUMBER.finditer(text):
        start, end = m.start(), m.end()
        if (any(d.start <= start and end <= d.end for d in taken) or _in_name(text, start)
                or _is_ordinal(text, start, end, language)):
            continue
        if _is_percent(text, start, end):
            found.append(Mark(start, end, "percent"))
        elif _is_money(text, start, end):
            found.append(Mark(start, end, "money"))
        else:
            found.append(Mark(start, end, "number"))
    found += [Mark(m.start(), m.end(), "number") for m in _CJK_FIGURE.finditer(text)]
    return sorted(found, key=lambda k: k.start)


def claim_types(sentence: str, language: str | None, *, quoted: bool) -> tuple[ClaimType, ...]:
    """The claim types a sentence has without a model: QUANTITY, QUOTE and DATE.

    DATE needs a date a checker can look up: a year, a numeric date, a month with a day
    or a year, 年/月/日. A month alone ("im März", "2月"), a clock time alone ("a las 10:15") and
    words like "today" say when only relative to the article's own date: no DATE.
    """
    found: list[ClaimType] = []
    taken = dates(sentence, language)  # once: figures leave them out, DATE reads them
    if _figures(sentence, language, taken):
        found.append(ClaimType.QUANTITY)
    if quoted:
        found.append(ClaimType.QUOTE)
    if any(d.kind not in ("time", "month") for d in taken):
        found.append(ClaimType.DATE)
    return tuple(found)


def _is_ordinal(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether the number at [start, end) is an ordinal ("1º", "2e", "der 3. Platz", "第3")."""
    if _ORDINAL.match(text, end) or (start and text[start - 1] in "第제"):
        return True
    if language == "fr" and _FRENCH_ORDINAL.match(text, end):
        return True
    # Within one sentence a number's dot before a word is no full stop.
    return language in _DOT_ORDINAL_LANGUAGES and bool(_DOT_ORDINAL.match(text, end))


def _is_count(text: str, start: int, end: int) -> bool:
    return bool(_COUNTER_AFTER.match(text, end) or _MULTIPLIER_BEFORE.search(text, 0, start))


def _is_percent(text: str, start: int, end: int) -> bool:
    return bool(_PERCENT_AFTER.match(text, end) or _PERCENT_BEFORE.search(text, 0, start))


def _is_money(text: str, start: int, end: int) -> bool:
    return bool(_CURRENCY_BEFORE.search(text, max(0, start - 4), start)
                or _CURRENCY_AFTER.match(text, end))


def _is_year(number: str, language: str | None) -> bool:
    if len(number) != 4 or not number.isdigit():
        return False
    value = int(number)  # int() reads every script's digits: "٢٠٢٤" is 2024
    if language == "th" and _THAI_YEAR_MIN <= value <= _THAI_YEAR_MAX:
        return True
    return _YEAR_MIN <= value <= _YEAR_MAX


def _in_name(text: str, start: int) -> bool:
    """A number glued to a word of a cased script: "COVID-19", "G7", "F-16"."""
    before = text[start - 1] if start else ""
    if before == "-" and start >= 2:
        before = text[start - 2]
    return before.isalpha() and before.lower() != before.upper()


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _outermost(marks: list[Mark]) -> list[Mark]:
    """`marks` without those inside another, in text order."""
    marks.sort(key=lambda k: (k.start, -k.end))
    kept: list[Mark] = []
    for mark in marks:
        if kept and mark.end <= kept[-1].end:
            continue
        kept.append(mark)
    return kept
