"""Report tests share one case file per module: building it goes through the real Workbench."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest

from claimdesk.reports.model import ReportData
from tests.reports.casework import Case, build_case

GENERATED = datetime(2026, 3, 9, 14, 30)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    built = build_case(tmp_path_factory.mktemp("case"))
    wb = built.workbench
    wb.save_settings(
        replace(wb.settings(), org_name="Fact & Check <Lab>", org_url="https://factcheck.example/")
    )
    yield built
    built.close()


@pytest.fixture(scope="module")
def report(case: Case) -> ReportData:
    return case.reporting.build(now=GENERATED)
