"""Benchmarks print their figures against targets and baselines at the end of the run."""

from __future__ import annotations

import pytest

# First: it sets the libraries' thread counts before any of them is imported.
from tests.benchmarks import one_core  # noqa: F401  isort: skip
from tests.benchmarks.figures import write_summary


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    write_summary(terminalreporter)
