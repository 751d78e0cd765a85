"""`claimdesk eval --ct2022`: per-language figures on a tiny made-up set, counted by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from claimdesk.nlp.evaluate import EvaluationUnavailable
from claimdesk.nlp.evaluate_ct2022 import find_dev_sets, report_json, report_text, run_ct2022

TINY = Path(__file__).resolve().parents[1] / "data" / "ct2022_tiny"


class DigitScorer:
    """A transparent rule, so that every figure below can be counted by hand: digits score 0.9."""

    threshold = 0.5

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        return [0.9 if any(c.isdigit() for c in s) else 0.1 for s in sentences]


def test_dev_sets_are_found_with_their_train_splits() -> None:
    found = find_dev_sets(TINY)
    assert [(lang, dev.name, train.name if train else None) for lang, dev, train in found] == [
        ("arabic", "CT22_arabic_1A_checkworthy_dev.tsv", None),
        ("spanish", "CT22_spanish_1A_checkworthy_dev.tsv", "CT22_spanish_1A_checkworthy_train.tsv"),
    ]


def test_hand_counted_figures_per_language() -> None:
    report = run_ct2022(TINY, DigitScorer(), "digits")
    arabic, spanish = report.languages
    # Spanish dev: 3 claims (two with digits) and 3 others (one with a digit).
    assert (spanish.sentences, spanish.positives) == (6, 3)
    m = spanish.model
    assert (m.true_positives, m.false_positives, m.false_negatives) == (2, 1, 1)
    assert m.f1 == pytest.approx(2 / 3)
    # 9 claim/other pairs: 4 won (0.9 over 0.1), 4 tied (2 at 0.9, 2 at 0.1), 1 lost: 4 + 4/2.
    assert spanish.model_auc == pytest.approx(6 / 9)
    # The train split is 4 against 4: no majority of claims, so the constant says "no".
    assert spanish.majority_label is False and spanish.majority.f1 == 0.0
    assert spanish.train_sentences == 8
    # Arabic dev: 3 claims, all with digits, and one greeting; no train split, so the
    # majority comes from dev itself (claims) and the lexical baseline cannot be fit.
    assert (arabic.sentences, arabic.positives) == (4, 3)
    assert arabic.model.f1 == 1.0 and arabic.model_auc == 1.0
    assert arabic.majority_label is True
    assert arabic.majority.f1 == pytest.approx(2 * 3 / (3 + 4))
    assert arabic.lexical is None and arabic.lexical_auc is None
    text = report_text(report)
    assert "spanish" in text and "0.667" in text and "0.857" in text


def test_the_lexical_baseline_learns_from_the_train_split() -> None:
    pytest.importorskip("sklearn", reason="the lexical baseline needs the eval extra")
    report = run_ct2022(TINY, DigitScorer())
    spanish = report.languages[1]
    assert spanish.lexical is not None and spanish.lexical_auc is not None
    assert 0.0 <= spanish.lexical.f1 <= 1.0 and 0.0 <= spanish.lexical_auc <= 1.0
    assert "char 2-5-grams" in report.lexical_note


def test_without_scikit_learn_the_lexical_column_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)  # import sklearn now raises ImportError
    monkeypatch.setitem(sys.modules, "sklearn.feature_extraction.text", None)
    report = run_ct2022(TINY, DigitScorer())
    assert all(r.lexical is None for r in report.languages)
    assert "install scikit-learn" in report.lexical_note
    data = report_json(report)
    assert data["languages"][1]["lexical"] is None


def test_a_folder_without_dev_sets_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvaluationUnavailable, match="No CT22_"):
        find_dev_sets(tmp_path)
    with pytest.raises(EvaluationUnavailable, match="is not a folder"):
        find_dev_sets(tmp_path / "absent")


def _claimdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_cli_json_with_the_shipped_model() -> None:
    done = _claimdesk("eval", "--ct2022", str(TINY), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["model"].startswith("multilingual head v1 on Google Universal Sentence Encoder")
    by_language = {r["language"]: r for r in data["languages"]}
    assert set(by_language) == {"arabic", "spanish"}
    arabic, spanish = by_language["arabic"], by_language["spanish"]
    assert (spanish["sentences"], spanish["positives"]) == (6, 3)
    assert (arabic["sentences"], arabic["positives"]) == (4, 3)
    assert spanish["majority"]["f1"] == 0.0
    assert arabic["majority"]["f1"] == pytest.approx(6 / 7)
    # The real model ranks the three Arabic claims above the greeting.
    assert arabic["model_auc"] == 1.0


def test_cli_missing_folder_is_one_line(tmp_path: Path) -> None:
    done = _claimdesk("eval", "--ct2022", str(tmp_path / "absent"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "--ct2022" in done.stderr
