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
from claimdesk.nlp.metrics import (
    ReliabilityBin,
    expected_calibration_error,
    reliability_table,
    roc_auc,
)

#: Overrides the default location of the ClaimBuster CSVs.
DATA_DIR_ENV = "CLAIMDESK_CLAIMBUSTER_DIR"
#: The two files of the ClaimBuster release that carry labels.
CSV_NAMES = ("crowdsourced.csv", "groundtruth.csv")
#: Seed and share of sentences for the fixed held-out debates (recorded in config.json).
SPLIT_SEED = 20200104
HELDOUT_FRACTION = 0.2
#: Sentences scored (three times) for the speed figure; stable, yet quick.
SPEED_SAMPLE = 500
#: The out-of-domain check: CheckThat! 2022 task 1A English dev (research use; never trained on).
OOD_NAME = "CT22_english_1A_checkworthy_dev.tsv"


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
    validation_files: tuple[str, ...] = ()
    validation_sentences: int = 0
    model_auc: float = float("nan")
    baseline_auc: float = float("nan")
    model_ece: float = float("nan")
    reliability: tuple[ReliabilityBin, ...] = ()
    out_of_domain: OutOfDomain | None = None


@dataclass(frozen=True, slots=True)
class OutOfDomain:
    """The same model and baseline on labelled sentences from another source (not trained on)."""

    path: Path
    sentences: int
    positives: int
    model: Metrics
    model_auc: float
    baseline: Metrics
    baseline_auc: float


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


def latest_files(
    sentences: Sequence[LabelledSentence],
    fraction: float,
    exclude: Sequence[str] = (),
) -> tuple[str, ...]:
    """The most recent debates (File_id sorts by date) until they hold `fraction` of all sentences.

    Debates in `exclude` are skipped, so the validation debates are the ones just before
    the test debates: a split that mimics time, training only on the past.
    """
    counts: dict[str, int] = {}
    for sentence in sentences:
        counts[sentence.file_id] = counts.get(sentence.file_id, 0) + 1
    skip = set(exclude)
    chosen: list[str] = []
    held = 0
    for file_id in sorted(counts, reverse=True):
        if held >= fraction * len(sentences):
            break
        if file_id in skip:
            continue
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


def baseline_logits(
    train: Sequence[LabelledSentence], *others: Sequence[LabelledSentence]
) -> list[list[float]]:
    """TF-IDF word uni- and bigrams + logistic regression fit on `train` in this run.

    Returns its decision values (logits) for each of `others`.
    """
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
    return [
        [float(v) for v in classifier.decision_function(vectorizer.transform([s.text for s in o]))]
        if o else []
        for o in others
    ]


def best_f1_cut(truth: Sequence[bool], values: Sequence[float]) -> float:
    """The cut on `values` (predict value >= cut) with the highest F1; 0.0 if no positives."""
    positives = sum(1 for t in truth if t)
    if positives == 0:
        return 0.0
    pairs = sorted(zip(values, truth, strict=True), key=lambda p: -p[0])
    best_cut, best_f1, tp = 0.0, -1.0, 0
    for k, (value, positive) in enumerate(pairs):
        tp += positive
        # Only cut between distinct values, where "value >= cut" can separate them.
        if k + 1 < len(pairs) and pairs[k + 1][0] == value:
            continue
        f1 = 2 * tp / (k + 1 + positives)
        if f1 > best_f1:
            best_cut, best_f1 = value, f1
    return best_cut


def _config_files(model_dir: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The test and validation debates recorded by training in the model's config.json."""
    from claimdesk.nlp.scorer import CONFIG_NAME, ScorerUnavailable

    try:
        config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
        files = config["heldout_files"]
        validation = config.get("validation_files", [])
    except (OSError, ValueError, KeyError) as exc:
        raise ScorerUnavailable(
            f"{model_dir / CONFIG_NAME} does not list the held-out debates ({exc}); "
            "reinstall ClaimDesk or retrain the model."
        ) from exc
    return tuple(str(f) for f in files), tuple(str(f) for f in validation)


def heldout_files_of(model_dir: Path) -> tuple[str, ...]:
    """The held-out (test) debates recorded by training in the model's config.json."""
    return _config_files(model_dir)[0]


def default_ood_path(data_dir: Path) -> Path:
    """CheckThat! 2022 task 1A English dev tweets, beside the ClaimBuster folder."""
    return data_dir.parent / "checkworthy-ct2022" / "english" / OOD_NAME


def load_ct2022(path: Path) -> list[LabelledSentence]:
    """Tweets of a CheckThat! 2022 task 1A file (tweet_text, class_label 1 = check-worthy)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows and not {"tweet_text", "class_label"} <= set(rows[0]):
        raise EvaluationUnavailable(f"{path} lacks the columns tweet_text and class_label.")
    return [
        LabelledSentence(r["tweet_text"], r["class_label"].strip() == "1", path.name) for r in rows
    ]


def run_evaluation(
    data_dir: Path, model_dir: Path | None = None, ood_path: Path | None = None
) -> EvaluationReport:
    """Score the test debates with the shipped model and with a baseline fit here.

    The baseline is trained on the training debates (neither validation nor test) and its
    cut is chosen on the validation debates, as the model's was. `ood_path`, if it exists,
    is scored too, as an out-of-domain check (nothing is fit on it).
    """
    from claimdesk.nlp.scorer import CheckWorthinessScorer, default_model_dir

    model_dir = model_dir or default_model_dir()
    sentences = load_claimbuster(data_dir)
    heldout, validation_files = _config_files(model_dir)
    unknown = set(heldout) - {s.file_id for s in sentences}
    if unknown:
        raise EvaluationUnavailable(
            f"The data in {data_dir} lacks the held-out debates {', '.join(sorted(unknown))}; "
            "point --data at the full ClaimBuster release."
        )
    rest, test = split_by_files(sentences, heldout)
    train, validation = split_by_files(rest, validation_files)
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

    ood = [] if ood_path is None or not ood_path.is_file() else load_ct2022(ood_path)
    val_logits, test_logits, ood_logits = baseline_logits(train, validation, test, ood)
    cut = best_f1_cut([s.positive for s in validation], val_logits)
    baseline = binary_metrics(truth, [v >= cut for v in test_logits])
    out_of_domain = None
    if ood and ood_path is not None:
        ood_truth = [s.positive for s in ood]
        ood_scores = scorer.score([s.text for s in ood])
        out_of_domain = OutOfDomain(
            path=ood_path,
            sentences=len(ood),
            positives=sum(ood_truth),
            model=binary_metrics(ood_truth, [s >= scorer.threshold for s in ood_scores]),
            model_auc=roc_auc(ood_truth, ood_scores),
            baseline=binary_metrics(ood_truth, [v >= cut for v in ood_logits]),
            baseline_auc=roc_auc(ood_truth, ood_logits),
        )
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
        validation_files=validation_files,
        validation_sentences=len(validation),
        model_auc=roc_auc(truth, scores),
        baseline_auc=roc_auc(truth, test_logits),
        model_ece=expected_calibration_error(truth, scores),
        reliability=tuple(reliability_table(truth, scores)),
        out_of_domain=out_of_domain,
    )


def format_report(report: EvaluationReport) -> str:
    """A plain-text table for the terminal and the model card."""
    from claimdesk.nlp.evaluate_text import report_text

    return report_text(report)


def main(argv: Sequence[str] | None = None) -> int:
    """`claimdesk eval [--data DIR] [--model DIR]`: print the evaluation table."""
    parser = argparse.ArgumentParser(prog="claimdesk eval", description=run_evaluation.__doc__)
    parser.add_argument("--data", type=Path, default=None, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--model", type=Path, default=None, help="folder of the trained model")
    parser.add_argument(
        "--ood", type=Path, default=None,
        help=f"out-of-domain tweets (default: checkworthy-ct2022/english/{OOD_NAME} beside --data)",
    )
    args = parser.parse_args(argv)
    data_dir = args.data or default_data_dir()
    try:
        report = run_evaluation(data_dir, args.model, args.ood or default_ood_path(data_dir))
    except KnownError as exc:
        print(f"claimdesk eval: {exc}", file=sys.stderr)
        return 1
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
