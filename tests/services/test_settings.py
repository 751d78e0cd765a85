"""Settings stored with the data: typed, trimmed, checked, and shared with the reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.domain import DeskSettings, Theme
from claimdesk.services.desk_settings import SettingsError
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.reporting import Reporting
from claimdesk.services.workbench import Workbench
from claimdesk.storage import repositories as repo
from tests.pg import target_of
from tests.services.desk import open_workbench


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def test_defaults_of_a_new_database(wb: Workbench) -> None:
    assert wb.settings() == DeskSettings(
        checker_name="", org_name="", org_url="", org_logo="", threshold=0.5, theme=Theme.SYSTEM
    )


def test_saved_settings_are_trimmed_and_survive_a_restart(
    wb: Workbench, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    logo = tmp_path / "logo.png"
    changes = wb.save_settings(
        DeskSettings(
            checker_name="  Dana Reyes ",
            org_name=" Fact Desk ",
            org_url=" https://factdesk.example ",
            org_logo=f" {logo} ",
            threshold=0.35,
            theme=Theme.DARK,
        )
    )
    assert changes.library  # the library's counts depend on the threshold
    expected = DeskSettings(
        checker_name="Dana Reyes",
        org_name="Fact Desk",
        org_url="https://factdesk.example",
        org_logo=str(logo),
        threshold=0.35,
        theme=Theme.DARK,
    )
    assert wb.settings() == expected
    assert wb.checker_name() == "Dana Reyes"
    again = open_workbench(target_of(wb.db), nlp_provider)
    try:
        assert again.settings() == expected
    finally:
        again.db.dispose()
    assert not wb.save_settings(expected)  # same threshold: nothing to refresh


def test_reports_read_the_same_organisation(wb: Workbench) -> None:
    wb.save_settings(DeskSettings(org_name="Fact Desk", org_url="http://f.example", org_logo="l"))
    org = Reporting(wb.db).organisation()
    assert (org.name, org.url, org.logo) == ("Fact Desk", "http://f.example", "l")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (DeskSettings(org_url="factdesk.example"), "must start with http"),
        (DeskSettings(threshold=1.5), "between 0 and 1"),
        (DeskSettings(threshold=-0.1), "between 0 and 1"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_stored(
    wb: Workbench, settings: DeskSettings, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        wb.save_settings(settings)
    assert wb.settings() == DeskSettings()


def test_damaged_stored_values_fall_back_to_defaults(wb: Workbench) -> None:
    with wb.db.sessions.begin() as session:
        repo.set_setting(session, "threshold", "lots")
        repo.set_setting(session, "theme", "purple")
    assert wb.settings().threshold == 0.5
    assert wb.settings().theme is Theme.SYSTEM
    with wb.db.sessions.begin() as session:
        repo.set_setting(session, "threshold", "0.8")
        repo.set_setting(session, "theme", "light")
    assert (wb.settings().threshold, wb.settings().theme) == (0.8, Theme.LIGHT)
