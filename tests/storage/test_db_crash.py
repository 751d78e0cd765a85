"""kill -9 during creation or upgrade, and two creators at once, never lock the checker out."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimdesk.errors import DatabaseError
from claimdesk.storage.db import head_revision, open_database
from tests.conftest import REPO
from tests.storage.dbfiles import database_at

# Runs open_database in a child that SIGKILLs itself just before its Nth SQL statement:
# a real kill -9 at a known point of creation or upgrade, with no hook in ClaimDesk.
CHILD = """
import os, signal, sys, time
from sqlalchemy import Engine, event
from claimdesk.storage.db import open_database

path, kill_at, start_at = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
count = 0

@event.listens_for(Engine, "before_cursor_execute")
def _count(*_args):
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

while time.time() < start_at:
    time.sleep(0.001)
open_database(path).dispose()
print(count)
"""


def _child(tmp_path: Path, db: Path, kill_at: int, start_at: float = 0.0) -> subprocess.Popen[str]:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'desktop'}{os.pathsep}{REPO}"}
    return subprocess.Popen(
        [sys.executable, str(script), str(db), str(kill_at), repr(start_at)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _statements(tmp_path: Path, db: Path) -> int:
    child = _child(tmp_path, db, kill_at=-1)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    return int(out)


def _kill_points(total: int, n: int = 10) -> list[int]:
    return sorted({1 + (total - 1) * i // (n - 1) for i in range(n)})


def _check_at_head(db: Path, articles: int) -> None:
    database = open_database(db)
    database.dispose()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (articles,)
        assert con.execute("SELECT count(*) FROM fts_articles_docsize").fetchone() == (articles,)
        assert con.execute("SELECT count(*) FROM rating_scales").fetchone() == (1,)
    finally:
        con.close()


def test_kill_during_an_upgrade_leaves_a_file_that_opens_and_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    database_at(db, "0002", articles=50)
    total = _statements(tmp_path, db)
    assert total > 20  # the upgrade really runs statements we can kill between
    for kill_at in _kill_points(total):
        db.unlink()
        database_at(db, "0002", articles=50)
        child = _child(tmp_path, db, kill_at)
        child.communicate(timeout=120)
        assert child.returncode == -signal.SIGKILL
        _check_at_head(db, articles=50)


def test_kill_during_creation_leaves_a_file_that_opens(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    total = _statements(tmp_path, db)
    assert total > 20
    for kill_at in _kill_points(total):
        for leftover in tmp_path.glob("new.sqlite3*"):
            leftover.unlink()
        child = _child(tmp_path, db, kill_at)
        child.communicate(timeout=120)
        assert child.returncode == -signal.SIGKILL
        _check_at_head(db, articles=0)


@pytest.mark.parametrize("attempt", range(3))
def test_two_processes_creating_one_database_both_succeed(tmp_path: Path, attempt: int) -> None:
    db = tmp_path / f"shared-{attempt}.sqlite3"
    start_at = time.time() + 3.0  # both children past their imports, then go together
    children = [_child(tmp_path, db, kill_at=-1, start_at=start_at) for _ in range(2)]
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    _check_at_head(db, articles=0)


def test_an_unopenable_file_points_to_its_newest_backup(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    database_at(db, "0002")
    open_database(db, backups=tmp_path / "bk").dispose()
    backups = list((tmp_path / "bk").glob("desk-*.sqlite3"))
    assert len(backups) == 1
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(DatabaseError) as info:
        open_database(db, backups=tmp_path / "bk")
    assert str(backups[0]) in str(info.value)
