"""The ClaimBuster split by date and the training sentences that every English model shares."""

# Run (to refit lexical.json, needs scikit-learn, a development-only package):
#     PYTHONPATH=desktop .venv/bin/python tools/claimbuster_split.py /path/to/claimbuster \
#         --lexical resources/models/checkworthy/lexical.json
# time_split and training_items were in tools/train_checkworthy.py, which trained model v2
# (MiniLM, onnxruntime) and went with it; v2's training code is in the history before the
# commit that removed it.

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The checkout root, so that `python tools/claimbuster_split.py` finds tools.* like -m does.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.checkworthy_augment import synthetic_sentences

from claimdesk.nlp.evaluate import (
    LabelledSentence,
    latest_files,
    load_claimbuster,
    split_by_files,
)
from claimdesk.nlp.lexical import LexicalModel

#: Share of all sentences in the test debates (the most recent) and in validation (just before).
TEST_FRACTION = 0.15
VALIDATION_FRACTION = 0.15
#: The synthetic sentences' seed and count per class, as every shipped model was trained.
SEED = 13
SYNTHETIC_PER_CLASS = 300


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


def training_items(
    split: Split, seed: int = SEED, per_class: int = SYNTHETIC_PER_CLASS
) -> list[tuple[str, bool]]:
    """The training debates plus the synthetic future-tense claims and headlines."""
    synthetic = synthetic_sentences(seed, per_class)
    return [(s.text, s.positive) for s in split.train] + synthetic


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--lexical", type=Path, required=True, help="lexical.json to write")
    args = parser.parse_args(argv)
    split = time_split(load_claimbuster(args.data))
    fit_lexical(training_items(split)).to_json(args.lexical)
    return 0


if __name__ == "__main__":
    sys.exit(main())
