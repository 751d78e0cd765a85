"""SIGTERM and Ctrl+C close the running window as its close button does: no traceback,
no "Error calling Python override", the work saved, and the exit code the commands give."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED

REPO = Path(__file__).resolve().parents[2]


def _start(data: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "claimdesk", *args],
        cwd=REPO, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _claims(data: Path) -> int:
    database = data / "claimdesk.sqlite3"
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])
    except sqlite3.Error:  # not created yet, or being created
        return 0


def _wait_for_claims(proc: subprocess.Popen[str], data: Path) -> None:
    deadline = time.monotonic() + 120
    while _claims(data) == 0:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _out, err = proc.communicate()
            pytest.fail(f"the window never showed the seed's claims: {err}")
        time.sleep(0.2)
    time.sleep(1.0)  # the window idle on the article, as after `make run`


def _stopped(proc: subprocess.Popen[str], how: signal.Signals) -> tuple[int, str]:
    proc.send_signal(how)
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"{how.name} left the window running; stderr: {err}")
    return proc.returncode, err


@pytest.mark.parametrize(("how", "code", "said"), [
    (signal.SIGTERM, 143, "claimdesk: Stopped."),
    (signal.SIGINT, 130, "claimdesk: Interrupted."),
])  # fmt: skip
def test_a_signal_closes_the_open_window_quietly(
    tmp_path: Path, how: signal.Signals, code: int, said: str
) -> None:
    data = tmp_path / "data"
    proc = _start(data, str(SEED))
    _wait_for_claims(proc, data)
    returncode, err = _stopped(proc, how)
    assert "Error calling Python override" not in err, err
    assert "Traceback" not in err, err
    assert returncode == code, err
    assert said in err
    # The window closed as its close button closes it: only closing remembers the layout.
    settings = (data / "ui.ini").read_text(encoding="utf-8")
    assert "[window]" in settings and "geometry=" in settings, settings
    log = (data / "logs" / "claimdesk.log").read_text(encoding="utf-8")
    assert "unexpected error" not in log, log
