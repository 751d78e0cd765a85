"""Frozen-encoder route: MiniLM sentence embeddings at several depths, a linear head fit on them."""

# Fine-tuning MiniLM needs about an hour of two free cores; on the shared machine it ran at
# a quarter of one core and could not finish. This route runs the pretrained encoder once
# (forward only, in onnxruntime) over every sentence, keeps the mean-pooled state after
# each layer, and fits a logistic regression on it. Validation then picks the depth: fewer
# layers score faster. The head is folded into the exported graph, so the app scores the
# same way whichever route trained the model.

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import tools.train_checkworthy as tc

from claimdesk.nlp.evaluate import load_claimbuster
from claimdesk.nlp.metrics import roc_auc


def _pooled_states_model(layers: int) -> Any:
    """The pretrained encoder with every layer's mean-pooled state as outputs."""
    torch = tc._torch()
    transformers: Any = importlib.import_module("transformers")
    encoder = transformers.BertModel.from_pretrained(
        str(tc.base_model_dir()), attn_implementation="eager", num_hidden_layers=layers
    )

    class Pooled(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True
            ).hidden_states[1:]
            mask = attention_mask.unsqueeze(-1).to(states[0].dtype)
            count = mask.sum(1).clamp(min=1e-9)
            return torch.stack([(h * mask).sum(1) / count for h in states], dim=1)

    return Pooled().eval()


def embed_all(texts: Sequence[str], work: Path, threads: int, layers: int = 6) -> np.ndarray:
    """(sentences, layers, 384) mean-pooled states, cached in work/features.npy."""
    cache = work / "features.npy"
    if cache.is_file():
        cached: np.ndarray = np.load(cache)
        if cached.shape[0] == len(texts):
            return cached
    torch = tc._torch()
    onnxruntime: Any = importlib.import_module("onnxruntime")
    path = work / "pooled-states.onnx"
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 2088, 7592, 102]])
    with torch.no_grad():
        torch.onnx.export(
            _pooled_states_model(layers), (ids, torch.ones_like(ids)), str(path),
            input_names=["input_ids", "attention_mask"], output_names=["states"],
            dynamic_axes={"input_ids": {0: "b", 1: "s"}, "attention_mask": {0: "b", 1: "s"},
                          "states": {0: "b"}},
            opset_version=17, dynamo=False,
        )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    tokenizer = tc.load_tokenizer(128)
    out = np.zeros((len(texts), layers, 384), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), 64):
        batch = order[start : start + 64]
        encodings = tokenizer.encode_batch([texts[i] for i in batch])
        feeds = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                 "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64)}
        (states,) = session.run(["states"], feeds)
        out[batch] = states
        if start % 3200 == 0:
            print(f"embedded {start}/{len(texts)}", flush=True)
    np.save(cache, out)
    return out


def fit_head(features: np.ndarray, truth: Sequence[bool], c: float) -> tuple[np.ndarray, float]:
    """Standardised logistic regression, folded back to weights on the raw pooled state."""
    preprocessing: Any = importlib.import_module("sklearn.preprocessing")
    linear: Any = importlib.import_module("sklearn.linear_model")
    scaler = preprocessing.StandardScaler().fit(features)
    fit = linear.LogisticRegression(C=c, max_iter=3000).fit(scaler.transform(features), list(truth))
    weight = fit.coef_[0] / scaler.scale_
    bias = float(fit.intercept_[0] - np.dot(weight, scaler.mean_))
    return weight, bias


def choose_head(
    train_x: np.ndarray, train_y: Sequence[bool], val_x: np.ndarray, val_y: Sequence[bool],
    work: Path, min_gain: float = 0.01, layers: int = 0,
) -> dict[str, Any]:
    """Depth and regularisation with the best validation ROC-AUC.

    A shallower depth wins unless a deeper one is better by `min_gain`: each layer
    dropped makes scoring faster.
    """
    results: list[dict[str, Any]] = []
    for depth in range(1, train_x.shape[1] + 1):
        for c in (0.1, 1.0):
            weight, bias = fit_head(train_x[:, depth - 1], train_y, c)
            auc = roc_auc(list(val_y), (val_x[:, depth - 1] @ weight + bias).tolist())
            results.append({"layers": depth, "C": c, "validation_auc": round(auc, 4)})
            print(results[-1], flush=True)
    best_auc = max(r["validation_auc"] for r in results)
    eligible = [r for r in results if r["validation_auc"] >= best_auc - min_gain]
    if layers:  # a depth forced for speed; validation still picks the regularisation
        eligible = [r for r in results if r["layers"] == layers]
    chosen = min(eligible, key=lambda r: (r["layers"], -r["validation_auc"]))
    weight, bias = fit_head(train_x[:, chosen["layers"] - 1], train_y, chosen["C"])
    summary = {"method": "frozen pretrained encoder + logistic regression head",
               "chosen": chosen, "candidates": results}
    (work / "student.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    np.save(work / "head.npy", np.append(weight, bias))
    return summary


def build_frozen_classifier(layers: int, work: Path) -> Any:
    """The classifier graph: pretrained layers, mean pooling, the fitted head."""
    torch = tc._torch()
    model = tc.build_classifier(layers)
    head = np.load(work / "head.npy")
    with torch.no_grad():
        model.head.weight.copy_(torch.tensor(head[:-1], dtype=torch.float32).reshape(1, -1))
        model.head.bias.fill_(float(head[-1]))
    return model.eval()


def run_frozen(
    data_dir: Path, work: Path, settings: tc.TrainSettings, layers: int = 0
) -> dict[str, Any]:
    """Embed every sentence once, choose depth and head on validation."""
    work.mkdir(parents=True, exist_ok=True)
    split = tc.time_split(load_claimbuster(data_dir))
    labelled = tc.training_items(split, settings)
    texts = [t for t, _ in labelled] + [s.text for s in split.validation]
    features = embed_all(texts, work, settings.threads)
    n = len(labelled)
    return choose_head(features[:n], [p for _, p in labelled], features[n:],
                       [s.positive for s in split.validation], work, layers=layers)
