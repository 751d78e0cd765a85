"""Fixtures the service tests share: a desk with a worked case, and a second, empty desk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.services.workbench import Workbench
from tests.reports.casework import Case, build_case, open_workbench


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    """A desk (under tmp_path/a) with articles, claims, verdicts and sources."""
    built = build_case(tmp_path / "a")
    yield built
    built.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Workbench]:
    """A second, empty desk (under tmp_path/b): where bundles are imported."""
    wb = open_workbench(tmp_path / "b" / "b.sqlite3")
    yield wb
    wb.db.dispose()
