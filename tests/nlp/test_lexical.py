"""The exported TF-IDF + logistic-regression model scores as scikit-learn would."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimdesk.nlp.lexical import LexicalModel


def _model() -> LexicalModel:
    return LexicalModel(
        terms=["unemployment", "fell", "unemployment fell", "thank", "percent"],
        idf=[2.0, 1.5, 3.0, 1.2, 1.1],
        coef=[1.0, 0.5, 2.0, -3.0, 0.7],
        intercept=-0.25,
    )


def test_logit_is_sublinear_tfidf_l2_then_linear() -> None:
    model = _model()
    # "Unemployment fell, unemployment fell!": two of each gram, tf = 1 + ln 2.
    tf = 1 + math.log(2)
    weights = {"unemployment": 2.0 * tf, "fell": 1.5 * tf, "unemployment fell": 3.0 * tf}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    expected = -0.25 + (1.0 * weights["unemployment"] + 0.5 * weights["fell"]
                        + 2.0 * weights["unemployment fell"]) / norm
    assert model.logit("Unemployment fell, unemployment fell!") == pytest.approx(expected)
    # One-letter words are no tokens; unknown words leave only the intercept.
    assert model.logit("a b c zebra") == -0.25
    assert model.logit("Thank you") < model.logit("It fell 3 percent")


def test_json_round_trip(tmp_path: Path) -> None:
    model = _model()
    model.to_json(tmp_path / "lexical.json")
    again = LexicalModel.from_json(tmp_path / "lexical.json")
    text = "Unemployment fell by two percent, thank you."
    assert again.logit(text) == pytest.approx(model.logit(text), abs=1e-5)
    with pytest.raises(ValueError, match="differ in length"):
        LexicalModel(["a"], [1.0, 2.0], [1.0], 0.0)
