"""Shared helpers for the reliability tests: generated articles, subprocesses, raw reads."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Lines that only ever come from an uncaught exception.
TRACEBACK = "Traceback (most recent call last)"


def app_tracebacks(stderr: str) -> list[str]:
    """Tracebacks in `stderr`, less those of a parser process orphaned by a SIGKILL.

    When a child is killed while it starts its isolated parser process, that process
    finds its pipe closed inside multiprocessing's own start-up ("Ran out of input")
    before any ClaimDesk code runs: the simulated crash itself, not a fault of ours.
    """
    blocks = stderr.split(TRACEBACK)[1:]
    return [b for b in blocks
            if not ("multiprocessing" in b and "spawn_main" in b
                    and ("Ran out of input" in b or "EOFError" in b))]


def child_env() -> dict[str, str]:
    """The environment of a child ClaimDesk: our package importable, Qt headless."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO / "desktop"), str(REPO), env.get("PYTHONPATH", "")]
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def write_articles(folder: Path, count: int) -> list[Path]:
    """`count` small distinct text articles, each with a few check-worthy sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article_{i:03d}.txt"
        path.write_text(
            f"Report number {i} from the council.\n\n"
            f"The mayor said unemployment fell to {i % 9 + 1}.{i % 7} percent in {1990 + i % 30}. "
            f"The council built {i * 3 + 12} new homes last year, "
            "more than in any year since 2001. "
            f"Residents gathered in the square on day {i}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def claimdesk(*args: str) -> subprocess.Popen[str]:
    """Start `python -m claimdesk ARGS` with pipes for its output."""
    return subprocess.Popen(
        [sys.executable, "-m", "claimdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=REPO,
    )


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def claim_set(path: Path) -> list[tuple[object, ...]]:
    """Every claim by its article's contents and its span: comparable across databases."""
    return query(
        path,
        "SELECT a.sha256, c.start, c.end, c.text, c.origin, c.status FROM claims c "
        "JOIN articles a ON a.id = c.article_id ORDER BY 1, 2, 3, 4",
    )
