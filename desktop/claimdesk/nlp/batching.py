"""Scoring an article's sentences in batches, only if a score never depends on its batch."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol

from claimdesk.domain.models import CandidateClaim

#: Sentences per onnxruntime call when batching is safe: on the 10,000-word benchmark
#: text, one core, 8 scored about 25% faster than 1 (4 and 16-32 less so: padding).
BATCH = 8
#: Sentences of different lengths and kinds, so a batch of them is padded and its
#: activations range widely: what makes a neighbour-dependent model show it.
PROBE = (
    "Unemployment fell to 4.2 percent last year, the lowest figure since 1975.",
    "Thank you.",
    "We will cut taxes for 90 percent of working families, and pay for every penny of it.",
    "I think that is wrong.",
    "The Online Safety Act will cover England and Wales from next year.",
    "Crime has dropped by a quarter in our cities since 2010, according to the FBI.",
    "Good evening, everyone, and welcome to the second debate.",
    "There will be a cap of eight.",
)


class Scorer(Protocol):
    """What of CheckWorthinessScorer this module uses."""

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]: ...


#: How far a batched score may be from the sentence's score alone: far below the two
#: decimals the window shows. The statically quantised model of December 2026 stays
#: within 1e-5 (onnxruntime rounds the last bit differently with the batch shape).
TOLERANCE = 1e-4


def safe_batch_size(scorer: Scorer) -> int:
    """BATCH if the probe sentences score the same (within TOLERANCE) alone and batched.

    An int8 model quantised per call gives a sentence a score that moves with its batch
    neighbours (by up to 0.03 with the November 2026 model), so the same sentence would
    score differently in two articles; batching is used only when that cannot happen.
    """
    alone = scorer.score(PROBE, batch_size=1)
    batched = scorer.score(PROBE, batch_size=len(PROBE))
    return BATCH if all(abs(a - b) <= TOLERANCE for a, b in zip(alone, batched, strict=True)) else 1


def score_candidates(
    candidates: Sequence[CandidateClaim], scorer: Scorer, batch_size: int = 1
) -> list[CandidateClaim]:
    """Copies of the candidates with `score` set from their text, `batch_size` at a time."""
    scores = scorer.score([c.text for c in candidates], batch_size=batch_size)
    return [dataclasses.replace(c, score=s) for c, s in zip(candidates, scores, strict=True)]
