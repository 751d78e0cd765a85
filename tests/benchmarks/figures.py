"""Each benchmark's figure beside its target and its same-run baseline, as README's table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure, what it is compared with, and whether it met its target."""

    what: str
    measured: float
    unit: str
    target: str
    met: bool
    baseline: float | None = None
    baseline_what: str = ""
    #: How it was measured (one core, the machine's load): said after the verdict.
    note: str = ""

    def line(self) -> str:
        base = ""
        if self.baseline is not None:
            base = (
                f"; {self.baseline_what} {self.baseline:.4g} {self.unit}"
                f" (ratio {self.measured / self.baseline:.2f})"
            )
        verdict = "meets" if self.met else "MISSES"
        note = f" [{self.note}]" if self.note else ""
        return (
            f"{self.what}: {self.measured:.4g} {self.unit}{base}; "
            f"target {self.target} — {verdict} it{note}"
        )


#: Filled by the benchmarks of this run; conftest.py prints them in the terminal summary.
FIGURES: list[Figure] = []


def record(figure: Figure) -> None:
    FIGURES.append(figure)


def write_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("benchmark figures (measured · baseline · target)")
    for figure in FIGURES:
        terminalreporter.write_line(figure.line())
