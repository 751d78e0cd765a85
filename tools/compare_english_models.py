"""Fits English model v3 (USE head + lexical) on validation, compares it on test, writes it."""

# Run: PYTHONPATH=desktop .venv/bin/python tools/compare_english_models.py \
#          /path/to/claimbuster --work /tmp/mlh [--out resources/models/checkworthy]
# Everything combined here (the weights, the decision point, the two calibration slopes)
# is fitted on the validation debates; the test debates are scored once, beside the head
# alone and the lexical model alone, with 95% paired bootstrap intervals of the
# differences. --out writes config.json version 3 beside the existing lexical.json.
# The v2 comparison (MiniLM + lexical, onnxruntime) that chose v3 is in docs/model-card.md;
# it ran with this file as of commit 7bbe048, when v2 still shipped.

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from tools.claimbuster_split import time_split
from tools.train_multilingual_head import best_f1_threshold, embed, fit_logistic

from claimdesk.nlp.encoder import ENCODER_NAME, PACKAGE, encoder_version
from claimdesk.nlp.evaluate import binary_metrics, load_claimbuster
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.nlp.metrics import expected_calibration_error
from claimdesk.nlp.multilingual_scorer import HEAD_NAME, MultilingualScorer
from claimdesk.nlp.multilingual_scorer import default_model_dir as head_dir
from claimdesk.nlp.scorer import (
    CONFIG_NAME,
    MAX_WORDS,
    MODEL_VERSION,
    WINDOW_OVERLAP,
    WINDOW_WORDS,
    default_model_dir,
    file_sha256,
)

RESAMPLES = 2000
LEXICAL_NAME = "lexical.json"
#: Calibration slopes tried on each side of the decision point.
SLOPES = np.arange(0.05, 4.001, 0.05)


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """ROC-AUC from average ranks (ties count half), vectorised for the bootstrap."""
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    _, first, counts = np.unique(sorted_s, return_index=True, return_counts=True)
    average = first + (counts + 1) / 2.0
    ranks[order] = np.repeat(average, counts)
    pos = y.sum()
    neg = len(y) - pos
    return float((ranks[y > 0].sum() - pos * (pos + 1) / 2) / (pos * neg))


def f1(y: np.ndarray, predicted: np.ndarray) -> float:
    tp = float(np.sum(predicted & (y > 0)))
    denominator = float(predicted.sum() + y.sum())
    return 2 * tp / denominator if denominator else 0.0


def best_slope(z: np.ndarray, y: np.ndarray) -> float:
    """The slope s of sigmoid(s * z) with the least log-loss (z already centred on the cut)."""
    p = np.clip(1 / (1 + np.exp(-np.outer(SLOPES, z))), 1e-9, 1 - 1e-9)
    loss = -(y * np.log(p) + (1 - y) * np.log(1 - p)).sum(axis=1)
    return round(float(SLOPES[int(np.argmin(loss))]), 2)


def calibrated(z: np.ndarray, below: float, above: float) -> np.ndarray:
    out: np.ndarray = 1 / (1 + np.exp(-z * np.where(z >= 0, above, below)))
    return out


def fit(z_head: np.ndarray, lexical: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Platt weights on [head logit, lexical logit], the best-F1 cut, one slope per side."""
    weight, bias = fit_logistic(np.stack([z_head, lexical], 1), y, c=1e6)
    z = weight[0] * z_head + weight[1] * lexical + bias
    # best_f1_threshold on the probability keeps its midpoint cut; map it back to z.
    cut_p, _ = best_f1_threshold(1 / (1 + np.exp(-z)), y)
    cut = float(np.log(cut_p / (1 - cut_p)))
    centred = z - cut
    return {"model_weight": float(weight[0]), "lexical_weight": float(weight[1]),
            "bias": bias - cut, "slope_below": best_slope(centred[centred < 0], y[centred < 0]),
            "slope_above": best_slope(centred[centred >= 0], y[centred >= 0])}


def combined(c: dict[str, float], z_head: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    z = c["model_weight"] * z_head + c["lexical_weight"] * lexical + c["bias"]
    return calibrated(z, c["slope_below"], c["slope_above"])


def run(data_dir: Path, work: Path, out: Path | None) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    split = time_split(load_claimbuster(data_dir))
    val_texts = [s.text for s in split.validation]
    test_texts = [s.text for s in split.test]
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    y = np.array([s.positive for s in split.test], dtype=np.float64)
    use = MultilingualScorer.load()
    # Vectors encoded in batches of 64 (equal to batch 1 within 1e-6). ClaimBuster's
    # sentences are nearly all shorter than MAX_WORDS, so whole sentences stand in for
    # the scorer's windows here; `claimdesk eval` scores the test debates as shipped.
    z_val = np.array(use.head_logits(embed(val_texts, work, "validation"), val_texts))
    z_test = np.array(use.head_logits(embed(test_texts, work, "test"), test_texts))
    lexical = LexicalModel.from_json(default_model_dir() / LEXICAL_NAME)
    lex_val = np.array(lexical.logits(val_texts))
    lex_test = np.array(lexical.logits(test_texts))

    calibration = fit(z_val, lex_val, y_val)
    val_scores = combined(calibration, z_val, lex_val)
    scores = combined(calibration, z_test, lex_test)
    lex_cut, _ = best_f1_threshold(lex_val, y_val)
    systems = {
        "v3: USE head + lexical (combined)": (scores, 0.5),
        "USE head alone (multilingual model)": (
            np.array([use.probability(z) for z in z_test]), use.threshold),
        "lexical model alone (cut on validation)": (lex_test, lex_cut),
    }
    rng = np.random.default_rng(13)
    samples = [rng.integers(0, len(y), len(y)) for _ in range(RESAMPLES)]
    v3_pred = scores >= 0.5
    rows: dict[str, Any] = {}
    for name, (s, cut) in systems.items():
        predicted = s >= cut
        row: dict[str, Any] = {"threshold": round(float(cut), 4), "f1": round(f1(y, predicted), 4),
                               "auc": round(auc(y, s), 4)}
        if not name.startswith("v3"):
            d_f1 = [f1(y[i], v3_pred[i]) - f1(y[i], predicted[i]) for i in samples]
            d_auc = [auc(y[i], scores[i]) - auc(y[i], s[i]) for i in samples]
            row["v3_minus_this_f1_95ci"] = [round(float(q), 4)
                                            for q in np.percentile(d_f1, [2.5, 97.5])]
            row["v3_minus_this_auc_95ci"] = [round(float(q), 4)
                                             for q in np.percentile(d_auc, [2.5, 97.5])]
        rows[name] = row
    truth = list(y > 0)
    metrics = binary_metrics(truth, list(v3_pred))
    config: dict[str, Any] = {
        "version": MODEL_VERSION,
        "created": datetime.now(UTC).date().isoformat(),
        "kind": "Platt combination of the multilingual head's logit and the lexical logit",
        "encoder": {"name": ENCODER_NAME, "package": PACKAGE, "version": encoder_version()},
        "head": {"path": f"checkworthy-multilingual/{HEAD_NAME}", "version": use.version,
                 "sha256": file_sha256(head_dir() / HEAD_NAME)},
        "lexical_model": LEXICAL_NAME,
        "windows": {"max_words": MAX_WORDS, "window_words": WINDOW_WORDS,
                    "overlap": WINDOW_OVERLAP},
        "threshold": 0.5,
        "calibration": calibration,
        "positive_label": "Verdict == 1",
        "split": "by date: test = most recent debates, validation = the ones just before",
        "heldout_files": list(split.test_files),
        "validation_files": list(split.validation_files),
        "validation": {"sentences": len(y_val), "auc": round(auc(y_val, val_scores), 4),
                       "f1_at_threshold": round(f1(y_val, val_scores >= 0.5), 4),
                       "ece": round(expected_calibration_error(list(y_val > 0),
                                                               val_scores.tolist()), 4)},
        "test": {"sentences": len(y), "positives": int(y.sum()),
                 "f1_at_threshold": round(metrics.f1, 4),
                 "precision": round(metrics.precision, 4), "recall": round(metrics.recall, 4),
                 "auc": round(auc(y, scores), 4),
                 "ece": round(expected_calibration_error(truth, scores.tolist()), 4),
                 "systems": rows},
    }
    print(json.dumps({k: config[k] for k in ("calibration", "validation", "test")}, indent=1))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / CONFIG_NAME).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return config


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="cache of the vectors")
    parser.add_argument("--out", type=Path, help="model folder to write config.json into")
    args = parser.parse_args(argv)
    run(args.data, args.work, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
