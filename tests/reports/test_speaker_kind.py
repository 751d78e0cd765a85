"""Every export carries the speaker's kind where it shows the speaker; old JSON stays valid."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest

from claimdesk.domain import SpeakerKind
from claimdesk.paths import resource_path
from claimdesk.reports.csv_json import JSON_SCHEMA_FILE, export_dict, render_csv, render_json
from claimdesk.reports.docx import render_docx
from claimdesk.reports.html import render_html
from claimdesk.reports.markdown import render_markdown
from claimdesk.reports.model import ReportData, speaker_label
from tests.reports.test_csv_json import rows
from tests.reports.test_docx import all_text, read
from tests.reports.test_html import Page
from tests.reports.test_markdown import rendered_text


def with_speakers(report: ReportData) -> ReportData:
    """The first claim said by a place, the second by an unknown kind, the rest as they are."""
    first = report.articles[0]
    claims = list(first.claims)
    claims[0] = replace(claims[0], speaker="Ukraine", speaker_kind=SpeakerKind.PLACE)
    if len(claims) > 1:
        claims[1] = replace(claims[1], speaker="Dana Reyes", speaker_kind=None)
    return replace(report, articles=(replace(first, claims=tuple(claims)), *report.articles[1:]))


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        resource_path("schemas", JSON_SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return loaded


def test_speaker_label_names_the_kind_only_when_known() -> None:
    assert speaker_label("Ukraine", SpeakerKind.PLACE) == "Ukraine (place)"
    assert speaker_label("Home Office", SpeakerKind.ORGANISATION) == "Home Office (organisation)"
    assert speaker_label("Dana Reyes", None) == "Dana Reyes"
    assert speaker_label(None, SpeakerKind.PERSON) == ""


def test_csv_has_a_speaker_kind_column(report: ReportData) -> None:
    table = rows(render_csv(with_speakers(report)))
    assert (table[0]["speaker"], table[0]["speaker_kind"]) == ("Ukraine", "place")
    assert (table[1]["speaker"], table[1]["speaker_kind"]) == ("Dana Reyes", "")


def test_json_carries_the_kind_and_old_exports_stay_valid(report: ReportData, schema) -> None:
    data = json.loads(render_json(with_speakers(report)))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    claims = data["articles"][0]["claims"]
    assert claims[0]["speaker_kind"] == "place"
    assert claims[1]["speaker_kind"] is None
    old = export_dict(report)
    for article in old["articles"]:
        for claim in article["claims"]:
            del claim["speaker_kind"]  # written before kinds existed
    jsonschema.validate(old, schema, cls=jsonschema.Draft202012Validator)
    claims[0]["speaker_kind"] = "planet"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_html_markdown_and_docx_show_the_kind_beside_the_speaker(report: ReportData) -> None:
    data = with_speakers(report)
    html = Page(render_html(data)).plain
    assert "Ukraine (place)" in html
    assert "Dana Reyes" in html and "Dana Reyes (" not in html
    assert "Speaker: Ukraine (place)" in rendered_text(render_markdown(data))
    assert "Speaker: Ukraine (place)" in all_text(read(render_docx(data)))
