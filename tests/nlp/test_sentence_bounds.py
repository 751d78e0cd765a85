"""Sentences in every language we vouch for, cut where the language ends them."""

from __future__ import annotations

import pytest

from claimdesk.nlp.languages import SENTENCE_LANGUAGES
from claimdesk.nlp.sentence_bounds import sentence_spans

# Two sentences each: a statement with a figure, then a question or a second statement.
SAMPLES: dict[str, tuple[str, str]] = {
    "am": ("መንግስት ዋጋ በ5% ጨምሯል ብሏል።", "ይህ እውነት ነው?"),
    "ar": ("قال الوزير إن الأسعار ارتفعت بنسبة ٥٪.", "هل هذا صحيح؟"),
    "bg": ("Министърът каза, че цените са се повишили с 5%.", "Вярно ли е това?"),
    "bn": ("মন্ত্রী বলেছেন দাম ৫% বেড়েছে।", "এটা কি সত্য?"),
    "ca": ("El ministre va dir que els preus van pujar un 5 %.", "És cert?"),
    "cs": ("Ministr řekl, že ceny vzrostly o 5 %.", "Je to pravda?"),
    "da": ("Ministeren sagde, at priserne steg med 5 procent.", "Er det sandt?"),
    "de": ("Der Minister sagte, die Preise seien um 5 % gestiegen.", "Stimmt das?"),
    "el": ("Ο υπουργός είπε ότι οι τιμές αυξήθηκαν κατά 5%.", "Είναι αλήθεια;"),
    "en": ("The minister said prices rose by 5%.", "Is that true?"),
    "es": ("El ministro dijo que los precios subieron un 5 %.", "¿Es cierto?"),
    "fa": ("وزیر گفت قیمت‌ها ۵ درصد افزایش یافت.", "آیا این درست است؟"),
    "fi": ("Ministeri sanoi hintojen nousseen 5 prosenttia.", "Onko se totta?"),
    "fr": ("Le ministre a dit que les prix avaient augmenté de 5 %.", "Est-ce vrai ?"),
    "he": ("השר אמר שהמחירים עלו ב-5%.", "האם זה נכון?"),
    "hi": ("मंत्री ने कहा कि कीमतें 5% बढ़ीं।", "क्या यह सच है?"),
    "hr": ("Ministar je rekao da su cijene porasle za 5 %.", "Je li to istina?"),
    "hu": ("A miniszter szerint az árak 5 százalékkal nőttek.", "Igaz ez?"),
    "hy": ("Նախարարը ասաց, որ գները բարձրացել են 5 տոկոսով։", "Դա ճի՞շտ է։"),
    "id": ("Menteri mengatakan harga naik 5 persen.", "Apakah itu benar?"),
    "it": ("Il ministro ha detto che i prezzi sono saliti del 5%.", "È vero?"),
    "ja": ("大臣は物価が5%上がったと述べた。", "本当ですか？"),
    "km": ("រដ្ឋមន្ត្រីបាននិយាយថាតម្លៃបានកើនឡើង ៥ ភាគរយ។", "តើនេះជាការពិតទេ?"),
    "ko": ("장관은 물가가 5% 올랐다고 말했다.", "사실인가?"),
    "lo": ("ລັດຖະມົນຕີກ່າວວ່າລາຄາສິນຄ້າເພີ່ມຂຶ້ນຫຼາຍ", "ປະຊາຊົນບໍ່ພໍໃຈກັບລາຄານີ້"),
    "my": ("ဝန်ကြီးက ဈေးနှုန်း ၅ ရာခိုင်နှုန်း တက်သည်ဟု ပြောသည်။", "ဒါ မှန်သလား။"),
    "nl": ("De minister zei dat de prijzen met 5 procent stegen.", "Klopt dat?"),
    "pl": ("Minister powiedział, że ceny wzrosły o 5 proc.", "Czy to prawda?"),
    "pt": ("O ministro disse que os preços subiram 5%.", "É verdade?"),
    "ro": ("Ministrul a spus că prețurile au crescut cu 5%.", "Este adevărat?"),
    "ru": ("Министр заявил, что цены выросли на 5 %.", "Это правда?"),
    "sr": ("Министар је рекао да су цене порасле за 5 одсто.", "Да ли је то тачно?"),
    "sv": ("Ministern sade att priserna steg med 5 procent.", "Stämmer det?"),
    "sw": ("Waziri alisema bei zilipanda kwa asilimia 5.", "Je, ni kweli?"),
    "ta": ("விலைகள் 5% உயர்ந்ததாக அமைச்சர் கூறினார்.", "இது உண்மையா?"),
    "th": ("รัฐมนตรีกล่าวว่าราคาสินค้าเพิ่มขึ้นมาก", "ประชาชนไม่พอใจกับราคานี้"),
    "tr": ("Bakan fiyatların yüzde 5 arttığını söyledi.", "Bu doğru mu?"),
    "uk": ("Міністр заявив, що ціни зросли на 5 %.", "Це правда?"),
    "ur": ("وزیر نے کہا کہ قیمتیں 5 فیصد بڑھ گئیں۔", "کیا یہ سچ ہے؟"),
    "vi": ("Bộ trưởng nói giá đã tăng 5%.", "Điều đó có đúng không?"),
    "zh": ("部长说物价上涨了5%。", "这是真的吗？"),
}  # fmt: skip
#: Languages that write no space between sentences.
_UNSPACED = {"ja", "zh"}


def test_every_vouched_language_has_a_sample_and_there_are_at_least_twenty() -> None:
    assert set(SAMPLES) == set(SENTENCE_LANGUAGES)
    assert len(SENTENCE_LANGUAGES) >= 20


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_two_sentences_in_each_language(code: str) -> None:
    first, second = SAMPLES[code]
    text = first + ("" if code in _UNSPACED else " ") + second
    spans = sentence_spans(text, code)
    assert [text[s:e] for s, e in spans] == [first, second]


def test_a_decimal_point_between_digits_ends_no_sentence() -> None:
    text = "मंत्री ने कहा कि कीमतें ३.५% बढ़ीं। क्या यह सच है?"
    assert [text[s:e] for s, e in sentence_spans(text, "hi")] == [
        "मंत्री ने कहा कि कीमतें ३.५% बढ़ीं।", "क्या यह सच है?",
    ]  # fmt: skip


def test_an_abbreviation_before_lower_case_ends_no_sentence() -> None:
    text = "Т. е. это правда? Да!"
    assert [text[s:e] for s, e in sentence_spans(text, "ru")] == ["Т. е. это правда?", "Да!"]


def test_a_thai_space_after_a_short_phrase_ends_no_sentence() -> None:
    text = "นายก ฯ กล่าวว่าราคาสินค้าเพิ่มขึ้น 5% ในปีนี้ ประชาชนไม่พอใจกับราคานี้"
    assert [text[s:e] for s, e in sentence_spans(text, "th")] == [
        "นายก ฯ กล่าวว่าราคาสินค้าเพิ่มขึ้น 5% ในปีนี้", "ประชาชนไม่พอใจกับราคานี้",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Die Preise steigen! !! Das ist klar.", ["Die Preise steigen! !!", "Das ist klar."]),
        ("?! Die Preise steigen. Ja.", ["?! Die Preise steigen.", "Ja."]),
        ("*** … ***", []),
    ],
)
def test_punctuation_alone_is_no_sentence(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text, "de")] == sentences


def test_offsets_count_code_points_past_emoji_and_combining_marks() -> None:
    text = "Cafe\u0301 😀 öffnet. Preise 🎉 steigen."
    spans = sentence_spans(text, "de")
    assert [text[s:e] for s, e in spans] == ["Cafe\u0301 😀 öffnet.", "Preise 🎉 steigen."]


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("zh", "营收为１２．５亿元，增长４２％。这是真的吗？",
         ["营收为１２．５亿元，增长４２％。", "这是真的吗？"]),
        ("ja", "失業率は２．６％だった！本当か？", ["失業率は２．６％だった！", "本当か？"]),
    ],
)  # fmt: skip
def test_a_full_width_decimal_point_ends_no_sentence(
    code: str, text: str, sentences: list[str]
) -> None:
    # "２．６" is 2.6 written in full-width forms, as Chinese and Japanese news do.
    assert [text[s:e] for s, e in sentence_spans(text, code)] == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Der 3. Platz ging an Berlin. Falsch.", ["Der 3. Platz ging an Berlin.", "Falsch."]),
        ("Im 19. Jahrhundert war das anders. Ja.",
         ["Im 19. Jahrhundert war das anders.", "Ja."]),
        ("Er feierte seinen 80. Geburtstag. Ja.", ["Er feierte seinen 80. Geburtstag.", "Ja."]),
        ("Er gewann zum 2. Mal. Sie wurde Dritte auf Platz 3. Dann kam er.",
         ["Er gewann zum 2. Mal.", "Sie wurde Dritte auf Platz 3.", "Dann kam er."]),
    ],
)  # fmt: skip
def test_a_german_ordinal_after_an_article_ends_no_sentence(
    text: str, sentences: list[str]
) -> None:
    # "der 3." is an ordinal ("the 3rd"): no German sentence ends with an article and a
    # number; "Platz 3." may end one.
    assert [text[s:e] for s, e in sentence_spans(text, "de")] == sentences


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("fr", "Le chômage a baissé, selon M. Dupont. C'est faux.",
         ["Le chômage a baissé, selon M. Dupont.", "C'est faux."]),
        ("fr", "Le ministre, M. Dupont, a menti.", ["Le ministre, M. Dupont, a menti."]),
        ("es", "Lo dijo J. Pérez ayer. Es falso.", ["Lo dijo J. Pérez ayer.", "Es falso."]),
        ("it", "Lo ha detto G. Rossi. È falso.", ["Lo ha detto G. Rossi.", "È falso."]),
    ],
)  # fmt: skip
def test_an_initial_or_a_one_letter_title_ends_no_sentence(
    code: str, text: str, sentences: list[str]
) -> None:
    # French news writes "M. Macron" in every other sentence; sentencex cut after "M."
    # (and after initials) in French, Spanish and Italian, though not in German.
    assert [text[s:e] for s, e in sentence_spans(text, code)] == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("قال د. أحمد إن النسبة 34%. هذا خطأ.", ["قال د. أحمد إن النسبة 34%.", "هذا خطأ."]),
        ("قال أ. د. محمد علي إن البطالة ٣٤٪. هذا خطأ.",
         ["قال أ. د. محمد علي إن البطالة ٣٤٪.", "هذا خطأ."]),
    ],
)  # fmt: skip
def test_an_arabic_title_ends_no_sentence(text: str, sentences: list[str]) -> None:
    # "د." (doctor) and "أ." (professor) stand before a name as "Dr." does; Arabic has
    # no capitals to tell a name from a sentence's first word.
    assert [text[s:e] for s, e in sentence_spans(text, "ar")] == sentences


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("hi", "मंत्री ने कहा कि डॉ. शर्मा गलत हैं। यह गलत है।",
         ["मंत्री ने कहा कि डॉ. शर्मा गलत हैं।", "यह गलत है।"]),
        ("el", "Σύμφωνα με τον καθ. Παπαδόπουλο, το ΑΕΠ αυξήθηκε 3%. Λάθος.",
         ["Σύμφωνα με τον καθ. Παπαδόπουλο, το ΑΕΠ αυξήθηκε 3%.", "Λάθος."]),
        ("tr", "Doç. Dr. İsmail Işık, işsizliğin %9 olduğunu söyledi. Yanlış.",
         ["Doç. Dr. İsmail Işık, işsizliğin %9 olduğunu söyledi.", "Yanlış."]),
        ("pt", "Segundo a Profa. Lima, o PIB cresceu. É falso.",
         ["Segundo a Profa. Lima, o PIB cresceu.", "É falso."]),
        ("de", "Laut Abg. Müller stimmt das. Falsch.", ["Laut Abg. Müller stimmt das.", "Falsch."]),
        ("vi", "Theo PGS.TS. Trần B, GDP tăng 5%. Sai.",
         ["Theo PGS.TS. Trần B, GDP tăng 5%.", "Sai."]),
        ("vi", "Tại TP. Hồ Chí Minh, giá tăng 5%. Sai.",
         ["Tại TP. Hồ Chí Minh, giá tăng 5%.", "Sai."]),
        ("id", "Menurut Ir. Joko, inflasi 5%. Salah.", ["Menurut Ir. Joko, inflasi 5%.", "Salah."]),
        ("sw", "Kwa mujibu wa Dkt. Mwangi, mfumuko ni 5%. Si kweli.",
         ["Kwa mujibu wa Dkt. Mwangi, mfumuko ni 5%.", "Si kweli."]),
    ],
)  # fmt: skip
def test_a_title_before_a_name_ends_no_sentence(
    code: str, text: str, sentences: list[str]
) -> None:
    # Titles sentencex does not know in these languages ("Dr.", "Prof.", "Sr." it does).
    assert [text[s:e] for s, e in sentence_spans(text, code)] == sentences


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("de", "Das betrifft bspw. Rentner. Falsch.", ["Das betrifft bspw. Rentner.", "Falsch."]),
        ("de", "Es gilt gem. Art. 5 GG. Falsch.", ["Es gilt gem. Art. 5 GG.", "Falsch."]),
        ("ru", "Это касается напр. Москвы. Неправда.", ["Это касается напр. Москвы.", "Неправда."]),
        ("pl", "Dotyczy to m.in. Warszawy. Nieprawda.",
         ["Dotyczy to m.in. Warszawy.", "Nieprawda."]),
        ("tr", "Bu örn. İstanbul için geçerli. Yanlış.",
         ["Bu örn. İstanbul için geçerli.", "Yanlış."]),
        ("da", "Det gælder bl.a. København. Forkert.", ["Det gælder bl.a. København.", "Forkert."]),
        ("sv", "Det gäller t.ex. Stockholm. Fel.", ["Det gäller t.ex. Stockholm.", "Fel."]),
        ("cs", "Týká se to mj. Prahy. Nepravda.", ["Týká se to mj. Prahy.", "Nepravda."]),
        ("hr", "To se odnosi npr. Zagreb. Netočno.", ["To se odnosi npr. Zagreb.", "Netočno."]),
        ("uk", "Це стосується, зокр. Києва. Неправда.",
         ["Це стосується, зокр. Києва.", "Неправда."]),
        ("ro", "Aceasta privește de ex. Bucureștiul. Fals.",
         ["Aceasta privește de ex. Bucureștiul.", "Fals."]),
        ("id", "Ini berlaku mis. Jakarta. Salah.", ["Ini berlaku mis. Jakarta.", "Salah."]),
        ("fr", "Selon le gén. Dupont. Faux.", ["Selon le gén. Dupont.", "Faux."]),
        ("ru", "Об этом сказал ген. Иванов. Неправда.",
         ["Об этом сказал ген. Иванов.", "Неправда."]),
    ],
)  # fmt: skip
def test_for_example_and_among_others_end_no_sentence(
    code: str, text: str, sentences: list[str]
) -> None:
    # Abbreviations that always lead into what follows ("for example", "among others",
    # "according to") end no sentence, even before a capital (a noun, a name).
    assert [text[s:e] for s, e in sentence_spans(text, code)] == sentences


def test_a_hebrew_acronym_opens_no_quotation_that_joins_sentences() -> None:
    text = 'לפי צה"ל, 5 חיילים נפצעו באירוע. ארה"ב הגיבה להודעה מיד.'
    assert [text[s:e] for s, e in sentence_spans(text, "he")] == [
        'לפי צה"ל, 5 חיילים נפצעו באירוע.', 'ארה"ב הגיבה להודעה מיד.',
    ]  # fmt: skip


def test_a_georgian_sentence_after_a_stop_is_no_abbreviations_tail() -> None:
    # Georgian letters are lower case to Unicode (Mtavruli capitals exist since 2018)
    # but sentences start with them: a stop before one ends a sentence.
    text = "მთავრობამ განაცხადა, რომ ფასები 5%-ით გაიზარდა. ეს მართალია?"
    assert [text[s:e] for s, e in sentence_spans(text, "ka")] == [
        "მთავრობამ განაცხადა, რომ ფასები 5%-ით გაიზარდა.", "ეს მართალია?",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("es", "El senador citó a Mr. Smith ayer. Es falso.",
         ["El senador citó a Mr. Smith ayer.", "Es falso."]),
        ("fr", "Selon le St. Louis Post, c'est vrai. Faux.",
         ["Selon le St. Louis Post, c'est vrai.", "Faux."]),
    ],
)  # fmt: skip
def test_an_english_title_in_another_language_ends_no_sentence(
    code: str, text: str, sentences: list[str]
) -> None:
    # Articles name English speakers and places with their titles ("Mr.", "St.").
    assert [text[s:e] for s, e in sentence_spans(text, code)] == sentences
