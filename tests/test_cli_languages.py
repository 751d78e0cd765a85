"""`claimdesk extract` on an Arabic article says what is limited, in JSON and on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from tests.nlp.multilingual_articles import ARTICLES
from tests.test_cli import run

LINE = "Arabic: claims and scores; no entities or speakers"


def test_json_carries_the_language_and_its_limitation(tmp_path: Path, data_dir: Path) -> None:
    article = next(a for a in ARTICLES if a.language == "ar")
    path = tmp_path / "arabic.txt"
    path.write_text(article.text, encoding="utf-8")
    text = run("extract", str(path), "--text").stdout
    result = run("extract", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["language"] == "ar"
    assert out["limitations"] == [LINE]
    claims = out["claims"]
    assert [c["text"] for c in claims] == [s for s, _ in article.claims]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["speaker"] is None and claim["entities"] == []
    assert LINE not in result.stderr  # JSON readers get it in the JSON


def test_text_output_prints_the_limitation_once_to_stderr(tmp_path: Path, data_dir: Path) -> None:
    article = next(a for a in ARTICLES if a.language == "ar")
    path = tmp_path / "arabic.txt"
    path.write_text(article.text, encoding="utf-8")
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(LINE) == 1
    assert LINE not in result.stdout
    assert len(result.stdout.strip().splitlines()) == len(article.claims)


def test_a_given_language_overrides_detection(tmp_path: Path, data_dir: Path) -> None:
    article = next(a for a in ARTICLES if a.language == "de")
    path = tmp_path / "german.txt"
    path.write_text(article.text, encoding="utf-8")
    detected = json.loads(run("extract", str(path), "--format", "json").stdout)
    given = run("extract", str(path), "--format", "json", "--language", "nl-BE")
    assert given.returncode == 0, given.stderr
    out = json.loads(given.stdout)
    assert (detected["language"], out["language"]) == ("de", "nl")
    assert out["limitations"][0].startswith("Dutch:")


def test_an_unknown_language_code_is_one_plain_error(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "german.txt"
    path.write_text(ARTICLES[0].text, encoding="utf-8")
    for code in ("xx", "german", "und"):
        result = run("extract", str(path), "--language", code)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and f"'{code}'" in lines[0], lines
        assert "Traceback" not in result.stderr and result.stdout == ""
