"""Grouped held-out evaluation: data loading, split, metrics and the full report."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from claimdesk.nlp.evaluate import (
    CSV_NAMES,
    EvaluationUnavailable,
    LabelledSentence,
    best_f1_cut,
    binary_metrics,
    choose_heldout_files,
    default_data_dir,
    format_report,
    latest_files,
    load_claimbuster,
    load_ct2022,
    main,
    run_evaluation,
    split_by_files,
)
from claimdesk.nlp.scorer import CONFIG_NAME, default_model_dir

FIELDS = ["Sentence_id", "Text", "Speaker", "File_id", "Verdict"]
WORTHY = [
    "Unemployment fell to {n} percent last year.",
    "We spent ${n} billion on the war.",
    "Taxes rose by {n} percent under his plan.",
    "The deficit was {n} billion dollars in 1992.",
]
UNWORTHY = [
    "Thank you very much, {name}.",
    "I love this country, {name}.",
    "It is good to be here with you, {name}.",
    "Let me answer that question, {name}.",
]


def _write_data(folder: Path) -> Path:
    """Two debates, a.txt and b.txt, each with check-worthy (1), unimportant (0), none (-1)."""
    folder.mkdir()
    rows: list[dict[str, object]] = []
    for file_id in ("a.txt", "b.txt"):
        for i in range(6):
            for template in WORTHY:
                rows.append({"Text": template.format(n=i + 3), "File_id": file_id, "Verdict": 1})
            for j, template in enumerate(UNWORTHY):
                verdict = 0 if j == 0 else -1
                text = template.format(name=f"Jim {i}")
                rows.append({"Text": text, "File_id": file_id, "Verdict": verdict})
    halves = {CSV_NAMES[0]: rows[::2], CSV_NAMES[1]: rows[1::2]}
    for name, part in halves.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, FIELDS)
            writer.writeheader()
            for n, row in enumerate(part):
                writer.writerow({"Sentence_id": n, "Speaker": "X", **row})
    return folder


def test_loads_both_files_and_only_verdict_one_is_positive(tmp_path: Path) -> None:
    sentences = load_claimbuster(_write_data(tmp_path / "data"))
    assert len(sentences) == 96
    assert {s.file_id for s in sentences} == {"a.txt", "b.txt"}
    assert sum(s.positive for s in sentences) == 48
    by_text = {s.text: s.positive for s in sentences}
    assert by_text["Unemployment fell to 3 percent last year."] is True
    assert by_text["Thank you very much, Jim 0."] is False  # Verdict 0
    assert by_text["I love this country, Jim 0."] is False  # Verdict -1


def test_missing_data_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationUnavailable, match=r"missing crowdsourced\.csv"):
        load_claimbuster(tmp_path)


def test_wrong_columns_are_a_known_error(tmp_path: Path) -> None:
    for name in CSV_NAMES:
        (tmp_path / name).write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvaluationUnavailable, match="lacks the columns"):
        load_claimbuster(tmp_path)


def _sentences(counts: dict[str, int]) -> list[LabelledSentence]:
    return [
        LabelledSentence(f"{file_id} {i}", i % 3 == 0, file_id)
        for file_id, n in counts.items()
        for i in range(n)
    ]


def test_heldout_debates_are_seeded_and_hold_the_share() -> None:
    sentences = _sentences({f"debate-{k:02}.txt": 10 + k for k in range(20)})
    first = choose_heldout_files(sentences, 0.2, seed=7)
    assert first == choose_heldout_files(list(reversed(sentences)), 0.2, seed=7)
    assert first != choose_heldout_files(sentences, 0.2, seed=8)
    train, test = split_by_files(sentences, first)
    assert len(test) >= 0.2 * len(sentences)
    assert {s.file_id for s in train}.isdisjoint({s.file_id for s in test})
    assert len(train) + len(test) == len(sentences)
    # Dropping the last chosen debate would fall below the share: no more than needed.
    last = [s for s in test if s.file_id == first[-1]]
    assert len(test) - len(last) < 0.2 * len(sentences) or len(first) == 1


def test_latest_debates_make_test_and_the_ones_before_validation() -> None:
    counts = {"1960-09-26.txt": 40, "1984-10-07.txt": 30, "2008-10-15.txt": 20,
              "2012-10-22.txt": 10, "2016-09-26.txt": 10}
    sentences = _sentences(counts)
    test = latest_files(sentences, 0.15)
    assert test == ("2012-10-22.txt", "2016-09-26.txt")  # 20 of 110 sentences
    validation = latest_files(sentences, 0.15, exclude=test)
    assert validation == ("2008-10-15.txt",)
    assert max(validation) < min(test)


def test_best_f1_cut_sweeps_every_distinct_value() -> None:
    truth = [True, True, False, True, False, False]
    values = [0.9, 0.8, 0.7, 0.6, 0.2, 0.1]
    cut = best_f1_cut(truth, values)
    assert cut == 0.6  # 3 TP, 1 FP: F1 6/7, better than any other cut
    assert binary_metrics(truth, [v >= cut for v in values]).f1 == pytest.approx(6 / 7)
    assert best_f1_cut([False, False], [0.3, 0.4]) == 0.0


def test_ct2022_tweets_load_with_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "dev.tsv"
    path.write_text(
        "topic\ttweet_id\ttweet_url\ttweet_text\tclass_label\n"
        'COVID-19\t1\thttp://x\t"Cases" rose 20% in a week\t1\n'
        "COVID-19\t2\thttp://x\tStay safe, everyone\t0\n",
        encoding="utf-8",
    )
    tweets = load_ct2022(path)
    assert [(t.text, t.positive) for t in tweets] == [
        ('"Cases" rose 20% in a week', True), ("Stay safe, everyone", False)
    ]
    (tmp_path / "bad.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(EvaluationUnavailable, match="tweet_text"):
        load_ct2022(tmp_path / "bad.tsv")


def test_binary_metrics_of_the_positive_class() -> None:
    truth = [True, True, True, False, False, False]
    predicted = [True, True, False, True, False, False]
    m = binary_metrics(truth, predicted)
    assert (m.true_positives, m.false_positives, m.false_negatives) == (2, 1, 1)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    empty = binary_metrics([False, False], [False, False])
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="length"):
        binary_metrics([True], [])


def test_full_run_on_synthetic_debates(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="the baseline needs the eval extra (scikit-learn)")
    data = _write_data(tmp_path / "data")
    model_dir = tmp_path / "model"
    shutil.copytree(default_model_dir(), model_dir)
    config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
    config["heldout_files"] = ["b.txt"]
    (model_dir / CONFIG_NAME).write_text(json.dumps(config), encoding="utf-8")

    report = run_evaluation(data, model_dir)
    assert report.heldout_files == ("b.txt",)
    assert (report.train_sentences, report.test_sentences, report.test_positives) == (48, 48, 24)
    # The templates are easy: both the model and the baseline find most claims.
    assert report.model.recall > 0.7
    assert report.baseline.f1 > 0.9
    assert report.sentences_per_second > 0
    text = format_report(report)
    assert "b.txt" in text
    assert "TF-IDF + logistic regr." in text
    assert "sentences/s on one thread" in text


def test_heldout_debates_absent_from_the_data_are_refused(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    # The shipped config names real debates, which the synthetic data lacks.
    with pytest.raises(EvaluationUnavailable, match="lacks the held-out debates"):
        run_evaluation(data)


def test_main_reports_missing_data_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("claimdesk eval: The ClaimBuster data is not in")
    assert err.count("\n") == 1


def test_data_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMDESK_CLAIMBUSTER_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path
    monkeypatch.delenv("CLAIMDESK_CLAIMBUSTER_DIR")
    assert default_data_dir().parts[-3:] == ("shared", "data", "claimbuster")


@pytest.mark.slow
def test_shipped_model_beats_the_baseline_on_the_most_recent_debates() -> None:
    data = default_data_dir()
    if not all((data / name).is_file() for name in CSV_NAMES):
        pytest.skip(f"ClaimBuster CSVs not found in {data} (they are not in the repo)")
    pytest.importorskip("sklearn", reason="the baseline needs the eval extra (scikit-learn)")
    report = run_evaluation(data)
    total = report.train_sentences + report.validation_sentences + report.test_sentences
    assert report.test_sentences >= 0.15 * total
    assert max(report.validation_files) < min(report.heldout_files)
    # Version 2 (frozen encoder) beats the baseline by less than the 0.05 that version 1
    # had on a random split; see docs/model-card.md.
    assert report.model.f1 > report.baseline.f1, format_report(report)
    assert report.model_auc > report.baseline_auc + 0.02, format_report(report)
    assert report.model_ece < 0.08, format_report(report)
