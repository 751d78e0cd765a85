"""Report selection from a real database: by article, by checking period, and the settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from claimdesk.errors import KnownError
from claimdesk.reports.model import Organisation
from claimdesk.services.reporting import Reporting, ReportSelectionError
from claimdesk.storage.orm import VerdictRow
from tests.reports.casework import NASTY_CLAIM, PLAIN_CLAIM, TRUE_CLAIM, Case, build_case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    built = build_case(tmp_path)
    yield built
    built.close()


def backdate(case: Case, claim_id: int, when: datetime) -> None:
    """Pretend a verdict was last changed at `when` (the Workbench always stamps now)."""
    with case.workbench.db.sessions.begin() as session:
        verdict = session.query(VerdictRow).filter_by(claim_id=claim_id).one()
        verdict.updated_at = when


def texts(report) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[c.text for c in part.claims] for part in report.articles]


def test_default_report_holds_worked_on_claims_with_sources(case: Case) -> None:
    report = case.reporting.build(now=datetime(2026, 3, 9, 12, 0, 30, 123))
    assert [p.article.id for p in report.articles] == [case.article_one, case.article_two]
    assert texts(report) == [[NASTY_CLAIM, PLAIN_CLAIM], [TRUE_CLAIM]]
    nasty = report.articles[0].claims[0]
    assert nasty.number == 1 and len(nasty.sources) == 2 and nasty.source_count == 2
    assert report.checker == 'Dana "D" Reyes'
    assert report.generated_at == datetime(2026, 3, 9, 12, 0, 30)
    assert report.title == "Fact-check report: 2 articles"
    assert next(r.name for r in report.scale.ratings) == "True"
    everything = case.reporting.build([case.article_one], all_claims=True)
    assert len(everything.articles[0].claims) == 3
    assert [c.number for c in everything.articles[0].claims] == [1, 2, 3]
    assert everything.title.startswith("Fact-check: Budget &")


def test_selection_by_ids_keeps_the_given_order(case: Case) -> None:
    report = case.reporting.build([case.article_two, case.article_one, case.article_two])
    assert [p.article.id for p in report.articles] == [case.article_two, case.article_one]
    with pytest.raises(ReportSelectionError, match="No article with id 42"):
        case.reporting.build([case.article_one, 42])


def test_selection_by_checking_period(case: Case) -> None:
    backdate(case, case.nasty_claim, datetime(2026, 2, 27, 23, 59, 59))
    backdate(case, case.plain_claim, datetime(2026, 3, 1, 0, 0, 0))
    backdate(case, case.true_claim, datetime(2026, 3, 31, 18, 0, 0))
    march = case.reporting.build(checked_from=date(2026, 3, 1), checked_to=date(2026, 3, 31))
    assert texts(march) == [[PLAIN_CLAIM], [TRUE_CLAIM]]
    assert march.title == "Claims checked 2026-03-01 – 2026-03-31"
    assert case.reporting.checked_between(date(2026, 2, 27), date(2026, 2, 27)) == [
        case.article_one
    ]
    one_day = case.reporting.build([case.article_one, case.article_two],
                                   checked_from=date(2026, 3, 31), checked_to=date(2026, 3, 31))
    assert texts(one_day) == [[TRUE_CLAIM]]
    with pytest.raises(ReportSelectionError, match="No claim was checked"):
        case.reporting.build(checked_from=date(2025, 1, 1), checked_to=date(2025, 1, 31))
    with pytest.raises(ReportSelectionError, match=r"ends .* before it starts"):
        case.reporting.build(checked_from=date(2026, 3, 2), checked_to=date(2026, 3, 1))
    with pytest.raises(ReportSelectionError, match="both"):
        case.reporting.build(checked_from=date(2026, 3, 2))


def test_organisation_settings_round_trip_and_reach_reports(case: Case) -> None:
    assert case.reporting.organisation() == Organisation()
    wb = case.workbench
    wb.save_settings(
        replace(
            wb.settings(),
            org_name=" Fact & Check ",
            org_url=" https://factcheck.example ",
            org_logo="/tmp/logo.png",
        )
    )
    again = Reporting(case.workbench.db)
    assert again.organisation() == Organisation(
        "Fact & Check", "https://factcheck.example", "/tmp/logo.png"
    )
    assert again.build().organisation.name == "Fact & Check"
    with pytest.raises(KnownError, match="must start with http"):
        wb.save_settings(replace(wb.settings(), org_name="Lab", org_url="factcheck.example"))
    assert again.organisation().url == "https://factcheck.example"


def test_empty_database_has_nothing_to_report(tmp_path: Path) -> None:
    from tests.reports.casework import open_workbench

    wb = open_workbench(tmp_path / "empty.sqlite3")
    try:
        with pytest.raises(ReportSelectionError, match="no articles"):
            Reporting(wb.db).build()
        assert Reporting(wb.db).article_ids() == []
    finally:
        wb.db.dispose()
