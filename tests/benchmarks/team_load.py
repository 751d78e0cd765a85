"""Many checkers saving on one shared desk at once: the load run and its no-lost-edit audit.

Each checker is its own process (forked, so nothing is imported again) with its own
engine and Workbench. For `seconds` it picks a claim of a shared pool, reads it, thinks
a moment, and saves a verdict (another rating, or only a new explanation) or its source
note, based on the version it read. A SaveConflict is counted; the checker reads the
claim again and retries the same text. Every save that returns, and the version it was
based on, is written to a JSON file the audit reads after all checkers have finished.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import resource
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, HistoryField, SourceDraft
from claimdesk.errors import SaveConflict
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database

#: Retries of one save after conflicts before the checker gives up on it (counted as
#: `gave_up`; past the run's end a conflicted edit is abandoned instead).
RETRIES = 20
#: A checker reads, then saves this long later at most (seconds): the window's typing.
THINK_S = 0.02
#: Seconds past the run's end a checker may take to finish before it counts as hung.
GRACE_S = 60.0


@dataclass
class Pool:
    """The shared claims (each with a verdict and one source note) the checkers edit."""

    claims: list[int]
    notes: dict[int, int]  # claim id → its note's id
    ratings: list[int]


def make_pool(target: str, claims: int) -> Pool:
    """An article with `claims` claims, each rated and with one note, written directly."""
    sentences = [f"Figure {i} rose by {i + 3} percent last year." for i in range(claims)]
    text = " ".join(sentences)
    db = open_database(target)
    try:
        with db.sessions.begin() as session:
            article = repo.add_article(
                session, text=text, metadata=ArticleMetadata(title="Load"), file_name="load.txt",
                file_path="load.txt", fmt="txt", sha256=f"{random.getrandbits(128):032x}",
            )  # fmt: skip
            ids, at = [], 0
            for sentence in sentences:
                start = text.index(sentence, at)
                at = start + len(sentence)
                ids.append(repo.add_claim(
                    session, article, CandidateClaim(start, at, sentence), ClaimOrigin.MANUAL))
            ratings = [r.id for r in repo.default_scale(session).ratings]
            notes = {}
            for claim in ids:
                repo.set_verdict(session, claim, ratings[0], f"seed {claim}", "seed")
                notes[claim] = repo.add_source(
                    session, claim, SourceDraft(url="https://stats.example", note=f"seed {claim}")
                )
    finally:
        db.dispose()
    return Pool(ids, notes, ratings)


def _save(
    wb: Workbench, pool: Pool, rng: random.Random, name: str, n: int, deadline: float
) -> dict[str, Any]:
    """One edit, retried on conflict until the run's end; returns what the audit needs."""
    claim = rng.choice(pool.claims)
    kind = "note" if rng.random() < 0.4 else "verdict"
    words = f"{name} edit {n}"
    rating = rng.choice(pool.ratings)
    record: dict[str, Any] = {"kind": kind, "claim": claim, "text": words, "latencies": []}
    for _ in range(RETRIES):
        if record["latencies"] and time.monotonic() > deadline:
            record["abandoned"] = True  # the checker went home with the edit unsaved
            return record
        current = wb.claim(claim)
        note = next(s for s in current.sources if s.id == pool.notes[claim])
        based_on = note.version if kind == "note" else current.version
        time.sleep(rng.uniform(0, THINK_S))
        started = time.perf_counter()
        try:
            if kind == "note":
                wb.update_source(note.id, SourceDraft(url=note.url, note=words),
                                 expected_version=based_on)  # fmt: skip
            else:
                wb.set_verdict(claim, rating, words, expected_version=based_on)
        except SaveConflict:
            record["latencies"].append(time.perf_counter() - started)
            record.setdefault("conflicts", 0)
            record["conflicts"] += 1
            continue
        record["latencies"].append(time.perf_counter() - started)
        record["based_on"] = based_on
        return record
    record["gave_up"] = True
    return record


def _checker(target: str, pool: Pool, index: int, seconds: float, out: str) -> None:
    """One checker's process: edits until the deadline, then writes its records."""
    name = f"checker{index:02d}"
    rng = random.Random(index)
    records: list[dict[str, Any]] = []
    failure: str | None = None
    deadline = time.monotonic() + seconds
    wb = Workbench(open_database(target), NlpProvider())
    wb.checker = name
    try:
        n = 0
        while time.monotonic() < deadline:
            records.append(_save(wb, pool, rng, name, n, deadline))
            n += 1
    except DBAPIError as exc:  # a deadlock (psycopg DeadlockDetected) or any other
        failure = f"{type(exc.orig).__name__}: {exc.orig}"
    except Exception as exc:  # reported by the audit, with its kind
        failure = f"{type(exc).__name__}: {exc}"
    finally:
        wb.db.dispose()
    Path(out).write_text(json.dumps({"records": records, "failure": failure}), "utf-8")


@dataclass
class LoadResult:
    """What the run measured and what its audit found wrong (empty `problems`: none)."""

    seconds: float
    saves: int
    conflicts: int
    latencies_ms: list[float]
    problems: list[str] = field(default_factory=list)
    gave_up: int = 0
    #: CPU seconds the checkers' processes and the server's used (None: not measured).
    client_cpu_s: float | None = None
    server_cpu_s: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=20)[-1]

    @property
    def saves_per_s(self) -> float:
        return self.saves / self.seconds

    def line(self) -> str:
        return (
            f"{self.saves} saves in {self.seconds:.1f} s ({self.saves_per_s:.1f}/s), "
            f"{self.conflicts} conflicts; save latency median {self.median_ms:.1f} ms, "
            f"p95 {self.p95_ms:.1f} ms; problems: {len(self.problems)}{self._cpu()}"
        )

    def _cpu(self) -> str:
        if not self.saves or self.client_cpu_s is None or self.server_cpu_s is None:
            return ""
        return (
            f"; CPU per save: checkers {1000 * self.client_cpu_s / self.saves:.0f} ms, "
            f"server {1000 * self.server_cpu_s / self.saves:.0f} ms"
        )


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def server_cpu(postmaster_pid: Path | None) -> float | None:
    """CPU seconds of the server and the backends it has reaped (Linux /proc)."""
    if postmaster_pid is None:
        return None
    try:
        pid = postmaster_pid.read_text().split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # utime, stime, cutime, cstime: fields 14-17 of stat(5), counted after the ")".
    ticks = sum(int(v) for v in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def run_load(
    target: str, folder: Path, checkers: int, seconds: float, claims: int,
    postmaster_pid: Path | None = None,
) -> LoadResult:
    """Run `checkers` processes on the desk at `target` for `seconds`, then audit it.

    With the server's postmaster.pid, the CPU time it used meanwhile is measured too.
    """
    pool = make_pool(target, claims)
    cpu_before, server_before = _children_cpu(), server_cpu(postmaster_pid)
    fork = multiprocessing.get_context("fork")
    outs = [folder / f"checker{i:02d}.json" for i in range(checkers)]
    processes = [
        fork.Process(target=_checker, args=(target, pool, i, seconds, str(out)))
        for i, out in enumerate(outs)
    ]
    started = time.monotonic()
    for process in processes:
        process.start()
    problems: list[str] = []
    for i, process in enumerate(processes):
        process.join(timeout=max(0.0, started + seconds + GRACE_S - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
            problems.append(f"checker{i:02d} still running {GRACE_S:.0f} s after the end: hung")
    elapsed = time.monotonic() - started
    time.sleep(0.2)  # the backends of the checkers' connections exit and are reaped
    client_cpu, server_after = _children_cpu() - cpu_before, server_cpu(postmaster_pid)
    records: list[dict[str, Any]] = []
    for i, out in enumerate(outs):
        if not out.exists():
            problems.append(f"checker{i:02d} wrote no results (exit {processes[i].exitcode})")
            continue
        found = json.loads(out.read_text("utf-8"))
        if found["failure"]:
            problems.append(f"checker{i:02d} stopped: {found['failure']}")
        records += found["records"]
    saved = [r for r in records if "based_on" in r]
    result = LoadResult(
        seconds=elapsed,
        saves=len(saved),
        conflicts=sum(r.get("conflicts", 0) for r in records),
        latencies_ms=[s * 1000 for r in records for s in r["latencies"]],
        problems=problems,
        gave_up=sum(1 for r in records if r.get("gave_up")),
        client_cpu_s=client_cpu,
        server_cpu_s=None if server_after is None or server_before is None
        else server_after - server_before,
    )
    result.problems += audit(target, pool, saved)
    return result


def audit(target: str, pool: Pool, saved: list[dict[str, Any]]) -> list[str]:
    """Every save that returned is in the desk: none lost, none written over unseen.

    A save succeeded from version v means it wrote v + 1. So, per claim (verdicts) and
    per note: the successes' base versions are exactly v0, v0 + 1, … with no repeat (two
    saves from one version = one overwrote the other), the row's version now is v0 plus
    their number, and its text is the last one's. Each verdict save also has its history
    entry (who, the text it replaced, its text), and those entries chain: each replaced
    text is the one the entry before it wrote.
    """
    problems: list[str] = []
    db = open_database(target, create=False)
    wb = Workbench(db, NlpProvider())
    try:
        for claim in pool.claims:
            now = wb.claim(claim)
            note = next(s for s in now.sources if s.id == pool.notes[claim])
            assert now.verdict is not None
            for kind, version, text in (
                ("verdict", now.version, now.verdict.explanation),
                ("note", note.version, note.note),
            ):
                mine = sorted(
                    (r for r in saved if r["claim"] == claim and r["kind"] == kind),
                    key=lambda r: int(r["based_on"]),
                )
                if not mine:
                    continue
                bases = [int(r["based_on"]) for r in mine]
                first = bases[0]
                if bases != list(range(first, first + len(mine))):
                    problems.append(f"{kind} of claim {claim}: saves based on {bases}")
                if version != first + len(mine):
                    problems.append(f"{kind} of claim {claim}: version {version}, "
                                    f"{len(mine)} saves from {first}")  # fmt: skip
                if text != mine[-1]["text"]:
                    problems.append(f"{kind} of claim {claim}: holds {text!r}, "
                                    f"last save {mine[-1]['text']!r}")  # fmt: skip
            problems += _history_problems(wb, claim, saved)
    finally:
        db.dispose()
    return problems


def _history_problems(wb: Workbench, claim: int, saved: list[dict[str, Any]]) -> list[str]:
    """The claim's explanation history accounts for its verdict saves, in order.

    One entry may stand for several saves in a row by one checker: history merges a
    checker's explanation edits a few minutes apart into one (history_repo, as typing).
    So the entries must cut the saves into consecutive runs, each by the entry's checker,
    the entry's old text being the text before the run and its new text the run's last.
    """
    entries = [h for h in wb.history(claim) if h.field is HistoryField.EXPLANATION]
    mine = sorted(
        (r for r in saved if r["claim"] == claim and r["kind"] == "verdict"),
        key=lambda r: int(r["based_on"]),
    )
    at, before = 0, f"seed {claim}"
    for entry in entries:
        end = at
        while end < len(mine) and _who(mine[end]) == entry.who and mine[end]["text"] != entry.new:
            end += 1
        if end == len(mine) or _who(mine[end]) != entry.who or entry.old != before:
            return [f"claim {claim}: history entry {entry.who}: {entry.old!r} → {entry.new!r} "
                    f"is no run of saves after {before!r}"]  # fmt: skip
        at, before = end + 1, entry.new
    if at != len(mine):
        return [f"claim {claim}: {len(mine) - at} saves from {mine[at]['text']!r} on have no "
                "history entry"]  # fmt: skip
    return []


def _who(record: dict[str, Any]) -> str:
    return str(record["text"].split(" ")[0])
