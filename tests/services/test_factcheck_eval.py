"""`claimdesk eval --ct2020`: MAP@5 and what the "Checked before" mark would say, on a
folder laid out like CheckThat! 2020 task 2 and made here (the real data never enters
the tests), with the real encoder and a real scratch database."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.domain.factchecks import CHECKED_BEFORE
from claimdesk.services import factcheck_eval
from claimdesk.services.factcheck_eval import (
    EvaluationDataMissing,
    EvaluationDataUnreadable,
    Split,
    average_precision_at_5,
    map_at_5,
)

CLAIMS = {
    "1": "Drinking bleach cures the coronavirus.",
    "2": "The moon landings were filmed in a television studio.",
    "3": "The Eiffel Tower was sold for scrap metal in 1925.",
    "4": "A shark was filmed swimming on a flooded highway in Houston.",
    "5": "Bill Gates plans to put microchips in people through vaccines.",
}
DEV = {
    # Its own check is in the library word for word, and nothing else like it.
    "d1": ("Drinking bleach cures the coronavirus.", "1"),
    # Paired (on purpose) with a check it does not resemble: the mark names another.
    "d2": ("The Eiffel Tower was sold for scrap metal in 1925.", "5"),
    # Nothing in the library is about it.
    "d3": ("My grandmother's apple pie recipe needs three cups of flour.", "4"),
}
TRAIN = {"t1": ("Sharks swim on Houston's flooded highway", "4")}


def _write(folder: Path) -> Path:
    (folder / "train").mkdir(parents=True)
    (folder / "dev").mkdir()
    rows = "".join(f"{i}\t{text}\t\n" for i, text in CLAIMS.items())
    (folder / "verified_claims.docs.tsv").write_text("vclaim_id\tvclaim\ttitle\n" + rows, "utf-8")
    for name, split in (("train", TRAIN), ("dev", DEV)):
        queries = "".join(f"{q}\t{text}\n" for q, (text, _v) in split.items())
        (folder / name / "tweets.queries.tsv").write_text("id\ttext\n" + queries, "utf-8")
        pairs = "".join(f"{q}\t0\t{v}\t1\n" for q, (_t, v) in split.items())
        (folder / name / "tweet-vclaim-pairs.qrels").write_text(pairs, "utf-8")
    return folder


def test_average_precision_counts_places_in_the_first_five() -> None:
    assert average_precision_at_5(["a", "b"], frozenset({"a"})) == 1.0
    assert average_precision_at_5(["x", "a"], frozenset({"a"})) == 0.5
    assert average_precision_at_5(["x", "a", "y", "b"], frozenset({"a", "b"})) == (0.5 + 0.5) / 2
    assert average_precision_at_5(["v", "w", "x", "y", "z", "a"], frozenset({"a"})) == 0.0
    split = Split("dev", (("q1", ""), ("q2", "")), {"q1": frozenset({"a"})})
    assert map_at_5([["a"], ["a"]], split) == 0.5  # q2 has no pair: it scores 0


def test_a_folder_without_the_data_is_named_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(EvaluationDataMissing, match=r"verified_claims\.docs\.tsv is missing"):
        factcheck_eval.run(tmp_path)


def test_the_report_gives_map_and_the_checked_before_marks(tmp_path: Path) -> None:
    report = factcheck_eval.run(_write(tmp_path / "ct2020"), tmp_path / "scratch.sqlite3")
    assert report.library == 5
    dev = report.figures["dev"]
    # d1 finds its check first; d2's pair is about something else, so it is not in
    # its top two; d3's pair is in the top five at best.
    assert dev["hybrid(shipped)"] < 1.0
    assert dev["vectors"] >= 1 / 3
    by_threshold = {m.threshold: m for m in report.marks["dev"]}
    assert CHECKED_BEFORE in by_threshold
    shipped = by_threshold[CHECKED_BEFORE]
    assert shipped.queries == 3
    assert shipped.right == 1  # d1, with its own check
    assert shipped.other == 1  # d2, marked with the Eiffel Tower check it is not paired with
    # With their own checks left out, d1 meets nothing like it, d2 the same Eiffel
    # Tower check (its pair was never the one it resembles), d3 nothing.
    assert shipped.unchecked == 1
    # A mark a stricter threshold gives, a looser one gives too.
    marked = [m.right + m.other for m in report.marks["dev"]]
    assert marked == sorted(marked, reverse=True)
    text = "\n".join(report.lines())
    assert "Checked before, dev" in text
    assert f"{CHECKED_BEFORE:.2f}\t1/3 (33.3%)\t1/3 (33.3%)\t1/3 (33.3%)" in text


def test_a_split_without_tweets_or_not_text_is_named_in_one_line(tmp_path: Path) -> None:
    folder = _write(tmp_path / "ct2020")
    (folder / "dev" / "tweets.queries.tsv").write_text("id\ttext\n", "utf-8")
    with pytest.raises(EvaluationDataUnreadable, match=r"tweets\.queries\.tsv has no tweets"):
        factcheck_eval.run(folder, tmp_path / "scratch.sqlite3")
    (folder / "dev" / "tweets.queries.tsv").write_bytes(b"\x9c\xff\x00binary")
    with pytest.raises(EvaluationDataUnreadable, match=r"tweets\.queries\.tsv is not UTF-8"):
        factcheck_eval.run(folder, tmp_path / "scratch.sqlite3")
