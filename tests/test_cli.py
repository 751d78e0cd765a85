"""The command line, run as a user would: a real process, real files, a real database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_extract_json_offsets_index_the_printed_text(seed_path: Path) -> None:
    text_run = run("extract", str(seed_path), "--text")
    assert text_run.returncode == 0, text_run.stderr
    text = text_run.stdout
    result = run("extract", str(seed_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["language"] == "en" and out["limitations"] == []
    assert out["language_name"] == "English"
    assert 0.5 <= out["language_confidence"] <= 1.0
    claims = out["claims"]
    assert len(claims) >= 12
    for claim in claims:
        assert {"text", "start", "end", "score", "types", "speaker", "entities"} <= claim.keys()
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["score"] is not None and 0.0 <= claim["score"] <= 1.0
    harris = [c for c in claims if "I also believe very strongly" in c["text"]]
    assert harris and harris[0]["speaker"] == "Kamala Harris"
    assert "quote" in harris[0]["types"]


def test_import_prints_one_line_per_article_and_is_idempotent(tmp_path, seed_path, data_dir):
    db = tmp_path / "cli.sqlite3"
    second = tmp_path / "note.md"
    second.write_text(
        "# Budget\n\nThe deficit rose to 5% of GDP in 2024, the minister said.\n", encoding="utf-8"
    )
    result = run("import", str(seed_path), str(second), "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    ident, _title, count = lines[0].split("\t")
    assert ident == "1" and count.endswith("claims") and int(count.split()[0]) > 0
    assert lines[1].split("\t")[1] == "Budget"
    again = run("import", str(seed_path), "--db", str(db))
    assert again.returncode == 0 and "already imported" in again.stdout
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["missing", "empty", "binary"])
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path, data_dir, kind):
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 50)
    db = tmp_path / "untouched.sqlite3"
    for args in (
        ("extract", str(path), "--format", "json"),
        ("import", str(path), "--db", str(db)),
    ):
        result = run(*args)
        assert result.returncode != 0
        err = result.stderr.strip().splitlines()
        assert len(err) == 1 and path.name in err[0] and "Traceback" not in result.stderr
        assert result.stdout == ""
    # Nothing was imported, so no desk was made either: a typo in --db or a wrong file
    # leaves no empty database behind.
    assert list(tmp_path.glob("untouched*")) == []


def test_a_refused_import_leaves_no_new_desk_and_no_new_folder(tmp_path, seed_path, data_dir):
    db = tmp_path / "new" / "deeper" / "desk.sqlite3"
    bad = tmp_path / "bad.csv"
    bad.write_text("garbage\n", encoding="utf-8")
    assert run("import", str(tmp_path / "nothere.txt"), "--db", str(db)).returncode == 1
    refused = run("factchecks", "import", str(bad), "--db", str(db))
    assert refused.returncode == 1 and "Cannot import fact-checks from" in refused.stderr
    assert not (tmp_path / "new").exists()
    # One file of two imported: the desk is made and kept.
    mixed = run("import", str(tmp_path / "nothere.txt"), str(seed_path), "--db", str(db))
    assert mixed.returncode == 1 and db.is_file()
    # A desk that was there before is never removed, even when nothing goes into it.
    assert run("import", str(tmp_path / "nothere.txt"), "--db", str(db)).returncode == 1
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    finally:
        con.close()


def test_broken_database_gives_one_line(tmp_path, seed_path, data_dir):
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"garbage" * 100)
    result = run("import", str(seed_path), "--db", str(db))
    assert result.returncode != 0
    assert "not a ClaimDesk database" in result.stderr
    assert db.read_bytes() == b"garbage" * 100


def test_score_reads_lines_and_prints_one_score_each() -> None:
    sentences = [
        "Unemployment fell to 3.5 percent last year.",
        "Thank you all for coming tonight.",
        "",
        "We spent $2 trillion on the war in Iraq.",
    ]
    result = run("score", stdin="\n".join(sentences) + "\n")
    assert result.returncode == 0, result.stderr
    scores = [float(x) for x in result.stdout.split()]
    assert len(scores) == len(sentences)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > scores[1] and scores[3] > scores[1]


def test_gui_refuses_a_broken_database_with_a_message(tmp_path, data_dir):
    """With no display the message box cannot show, but nothing may be written."""
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"not sqlite" * 10)
    result = run("--db", str(db), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert db.read_bytes() == b"not sqlite" * 10


def test_search_finds_claims_headless(tmp_path, seed_path, data_dir):
    db = tmp_path / "s.sqlite3"
    assert run("import", str(seed_path), "--db", str(db)).returncode == 0
    result = run("search", "Stoltenberg", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and any(h["claim_id"] is not None for h in hits)
    assert all("stoltenberg" in h["snippet"].lower() for h in hits)
    text = run("search", '"unbalanced (query', "--db", str(db))
    assert text.returncode in (0, 1) and "Traceback" not in text.stderr
    missing = run("search", "x", "--db", str(tmp_path / "nope.sqlite3"))
    assert missing.returncode != 0 and not (tmp_path / "nope.sqlite3").exists()
