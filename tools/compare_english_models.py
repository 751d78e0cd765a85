"""Is USE + head (alone, or with the v2 lexical model) as good as v2 on the English test debates?"""

# Run: PYTHONPATH=desktop .venv/bin/python tools/compare_english_models.py \
#          /path/to/claimbuster --work /tmp/mlh
# Everything combined here (the ensemble's weights, its threshold) is fitted on the
# validation debates; the test debates are scored once. The differences against the
# shipped v2 model come with 95% paired bootstrap intervals over test sentences.

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from tools.train_checkworthy import time_split
from tools.train_multilingual_head import best_f1_threshold, embed, fit_logistic

from claimdesk.nlp.evaluate import load_claimbuster
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.nlp.multilingual_scorer import MultilingualScorer
from claimdesk.nlp.scorer import CheckWorthinessScorer
from claimdesk.nlp.scorer import default_model_dir as english_model_dir

RESAMPLES = 2000


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


def run(data_dir: Path, work: Path) -> dict[str, Any]:
    split = time_split(load_claimbuster(data_dir))
    val_texts = [s.text for s in split.validation]
    test_texts = [s.text for s in split.test]
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    y = np.array([s.positive for s in split.test], dtype=np.float64)
    use = MultilingualScorer.load()
    # The training run's cached vectors (encoded in batches of 64: equal to 1e-6).
    z_val = np.array(use.head_logits(embed(val_texts, work, "validation"), val_texts))
    z_test = np.array(use.head_logits(embed(test_texts, work, "test"), test_texts))
    use_scores = np.array([use.probability(z) for z in z_test])

    lexical = LexicalModel.from_json(english_model_dir() / "lexical.json")
    lex_val = np.array(lexical.logits(val_texts))
    lex_test = np.array(lexical.logits(test_texts))
    # The ensemble: Platt on [USE logit, lexical logit] over validation, its best-F1 cut there.
    weight, bias = fit_logistic(np.stack([z_val, lex_val], 1), y_val, c=1e6)
    ens_val = 1 / (1 + np.exp(-(np.stack([z_val, lex_val], 1) @ weight + bias)))
    ens_cut, _ = best_f1_threshold(ens_val, y_val)
    ens_scores = 1 / (1 + np.exp(-(np.stack([z_test, lex_test], 1) @ weight + bias)))

    v2 = CheckWorthinessScorer.load(threads=1)
    v2_scores = np.array(v2.score(test_texts))

    systems = {
        "v2 (MiniLM + lexical, shipped)": (v2_scores, v2.threshold),
        "USE + head (shipped multilingual)": (use_scores, use.threshold),
        "USE + head + v2 lexical (ensemble)": (ens_scores, ens_cut),
    }
    rng = np.random.default_rng(13)
    samples = [rng.integers(0, len(y), len(y)) for _ in range(RESAMPLES)]
    v2_pred = v2_scores >= v2.threshold
    results: dict[str, Any] = {"test_sentences": len(y), "test_positives": int(y.sum()),
                               "ensemble_weights": [float(w) for w in weight] + [bias],
                               "systems": {}}
    for name, (scores, cut) in systems.items():
        predicted = scores >= cut
        row: dict[str, Any] = {"threshold": round(float(cut), 4),
                               "f1": round(f1(y, predicted), 4),
                               "auc": round(auc(y, scores), 4)}
        if name.startswith("USE"):
            d_f1 = [f1(y[i], predicted[i]) - f1(y[i], v2_pred[i]) for i in samples]
            d_auc = [auc(y[i], scores[i]) - auc(y[i], v2_scores[i]) for i in samples]
            row["f1_minus_v2_95ci"] = [round(float(q), 4) for q in np.percentile(d_f1, [2.5, 97.5])]
            row["auc_minus_v2_95ci"] = [round(float(q), 4)
                                        for q in np.percentile(d_auc, [2.5, 97.5])]
        results["systems"][name] = row
    print(json.dumps(results, indent=1))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="the training run's vectors")
    args = parser.parse_args(argv)
    run(args.data, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
