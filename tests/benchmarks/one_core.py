"""Measuring on one core: the process pinned to one CPU, and the machine's load said beside it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: Thread pools the NLP libraries may start (BLAS, OpenMP); set before they are imported
#: (tests/benchmarks/conftest.py imports this module first) so each keeps to one thread.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ.setdefault(_name, "1")


@contextmanager
def one_core() -> Iterator[int]:
    """Pins this process (all its threads) to one CPU for the block; yields that CPU.

    With two cores shared by other work, a second thread would borrow time the other
    measurement in the same run does not get; on one core both pay the same.
    """
    allowed = os.sched_getaffinity(0)
    cpu = max(allowed)  # the last CPU: the first is where interrupts and the desktop go
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, allowed)


def machine_load() -> str:
    """The 1-minute load average beside the number of CPUs, e.g. "load 2.31 on 2 CPUs"."""
    return f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"


class Clock:
    """Wall-clock and CPU seconds of this process since it was made.

    On a shared machine the pinned process's CPU time is what it would take alone;
    wall-clock time also counts its waits for the core.
    """

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def cpu_timed(fn: Callable[..., Any], cpu_seconds: list[float]) -> Callable[..., Any]:
    """`fn`, appending the CPU seconds of each call to `cpu_seconds`."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        clock = Clock()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu_seconds.append(clock.read()[1])

    return timed


def score_on_one_core(
    benchmark: Any, score: Callable[[list[str], int], list[float]], sentences: list[str],
    batch_size: int,
) -> tuple[list[float], str]:
    """Scores `sentences` in three rounds on one core; the CPU seconds per round and how.

    Checks on the way that every sentence got a probability, so a benchmark of a scorer
    that returns nothing (or nonsense) fails instead of looking fast.
    """
    with one_core() as cpu:
        before = machine_load()
        cpu_seconds: list[float] = []
        scores = benchmark.pedantic(cpu_timed(score, cpu_seconds),
                                    args=(sentences, batch_size), rounds=3, warmup_rounds=1)
        after = machine_load()
    assert len(scores) == len(sentences)
    assert all(0.0 <= s <= 1.0 for s in scores)
    return cpu_seconds, f"CPU time on one core (CPU {cpu}), {before} before, {after} after"
