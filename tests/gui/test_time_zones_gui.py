"""A stored time (UTC, no zone) is shown as the reader's local time: a colleague 14 hours
ahead of UTC and one 12 hours behind each see the moment in their own clock."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale

from claimdesk.domain import HistoryEntry, HistoryField
from claimdesk.gui.i18n import format_datetime
from claimdesk.gui.panels.history_view import when_text

STORED = datetime(2026, 3, 7, 14, 5, 30)  # 14:05:30 UTC


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("UTC", "2026-03-07 14:05"), ("Etc/GMT-14", "2026-03-08 04:05"),
     ("Etc/GMT+12", "2026-03-07 02:05"), ("Europe/Paris", "2026-03-07 15:05"),
     ("America/New_York", "2026-03-07 09:05")],
)  # fmt: skip
def test_stored_times_are_shown_in_the_local_zone(
    qapp, monkeypatch: pytest.MonkeyPatch, zone: str, shown: str
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale.c())  # ISO dates, whatever the machine's locale
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        entry = HistoryEntry(1, 1, STORED, "Dana", HistoryField.STATUS, "todo", "done")
        assert when_text(entry) == shown
        assert format_datetime(STORED, seconds=True) == f"{shown}:30"
    finally:
        QLocale.setDefault(before)
        monkeypatch.undo()
        time.tzset()


def test_times_at_the_ends_of_the_calendar_are_shown_not_raised(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk altered by another program may hold year 9999 or year 1: no zone can move
    them further, so they are shown as stored."""
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    monkeypatch.setenv("TZ", "Etc/GMT-14")
    time.tzset()
    try:
        assert format_datetime(datetime(9999, 12, 31, 23, 59)) == "9999-12-31 23:59"
        monkeypatch.setenv("TZ", "Etc/GMT+12")
        time.tzset()
        first = datetime(1, 1, 1, 0, 0)
        assert format_datetime(first) == f"{first:%Y-%m-%d %H:%M}"  # as in UTC
    finally:
        QLocale.setDefault(before)
        monkeypatch.undo()
        time.tzset()
