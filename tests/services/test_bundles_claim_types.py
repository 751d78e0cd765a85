"""The DATE claim type travels by bundle; a type this ClaimDesk does not know refuses it whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain import ClaimType
from claimdesk.exchange.bundle_file import BundleRefused
from claimdesk.services.bundles import export_bundle, import_bundle, preview_bundle
from claimdesk.services.workbench import Workbench
from tests.reports.casework import Case, build_case, open_workbench
from tests.services.test_bundles_trust import edited, fingerprint


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    built = build_case(tmp_path / "a")
    yield built
    built.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Workbench]:
    wb = open_workbench(tmp_path / "b" / "b.sqlite3")
    yield wb
    wb.db.dispose()


def _first_claim_types(types: list[str]) -> Any:
    def edit(data: dict[str, Any]) -> None:
        data["articles"][0]["claims"][0]["types"] = types
    return edit


def test_a_date_claim_travels_by_bundle(case: Case, other: Workbench, tmp_path: Path) -> None:
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])
    dated = edited(good, tmp_path / "dated.claimdesk", _first_claim_types(["quantity", "date"]))
    import_bundle(other.db, dated)
    types = [c.types for a in other.articles() for c in other.claims(a.id)]
    assert (ClaimType.QUANTITY, ClaimType.DATE) in types


def test_a_claim_type_this_claimdesk_does_not_know_refuses_the_bundle_whole(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    """What an older ClaimDesk meets in a bundle with "date": refused, unchanged, told why."""
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])
    newer = edited(good, tmp_path / "newer.claimdesk", _first_claim_types(["timeline"]))
    before = fingerprint(other.db.path)
    for attempt in (preview_bundle, import_bundle):
        with pytest.raises(BundleRefused, match="newer ClaimDesk") as caught:
            attempt(other.db, newer)
        message = str(caught.value)
        assert "'timeline'" in message and "Update ClaimDesk" in message
        assert "\n" not in message and "malformed" not in message
        assert fingerprint(other.db.path) == before
