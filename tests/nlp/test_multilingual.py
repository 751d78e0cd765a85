"""Articles in other languages: exact sentences and rule types, never the English pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.nlp import extract as english_extract
from claimdesk.nlp import pipeline as english_pipeline
from claimdesk.nlp.extract import ExtractionCancelled, TooMuchToExtract
from claimdesk.nlp.languages import limitation_line, support
from claimdesk.nlp.multilingual import extract_multilingual, pipeline_name
from claimdesk.nlp.multilingual_scorer import DeskScores
from claimdesk.services.nlp_provider import NlpProvider
from tests.nlp.multilingual_articles import ARTICLES, Article

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.fixture
def no_english(monkeypatch: pytest.MonkeyPatch) -> NlpProvider:
    """A fresh provider whose English pipeline and extraction fail the test if used."""

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the English pipeline was used on a non-English article")

    monkeypatch.setattr(english_pipeline, "load_pipeline", forbidden)
    monkeypatch.setattr(english_extract, "extract_candidates", forbidden)
    return NlpProvider()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.language)
def test_each_language_gives_its_sentences_and_types_without_the_english_pipeline(
    article: Article, no_english: NlpProvider
) -> None:
    found = no_english.extract(article.text)  # the language is detected
    assert found.language == article.language
    assert found.limitation == limitation_line(article.language)
    assert found.pipeline == pipeline_name(article.language)
    text = article.text
    assert [(c.text, frozenset(c.types)) for c in found.candidates] == list(article.claims)
    for claim in found.candidates:
        assert text[claim.start : claim.end] == claim.text
        assert claim.entities == () and claim.speaker is None and claim.speaker_kind is None
        # The encoder's languages are scored by the multilingual head; the rest are not.
        if support(article.language).scores:
            assert claim.score is not None and 0.0 <= claim.score <= 1.0
        else:
            assert claim.score is None
    assert any(c.score is not None for c in found.candidates) == support(article.language).scores


def test_a_german_article_is_no_longer_split_mid_clause_or_given_persons(
    no_english: NlpProvider,
) -> None:
    """The issue's case: months were persons and clauses were cut, with no message."""
    german = next(a for a in ARTICLES if a.language == "de")
    found = no_english.extract(german.text)
    assert found.limitation == "German: claims and scores; no entities or speakers"
    first = found.candidates[0].text
    assert first.startswith("Am 5. März 2024") and first.endswith("gestiegen.")
    assert all(not c.entities for c in found.candidates)


def test_a_given_language_overrides_detection(no_english: NlpProvider) -> None:
    found = no_english.extract("Die Preise steigen. Das ist klar.", language="de-AT")
    assert found.language == "de"
    assert [c.text for c in found.candidates] == ["Die Preise steigen.", "Das ist klar."]


def test_english_still_goes_through_the_trained_pipeline(nlp_provider: NlpProvider) -> None:
    text = "The deficit rose to 5% of GDP in 2024, Chancellor Rachel Reeves said on Monday.\n"
    found = nlp_provider.extract(text)
    assert found.language == "en" and found.limitation is None
    assert found.pipeline == nlp_provider.pipeline().name
    (claim,) = found.candidates
    assert claim.entities and claim.score is not None


def test_manual_claims_in_other_languages_are_not_scored_by_the_english_model(
    nlp_provider: NlpProvider,
) -> None:
    german = ["Die Inflation ist auf 3,5 Prozent gestiegen."]
    multilingual = nlp_provider.multilingual_scorer()
    english = nlp_provider.scorer()
    assert multilingual is not None and english is not None
    # Detected as German, so the multilingual head scores it (on the desk's scale).
    assert nlp_provider.score_texts(german) == DeskScores(multilingual).score(german)
    assert nlp_provider.score_texts(german) != english.score(german)
    assert nlp_provider.score_texts(["यह 2023 में 6 प्रतिशत बढ़ा।"]) is None  # no scorer knows it
    english_claim = ["Inflation rose to 3.5 percent last year."]
    assert nlp_provider.score_texts(english_claim) == english.score(english_claim)


def test_progress_reaches_the_end_and_cancelling_stops() -> None:
    text = "Die Preise steigen.\n\nDas ist klar.\n"
    seen: list[tuple[int, int]] = []
    extract_multilingual(text, "de", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(text), len(text))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    with pytest.raises(ExtractionCancelled):
        extract_multilingual(text, "de", cancelled=lambda: True)


def test_the_limits_of_the_english_path_hold() -> None:
    with pytest.raises(TooMuchToExtract, match="characters"):
        extract_multilingual("Die Preise steigen. " * 20, "de", max_chars=100)
    with pytest.raises(TooMuchToExtract, match="sentences"):
        extract_multilingual("Die Preise steigen. " * 20, "de", max_candidates=5)


def test_headlines_bylines_and_datelines_give_no_claims() -> None:
    text = ("Los precios suben\n\nPor Ana García\n\n"
            "MADRID (EFE) — El paro bajó al 11,7 % en marzo. Los sindicatos lo dudan.\n")
    claims = extract_multilingual(text, "es")
    assert [c.text for c in claims] == [
        "El paro bajó al 11,7 % en marzo.", "Los sindicatos lo dudan.",
    ]  # fmt: skip


# Pieces of text in many scripts, with the punctuation, digits, quotation marks and line
# breaks that move sentence boundaries.
_PIECES = [
    "Die Preise", "steigen", "z. B.", "3,5 %", "„Das", "ist klar“", "Dr.", "Müller",
    "الأسعار", "٣٫٥٪", "؟", "«هذا", "»", "השר", "אמר", '"', "物价上涨了", "3.5%", "。", "！",
    "「物価", "」", "รัฐบาล", "กล่าวว่า", "ราคาสินค้า", "मंत्री", "३.५", "।", "Цены", "т. е.",
    "это", "Ο υπουργός", ";", "정부는", "?", "!", ".", "…", "  ", " ", "\n", "\n\n", "\r\n",
    "\u2028", "\t", "😀", "e\u0301", "1.200", "2024", "—", "• ", "# ", "SMITH:", "‚so‘",
]  # fmt: skip
_LANGUAGES = ["de", "ar", "he", "zh", "ja", "th", "hi", "ru", "el", "ko", "tr", "xx", "und"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(
        st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=40
    ),
    joiners=st.lists(st.sampled_from(["", " ", "\n"]), min_size=40, max_size=40),
    language=st.sampled_from(_LANGUAGES),
)
def test_offsets_are_always_exact_on_random_multi_script_text(
    pieces: list[str], joiners: list[str], language: str
) -> None:
    text = "".join(p + j for p, j in zip(pieces, joiners, strict=False))
    claims = extract_multilingual(text, language)
    last_end = 0
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text and claim.text == claim.text.strip()
        assert not any(ch in LINE_BREAKS for ch in claim.text)
        assert claim.start >= last_end
        last_end = claim.end


def test_a_long_chinese_line_is_cut_into_chunks_at_sentence_ends() -> None:
    # Chinese writes no space after 。, and a line longer than MAX_CHUNK used to be cut
    # where it reached the limit, in the middle of a sentence.
    text = "".join(f"政府表示第{i}季度的失业率为百分之五。" for i in range(1500))
    claims = extract_multilingual(text, "zh")
    assert len(claims) == 1500
    assert all(c.text.startswith("政府表示第") and c.text.endswith("。") for c in claims)


@pytest.mark.parametrize(
    "dateline", ["BERLIN (dpa) - ", "Hamburg (dpa) - ", "FRANKFURT (dpa-AFX) - ", "BONN (epd) - "]
)
def test_a_german_agencys_lower_case_dateline_stays_out_of_the_claim(dateline: str) -> None:
    # dpa, epd and KNA write their names in lower case; "(AFP)" was already left out.
    claim = "Die Arbeitslosigkeit ist im Februar auf 5,9 Prozent gestiegen."
    text = dateline + claim + " Das teilte die Bundesagentur mit.\n"
    assert [c.text for c in extract_multilingual(text, "de")] == [
        claim, "Das teilte die Bundesagentur mit."
    ]


@pytest.mark.parametrize(
    ("language", "dateline", "claim"),
    [
        ("de", "MÜNCHEN (dpa) - ", "Die Preise sind um 5 Prozent gestiegen."),
        ("de", "Düsseldorf (dpa) - ", "Die Preise sind um 5 Prozent gestiegen."),
        ("es", "BOGOTÁ (AFP) — ", "El desempleo subió al 10 %."),
        ("pt", "SÃO PAULO (Reuters) - ", "O PIB cresceu 2,9%."),
        ("tr", "İSTANBUL (AA) - ", "Enflasyon %40 oldu."),
        ("pl", "ŁÓDŹ (PAP) - ", "Bezrobocie spadło do 5 proc."),
    ],
)
def test_a_dateline_with_letters_beyond_ascii_stays_out_of_the_claim(
    language: str, dateline: str, claim: str
) -> None:
    # The dateline rules knew A-Z only: "PARIS (AFP) -" was left out, "BOGOTÁ (AFP) —" not.
    text = dateline + claim + "\n"
    assert [c.text for c in extract_multilingual(text, language)] == [claim]


@pytest.mark.parametrize(
    ("language", "dateline", "claim"),
    [
        ("es", "MADRID, 5 mar (EFE).- ", "El paro bajó en 12.000 personas en febrero."),
        ("es", "BOGOTÁ, 12 ene (EFE).- ", "El desempleo subió al 10 %."),
        ("tr", "İSTANBUL (AA) - ", "İşsizlik %9 oldu."),
        ("fr", "PARIS (AFP) - ", "« Nous avons créé 500 000 emplois », a dit le ministre."),
        ("es", "MADRID (EFE) - ", "¿Subió el paro un 5 % en febrero?"),
    ],
)
def test_a_spanish_agencys_dateline_and_a_lead_opening_beyond_ascii_stay_out(
    language: str, dateline: str, claim: str
) -> None:
    # EFE writes "MADRID, 5 mar (EFE).-": a month in lower case and ".-" for the dash;
    # the lead may open with "«", "¿" or a capital beyond A-Z ("İşsizlik").
    text = dateline + claim + "\n"
    assert [c.text for c in extract_multilingual(text, language)] == [claim]


def test_a_dash_after_an_abbreviation_is_no_agencys_dateline() -> None:
    text = "U.S.-China trade talks resumed on Monday, officials said.\n"
    assert [c.text for c in extract_multilingual(text, "es")] == [text.strip()]


@pytest.mark.parametrize(
    "dateline", ["МОСКВА, 5 марта. /ТАСС/. ", "САНКТ-ПЕТЕРБУРГ, 12 января. /ТАСС/. "]
)
def test_a_tass_dateline_stays_out_of_the_claims(dateline: str) -> None:
    # TASS closes its dateline with "/ТАСС/.": it gave two claims of its own.
    claim = "Годовая инфляция в феврале ускорилась до 7,4 %, сообщил Росстат."
    text = dateline + claim + "\n"
    assert [c.text for c in extract_multilingual(text, "ru")] == [claim]


@pytest.mark.parametrize(
    ("language", "dateline", "claim"),
    [
        ("ar", "القاهرة (رويترز) - ", "قال الوزير إن معدل البطالة انخفض إلى ٧٫٥٪."),
        ("ar", "دبي (أ ف ب) - ", "قال الوزير إن معدل البطالة انخفض إلى ٧٫٥٪."),
        ("he", "ירושלים (רויטרס) - ", "השר אמר שהאבטלה עלתה ל-5%."),
        ("ja", "【東京】", "総務省によると、２月の完全失業率は２．６％だった。"),
        ("ja", "【ワシントン共同】", "米国の失業率は３．９％だった。"),
        ("ko", "(서울=연합뉴스) 김민수 기자 = ", "통계청은 2월 소비자물가가 3.1% 올랐다고 밝혔다."),
        ("ko", "(세종=연합뉴스) ", "통계청은 2월 소비자물가가 3.1% 올랐다고 밝혔다."),
        ("zh", "新华社北京3月9日电（记者 王希）", "国家统计局发布数据，物价上涨0.7%。"),
        ("zh", "中新网3月9日电 ", "国家统计局发布数据，物价上涨0.7%。"),
    ],
)
def test_a_dateline_in_an_uncased_script_stays_out_of_the_claim(
    language: str, dateline: str, claim: str
) -> None:
    # The dateline rules looked for a capitalised place; Arabic, Hebrew and Japanese
    # have no capitals ("【東京】" is how Japanese papers write "TOKYO -").
    text = dateline + claim + "\n"
    assert [c.text for c in extract_multilingual(text, language)] == [claim]
