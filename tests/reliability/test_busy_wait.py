"""Waiting for another writer: never "database is locked", always a word that we wait."""

from __future__ import annotations

import queue
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimdesk.services.bundles import export_bundle
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from claimdesk.storage.writer import WAITING, DatabaseBusy
from tests.reliability.helpers import TRACEBACK, claimdesk, query, write_articles

#: Longer than SQLite's busy timeout (5 s), which alone used to end in "database is locked".
HOLD_S = 6.5


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's write transaction: BEGIN IMMEDIATE on a raw connection."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO settings (key, value) VALUES ('other program', 'was here')")
        yield con
        con.execute("COMMIT")
    finally:
        con.close()


def _stderr_lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _run_while_locked(path: Path, *args: str) -> tuple[int, str, str]:
    """Start `claimdesk ARGS` while another writer holds the lock; release it HOLD_S after
    the child says it waits. Returns (rc, stdout, stderr)."""
    with write_lock_held(path):
        proc = claimdesk(*args)
        lines = _stderr_lines(proc)
        seen: list[str] = []
        deadline = time.monotonic() + 60
        while not any(WAITING in line for line in seen):
            try:
                seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                proc.kill()
                pytest.fail(f"the child never said it waits: {''.join(seen)}")
            if seen[-1] == "":
                pytest.fail(f"the child ended without waiting: {''.join(seen)}")
        time.sleep(HOLD_S)
        assert proc.poll() is None, "the child gave up while the lock was held"
    out, _ = proc.communicate(timeout=300)
    while (line := lines.get(timeout=30)) != "":
        seen.append(line)
    return proc.returncode, out, "".join(seen)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    open_database(path).dispose()
    return path


@pytest.mark.slow
def test_import_waits_for_another_writer_then_completes(desk: Path, tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", 1)
    rc, out, err = _run_while_locked(
        desk, "import", "--db", str(desk), "--data-dir", str(tmp_path / "d"), str(article)
    )
    assert TRACEBACK not in err and "locked" not in err, err
    assert rc == 0, err
    assert "claims" in out
    assert query(desk, "SELECT count(*) FROM articles") == [(1,)]
    assert query(desk, "SELECT value FROM settings WHERE key = 'other program'") == [("was here",)]


@pytest.mark.slow
def test_bundle_import_waits_for_another_writer_then_completes(
    desk: Path, tmp_path: Path
) -> None:
    source = open_database(tmp_path / "source.sqlite3")
    wb = Workbench(source, NlpProvider())
    (article,) = write_articles(tmp_path / "in", 1)
    article_id = wb.open_file(article).article_id
    wb.add_claim(article_id, 0, 10)
    bundle = tmp_path / "case.claimdesk"
    export_bundle(source, bundle)
    source.dispose()
    rc, out, err = _run_while_locked(
        desk, "bundle", "import", str(bundle), "--db", str(desk), "--data-dir", str(tmp_path / "d")
    )
    assert TRACEBACK not in err and "locked" not in err, err
    assert rc == 0, err
    assert "1 new" in out
    assert query(desk, "SELECT count(*) FROM claims") == [(1,)]


def test_a_writer_that_never_finishes_ends_in_a_plain_error(desk: Path, tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", 1)
    wb = Workbench(open_database(desk), NlpProvider())
    heard: list[str] = []
    wb.waiting, wb.wait_limit = heard.append, 1.5
    try:
        with write_lock_held(desk), pytest.raises(DatabaseBusy, match="try again"):
            wb.open_file(article)
    finally:
        wb.db.dispose()
    assert heard and heard[0] == WAITING
    assert query(desk, "SELECT count(*) FROM articles") == [(0,)]
