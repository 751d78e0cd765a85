"""Tries spaCy and neighbour features stacked on v3's two logits, on the validation debates only."""

# Run: PYTHONPATH=desktop .venv/bin/python tools/stack_features_experiment.py \
#          ../shared/data/claimbuster --work /tmp/mlh
# Every candidate is a logistic regression on [USE-head logit, lexical logit, extra
# features], judged by 2-fold cross-validation over the VALIDATION debates: fitted (and its
# best-F1 cut chosen) on one group of debates, scored on the other, and the other way
# round. The 2-fold is repeated over all 10 ways to split the 5 debates into 2 + 3, so a
# figure is the mean of 20 held-out halves. The head and lexical model were trained on the
# training debates, so their logits there are overfit and nothing is fitted on them. The
# test debates are never read. Development only: not shipped, needs the app's spaCy model.

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from tools.claimbuster_split import time_split, training_items
from tools.compare_english_models import auc, f1
from tools.train_multilingual_head import best_f1_threshold, embed, fit_logistic

from claimdesk.nlp.evaluate import CSV_NAMES, load_claimbuster
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.nlp.multilingual_scorer import MultilingualScorer
from claimdesk.nlp.pipeline import load_pipeline
from claimdesk.nlp.scorer import default_model_dir

ENTITY_LABELS = ("CARDINAL", "PERCENT", "MONEY", "DATE", "GPE", "ORG", "NORP", "PERSON")
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
SPACY_NAMES = ("has_number", "numbers", *(f"ent_{e}" for e in ENTITY_LABELS), "modal",
               "will", "past", "first_person", "question", "log_length")
#: Inverse L2 strength for the stacked fits (features standardised; the logits stay raw).
C_STACK = 1.0


def sentence_ids(data_dir: Path) -> list[tuple[str, int]]:
    """(File_id, Sentence_id) per sentence, in load_claimbuster's order."""
    out: list[tuple[str, int]] = []
    for name in CSV_NAMES:
        with (data_dir / name).open(newline="", encoding="utf-8") as handle:
            out.extend((row["File_id"], int(row["Sentence_id"])) for row in csv.DictReader(handle))
    return out


def spacy_features(texts: Sequence[str]) -> np.ndarray:
    """One row of SPACY_NAMES per sentence, from the app's own pipeline."""
    loaded = load_pipeline()
    print(f"spaCy pipeline: {loaded.name}", flush=True)
    rows = []
    for doc in loaded.nlp.pipe(texts, batch_size=256):
        numbers = sum(1 for t in doc if t.like_num or t.tag_ == "CD")
        labels = {e.label_ for e in doc.ents}
        rows.append([
            float(numbers > 0), float(numbers),
            *(float(label in labels) for label in ENTITY_LABELS),
            float(any(t.tag_ == "MD" for t in doc)),
            float(any(t.lower_ in ("will", "'ll") for t in doc)),
            float(any(t.tag_ == "VBD" for t in doc)),
            float(any(t.lower_ in FIRST_PERSON for t in doc)),
            float(doc.text.rstrip().endswith("?")),
            float(np.log1p(len(doc))),
        ])
    return np.array(rows)


def neighbours(values: np.ndarray, keys: Sequence[tuple[str, int]]) -> np.ndarray:
    """[previous, next] value of each sentence in its debate; the mean where there is none."""
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    out = np.full((len(keys), 2), float(values.mean()))
    for a, b in itertools.pairwise(order):
        if keys[a][0] == keys[b][0]:
            out[b, 0] = values[a]
            out[a, 1] = values[b]
    return out


def evaluate(
    x: np.ndarray, y: np.ndarray, files: np.ndarray, c: float, raw: int = 2
) -> dict[str, float]:
    """Mean held-out F1 (at the fit half's best-F1 cut) and ROC-AUC over 20 halves."""
    debates = sorted(set(files))
    f1s, aucs = [], []
    for group in itertools.combinations(debates, 2):
        first = np.isin(files, group)
        for fit_on, score_on in ((first, ~first), (~first, first)):
            mean = x[fit_on].mean(0)
            std = x[fit_on].std(0)
            # The first `raw` columns (the logits) stay raw, as the shipped Platt fit has them.
            mean[:raw], std[:raw] = 0.0, 1.0
            std[std == 0] = 1.0
            z = (x - mean) / std
            weight, bias = fit_logistic(z[fit_on], y[fit_on], c)
            s = z @ weight + bias
            cut, _ = best_f1_threshold(s[fit_on], y[fit_on])
            f1s.append(f1(y[score_on], s[score_on] >= cut))
            aucs.append(auc(y[score_on], s[score_on]))
    return {"f1": round(float(np.mean(f1s)), 4), "f1_sd": round(float(np.std(f1s)), 4),
            "auc": round(float(np.mean(aucs)), 4)}


def run(data_dir: Path, work: Path) -> dict[str, dict[str, float]]:
    sentences = load_claimbuster(data_dir)
    keys_of = {id(s): k for s, k in zip(sentences, sentence_ids(data_dir), strict=True)}
    split = time_split(sentences)
    val = split.validation
    texts = [s.text for s in val]
    y = np.array([s.positive for s in val], dtype=np.float64)
    files = np.array([s.file_id for s in val])
    keys = [keys_of[id(s)] for s in val]
    # embed() finds the cache only under the SHA-256 of exactly these texts in this order.
    vectors = embed(texts, work, "validation")
    head = np.array(MultilingualScorer.load().head_logits(vectors, texts))
    lexical = np.array(LexicalModel.from_json(default_model_dir() / "lexical.json").logits(texts))
    base = np.stack([head, lexical], 1)
    feats = spacy_features(texts)
    # A features-only model fitted on the training debates (16 weights cannot overfit 16k
    # sentences as the head and the lexical model do), stacked as a third logit.
    train = training_items(split)
    train_feats = spacy_features([t for t, _ in train])
    mean, std = train_feats.mean(0), train_feats.std(0)
    std[std == 0] = 1.0
    weight, bias = fit_logistic((train_feats - mean) / std,
                                np.array([p for _, p in train], dtype=np.float64), C_STACK)
    spacy_logit = ((feats - mean) / std @ weight + bias).reshape(-1, 1)
    context = np.hstack([neighbours(head, keys), neighbours(lexical, keys)])
    numbers_entities = feats[:, : 2 + len(ENTITY_LABELS)]
    # Whether a number, past tense or "I/we" changes how much each logit counts.
    picked = feats[:, [SPACY_NAMES.index(n) for n in ("has_number", "past", "first_person")]]
    products = np.hstack([base * picked[:, [i]] for i in range(picked.shape[1])])
    # What the features know alone, to see whether they are worth stacking at all.
    alone = "spaCy features alone (16), no logits"
    results = {alone: evaluate(feats, y, files, C_STACK, raw=0)}
    print(f"{alone:45s} {json.dumps(results[alone])}", flush=True)
    candidates = {
        "v3: head + lexical (Platt, as shipped)": (base, 1e6),
        "+ spaCy features (all 16)": (np.hstack([base, feats]), C_STACK),
        "+ numbers and entities only (10)": (np.hstack([base, numbers_entities]), C_STACK),
        "+ spaCy logit fitted on training (1), Platt": (np.hstack([base, spacy_logit]), 1e6),
        "+ logits x (number, past, first person) (6)": (np.hstack([base, products]), C_STACK),
        "+ neighbours' head and lexical logits (4)": (np.hstack([base, context]), C_STACK),
        "+ spaCy features + neighbours (20)": (np.hstack([base, feats, context]), C_STACK),
        "+ spaCy features + neighbours, C = 0.1": (np.hstack([base, feats, context]), 0.1),
    }
    for name, (x, c) in candidates.items():
        results[name] = evaluate(x, y, files, c)
        print(f"{name:45s} {json.dumps(results[name])}", flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="folder of the ClaimBuster CSVs")
    parser.add_argument("--work", type=Path, required=True, help="cache of the USE vectors")
    args = parser.parse_args(argv)
    run(args.data, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
