"""Month names per language, for dates such as "5. März 2024", "5 марта", "3 Mart"."""

from __future__ import annotations

import re
from functools import lru_cache

# Stems where the name inflects (Russian, Ukrainian, Polish, Czech), so "марта" and
# "марте" match; each pattern is one month, January first.
MONTHS: dict[str, tuple[str, ...]] = {
    "de": ("jan(?:uar)?", "jän(?:ner)?", "feb(?:ruar)?", "märz", "apr(?:il)?", "mai",
           "juni?", "juli?", "aug(?:ust)?", "sep(?:t(?:ember)?)?", "okt(?:ober)?",
           "nov(?:ember)?", "dez(?:ember)?"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "sept?iembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
           "agosto", "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "ru": ("январ[ьяе]", "феврал[ьяе]", "март[ае]?", "апрел[ьяе]", "ма[йяе]", "июн[ьяе]",
           "июл[ьяе]", "август[ае]?", "сентябр[ьяе]", "октябр[ьяе]", "ноябр[ьяе]",
           "декабр[ьяе]"),
    "uk": ("січн[яі]", "лют(?:ого|ий|ому)", "берез(?:ня|ень|ні)", "квіт(?:ня|ень|ні)",
           "трав(?:ня|ень|ні)", "черв(?:ня|ень|ні)", "лип(?:ня|ень|ні)",
           "серп(?:ня|ень|ні)", "верес(?:ня|ень|ні)", "жовт(?:ня|ень|ні)",
           "листопад[аі]?", "груд(?:ня|ень|ні)"),
    "pl": ("stycz(?:eń|nia|niu)", "lut(?:y|ego|ym)", "mar(?:zec|ca|cu)",
           "kwie(?:cień|tnia|tniu)", "maj(?:a|u)?", "czerw(?:iec|ca|cu)",
           "lip(?:iec|ca|cu)", "sierp(?:ień|nia|niu)", "wrze(?:sień|śnia|śniu)",
           "październik(?:a|u)?", "listopad(?:a|zie)?", "grud(?:zień|nia|niu)"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
           "eylül", "ekim", "kasım", "aralık"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل|ابريل", "مايو", "يونيو", "يوليو",
           "أغسطس|اغسطس", "سبتمبر", "أكتوبر|اكتوبر", "نوفمبر", "ديسمبر",
           "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
           "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
    # Hebrew glues its prepositions to the month: "ב-5 במרץ" (on 5 March), "למאי".
    "he": tuple(f"[ובלמה]?(?:{n})" for n in (
        "ינואר", "פברואר", "מרץ|מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט",
        "ספטמבר", "אוקטובר", "נובמבר", "דצמבר")),
    "hi": ("जनवरी", "फ़रवरी|फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
           "सितंबर|सितम्बर", "अक्टूबर|अक्तूबर", "नवंबर|नवम्बर", "दिसंबर|दिसम्बर"),
    "el": ("ιανουαρ[ίι]ου", "φεβρουαρ[ίι]ου", "μαρτ[ίι]ου", "απριλ[ίι]ου", "μα[ΐι]ου",
           "ιουν[ίι]ου", "ιουλ[ίι]ου", "αυγο[ύυ]στου", "σεπτεμβρ[ίι]ου", "οκτωβρ[ίι]ου",
           "νοεμβρ[ίι]ου", "δεκεμβρ[ίι]ου"),
    "th": ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
           "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
    "en": ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?",
           "july?", "aug(?:ust)?", "sept?(?:ember)?", "oct(?:ober)?", "nov(?:ember)?",
           "dec(?:ember)?"),
}  # fmt: skip

# A day before the month ("5.", "5", "1.º", "1°", "le 5", "5 de"), a year after it ("2024", "de
# 2024"), or a day after it ("March 5"): the month alone ("im März") is no date mark.
_DAY = r"\d{1,2}(?:\.º?|[º°]|er)?"
_JOIN = r"(?:\s+(?:de|del|di|of|года|г\.)\s*|\s*)"


@lru_cache(maxsize=64)
def month_pattern(language: str | None) -> re.Pattern[str]:
    """Dates written with a month name in `language` (every listed language if unknown)."""
    names = MONTHS.get(language or "") or tuple(n for names in MONTHS.values() for n in names)
    month = "|".join(f"(?:{name})" for name in names)
    return re.compile(
        rf"(?<!\w)(?:{_DAY}{_JOIN})?(?:{month})(?!\w)"
        rf"(?:{_JOIN}\d{{1,4}}(?!\d)(?:{_JOIN}\d{{4}}(?!\d))?)?",
        re.IGNORECASE,
    )
