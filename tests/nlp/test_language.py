"""Language detection: real sentences in many scripts, short texts, long texts, names."""

from __future__ import annotations

import threading
import time

import pytest

from claimdesk.nlp import language
from claimdesk.nlp.language import (
    DetectedLanguage,
    detect_language,
    known_languages,
    language_name,
)

# One or two sentences as a news article would have them (no made-up word salad).
SENTENCES = {
    "de": "Der Bundestag hat am Donnerstag das neue Heizungsgesetz mit knapper Mehrheit "
          "beschlossen. Die Opposition kündigte eine Klage an.",
    "es": "El Gobierno aprobó ayer la nueva ley de vivienda, que limitará los alquileres "
          "en las zonas más tensionadas del país.",
    "fr": "Le chômage a reculé de 0,3 point au troisième trimestre, selon les chiffres "
          "publiés mardi par l'Insee.",
    "ar": "قال وزير المالية إن معدل التضخم انخفض إلى خمسة في المئة خلال العام الماضي.",
    "ru": "Министр заявил, что уровень безработицы в стране снизился до трёх процентов.",
    "zh": "国家统计局周一公布的数据显示，今年前三季度国内生产总值同比增长百分之五。",
    "ja": "政府は来年度の予算案で、防衛費を過去最大の規模に増やす方針を決めました。",
    "th": "รัฐบาลประกาศว่าอัตราเงินเฟ้อในเดือนที่ผ่านมาลดลงเหลือร้อยละสองจุดห้า",
    "hi": "सरकार ने कहा कि पिछले साल देश में बेरोजगारी की दर घटकर पांच प्रतिशत रह गई।",
    "tr": "Merkez Bankası faiz oranını yüzde elliye yükselttiğini açıkladı ve enflasyonun "
          "düşeceğini söyledi.",
    "nl": "Het kabinet heeft dinsdag besloten om de belasting op arbeid volgend jaar "
          "te verlagen.",
    "bg": "Министърът на финансите заяви, че бюджетният дефицит ще бъде под три процента "
          "през следващата година.",
    "he": "שר האוצר אמר כי שיעור האבטלה במדינה ירד לשלושה אחוזים בשנה האחרונה.",
    "en": "The minister said unemployment fell to its lowest level in fifty years.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_short_real_sentences_in_many_scripts(code: str) -> None:
    found = detect_language(SENTENCES[code])
    assert found.code == code, (code, found)
    assert 0.2 <= found.confidence <= 1.0
    assert code in known_languages()


@pytest.mark.parametrize("text", ["", "   \n", "ok", "12 345,6 %", "— … !!", "2024-01-01"])
def test_too_short_or_no_letters_is_undetermined(text: str) -> None:
    found = detect_language(text)
    assert found == DetectedLanguage("und", found.confidence)
    assert 0.0 <= found.confidence <= 1.0


def test_a_long_article_is_sampled_and_fast() -> None:
    body = (SENTENCES["de"] + " ") * 1500  # about 200,000 characters
    assert len(body) > 190_000
    detect_language("warm up the model")
    started = time.perf_counter()
    found = detect_language(body)
    elapsed = time.perf_counter() - started
    assert found.code == "de" and found.confidence > 0.9
    assert elapsed < 0.5, elapsed
    part = language.sample(body)
    assert len(part) <= language.WINDOWS * (language.WINDOW + 1)


def test_the_sample_reads_the_whole_article_not_only_its_start() -> None:
    # An English byline block before a German article: the windows outvote it.
    text = (SENTENCES["en"] + " ") * 60 + (SENTENCES["de"] + " ") * 400
    assert detect_language(text).code == "de"
    windows = language.sample(text).split("\n")
    assert len(windows) == language.WINDOWS
    assert all(not w.startswith(" ") and w == w.strip() for w in windows)


def test_names_and_known_languages() -> None:
    assert language_name("de") == "German"
    assert language_name("zh") == "Chinese"
    assert language_name("pt-BR") == "Portuguese (pt-BR)"
    assert language_name("xx-nonsense") == "xx-nonsense"
    assert language_name("und") == "Unknown language"
    codes = known_languages()
    assert codes == sorted(codes) and "und" not in codes and "zxx" not in codes
    assert all(language_name(c) != c for c in codes)


def test_known_languages_are_exactly_what_the_model_gives() -> None:
    model_labels = language._MODEL.get().labels
    given = {language._code(label) for label in model_labels} - {"zxx"}
    assert given == set(known_languages())


def test_the_model_loads_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import LanguageIdentifier

    real = LanguageIdentifier.from_model_file
    loads: list[int] = []

    def counting(model_file: str, *args: object, **kwargs: object) -> LanguageIdentifier:
        loads.append(1)
        time.sleep(0.2)  # every thread arrives while the first is still loading
        return real(model_file, *args, **kwargs)

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", counting)
    monkeypatch.setattr(language, "_MODEL", language._Model())
    results: list[DetectedLanguage] = []
    threads = [
        threading.Thread(target=lambda: results.append(detect_language(SENTENCES["fr"])))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.code for r in results] == ["fr"] * 4
    assert len(loads) == 1
