"""Extraction scores sentences in batches only when no score depends on its batch."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from claimdesk.domain.models import CandidateClaim
from claimdesk.nlp.batching import BATCH, PROBE, TOLERANCE, safe_batch_size, score_candidates
from claimdesk.services.nlp_provider import NlpProvider

SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"


class _ByLength:
    """A scorer whose score is a function of the sentence alone."""

    def __init__(self) -> None:
        self.batch_sizes: list[int] = []

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        self.batch_sizes.append(batch_size)
        return [len(s) / 1000 for s in sentences]


class _ScaledByBatch:
    """A scorer like an int8 model quantised per call: the batch's longest sets a scale."""

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        scores: list[float] = []
        for start in range(0, len(sentences), batch_size):
            batch = sentences[start:start + batch_size]
            scale = max(len(s) for s in batch)
            scores.extend(round(len(s) / scale, 2) / 10 + len(s) / 1000 for s in batch)
        return scores


def test_a_batch_independent_scorer_gets_batches() -> None:
    scorer = _ByLength()
    assert safe_batch_size(scorer) == BATCH > 1
    candidates = [CandidateClaim(start=0, end=len(t), text=t) for t in PROBE]
    scored = score_candidates(candidates, scorer, BATCH)
    assert scorer.batch_sizes[-1] == BATCH
    assert [c.score for c in scored] == [len(t) / 1000 for t in PROBE]
    assert [c.text for c in scored] == list(PROBE)


def test_a_scorer_whose_scores_move_with_the_batch_scores_one_at_a_time() -> None:
    assert safe_batch_size(_ScaledByBatch()) == 1


def test_extracted_scores_are_those_of_each_sentence_alone(nlp_provider: NlpProvider) -> None:
    # Whatever the shipped model, an article's scores are the scores its sentences get
    # alone: the same sentence scores the same in every article.
    scorer = nlp_provider.scorer()
    assert scorer is not None
    claims = nlp_provider.extract(SEED.read_text(encoding="utf-8")).candidates
    assert len(claims) > 10
    alone = [scorer.score([c.text])[0] for c in claims]
    assert [c.score for c in claims] == pytest.approx(alone, abs=TOLERANCE, rel=0)


def test_the_shipped_model_scores_in_batches(nlp_provider: NlpProvider) -> None:
    # English model v3 moves a batched score by about 1e-6: extraction may batch it.
    scorer = nlp_provider.scorer()
    assert scorer is not None
    assert safe_batch_size(scorer) == BATCH == 64
    alone = scorer.score(PROBE, batch_size=1)
    batched = scorer.score(PROBE, batch_size=BATCH)
    assert max(abs(a - b) for a, b in zip(alone, batched, strict=True)) < TOLERANCE / 10
