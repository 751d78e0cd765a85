"""The news evaluation harness: exact numbers on a handmade set, and the shipped set's shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain.models import CandidateClaim, ClaimType, Entity
from claimdesk.nlp.evaluate_news import format_news_report, run_news_evaluation
from claimdesk.nlp.news_scoring import PRF, normalise_speaker, report_json, score_news, total
from claimdesk.nlp.news_set import (
    NewsSetUnavailable,
    check_text,
    default_news_dir,
    load_news_set,
)
from claimdesk.nlp.pipeline import LoadedPipeline

ARTICLE = (
    "Minister pledges £5m for libraries\n"
    "By Jane Roe\n"
    "LONDON — The Culture Secretary, Tessa Jowell, said the fund would open 12 new libraries.\n"
    "\"Reading changes lives,\" she said.\n"
    "The libraries will open in 2025.\n"
)
TRANSCRIPT = "SMITH: We cut taxes by 5%.\nJONES: That is false.\n"
JOWELL = ("Tessa Jowell", "person", ["Tessa Jowell", "Jowell", "Ms Jowell"])
# (sentence, role, speaker, types, entities) in text order.
ARTICLE_UNITS: list[tuple[str, str, Any, list[str], list[tuple[str, str]]]] = [
    ("Minister pledges £5m for libraries", "headline", None, [], [("£5m", "MONEY")]),
    ("By Jane Roe", "byline", None, [], [("Jane Roe", "PERSON")]),
    ("LONDON", "dateline", None, [], [("LONDON", "PLACE")]),
    ("The Culture Secretary, Tessa Jowell, said the fund would open 12 new libraries.", "claim",
     JOWELL, ["quantity", "prediction"], [("Tessa Jowell", "PERSON")]),
    ("\"Reading changes lives,\" she said.", "claim", JOWELL, ["quote"], []),
    ("The libraries will open in 2025.", "claim", None, ["prediction"], [("2025", "DATE")]),
]
TRANSCRIPT_UNITS: list[tuple[str, str, Any, list[str], list[tuple[str, str]]]] = [
    ("We cut taxes by 5%.", "claim", ("Smith", "person", ["Smith"]), ["quantity"],
     [("5%", "PERCENT")]),
    ("That is false.", "claim", ("Jones", "person", ["Jones"]), [], []),
]


def _write(folder: Path, text_id: str, kind: str, text: str,
           units: list[tuple[str, str, Any, list[str], list[tuple[str, str]]]]) -> None:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "labels").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / f"{text_id}.txt").write_text(text, encoding="utf-8")
    meta = {"id": text_id, "kind": kind, "title": text_id, "outlet": "test", "url": "none",
            "published": "2026-12-01", "licence": "test", "licence_url": "none",
            "retrieved": "2026-12-01", "found_with": "handmade", "notes": ""}
    (folder / "articles" / f"{text_id}.json").write_text(json.dumps(meta), encoding="utf-8")
    rows, cursor = [], 0
    for sentence, role, speaker, types, ents in units:
        start = text.index(sentence, cursor)
        cursor = start + len(sentence)
        name, speaker_kind, aliases = speaker if speaker else (None, None, [])
        rows.append({"start": start, "end": cursor, "text": sentence, "role": role,
                     "speaker": name, "speaker_kind": speaker_kind, "aliases": aliases,
                     "types": types, "entities": [[start + sentence.index(s),
                                                   start + sentence.index(s) + len(s), label]
                                                  for s, label in ents]})
    (folder / "labels" / f"{text_id}.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def tiny_set(tmp_path: Path) -> Path:
    folder = tmp_path / "news_eval"
    _write(folder, "t-article", "article", ARTICLE, ARTICLE_UNITS)
    _write(folder, "t-transcript", "transcript", TRANSCRIPT, TRANSCRIPT_UNITS)
    return folder


def _cand(text: str, piece: str, *, speaker: str | None = None,
          types: tuple[ClaimType, ...] = (), ents: tuple[tuple[str, str], ...] = (),
          cls: type[CandidateClaim] = CandidateClaim, **extra: Any) -> CandidateClaim:
    start = text.index(piece)
    entities = tuple(Entity(s, label, text.index(s, start), text.index(s, start) + len(s))
                     for s, label in ents)
    return cls(start=start, end=start + len(piece), text=piece, types=types, speaker=speaker,
               entities=entities, **extra)


def _predictions(cls: type[CandidateClaim] = CandidateClaim,
                 **kinds: Any) -> dict[str, list[CandidateClaim]]:
    q, p, quote = ClaimType.QUANTITY, ClaimType.PREDICTION, ClaimType.QUOTE
    extra = (lambda k: {"speaker_kind": kinds[k]}) if kinds else (lambda k: {})
    article = [
        _cand(ARTICLE, "Minister pledges £5m for libraries", cls=cls, **extra("none")),
        # The dateline is glued to the first sentence: it "became a claim", start is off.
        _cand(ARTICLE, "LONDON — The Culture Secretary, Tessa Jowell, said the fund would "
              "open 12 new libraries.", speaker="Ms Jowell", types=(q,),
              ents=(("Tessa Jowell", "PERSON"), ("12", "CARDINAL")), cls=cls,
              **extra("jowell")),
        _cand(ARTICLE, "\"Reading changes lives,\" she said.", types=(quote,), cls=cls,
              **extra("none")),
        _cand(ARTICLE, "The libraries will open in 2025.", speaker="Jowell's", types=(q,),
              ents=(("in 2025", "DATE"),), cls=cls, **extra("jowell")),
    ]
    transcript = [
        _cand(TRANSCRIPT, "SMITH: We cut taxes by 5%.", speaker="SMITH", types=(q, p),
              ents=(("5%", "PERCENT"),), cls=cls, **extra("smith")),
        _cand(TRANSCRIPT, "That is false.", speaker="Smith", cls=cls, **extra("smith")),
    ]
    return {"t-article": article, "t-transcript": transcript}


def test_scores_are_the_hand_counted_numbers(tiny_set: Path) -> None:
    report = score_news(load_news_set(tiny_set), _predictions())
    assert (report.texts, report.transcripts, report.units) == (2, 1, 8)
    # Right: Jowell (as "Ms Jowell") and SMITH; wrong: the quote (none) and Jones (Smith).
    assert (report.speakers_correct, report.attributed) == (2, 4)
    assert [(m.gold, m.predicted) for m in report.misses] == [("Tessa Jowell", None),
                                                            ("Jones", "Smith")]
    assert report.per_text == {"t-article": (1, 2), "t-transcript": (1, 2)}
    assert report.per_kind == {"article": (1, 2), "transcript": (1, 2)}
    assert (report.narration_with_speaker, report.narration) == (1, 1)
    assert report.kinds == {"person": (0, 4)}  # candidates without a kind get none right
    assert report.structure == {"headline": (1, 1), "byline": (0, 1), "dateline": (1, 1)}
    assert (report.claim_units, report.exact_spans, report.exact_starts, report.exact_ends) == (
        5, 3, 3, 5)
    assert report.types["quantity"] == PRF(2, 1, 0)
    assert (report.types["prediction"].tp, report.types["prediction"].fp,
            report.types["prediction"].fn) == (0, 1, 2)
    assert report.types["quote"].tp == 1 and report.types["rules"].fp == 0
    # Entities inside claim sentences only: PERSON and PERCENT exact, DATE off by "in ".
    exact = report.entities
    assert (exact["PERSON"].tp, exact["PERCENT"].tp, exact["DATE"].fp, exact["DATE"].fn) == (
        1, 1, 1, 1)
    assert (total(exact).tp, total(exact).fp, total(exact).fn) == (2, 1, 1)
    assert report.entities_relaxed["DATE"].tp == 1
    assert total(report.entities_relaxed).f1 == 1.0
    data = report_json(report)
    assert data["speakers"]["accuracy"] == 0.5
    assert json.loads(json.dumps(data)) == data
    text = format_news_report(report)
    assert "2/4 (50.0%)" in text and "byline: 0/1" in text


def test_a_predicted_date_type_is_neither_scored_nor_a_wrong_type(tiny_set: Path) -> None:
    """The set labels Full Fact's types only; DATE must not lower the type micro-F1."""
    plain = score_news(load_news_set(tiny_set), _predictions())
    dated = {
        text_id: [replace(c, types=(*c.types, ClaimType.DATE)) for c in cands]
        for text_id, cands in _predictions().items()
    }
    report = score_news(load_news_set(tiny_set), dated)
    assert "date" not in report.types
    assert report.types == plain.types
    assert total(report.types) == total(plain.types)


def test_speaker_kind_is_scored_when_candidates_carry_one(tiny_set: Path) -> None:
    @dataclass(frozen=True, slots=True)
    class KindedClaim(CandidateClaim):
        speaker_kind: str | None = None

    predictions = _predictions(KindedClaim, none=None, jowell="person", smith="organisation")
    report = score_news(load_news_set(tiny_set), predictions)
    # Jowell's first sentence: person (right); her quote: none; SMITH and Jones: organisation.
    assert report.kinds == {"person": (1, 4)}


def test_missing_predictions_count_as_misses(tiny_set: Path) -> None:
    report = score_news(load_news_set(tiny_set), {})
    assert (report.speakers_correct, report.attributed, report.exact_spans) == (0, 4, 0)
    assert report.structure == {"headline": (0, 1), "byline": (0, 1), "dateline": (0, 1)}
    assert total(report.entities).fn == 3


@pytest.mark.parametrize(("predicted", "ok"), [
    ("Tessa Jowell", True), ("Ms Jowell", True), ("Jowell's", True), ("JOWELL", True),
    ("Dr. Tessa Jowell", True), ("the Culture Secretary", False), ("she", False), ("", False),
])
def test_speaker_names_are_normalised_before_matching(predicted: str, ok: bool) -> None:
    wanted = {normalise_speaker(a) for a in JOWELL[2]}
    assert (normalise_speaker(predicted) in wanted and bool(predicted)) is ok


def test_real_extraction_runs_over_the_tiny_set(tiny_set: Path, pipeline: LoadedPipeline) -> None:
    report = run_news_evaluation(tiny_set, pipeline)
    assert (report.texts, report.units, report.attributed, report.claim_units) == (2, 8, 4, 5)
    assert 0 <= report.speakers_correct <= 4
    # Every gold entity inside a claim is either found or missed: none vanish.
    assert total(report.entities).tp + total(report.entities).fn == 3
    assert report.pipeline == pipeline.name


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "desktop"))
    return subprocess.run([sys.executable, "-m", "claimdesk", "eval", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_cli_prints_the_news_report_as_json(tiny_set: Path) -> None:
    done = _cli("--news", str(tiny_set), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["texts"] == 2 and data["speakers"]["attributed"] == 4
    assert set(data["entities"]["exact"]) >= {"PERSON", "ORG", "PLACE", "MONEY", "all"}


def test_cli_says_what_to_do_when_the_set_is_missing(tmp_path: Path) -> None:
    done = _cli("--news", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "--news DIR" in done.stderr and "Traceback" not in done.stderr


def test_a_label_that_is_not_the_article_slice_is_reported(tiny_set: Path) -> None:
    path = tiny_set / "labels" / "t-transcript.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("That is false.", "That is true."),
                    encoding="utf-8")
    problems = [p for t in load_news_set(tiny_set) for p in check_text(t)]
    assert any("not the article slice" in p for p in problems)
    with pytest.raises(NewsSetUnavailable):
        load_news_set(tiny_set / "missing")


def test_the_shipped_set_is_well_formed() -> None:
    folder = default_news_dir()
    texts = load_news_set(folder)
    assert [p for t in texts for p in check_text(t)] == []
    stems = {p.stem for p in (folder / "articles").glob("*.txt")}
    assert stems == {p.stem for p in (folder / "articles").glob("*.json")}
    assert stems == {t.id for t in texts}, "every text needs its labels"
    articles = [t for t in texts if t.kind == "article"]
    transcripts = [t for t in texts if t.kind == "transcript"]
    attributed = sum(1 for t in texts for u in t.units if u.speaker is not None)
    halves = {t.id[:2] for t in texts}
    # Each half gathered 12 articles and at least one transcript, labelled before outputs.
    assert len(articles) >= 12 * len(halves) and len(transcripts) >= len(halves)
    if {"a-", "b-"} <= halves:
        assert len(articles) >= 20 and len(transcripts) >= 2
        assert attributed >= 300, f"the merged set has {attributed} attributed sentences"
