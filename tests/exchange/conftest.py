"""Bundle format tests share one case file per module, built through the real Workbench."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reports.casework import Case, build_case


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    built = build_case(tmp_path_factory.mktemp("case"))
    yield built
    built.close()
