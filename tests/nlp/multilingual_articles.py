"""Short news articles in eleven languages and six scripts, with the claims they must give."""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.domain import ClaimType

QTY, QUO, DAT = ClaimType.QUANTITY, ClaimType.QUOTE, ClaimType.DATE


@dataclass(frozen=True)
class Article:
    """An article in `language`; `claims` are its sentences (headline and dateline left
    out) with their types, and `dates` the date expressions the rules must recognise."""

    language: str
    text: str
    claims: tuple[tuple[str, frozenset[ClaimType]], ...]
    dates: tuple[str, ...]


def _article(language: str, text: str, claims: list[tuple[str, set[ClaimType]]],
             dates: list[str]) -> Article:
    return Article(language, text, tuple((s, frozenset(t)) for s, t in claims), tuple(dates))


ARTICLES = [
    _article(
        "de",
        "Inflation steigt auf höchsten Stand seit 30 Jahren\n\n"
        "BERLIN — Am 5. März 2024 sagte Finanzminister Müller, die Preise seien um 3,5 % "
        "gestiegen. „Das ist die höchste Rate seit 30 Jahren“, sagte er.\n"
        "Die Opposition widersprach im Bundestag. Sie nannte z. B. einen Fehlbetrag von "
        "1.200 Mio. Euro.\n",
        [
            ("Am 5. März 2024 sagte Finanzminister Müller, die Preise seien um 3,5 % "
             "gestiegen.", {QTY, DAT}),
            ("„Das ist die höchste Rate seit 30 Jahren“, sagte er.", {QTY, QUO}),
            ("Die Opposition widersprach im Bundestag.", set()),
            ("Sie nannte z. B. einen Fehlbetrag von 1.200 Mio. Euro.", {QTY}),
        ],
        ["5. März 2024"],
    ),
    _article(
        "es",
        "El paro baja al 11,7 %\n\n"
        "MADRID — El 2 de abril de 2024 el Gobierno anunció que el paro bajó al 11,7 %. "
        "«Es el mejor dato desde 2008», dijo la ministra.\n"
        "¿Es cierto? Los sindicatos lo dudan.\n",
        [
            ("El 2 de abril de 2024 el Gobierno anunció que el paro bajó al 11,7 %.", {QTY, DAT}),
            ("«Es el mejor dato desde 2008», dijo la ministra.", {QUO, DAT}),
            ("¿Es cierto?", set()),
            ("Los sindicatos lo dudan.", set()),
        ],
        ["2 de abril de 2024", "2008"],
    ),
    _article(
        "fr",
        "Le chômage recule\n\n"
        "PARIS — Le 14 juillet 2023, le ministre a déclaré que 1 200 000 emplois avaient été "
        "créés. « Nous avons tenu parole », a-t-il dit.\n"
        "Les syndicats contestent ces chiffres. Le déficit atteint 5 % du PIB.\n",
        [
            ("Le 14 juillet 2023, le ministre a déclaré que 1 200 000 emplois avaient été "
             "créés.", {QTY, DAT}),
            ("« Nous avons tenu parole », a-t-il dit.", {QUO}),
            ("Les syndicats contestent ces chiffres.", set()),
            ("Le déficit atteint 5 % du PIB.", {QTY}),
        ],
        ["14 juillet 2023"],
    ),
    _article(
        "ar",
        "ارتفاع الأسعار\n\n"
        "قال وزير المالية إن الأسعار ارتفعت بنسبة ٣٫٥٪ في ٥ مارس ٢٠٢٤. "
        "«هذا أعلى معدل منذ ثلاثين عاماً»، قال الوزير.\n"
        "هل هذا صحيح؟ تقول المعارضة إن العجز بلغ ١٬٢٠٠ مليون دولار.\n",
        [
            ("قال وزير المالية إن الأسعار ارتفعت بنسبة ٣٫٥٪ في ٥ مارس ٢٠٢٤.", {QTY, DAT}),
            ("«هذا أعلى معدل منذ ثلاثين عاماً»، قال الوزير.", {QUO}),
            ("هل هذا صحيح؟", set()),
            ("تقول المعارضة إن العجز بلغ ١٬٢٠٠ مليون دولار.", {QTY}),
        ],
        ["٥ مارس ٢٠٢٤"],
    ),
    _article(
        "he",
        "המחירים עולים\n\n"
        'השר אמר שהמחירים עלו ב-3.5% בשנת 2024. "זה השיעור הגבוה ביותר מזה שלושים שנה", '
        "אמר השר.\n"
        "האם זה נכון? האופוזיציה טוענת שהגירעון הגיע ל-1,200 מיליון ₪.\n",
        [
            ("השר אמר שהמחירים עלו ב-3.5% בשנת 2024.", {QTY, DAT}),
            ('"זה השיעור הגבוה ביותר מזה שלושים שנה", אמר השר.', {QUO}),
            ("האם זה נכון?", set()),
            ("האופוזיציה טוענת שהגירעון הגיע ל-1,200 מיליון ₪.", {QTY}),
        ],
        ["2024"],
    ),
    _article(
        "ru",
        "Цены растут\n\n"
        "Министр заявил 5 марта 2024 года, что цены выросли на 3,5 %. "
        "«Это самый высокий рост за 30 лет», — сказал он.\n"
        "Т. е. это правда? Оппозиция называет дефицит в 1 200 млн рублей.\n",
        [
            ("Министр заявил 5 марта 2024 года, что цены выросли на 3,5 %.", {QTY, DAT}),
            ("«Это самый высокий рост за 30 лет», — сказал он.", {QTY, QUO}),
            ("Т. е. это правда?", set()),
            ("Оппозиция называет дефицит в 1 200 млн рублей.", {QTY}),
        ],
        ["5 марта 2024"],
    ),
    _article(
        "zh",
        "物价上涨\n\n"
        "2024年3月5日，国家统计局发布数据。物价上涨了3.5%！“这是三十年来最高的涨幅”，部长说。\n"
        "反对派称赤字达到12亿元。\n",
        [
            ("2024年3月5日，国家统计局发布数据。", {DAT}),
            ("物价上涨了3.5%！", {QTY}),
            ("“这是三十年来最高的涨幅”，部长说。", {QUO}),
            ("反对派称赤字达到12亿元。", {QTY}),
        ],
        ["2024年3月5日"],
    ),
    _article(
        "ja",
        "物価上昇\n\n"
        "２０２４年３月５日、政府は統計を発表した。「物価は３．５％上がった」と首相は述べた。"
        "本当ですか？\n"
        "野党は赤字が１２００億円に達したと主張した。\n",
        [
            ("２０２４年３月５日、政府は統計を発表した。", {DAT}),
            ("「物価は３．５％上がった」と首相は述べた。", {QTY, QUO}),
            ("本当ですか？", set()),
            ("野党は赤字が１２００億円に達したと主張した。", {QTY}),
        ],
        ["２０２４年３月５日"],
    ),
    _article(
        "th",
        "ราคาสินค้าเพิ่มขึ้น\n\n"
        "รัฐบาลกล่าวว่าราคาสินค้าเพิ่มขึ้น 5% ในปีนี้ นายกรัฐมนตรีปฏิเสธข้อกล่าวหาทั้งหมด\n"
        "เมื่อวันที่ 5 มีนาคม 2567 กระทรวงการคลังรายงานว่าหนี้สาธารณะอยู่ที่ 1,200 ล้านบาท\n",
        [
            ("รัฐบาลกล่าวว่าราคาสินค้าเพิ่มขึ้น 5% ในปีนี้", {QTY}),
            ("นายกรัฐมนตรีปฏิเสธข้อกล่าวหาทั้งหมด", set()),
            ("เมื่อวันที่ 5 มีนาคม 2567 กระทรวงการคลังรายงานว่าหนี้สาธารณะอยู่ที่ 1,200 ล้านบาท",
             {QTY, DAT}),
        ],
        ["5 มีนาคม 2567"],
    ),
    _article(
        "hi",
        "कीमतों में बढ़ोतरी\n\n"
        'मंत्री ने 5 मार्च 2024 को कहा कि कीमतें ३.५% बढ़ीं। "यह तीस साल में सबसे ऊंची दर है," '
        "उन्होंने कहा।\n"
        "क्या यह सच है? विपक्ष का कहना है कि घाटा ₹1,200 करोड़ है।\n",
        [
            ("मंत्री ने 5 मार्च 2024 को कहा कि कीमतें ३.५% बढ़ीं।", {QTY, DAT}),
            ('"यह तीस साल में सबसे ऊंची दर है," उन्होंने कहा।', {QUO}),
            ("क्या यह सच है?", set()),
            ("विपक्ष का कहना है कि घाटा ₹1,200 करोड़ है।", {QTY}),
        ],
        ["5 मार्च 2024"],
    ),
    _article(
        "tr",
        "Enflasyon yükseldi\n\n"
        "ANKARA — Bakan 3 Mart 2024'te enflasyonun %64,8 olduğunu söyledi. "
        '"Bu son 20 yılın en yüksek oranı," dedi.\n'
        "Bu doğru mu? Muhalefet açığın 1.200 milyon TL olduğunu söylüyor.\n",
        [
            ("Bakan 3 Mart 2024'te enflasyonun %64,8 olduğunu söyledi.", {QTY, DAT}),
            ('"Bu son 20 yılın en yüksek oranı," dedi.', {QTY, QUO}),
            ("Bu doğru mu?", set()),
            ("Muhalefet açığın 1.200 milyon TL olduğunu söylüyor.", {QTY}),
        ],
        ["3 Mart 2024"],
    ),
    _article(
        "ko",
        "물가 상승\n\n"
        "정부는 2024년 3월 5일 물가가 3.5% 올랐다고 발표했다. "
        '"30년 만의 최고치"라고 장관은 말했다.\n',
        [
            ("정부는 2024년 3월 5일 물가가 3.5% 올랐다고 발표했다.", {QTY, DAT}),
            ('"30년 만의 최고치"라고 장관은 말했다.', {QTY, QUO}),
        ],
        ["2024년 3월 5일"],
    ),
    _article(
        "el",
        "Οι τιμές αυξάνονται\n\n"
        "Ο υπουργός είπε στις 5 Μαρτίου 2024 ότι οι τιμές αυξήθηκαν κατά 3,5%. "
        "«Είναι το υψηλότερο ποσοστό εδώ και 30 χρόνια», δήλωσε.\n"
        "Είναι αλήθεια; Η αντιπολίτευση το αμφισβητεί.\n",
        [
            ("Ο υπουργός είπε στις 5 Μαρτίου 2024 ότι οι τιμές αυξήθηκαν κατά 3,5%.", {QTY, DAT}),
            ("«Είναι το υψηλότερο ποσοστό εδώ και 30 χρόνια», δήλωσε.", {QTY, QUO}),
            ("Είναι αλήθεια;", set()),
            ("Η αντιπολίτευση το αμφισβητεί.", set()),
        ],
        ["5 Μαρτίου 2024"],
    ),
]
