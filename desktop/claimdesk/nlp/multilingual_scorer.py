"""Check-worthiness in 16 languages: a logistic head on the shared sentence encoder's vectors."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimdesk.nlp.encoder import DIMENSION, EncoderUnavailable, SentenceEncoder
from claimdesk.nlp.scorer import ScorerUnavailable
from claimdesk.paths import resource_path

HEAD_NAME = "head.json"
_REINSTALL = "reinstall ClaimDesk, or retrain with tools/train_multilingual_head.py"
#: Any script's decimal digit (Arabic-Indic ones too): figures are what fact-checkers check.
_DIGIT = re.compile(r"\d")
#: The percent signs of the supported scripts (Latin %, Arabic ٪).
_PERCENT = re.compile(r"[%٪]")
#: The hand features a head may use, in the order of its weights after the 512 dimensions.
HAND_FEATURES = ("has_digit", "has_percent")


def hand_features(text: str, names: Sequence[str]) -> list[float]:
    """The named hand features of one sentence (each 0.0 or 1.0)."""
    values = {
        "has_digit": 1.0 if _DIGIT.search(text) else 0.0,
        "has_percent": 1.0 if _PERCENT.search(text) else 0.0,
    }
    return [values[n] for n in names]


def default_model_dir() -> Path:
    """The head bundled under resources/models/checkworthy-multilingual."""
    return resource_path("models", "checkworthy-multilingual")


class MultilingualScorer:
    """Calibrated check-worthiness of sentences in any of the encoder's languages.

    score = sigmoid(a * (w · [vector, hand features] + b) + c), with a and c fitted on the
    validation debates (Platt), so a score of 0.7 means that about 70% of such sentences
    were check-worthy there. `threshold` is the decision point chosen on validation
    (best F1); it is explicit in head.json and need not be 0.5.
    """

    def __init__(self, encoder: SentenceEncoder, head: dict[str, Any]) -> None:
        self.encoder = encoder
        self.features: tuple[str, ...] = tuple(head.get("hand_features", ()))
        unknown = set(self.features) - set(HAND_FEATURES)
        if unknown:
            raise ValueError(f"unknown hand features {sorted(unknown)}")
        self._weight = np.array(head["weight"], dtype=np.float64)
        if self._weight.shape != (DIMENSION + len(self.features),):
            raise ValueError(f"{self._weight.shape[0]} weights for {DIMENSION} + "
                             f"{len(self.features)} features")
        self._bias = float(head["bias"])
        self._slope = float(head["calibration"]["slope"])
        self._offset = float(head["calibration"]["offset"])
        self.threshold = float(head["threshold"])
        self.version = str(head["version"])
        self.encoder_name = str(head["encoder"]["name"])

    @classmethod
    def load(
        cls, model_dir: Path | None = None, encoder: SentenceEncoder | None = None
    ) -> MultilingualScorer:
        """Read head.json; the encoder (shared with claim matching) loads on first score."""
        model_dir = model_dir or default_model_dir()
        path = model_dir / HEAD_NAME
        if not path.is_file():
            raise ScorerUnavailable(
                f"The multilingual check-worthiness model in {model_dir} is incomplete "
                f"(missing {HEAD_NAME}); {_REINSTALL}."
            )
        try:
            head = json.loads(path.read_text(encoding="utf-8"))
            return cls(encoder or SentenceEncoder(threads=1), head)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ScorerUnavailable(
                f"{path} is unreadable ({' '.join(str(exc).split())}); {_REINSTALL}."
            ) from exc

    def logits(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """The head's raw logit per sentence (before calibration)."""
        if not sentences:
            return []
        try:
            vectors = self.encoder.encode(sentences, batch_size=batch_size)
        except EncoderUnavailable as exc:
            raise ScorerUnavailable(str(exc)) from exc
        return self.head_logits(vectors, sentences)

    def head_logits(self, vectors: np.ndarray, sentences: Sequence[str]) -> list[float]:
        """The head on vectors already encoded (by the shared encoder) for `sentences`."""
        dims = self._weight[:DIMENSION]
        extra = self._weight[DIMENSION:]
        out: list[float] = []
        for text, vector in zip(sentences, vectors, strict=True):
            # One row at a time in float64: the same arithmetic whatever the batch holds.
            z = float(np.dot(vector.astype(np.float64), dims)) + self._bias
            if self.features:
                z += float(np.dot(hand_features(text, self.features), extra))
            out.append(z)
        return out

    def probability(self, logit: float) -> float:
        return _sigmoid(self._slope * logit + self._offset)

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """One calibrated score per sentence, in input order; `threshold` is the decision point.

        With the default batch_size=1 a sentence scores exactly the same in any document;
        larger batches are faster and move a score by about 1e-6 at most.
        """
        return [self.probability(z) for z in self.logits(sentences, batch_size)]


def at_half(probability: float, threshold: float) -> float:
    """`probability` moved so that `threshold` reads 0.5: linear on each side, so 0 and 1
    stay put and the order of scores never changes."""
    if probability < threshold:
        return 0.5 * probability / threshold
    return 0.5 + 0.5 * (probability - threshold) / (1.0 - threshold)


class DeskScores:
    """The multilingual scores as the desk shows them: its decision point at 0.5.

    The desk has one check-worthiness threshold for every article (Settings, 0.5 by
    default), and the English model puts its validation-chosen decision point at 0.5;
    this head's point is head.json's `threshold` (0.32 on calibrated probabilities), so
    its scores are moved the same way before the window, reports or filters see them.
    """

    def __init__(self, scorer: MultilingualScorer) -> None:
        self.scorer = scorer

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        threshold = self.scorer.threshold
        return [at_half(p, threshold) for p in self.scorer.score(sentences, batch_size)]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
