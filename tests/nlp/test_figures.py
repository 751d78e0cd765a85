"""Figures, money, percentages, dates and quotations in any script, without a model."""

from __future__ import annotations

import pytest

from claimdesk.domain import ClaimType
from claimdesk.nlp.figures import claim_types, dates, figures, quotations


def _figures(text: str, language: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.kind) for m in figures(text, language)]


def _dates(text: str, language: str) -> list[str]:
    return [text[m.start : m.end] for m in dates(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ar", "ارتفعت بنسبة ٣٫٥٪ إلى ١٬٢٠٠ دولار", [("٣٫٥", "percent"), ("١٬٢٠٠", "money")]),
        ("fa", "قیمت‌ها ۵ درصد افزایش یافت و ۱۲۰۰ نفر", [("۵", "number"), ("۱۲۰۰", "number")]),
        ("hi", "कीमतें ३.५% बढ़ीं और ₹1,200 करोड़", [("३.५", "percent"), ("1,200", "money")]),
        ("ja", "物価は３．５％上がり、１２００億円", [("３．５", "percent"),
                                              ("１２００", "money")]),
        ("zh", "上涨3.5%，三千万人，百分之五", [("3.5", "percent"), ("三千万", "number"),
                                        ("百分之五", "number")]),
        ("th", "เพิ่มขึ้น ๕% เป็น 1,200 บาท", [("๕", "percent"), ("1,200", "money")]),
        ("de", "um 3,5 % auf 1.200.000 € und 2000 Euro", [("3,5", "percent"),
                                                        ("1.200.000", "money"),
                                                        ("2000", "money")]),
        ("fr", "1 200 000 emplois et 3\u202f500 €", [("1 200 000", "number"),
                                                     ("3\u202f500", "money")]),
        ("de", "1'200 Franken und CHF 300", [("1'200", "number"), ("300", "money")]),
        ("tr", "enflasyon %64,8 oldu", [("64,8", "percent")]),
        ("en", "US$ 5 and 10 USD and R$ 20", [("5", "money"), ("10", "money"), ("20", "money")]),
        ("ru", "цены выросли на 3,5 % до 1 200 рублей", [("3,5", "percent"),
                                                      ("1 200", "money")]),
        ("he", "עלו ב-3.5% ל-1,200 ₪", [("3.5", "percent"), ("1,200", "money")]),
    ],
)
def test_figures_in_every_script_and_locale(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _figures(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die COVID-19-Lage und der G7-Gipfel 2024 am 5. März um 14:30 Uhr."),
        ("es", "El 2 de abril de 2024, a las 10:15."),
        ("ja", "２０２４年３月５日に発表した。"),
        ("ko", "2024년 3월 5일 발표했다."),
        ("ar", "في ٥ مارس ٢٠٢٤."),
        ("th", "เมื่อ พ.ศ. 2567"),
    ],
)
def test_dates_times_years_and_names_are_no_quantities(language: str, text: str) -> None:
    assert figures(text, language) == []
    # A date is a claim type of its own, never a quantity.
    assert claim_types(text, language, quoted=False) == (ClaimType.DATE,)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Im 19. Jahrhundert spielte der 1. FC Köln in der 2. Liga."),
        ("fr", "Le 2e tour, la 1re fois, le 3ème rang, le 1er tour."),
        ("es", "La 2.ª edición y el 3.er puesto."),
        ("pt", "O 1º lugar e a 2ª volta."),
        ("it", "Il 3º posto."),
        ("zh", "第3季度经济放缓。"),  # 第 and 제 make an ordinal: "the 3rd quarter"
        ("ja", "第２次世界大戦の後。"),
        ("ko", "제2차 세계대전 이후."),
    ],
)
def test_ordinals_are_no_quantities(language: str, text: str) -> None:
    # "the 19th century" counts nothing a checker could look up, as in English (spaCy's
    # ORDINAL is no quantity); "3°" is left alone: it is also a temperature.
    assert _figures(text, language) == []
    assert ClaimType.QUANTITY not in claim_types(text, language, quoted=False)


def test_a_number_with_its_unit_or_at_a_sentence_end_is_still_a_quantity() -> None:
    assert _figures("Die Quote lag bei 5.", "de") == [("5", "number")]
    assert _figures("Il fait 30° et 5e étage.", "fr") == [("30", "number")]
    assert _figures("Subió un 5 %. Luego 3 km.", "es") == [("5", "percent"), ("3", "number")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Am 5. März 2024 und am 3.10.2023 (2024-01-31).", ["5. März 2024", "3.10.2023",
                                                              "2024-01-31"]),
        ("es", "El 2 de abril de 2024 y en marzo de 2023.", ["2 de abril de 2024",
                                                           "marzo de 2023"]),
        ("fr", "Le 14 juillet 2023 et le 1er mai.", ["14 juillet 2023", "1er mai"]),
        ("it", "Il 5 maggio 2024.", ["5 maggio 2024"]),
        ("pt", "Em 5 de março de 2024.", ["5 de março de 2024"]),
        ("nl", "Op 5 maart 2024.", ["5 maart 2024"]),
        ("ru", "5 марта 2024 года и в мае 2023.", ["5 марта 2024", "мае 2023"]),
        ("tr", "3 Mart 2024'te ve 12 Ekim'de.", ["3 Mart 2024", "12 Ekim"]),
        ("zh", "2024年3月5日", ["2024年3月5日"]),
        ("en", "On March 5, 2024 at 9:30.", ["March 5", "2024", "9:30"]),
    ],
)
def test_dates_with_month_names_and_numbers(
    language: str, text: str, expected: list[str]
) -> None:
    assert _dates(text, language) == expected


def test_a_month_word_without_a_number_marks_no_date() -> None:
    assert _dates("Im März stiegen die Preise.", "de") == []


@pytest.mark.parametrize(
    ("language", "text", "quoted"),
    [
        ("de", "„Die Preise steigen weiter“, sagte er.", "„Die Preise steigen weiter“"),
        ("de", "‚Die Preise steigen weiter‘, sagte er.", "‚Die Preise steigen weiter‘"),
        ("de", "»Die Preise steigen weiter«, sagte er.", "»Die Preise steigen weiter«"),
        ("fr", "« Les prix augmentent encore », a-t-il dit.", "« Les prix augmentent encore »"),
        ("ru", "«Цены продолжают расти», — сказал он.", "«Цены продолжают расти»"),
        ("ja", "「物価は上がった」と首相は述べた。", "「物価は上がった」"),
        ("zh", "“物价上涨了很多”，部长说。", "“物价上涨了很多”"),
        ("pl", "„To jest nieprawda”, powiedział.", "„To jest nieprawda”"),
        ("sv", "”Priserna stiger snabbt”, sade hon.", "”Priserna stiger snabbt”"),
        ("en", "He said ‘this is not true at all’ and left.", "‘this is not true at all’"),
    ],
)
def test_quotations_with_each_languages_marks(language: str, text: str, quoted: str) -> None:
    found = quotations(text, language)
    assert [(text[q.start : q.end], q.kind) for q in found] == [(quoted, "quote")]


def test_a_scare_quoted_word_and_an_apostrophe_are_no_quotation() -> None:
    text = "Das sog. „Wunder“ blieb aus, l’État aussi."
    assert [(text[q.start : q.end], q.kind) for q in quotations(text, "de")] == [
        ("„Wunder“", "mention"),
    ]  # fmt: skip
    # In French » closes a quotation; it opens none.
    assert quotations("Il a dit non » puis est parti.", "fr") == []


def test_claim_types_are_quantity_quote_and_date_only() -> None:
    assert claim_types("Die Preise stiegen 2023 um 5 %.", "de", quoted=True) == (
        ClaimType.QUANTITY, ClaimType.QUOTE, ClaimType.DATE,
    )  # fmt: skip
    assert claim_types("Die Regierung wird das Gesetz ändern.", "de", quoted=False) == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Das Gesetz trat am 1. Januar in Kraft."),
        ("es", "La ley entró en vigor en marzo de 2023."),
        ("fr", "La loi est entrée en vigueur le 1er mai."),
        ("it", "La legge è entrata in vigore il 5 maggio."),
        ("pt", "A lei entrou em vigor em 5 de março."),
        ("nl", "De wet geldt sinds 1 januari."),
        ("ru", "Закон вступил в силу 5 марта."),
        ("tr", "Yasa 3 Mart'ta yürürlüğe girdi."),
        ("pl", "Ustawa weszła w życie 1 stycznia."),
        ("ar", "دخل القانون حيز التنفيذ في ٥ مارس."),
        ("he", "החוק נכנס לתוקף ב-5 במרץ."),
        ("hi", "कानून 5 मार्च को लागू हुआ।"),
        ("el", "Ο νόμος ίσχυσε στις 5 Μαρτίου."),
        ("zh", "该法于3月5日生效。"),
        ("ja", "法律は2024年に施行された。"),
        ("ko", "법은 3월 5일 시행됐다."),
        ("th", "กฎหมายมีผลบังคับใช้ใน พ.ศ. 2567"),
        ("id", "Undang-undang itu berlaku sejak 5 Maret 2024."),
        ("uk", "Закон набрав чинності 5 березня."),
        ("sv", "Lagen trädde i kraft 2021-03-05."),
    ],
)
def test_a_date_gives_the_date_type_in_every_language(language: str, text: str) -> None:
    assert claim_types(text, language, quoted=False) == (ClaimType.DATE,)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Im März stiegen die Preise."),  # a month without a day or year
        ("es", "Hoy el Gobierno lo anunció."),  # "today": nothing a checker can look up
        ("es", "La reunión empezó a las 10:15."),  # a time of an unstated day
        ("fr", "Le gouvernement a changé la loi."),
        ("zh", "2月份物价上涨了。"),  # a month without a day or year, as "im März"
        ("ja", "２月に物価が上がった。"),
        ("ko", "2월 물가가 올랐다."),
    ],
)
def test_vague_time_words_give_no_date(language: str, text: str) -> None:
    assert claim_types(text, language, quoted=False) == ()


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        ("es", "El 1.º de mayo subieron los precios.", "1.º de mayo"),
        ("pt", "No 1.º de dezembro de 2023 houve greve.", "1.º de dezembro de 2023"),
        # The degree sign, as it is often typed for º: not a temperature before a month.
        ("it", "Dal 1° gennaio le tasse aumentano.", "1° gennaio"),
        ("es", "Desde el 1° de enero suben los impuestos.", "1° de enero"),
        ("pt", "A partir de 1° de janeiro os impostos sobem.", "1° de janeiro"),
    ],
)
def test_a_first_of_the_month_written_with_its_ordinal_mark_is_a_date(
    language: str, text: str, date: str
) -> None:
    # "1.º" is how the Spanish Academy and European Portuguese write the first day.
    assert _dates(text, language) == [date]
    assert claim_types(text, language, quoted=False) == (ClaimType.DATE,)


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("de", "Die Preise stiegen um 1500 %.", "1500"),
        ("tr", "Fiyatlar %1500 arttı.", "1500"),
        ("ar", "ارتفعت الأسعار بنسبة ١٥٠٠٪.", "١٥٠٠"),
        ("ja", "価格は１５００％上昇した。", "１５００"),
    ],
)
def test_a_percentage_is_never_a_year(language: str, text: str, figure: str) -> None:
    # "1500 %" is a figure to check, as "1500 Euro" is: no year, no DATE.
    assert _figures(text, language) == [(figure, "percent")]
    assert claim_types(text, language, quoted=False) == (ClaimType.QUANTITY,)


@pytest.mark.parametrize(
    ("language", "text", "types"),
    [
        ("ja", "2000人が参加した。", (ClaimType.QUANTITY,)),
        ("ja", "1万2000人が参加した。", (ClaimType.QUANTITY,)),
        ("zh", "共有1800名学生参加。", (ClaimType.QUANTITY,)),
        ("ko", "2000명이 참가했다.", (ClaimType.QUANTITY,)),
        ("ja", "2024年に1500件の事故があった。", (ClaimType.QUANTITY, ClaimType.DATE)),
    ],
)
def test_a_cjk_count_is_no_year(language: str, text: str, types: tuple[ClaimType, ...]) -> None:
    # A figure glued to a counter ("2000人", 2,000 people) or after 万 (1万2000, 12,000)
    # counts something; a year is written 2000年 / 2000년.
    assert claim_types(text, language, quoted=False) == types


def test_a_hebrew_acronyms_gershayim_is_no_quotation_mark() -> None:
    # Hebrew news writes acronyms with '"' for gershayim (צה"ל, ארה"ב, מנכ"ל).
    text = 'מנכ"ל החברה אמר שהרווח עלה ב-5%. ארה"ב הגיבה.'
    assert quotations(text, "he") == []
    quoted = 'השר אמר: "יצרנו 500 אלף משרות חדשות". צה"ל הגיב.'
    assert [quoted[q.start : q.end] for q in quotations(quoted, "he")] == [
        '"יצרנו 500 אלף משרות חדשות"'
    ]
