"""Trains the multilingual check-worthiness head: logistic regression on USE vectors, numpy."""

# Run: .venv/bin/python tools/train_multilingual_head.py /path/to/claimbuster --work /tmp/mlh
#          [--out resources/models/checkworthy-multilingual]
# The ClaimBuster debates are split by date exactly as for the English model (train up to
# 2004, validation 2008-2012, test = the most recent). Regularisation, hand features,
# Platt calibration and the threshold are chosen on validation only; the test debates are
# scored once at the end for the model card. Nothing here reads CheckThat! data.

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The checkout root, so that `python tools/train_multilingual_head.py` finds tools.*.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from tools.claimbuster_split import time_split, training_items

from claimdesk.nlp.encoder import ENCODER_NAME, PACKAGE, SentenceEncoder, encoder_version
from claimdesk.nlp.evaluate import binary_metrics, load_claimbuster
from claimdesk.nlp.metrics import expected_calibration_error, roc_auc
from claimdesk.nlp.multilingual_scorer import HAND_FEATURES, HEAD_NAME, hand_features

MODEL_VERSION = "1"
#: Inverse L2 strengths tried (as scikit-learn's C: the loss is summed, the penalty halved).
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
FEATURE_SETS: tuple[tuple[str, ...], ...] = ((), HAND_FEATURES)


def embed(texts: Sequence[str], work: Path, name: str, threads: int = 1) -> np.ndarray:
    """USE vectors of `texts`, cached in work/<name>-<hash>.npy (a rerun skips encoding)."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    cache = work / f"{name}-{digest}.npy"
    if cache.is_file():
        cached: np.ndarray = np.load(cache)
        return cached
    encoder = SentenceEncoder(threads=threads)
    parts = []
    for start in range(0, len(texts), 2000):
        parts.append(encoder.encode(texts[start : start + 2000], batch_size=64))
        print(f"{name}: encoded {start + len(parts[-1])}/{len(texts)}", flush=True)
    vectors = np.concatenate(parts) if parts else np.zeros((0, 512), np.float32)
    np.save(cache, vectors)
    return vectors


def design(vectors: np.ndarray, texts: Sequence[str], features: Sequence[str]) -> np.ndarray:
    """The head's input: the vector, then the hand features, in float64."""
    extra = np.array([hand_features(t, features) for t in texts], dtype=np.float64)
    return np.hstack([vectors.astype(np.float64), extra.reshape(len(texts), len(features))])


def fit_logistic(
    x: np.ndarray, y: np.ndarray, c: float, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised).

    Minimises C * sum(log-loss) + |w|^2 / 2, as scikit-learn's LogisticRegression(C=c).
    """
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    theta = np.zeros(d + 1)
    penalty = np.full(d + 1, 1.0 / c)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ theta)))
        gradient = xb.T @ (p - y) + penalty * theta
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-9 * np.eye(d + 1), gradient)
        theta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return theta[:-1], float(theta[-1])


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """slope, offset of sigmoid(slope * z + offset) fitted by maximum likelihood."""
    weight, bias = fit_logistic(z.reshape(-1, 1), y, c=1e6)
    return float(weight[0]), bias


def best_f1_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(threshold, F1): predict score >= threshold; the midpoint between distinct scores."""
    order = np.argsort(-scores)
    s, t = scores[order], y[order]
    tp = np.cumsum(t)
    f1 = 2 * tp / (np.arange(1, len(s) + 1) + t.sum())
    distinct = np.append(s[1:] < s[:-1], True)
    k = int(np.argmax(np.where(distinct, f1, -1)))
    cut = float(s[k] if k + 1 == len(s) else (s[k] + s[k + 1]) / 2)
    return cut, float(f1[k])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return out


def run(data_dir: Path, work: Path, out: Path | None) -> dict[str, Any]:
    """Embed, choose the head on validation, calibrate, score test once, write head.json."""
    work.mkdir(parents=True, exist_ok=True)
    split = time_split(load_claimbuster(data_dir))
    train = training_items(split)  # the debates + the synthetic sentences
    train_texts = [t for t, _ in train]
    val_texts = [s.text for s in split.validation]
    test_texts = [s.text for s in split.test]
    y_train = np.array([p for _, p in train], dtype=np.float64)
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    y_test = np.array([s.positive for s in split.test], dtype=np.float64)
    print(f"train {len(train)} / validation {len(val_texts)} / test {len(test_texts)}")
    v_train = embed(train_texts, work, "train")
    v_val = embed(val_texts, work, "validation")
    v_test = embed(test_texts, work, "test")

    candidates: list[dict[str, Any]] = []
    for features in FEATURE_SETS:
        x_train = design(v_train, train_texts, features)
        x_val = design(v_val, val_texts, features)
        for c in C_GRID:
            weight, bias = fit_logistic(x_train, y_train, c)
            auc = roc_auc(list(y_val > 0), (x_val @ weight + bias).tolist())
            candidates.append({"hand_features": list(features), "C": c,
                               "validation_auc": round(auc, 4)})
            print(candidates[-1], flush=True)
    # The simplest head within 0.002 of the best validation AUC: fewer features, more penalty.
    best = max(r["validation_auc"] for r in candidates)
    chosen = min((r for r in candidates if r["validation_auc"] >= best - 0.002),
                 key=lambda r: (len(r["hand_features"]), r["C"]))
    features = tuple(chosen["hand_features"])
    weight, bias = fit_logistic(design(v_train, train_texts, features), y_train, chosen["C"])

    z_val = design(v_val, val_texts, features) @ weight + bias
    slope, offset = platt(z_val, y_val)
    val_scores = _sigmoid(slope * z_val + offset)
    threshold, val_f1 = best_f1_threshold(val_scores, y_val)
    z_test = design(v_test, test_texts, features) @ weight + bias
    test_scores = _sigmoid(slope * z_test + offset)
    truth = list(y_test > 0)
    test = binary_metrics(truth, list(test_scores >= threshold))
    test_at_half = binary_metrics(truth, list(test_scores >= 0.5))
    head = {
        "version": MODEL_VERSION,
        "created": datetime.now(UTC).date().isoformat(),
        "kind": "logistic regression on USE multilingual v3 vectors",
        "encoder": {"name": ENCODER_NAME, "package": PACKAGE, "version": encoder_version(),
                    "dimension": int(v_train.shape[1])},
        "hand_features": list(features),
        "weight": [round(float(w), 7) for w in weight],
        "bias": bias,
        "calibration": {"method": "Platt on the validation debates",
                        "slope": slope, "offset": offset},
        "threshold": round(threshold, 4),
        "positive_label": "Verdict == 1",
        "training_data": "ClaimBuster (Arslan et al. 2020, CC BY 4.0) + synthetic sentences",
        "split": "by date: test = most recent debates, validation = the ones just before",
        "heldout_files": list(split.test_files),
        "validation_files": list(split.validation_files),
        "training": {"train_sentences": len(train), "chosen": chosen, "candidates": candidates},
        "validation": {"auc": round(roc_auc(list(y_val > 0), val_scores.tolist()), 4),
                       "f1_at_threshold": round(val_f1, 4),
                       "ece": round(expected_calibration_error(list(y_val > 0),
                                                               val_scores.tolist()), 4)},
        "test": {"sentences": len(truth), "positives": int(sum(truth)),
                 "f1_at_threshold": round(test.f1, 4), "precision": round(test.precision, 4),
                 "recall": round(test.recall, 4), "f1_at_0.5": round(test_at_half.f1, 4),
                 "auc": round(roc_auc(truth, test_scores.tolist()), 4),
                 "ece": round(expected_calibration_error(truth, test_scores.tolist()), 4)},
    }
    np.save(work / "test-logits.npy", z_test)
    np.save(work / "validation-logits.npy", z_val)
    print(json.dumps({k: head[k] for k in ("training", "validation", "test")}, indent=1))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / HEAD_NAME).write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    return head


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=run.__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="cache of the vectors")
    parser.add_argument("--out", type=Path, help="model folder to write head.json into")
    args = parser.parse_args(argv)
    run(args.data, args.work, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
