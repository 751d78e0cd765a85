"""The TF-IDF + logistic-regression model, scored from its exported JSON without scikit-learn."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

#: scikit-learn's default token pattern: words of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


class LexicalModel:
    """Word uni- and bigram TF-IDF (sublinear tf, l2 norm) followed by a linear logit.

    Reproduces scikit-learn's TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) and
    LogisticRegression.decision_function, so the app needs no scikit-learn.
    """

    def __init__(self, terms: Sequence[str], idf: Sequence[float], coef: Sequence[float],
                 intercept: float) -> None:
        if not len(terms) == len(idf) == len(coef):
            raise ValueError("terms, idf and coef differ in length")
        self._index = {t: i for i, t in enumerate(terms)}
        self._idf = list(idf)
        self._coef = list(coef)
        self._intercept = float(intercept)

    @classmethod
    def from_json(cls, path: Path) -> LexicalModel:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["terms"], data["idf"], data["coef"], float(data["intercept"]))

    def to_json(self, path: Path) -> None:
        terms = sorted(self._index, key=self._index.__getitem__)
        data = {
            "kind": "tfidf-word-1-2-sublinear-l2 + logistic regression",
            "terms": terms,
            "idf": [round(v, 6) for v in self._idf],
            "coef": [round(v, 6) for v in self._coef],
            "intercept": self._intercept,
        }
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    def logit(self, text: str) -> float:
        """The logistic regression's decision value for one sentence."""
        words = _TOKEN.findall(text.lower())
        grams = Counter(words)
        grams.update(f"{a} {b}" for a, b in pairwise(words))
        weights: dict[int, float] = {}
        for gram, count in grams.items():
            i = self._index.get(gram)
            if i is not None:
                weights[i] = (1.0 + math.log(count)) * self._idf[i]
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if norm == 0.0:
            return self._intercept
        return self._intercept + sum(self._coef[i] * w for i, w in weights.items()) / norm

    def logits(self, texts: Sequence[str]) -> list[float]:
        return [self.logit(t) for t in texts]
