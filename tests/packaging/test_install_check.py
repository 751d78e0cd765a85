"""`claimdesk --self-test` from source: passes on a fresh file, leaves its work, fails loudly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimdesk.install_check import VERDICT_NOTE, seed_article

pytestmark = pytest.mark.slow


def _self_test(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CLAIMDESK_SELFTEST_OUT", None)
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", "--self-test", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def test_self_test_with_db_leaves_its_work_in_that_database(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    first = _self_test("--db", str(db), data_dir=tmp_path / "data")
    assert first.returncode == 0, first.stdout + first.stderr
    lines = first.stdout.splitlines()
    assert lines[-1] == "self-test passed: 9 of 9 steps"
    assert sum(line.startswith("ok   ") for line in lines) == 9
    assert _rows(db, "SELECT file_name FROM articles") == [(seed_article().name,)]
    (claims,) = _rows(db, "SELECT count(*) FROM claims WHERE score IS NOT NULL")[0]
    assert claims > 5
    assert _rows(db, "SELECT explanation FROM verdicts") == [(VERDICT_NOTE,)]
    evidence = "SELECT file_name, media_type FROM evidence"
    assert _rows(db, evidence) == [("self-test-evidence.txt", "text/plain")]

    # A second run finds the article already there instead of importing a copy.
    second = _self_test("--db", str(db), data_dir=tmp_path / "data")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "already in the database" in second.stdout
    assert _rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert _rows(db, evidence) == [("self-test-evidence.txt", "text/plain")]  # not a copy


def test_self_test_fails_and_says_which_step(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("my notes, not a database\n", encoding="utf-8")
    result = _self_test("--db", str(not_a_db), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "FAIL open database: " in result.stdout
    assert result.stdout.splitlines()[-1] == "self-test FAILED: 0 of 9 steps passed"
    assert not_a_db.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_without_db_everything_stays_in_a_temporary_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _self_test(data_dir=data)
    assert result.returncode == 0, result.stdout + result.stderr
    # The user's data folder (here CLAIMDESK_DATA_DIR) gets no database.
    assert not (data / "claimdesk.sqlite3").exists()


def test_an_output_folder_that_cannot_be_written_is_said_before_any_step(tmp_path: Path) -> None:
    in_the_way = tmp_path / "results"
    in_the_way.write_text("a file, not a folder\n", encoding="utf-8")
    for out in (in_the_way, in_the_way / "inside"):
        env = {**os.environ, "CLAIMDESK_DATA_DIR": str(tmp_path / "data"),
               "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_SELFTEST_OUT": str(out)}
        result = subprocess.run([sys.executable, "-m", "claimdesk", "--self-test"],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
        assert result.stderr.startswith("claimdesk: ") and str(in_the_way) in result.stderr
        assert "CLAIMDESK_SELFTEST_OUT" in result.stderr
        assert "ok   " not in result.stdout  # nothing was run for nothing
    assert in_the_way.read_text(encoding="utf-8") == "a file, not a folder\n"
