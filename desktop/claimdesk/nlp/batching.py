"""Scoring an article's sentences in batches, only if a score never depends on its batch."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol

from claimdesk.domain.models import CandidateClaim

#: Sentences per encoder call when batching is safe. The encoder works on each distinct
#: word and word piece of a batch once and runs its convolutions on steps of up to 384
#: word pieces (about 12 sentences), so each weight matrix is read once per step instead
#: of once per sentence (nlp/encoder_forward.py); a whole article at once was no faster.
BATCH = 64
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
#: decimals the window shows. English model v3 stays within about 1e-6 (BLAS rounds a
#: vector's last bits differently with the batch's shape).
TOLERANCE = 1e-4


def safe_batch_size(scorer: Scorer) -> int:
    """BATCH if the probe sentences score the same (within TOLERANCE) alone and batched.

    A model whose score moves with its batch neighbours (an int8 model quantised per call
    moved by up to 0.03 in November 2026) would score the same sentence differently in
    two articles; batching is used only when that cannot happen.
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
