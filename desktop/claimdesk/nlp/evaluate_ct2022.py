"""`claimdesk eval --ct2022 DIR`: the multilingual model per language against two baselines."""

# CheckThat! 2022 task 1A is for research use only: it is scored here and its train split
# fits a lexical baseline for this run, but no shipped weight is ever trained on it.

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from claimdesk.nlp.evaluate import EvaluationUnavailable, LabelledSentence, Metrics, binary_metrics
from claimdesk.nlp.evaluate import load_ct2022 as _load_tsv
from claimdesk.nlp.metrics import roc_auc

#: CT22_<language>_1A_checkworthy_dev.tsv, and its _train.tsv sibling.
_DEV = re.compile(r"^CT22_(?P<language>[a-z]+)_1A_checkworthy_dev\.tsv$")


class Scorer(Protocol):
    """What the evaluation needs of a model: calibrated scores and its decision point."""

    threshold: float

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]: ...


@dataclass(frozen=True, slots=True)
class LanguageResult:
    """One language's dev set: the model, the majority class and the lexical baseline."""

    language: str
    sentences: int
    positives: int
    model: Metrics
    model_auc: float
    majority_label: bool
    majority: Metrics
    #: None when scikit-learn is absent or the language has no train split.
    lexical: Metrics | None
    lexical_auc: float | None
    train_sentences: int


@dataclass(frozen=True, slots=True)
class CT2022Report:
    """Every language found under the folder, in name order."""

    folder: Path
    threshold: float
    model_name: str
    languages: tuple[LanguageResult, ...]
    lexical_note: str


def find_dev_sets(folder: Path) -> list[tuple[str, Path, Path | None]]:
    """(language, dev file, train file or None) for every CT22_*_dev.tsv under `folder`."""
    if not folder.is_dir():
        raise EvaluationUnavailable(
            f"{folder} is not a folder; pass the CheckThat! 2022 task 1A folder to --ct2022."
        )
    found = []
    for path in sorted(folder.rglob("CT22_*_dev.tsv")):
        match = _DEV.match(path.name)
        if match:
            train = path.with_name(path.name.replace("_dev.tsv", "_train.tsv"))
            found.append((match["language"], path, train if train.is_file() else None))
    if not found:
        raise EvaluationUnavailable(
            f"No CT22_<language>_1A_checkworthy_dev.tsv files under {folder}; "
            "pass the CheckThat! 2022 task 1A folder to --ct2022."
        )
    return found


def lexical_baseline(
    train: Sequence[LabelledSentence], dev: Sequence[LabelledSentence]
) -> list[float] | None:
    """Decision values on `dev` of TF-IDF character 2-5-grams + logistic regression.

    Fit on the language's CheckThat! train split in this run (evaluation only, never
    shipped), with balanced class weights so that 0 is its decision point. None without
    scikit-learn, or when the train split holds a single class.
    """
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return None
    labels = [s.positive for s in train]
    if len(set(labels)) < 2:
        return None
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                 sublinear_tf=True)
    features = vectorizer.fit_transform([s.text for s in train])
    classifier = LogisticRegression(max_iter=2000, class_weight="balanced")
    classifier.fit(features, labels)
    values = classifier.decision_function(vectorizer.transform([s.text for s in dev]))
    return [float(v) for v in values]


def evaluate_language(
    language: str, dev: Sequence[LabelledSentence], train: Sequence[LabelledSentence],
    scorer: Scorer,
) -> LanguageResult:
    truth = [s.positive for s in dev]
    scores = scorer.score([s.text for s in dev])
    # The majority class of the train split (of dev when there is none): what a constant says.
    pool = [s.positive for s in train] or truth
    majority_label = sum(pool) * 2 > len(pool)
    lexical = lexical_baseline(train, dev) if train else None
    return LanguageResult(
        language=language,
        sentences=len(dev),
        positives=sum(truth),
        model=binary_metrics(truth, [s >= scorer.threshold for s in scores]),
        model_auc=roc_auc(truth, scores),
        majority_label=majority_label,
        majority=binary_metrics(truth, [majority_label] * len(truth)),
        lexical=None if lexical is None else binary_metrics(truth, [v >= 0 for v in lexical]),
        lexical_auc=None if lexical is None else roc_auc(truth, lexical),
        train_sentences=len(train),
    )


def run_ct2022(folder: Path, scorer: Scorer, model_name: str = "") -> CT2022Report:
    """Score every language's dev set; the baselines learn from its train split only."""
    results = []
    for language, dev_path, train_path in find_dev_sets(folder):
        dev = _load_tsv(dev_path)
        train = _load_tsv(train_path) if train_path else []
        results.append(evaluate_language(language, dev, train, scorer))
    try:
        import sklearn  # noqa: F401
        note = "TF-IDF char 2-5-grams + logistic regression on the language's train split"
    except ImportError:
        note = "not run: install scikit-learn (pip install 'claimdesk[eval]')"
    return CT2022Report(folder, scorer.threshold, model_name, tuple(results), note)


def _cell(m: Metrics | None, auc: float | None) -> str:
    if m is None or auc is None:
        return f"{'-':>7}{'-':>7}"
    return f"{m.f1:>7.3f}{_auc(auc):>7}"


def _auc(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.3f}"  # NaN: a single class


def report_text(report: CT2022Report) -> str:
    lines = [
        f"CheckThat! 2022 task 1A dev sets in {report.folder}",
        f"Model: {report.model_name}; F1 of the check-worthy class at the shipped threshold "
        f"{report.threshold:.4f}",
        f"Lexical baseline: {report.lexical_note}",
        "",
        f"{'language':<11}{'n':>6}{'pos':>6}{'model F1':>9}{'AUC':>7}{'P':>7}{'R':>7}"
        f"{'major F1':>9}{'lex F1':>7}{'AUC':>7}",
    ]
    for r in report.languages:
        lines.append(
            f"{r.language:<11}{r.sentences:>6}{r.positives:>6}{r.model.f1:>9.3f}"
            f"{_auc(r.model_auc):>7}{r.model.precision:>7.3f}{r.model.recall:>7.3f}"
            f"{r.majority.f1:>9.3f}{_cell(r.lexical, r.lexical_auc)}"
        )
    return "\n".join(lines)


def report_json(report: CT2022Report) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return {
        "folder": str(report.folder),
        "model": report.model_name,
        "threshold": report.threshold,
        "lexical_baseline": report.lexical_note,
        "languages": [clean(asdict(r)) for r in report.languages],
    }


def main(folder: Path, output_format: str = "text", model_dir: Path | None = None) -> int:
    """Print the per-language table (or JSON); a missing folder or model is one line."""
    from claimdesk.errors import KnownError
    from claimdesk.nlp.multilingual_scorer import MultilingualScorer

    try:
        scorer = MultilingualScorer.load(model_dir)
        report = run_ct2022(folder, scorer, f"multilingual head v{scorer.version} on "
                                            f"{scorer.encoder_name}")
    except KnownError as exc:
        print(f"claimdesk eval: {exc}", file=sys.stderr)
        return 1
    if output_format == "json":
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_text(report))
    return 0
