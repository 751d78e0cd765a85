"""Reports and exports show the desk's UTC times in the exporting machine's local time,
and say which: a verdict saved at 06:00 UTC was given on the evening before for a desk
12 hours behind UTC, and its ClaimReview, its "checked on" day and its period match."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import jsonschema
import pytest
from docx import Document

from claimdesk.paths import resource_path
from claimdesk.reports.claimreview import render_claimreview
from claimdesk.reports.csv_json import JSON_SCHEMA_FILE, render_csv, render_json
from claimdesk.reports.docx import render_docx
from claimdesk.reports.html import render_html
from claimdesk.reports.markdown import render_markdown
from claimdesk.storage.orm import VerdictRow
from tests.reports.casework import PLAIN_CLAIM, Case, build_case

SAVED = datetime(2026, 3, 9, 6, 0, 0)  # UTC: 2026-03-08 18:00 at UTC−12
NOW = datetime(2026, 3, 9, 6, 30, 0)


@pytest.fixture
def behind(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Etc/GMT+12")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def case(tmp_path: Path, behind: None) -> Iterator[Case]:
    built = build_case(tmp_path)
    wb = built.workbench
    wb.save_settings(replace(wb.settings(), org_name="Lab", org_url="https://factcheck.example/"))
    with built.workbench.db.sessions.begin() as session:
        for verdict in session.query(VerdictRow):
            verdict.updated_at = SAVED
    yield built
    built.close()


def test_reports_show_local_times_and_name_the_zone(case: Case) -> None:
    data = case.reporting.build([case.article_one], now=NOW)
    assert "Generated 2026-03-08 18:30 (UTC-12:00)" in render_markdown(data)
    assert "Generated 2026-03-08 18:30 (UTC-12:00)" in render_html(data)
    paragraphs = [p.text for p in Document(BytesIO(render_docx(data))).paragraphs]
    assert any("Generated 2026-03-08 18:30 (UTC-12:00)" in p for p in paragraphs)
    assert "on 2026-03-08" in render_markdown(data)
    assert ",2026-03-08," in render_csv(data)
    exported = json.loads(render_json(data))
    assert exported["generated_at"] == "2026-03-08T18:30:00-12:00"  # local, with its offset
    verdicts = [c["verdict"] for c in exported["articles"][0]["claims"] if c["verdict"]]
    assert {v["updated_at"] for v in verdicts} == {"2026-03-08T18:00:00-12:00"}
    reviews = json.loads(render_claimreview(data, "https://factcheck.example/r"))
    items = reviews if isinstance(reviews, list) else reviews.get("@graph", [reviews])
    assert {r["datePublished"] for r in items} == {"2026-03-08"}


def test_a_checking_period_is_in_local_days(case: Case) -> None:
    assert case.reporting.checked_between(date(2026, 3, 8), date(2026, 3, 8)) == [
        case.article_one, case.article_two
    ]
    assert case.reporting.checked_between(date(2026, 3, 9), date(2026, 3, 9)) == []
    march_8 = case.reporting.build(checked_from=date(2026, 3, 8), checked_to=date(2026, 3, 8))
    assert PLAIN_CLAIM in [c.text for part in march_8.articles for c in part.claims]


def _times(value: object) -> list[str]:
    """Every time in a JSON export (keys generated_at, imported_at, …_at)."""
    if isinstance(value, list):
        return [t for item in value for t in _times(item)]
    if not isinstance(value, dict):
        return []
    found: list[str] = []
    for key, item in value.items():
        found += [item] if key.endswith("_at") and isinstance(item, str) else _times(item)
    return found


def test_json_export_times_carry_their_offset_and_name_the_stored_instant(case: Case) -> None:
    """A reader of the JSON export can tell which instant each time is: it carries the
    exporting machine's offset, and read back it is the time the desk stored (UTC)."""
    data = case.reporting.build(None, now=NOW)
    exported = json.loads(render_json(data))
    times = _times(exported)
    assert len(times) >= 8
    assert {t[-6:] for t in times} == {"-12:00"}
    stored = [part.article.imported_at for part in data.articles]
    stored += [c.verdict.updated_at for part in data.articles for c in part.claims if c.verdict]
    read_back = {datetime.fromisoformat(t).astimezone(UTC).replace(tzinfo=None) for t in times}
    assert {NOW, SAVED, *stored} <= read_back
    schema = json.loads(resource_path("schemas", JSON_SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema, cls=jsonschema.Draft202012Validator)
    # Files exported before, with zoneless local times, stay valid version 1.
    older = json.loads(json.dumps(exported).replace("-12:00", ""))
    jsonschema.validate(older, schema, cls=jsonschema.Draft202012Validator)
    # A zone by name or a date alone is not a time of version 1.
    for wrong in ("2026-03-08T18:30:00 UTC-12", "2026-03-08", "2026-03-08T18:30:00-1200"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(dict(exported, generated_at=wrong), schema)
