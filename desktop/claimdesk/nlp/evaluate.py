"""Held-out evaluation of the check-worthiness model against a TF-IDF baseline."""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdesk.errors import KnownError

#: Overrides the default location of the ClaimBuster CSVs.
DATA_DIR_ENV = "CLAIMDESK_CLAIMBUSTER_DIR"
#: The two files of the ClaimBuster release that carry labels.
CSV_NAMES = ("crowdsourced.csv", "groundtruth.csv")
#: Seed and share of sentences for the fixed held-out debates (recorded in config.json).
SPLIT_SEED = 20200104
HELDOUT_FRACTION = 0.2
#: Sentences scored (three times) for the speed figure; stable, yet quick.
SPEED_SAMPLE = 500


class EvaluationUnavailable(KnownError):
    """The evaluation cannot run: data or the optional scikit-learn are missing."""


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One ClaimBuster sentence; `positive` is Verdict == 1 (check-worthy factual)."""

    text: str
    positive: bool
    file_id: str


@dataclass(frozen=True, slots=True)
class Metrics:
    """Precision, recall and F1 of the positive class, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Everything one evaluation run measured."""

    data_dir: Path
    model_dir: Path
    heldout_files: tuple[str, ...]
    train_sentences: int
    test_sentences: int
    test_positives: int
    model: Metrics
    baseline: Metrics
    sentences_per_second: float
    load_seconds: float
    model_bytes: int


def default_data_dir() -> Path:
    """$CLAIMDESK_CLAIMBUSTER_DIR, else ../shared/data/claimbuster beside the checkout."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    repo_root = Path(__file__).resolve().parents[3]
    return repo_root.parent / "shared" / "data" / "claimbuster"


def load_claimbuster(data_dir: Path) -> list[LabelledSentence]:
    """Read crowdsourced.csv and groundtruth.csv into labelled sentences."""
    missing = [name for name in CSV_NAMES if not (data_dir / name).is_file()]
    if missing:
        raise EvaluationUnavailable(
            f"The ClaimBuster data is not in {data_dir} (missing {', '.join(missing)}). "
            f"Pass --data DIR or set {DATA_DIR_ENV}."
        )
    sentences: list[LabelledSentence] = []
    for name in CSV_NAMES:
        with (data_dir / name).open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            needed = {"Text", "File_id", "Verdict"}
            if not needed <= set(reader.fieldnames or ()):
                raise EvaluationUnavailable(
                    f"{data_dir / name} lacks the columns {', '.join(sorted(needed))}; "
                    "use the files of the ClaimBuster release."
                )
            for row in reader:
                sentences.append(
                    LabelledSentence(
                        text=row["Text"],
                        positive=int(float(row["Verdict"])) == 1,
                        file_id=row["File_id"],
                    )
                )
    return sentences


def choose_heldout_files(
    sentences: Sequence[LabelledSentence],
    fraction: float = HELDOUT_FRACTION,
    seed: int = SPLIT_SEED,
) -> tuple[str, ...]:
    """Debates drawn in a seeded order until they hold at least `fraction` of the sentences."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        counts[sentence.file_id] = counts.get(sentence.file_id, 0) + 1
    order = sorted(counts)
    random.Random(seed).shuffle(order)
    chosen: list[str] = []
    held = 0
    for file_id in order:
        if held >= fraction * len(sentences):
            break
        chosen.append(file_id)
        held += counts[file_id]
    return tuple(sorted(chosen))


def split_by_files(
    sentences: Sequence[LabelledSentence], heldout: Sequence[str]
) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    """(train, test): every sentence of a held-out debate goes to test, the rest to train."""
    held = set(heldout)
    train = [s for s in sentences if s.file_id not in held]
    test = [s for s in sentences if s.file_id in held]
    return train, test


def binary_metrics(truth: Sequence[bool], predicted: Sequence[bool]) -> Metrics:
    """Precision, recall and F1 of the positive class; 0.0 where a ratio is undefined."""
    if len(truth) != len(predicted):
        raise ValueError("truth and predicted differ in length")
    tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted, strict=True) if p and not t)
    fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Metrics(precision, recall, f1, tp, fp, fn)


def baseline_predictions(
    train: Sequence[LabelledSentence], test: Sequence[LabelledSentence]
) -> list[bool]:
    """TF-IDF word uni- and bigrams + logistic regression, trained on `train` in this run."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise EvaluationUnavailable(
            "The evaluation needs scikit-learn for its baseline; "
            "install it with: pip install 'claimdesk[eval]'."
        ) from exc
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    features = vectorizer.fit_transform([s.text for s in train])
    classifier = LogisticRegression(max_iter=2000, class_weight="balanced")
    classifier.fit(features, [s.positive for s in train])
    predicted = classifier.predict(vectorizer.transform([s.text for s in test]))
    return [bool(p) for p in predicted]


def heldout_files_of(model_dir: Path) -> tuple[str, ...]:
    """The held-out debates recorded by training in the model's config.json."""
    from claimdesk.nlp.scorer import CONFIG_NAME, ScorerUnavailable

    try:
        config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
        files = config["heldout_files"]
    except (OSError, ValueError, KeyError) as exc:
        raise ScorerUnavailable(
            f"{model_dir / CONFIG_NAME} does not list the held-out debates ({exc}); "
            "reinstall ClaimDesk or retrain the model."
        ) from exc
    return tuple(str(f) for f in files)


def run_evaluation(data_dir: Path, model_dir: Path | None = None) -> EvaluationReport:
    """Score the held-out debates with the shipped model and with a baseline fit here."""
    from claimdesk.nlp.scorer import CheckWorthinessScorer, default_model_dir

    model_dir = model_dir or default_model_dir()
    sentences = load_claimbuster(data_dir)
    heldout = heldout_files_of(model_dir)
    unknown = set(heldout) - {s.file_id for s in sentences}
    if unknown:
        raise EvaluationUnavailable(
            f"The data in {data_dir} lacks the held-out debates {', '.join(sorted(unknown))}; "
            "point --data at the full ClaimBuster release."
        )
    train, test = split_by_files(sentences, heldout)
    truth = [s.positive for s in test]
    texts = [s.text for s in test]

    started = time.perf_counter()
    scorer = CheckWorthinessScorer.load(model_dir, threads=1)
    load_seconds = time.perf_counter() - started
    scores = scorer.score(texts)
    model = binary_metrics(truth, [s >= scorer.threshold for s in scores])
    sample = texts[:SPEED_SAMPLE]
    # Best of three: the machine is shared, and the fastest run is the least disturbed.
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        scorer.score(sample)
        timings.append(time.perf_counter() - started)
    speed = len(sample) / min(timings)

    baseline = binary_metrics(truth, baseline_predictions(train, test))
    return EvaluationReport(
        data_dir=data_dir,
        model_dir=model_dir,
        heldout_files=heldout,
        train_sentences=len(train),
        test_sentences=len(test),
        test_positives=sum(truth),
        model=model,
        baseline=baseline,
        sentences_per_second=speed,
        load_seconds=load_seconds,
        model_bytes=scorer.model_bytes,
    )


def _row(name: str, m: Metrics) -> str:
    return (
        f"{name:<26}{m.precision:>10.3f}{m.recall:>8.3f}{m.f1:>8.3f}"
        f"{m.true_positives:>7}{m.false_positives:>7}{m.false_negatives:>7}"
    )


def format_report(report: EvaluationReport) -> str:
    """A plain-text table for the terminal and the model card."""
    total = report.train_sentences + report.test_sentences
    share = report.test_sentences / total if total else 0.0
    margin = report.model.f1 - report.baseline.f1
    lines = [
        f"Data: {report.data_dir}",
        f"Model: {report.model_dir} ({report.model_bytes / 1e6:.1f} MB)",
        f"Held-out debates ({len(report.heldout_files)}): {', '.join(report.heldout_files)}",
        f"Split: {report.train_sentences} training sentences, {report.test_sentences} "
        f"held-out sentences ({share:.1%}), {report.test_positives} of them check-worthy",
        "",
        f"{'positive class':<26}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>7}{'FP':>7}{'FN':>7}",
        _row("check-worthiness model", report.model),
        _row("TF-IDF + logistic regr.", report.baseline),
        f"F1 margin over the baseline: {margin:+.3f}",
        "",
        f"Load time: {report.load_seconds:.2f} s; scoring speed: "
        f"{report.sentences_per_second:.0f} sentences/s on one thread "
        f"(best of 3 over {SPEED_SAMPLE} held-out sentences)",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """`claimdesk eval [--data DIR] [--model DIR]`: print the evaluation table."""
    parser = argparse.ArgumentParser(prog="claimdesk eval", description=run_evaluation.__doc__)
    parser.add_argument("--data", type=Path, default=None, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--model", type=Path, default=None, help="folder of the trained model")
    args = parser.parse_args(argv)
    try:
        report = run_evaluation(args.data or default_data_dir(), args.model)
    except KnownError as exc:
        print(f"claimdesk eval: {exc}", file=sys.stderr)
        return 1
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
