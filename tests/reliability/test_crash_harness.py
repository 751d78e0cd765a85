"""Crash harness: SIGKILL a ClaimDesk at random moments; nothing it reported saved is lost.

`make test` runs a few kills; `make soak` sets CLAIMDESK_SOAK_KILLS (≥ 50). The kills
are shared: half during edits, imports and bundle imports, a quarter during a schema
upgrade from an older revision and a quarter during the creation of a new database.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.domain import ClaimStatus, SourceDraft
from claimdesk.exchange.bundle_file import read_bundle
from claimdesk.services.bundles import export_bundle
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import _alembic_config, head_revision, open_database
from tests.reliability.crash_child import NoModels
from tests.reliability.helpers import REPO, app_tracebacks, child_env, query

KILLS = int(os.environ.get("CLAIMDESK_SOAK_KILLS", "8"))
EDIT_KILLS = max(2, KILLS - 2 * (KILLS // 4))
UPGRADE_KILLS = max(1, KILLS // 4)
CREATE_KILLS = max(1, KILLS // 4)

#: The revision an older ClaimDesk left its databases at.
OLD_REVISION = "0002"
OLD_SHA = "0" * 64



@dataclass
class Tally:
    """What the harness did and checked, for the summary line (and the README figures)."""

    kills: int = 0
    reported: int = 0
    checked: int = 0
    lost: list[str] = field(default_factory=list)

    def report(self, name: str) -> str:
        return (
            f"{name}: {self.kills} kills, {self.reported} edits reported saved, "
            f"{self.checked} final values checked, lost {len(self.lost)}"
        )


def _check_sql(kind: str) -> str:
    return {
        "status": "SELECT status FROM claims WHERE id = :id",
        "verdict": "SELECT rating_id || '|' || explanation FROM verdicts WHERE claim_id = :id",
        "source": "SELECT note FROM source_notes WHERE id = :id",
        "claim": "SELECT start || ':' || \"end\" FROM claims WHERE id = :id",
        "article": "SELECT 'present' FROM articles WHERE sha256 = :id",
    }[kind]


class Run:
    """One child on one database: start, wait for a line, kill, read what it said."""

    def __init__(self, db: Path, work: Path, seed: int) -> None:
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._opening = threading.Event()
        self._saved = threading.Event()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_child", str(db), str(work), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=REPO,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: never reported
            self.lines.append(line.rstrip("\n"))
            if line == "opening\n":
                self._opening.set()
            if line == "ready\n":
                self._ready.set()
            if line.startswith("saved "):
                self._saved.set()

    def wait_for(self, what: str, timeout: float = 120) -> float:
        event = {"ready": self._ready, "opening": self._opening, "saved": self._saved}[what]
        start = time.monotonic()
        if not event.wait(timeout):
            self.kill()
            pytest.fail(f"the child never printed {what!r}: {self.stderr()}")
        return time.monotonic() - start

    def kill(self) -> None:
        if self.proc.poll() is not None:
            pytest.fail(f"the child ended by itself (rc {self.proc.returncode}): {self.stderr()}")
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        self._reader.join(timeout=60)

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if self.proc.poll() is not None else ""


def verify(db_path: Path, lines: list[str], bundles: dict[str, set[str]], tally: Tally) -> None:
    """The database opens, passes integrity_check and holds every saved edit."""
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            saved: dict[tuple[str, str], str] = {}
            in_flight: dict[tuple[str, str], set[str]] = {}
            for line in lines:
                verb, _, rest = line.partition(" ")
                if verb not in ("doing", "saved"):
                    continue
                kind, ident, value = rest.split(" ", 2)
                if verb == "doing":
                    in_flight.setdefault((kind, ident), set()).add(value)
                else:
                    tally.reported += 1
                    saved[(kind, ident)] = value
                    in_flight.pop((kind, ident), None)
            for (kind, ident), value in saved.items():
                tally.checked += 1
                if kind == "bundle":
                    shas = bundles[ident]
                    found = {
                        sha
                        for sha in shas
                        if conn.execute(_sql("article"), {"id": sha}).scalar() is not None
                    }
                    actual = "present" if found == shas else "missing"
                else:
                    actual = conn.execute(_sql(kind), {"id": ident}).scalar()
                allowed = {value} | in_flight.get((kind, ident), set())
                if actual not in allowed:
                    tally.lost.append(f"{kind} {ident}: saved {value!r}, found {actual!r}")
    finally:
        db.dispose()


def _sql(kind: str) -> object:
    return text(_check_sql(kind))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, set[str]]]]:
    """A work folder with three case bundles (article, claim, verdict, source each)."""
    folder = tmp_path_factory.mktemp("crash")
    (folder / "bundles").mkdir()
    shas: dict[str, set[str]] = {}
    for n in range(3):
        db = open_database(folder / f"source{n}.sqlite3")
        wb = Workbench(db, NoModels())
        article = folder / f"bundle{n}.txt"
        article.write_text(f"Bundle article {n}: exports fell by {n + 3}% in 2024.\n", "utf-8")
        article_id = wb.open_file(article).article_id
        claim_id, _ = wb.add_claim(article_id, 0, 30)
        wb.set_verdict(claim_id, wb.rating_scale().ratings[n].id, f"Bundle verdict {n}")
        wb.add_source(claim_id, SourceDraft(url="https://example.org/s", note=f"Bundle note {n}"))
        wb.set_status(claim_id, ClaimStatus.DONE)
        path = folder / "bundles" / f"case{n}.claimdesk"
        export_bundle(db, path)
        db.dispose()
        shas[path.stem] = {a.sha256 for a in read_bundle(path).articles}
    yield folder, shas


def _old_database(path: Path) -> None:
    """A database as an older ClaimDesk left it, with one article in it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, OLD_REVISION)
        conn.execute(
            text(
                "INSERT INTO articles (title, file_name, file_path, format, sha256, text,"
                " imported_at) VALUES ('Old', 'old.txt', '/x/old.txt', 'txt', :sha,"
                " 'Old text from an older ClaimDesk.', '2025-01-01 10:00:00')"
            ),
            {"sha": OLD_SHA},
        )
    engine.dispose()


def _kill_rounds(
    rounds: int,
    db_for_round: Path | None,
    fresh_db: object,
    work: tuple[Path, dict[str, set[str]]],
    seed: int,
    early: bool,
    baseline: tuple[str, ...] = (),
) -> Tally:
    """`rounds` children, each killed at a random moment; verify after every kill.

    `early`: kill while the database is being opened (created or upgraded), at a moment
    drawn from the time an unkilled open took; otherwise during the edits after it.
    `baseline`: "saved" lines true of every database before its child starts.
    """
    folder, bundles = work
    rng = random.Random(seed)
    tally = Tally()
    open_time = 0.0
    if early:
        probe_db = fresh_db(folder / f"probe{seed}.sqlite3")  # type: ignore[operator]
        probe = Run(probe_db, folder, seed)
        probe.wait_for("opening")
        open_time = probe.wait_for("ready")
        probe.kill()
    for n in range(rounds):
        db = db_for_round or fresh_db(folder / f"round{seed}_{n}.sqlite3")  # type: ignore[operator]
        run = Run(db, folder, seed * 1000 + n)
        if early:
            run.wait_for("opening")
            time.sleep(rng.uniform(0, open_time * 1.2))
        else:
            run.wait_for("ready")
            # On a loaded machine the first edit can take seconds after "ready": waiting
            # for it keeps every round a kill in the middle of real work.
            run.wait_for("saved")
            time.sleep(rng.uniform(0, 1.5))
        run.kill()
        tally.kills += 1
        stderr = run.stderr()
        assert not app_tracebacks(stderr), stderr
        try:
            verify(db, [*baseline, *run.lines], bundles, tally)
        except Exception as exc:
            raise AssertionError(f"after kill {n + 1} of {rounds} ({tally.kills - 1} survived): "
                                 f"{type(exc).__name__}: {exc}") from exc
        if early:
            assert query(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    return tally


def test_kills_during_edits_imports_and_bundle_imports(
    work: tuple[Path, dict[str, set[str]]],
) -> None:
    folder, _ = work
    db = folder / "desk.sqlite3"
    tally = _kill_rounds(EDIT_KILLS, db, None, work, seed=1, early=False)
    print(tally.report("edits"))
    assert not tally.lost, tally.lost
    assert tally.checked >= EDIT_KILLS  # the children did get work done between kills


def test_kills_during_a_schema_upgrade(work: tuple[Path, dict[str, set[str]]]) -> None:
    folder, _ = work
    template = folder / f"template-{OLD_REVISION}.sqlite3"
    _old_database(template)

    def fresh(path: Path) -> Path:
        target = path.with_name(f"{path.stem}-{OLD_REVISION}.sqlite3")
        shutil.copyfile(template, target)
        return target

    tally = _kill_rounds(
        UPGRADE_KILLS, None, fresh, work, seed=2, early=True,
        baseline=(f"saved article {OLD_SHA} present",),
    )
    print(tally.report("upgrade"))
    assert not tally.lost, tally.lost


def test_kills_during_the_creation_of_a_database(work: tuple[Path, dict[str, set[str]]]) -> None:
    tally = _kill_rounds(CREATE_KILLS, None, lambda path: path, work, seed=3, early=True)
    print(tally.report("create"))
    assert not tally.lost, tally.lost


def test_the_harness_notices_a_lost_or_altered_edit(
    work: tuple[Path, dict[str, set[str]]],
) -> None:
    """The check itself can fail: a reported edit that is not in the database is lost."""
    folder, bundles = work
    db = folder / "lossy.sqlite3"
    run = Run(db, folder, seed=7)
    run.wait_for("ready")
    deadline = time.monotonic() + 60
    while not any(line.startswith("saved status") for line in run.lines):
        assert time.monotonic() < deadline, run.lines
        time.sleep(0.05)
    run.kill()
    saved = [line for line in run.lines if line.startswith("saved status")]
    assert saved, run.lines
    _, _, claim_id, _ = saved[-1].split(" ", 3)
    tally = Tally()
    verify(db, run.lines, bundles, tally)
    assert not tally.lost
    forged = [
        *run.lines,
        f"saved status {claim_id} not-a-status",
        f"saved article {OLD_SHA} present",
    ]
    verify(db, forged, bundles, tally)
    assert len(tally.lost) == 2, tally.lost
