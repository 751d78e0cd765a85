"""CSV read back with csv, JSON validated against the shipped JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import jsonschema
import pytest

from claimdesk.paths import resource_path
from claimdesk.reports.csv_json import (
    CSV_COLUMNS,
    JSON_SCHEMA_FILE,
    JSON_SCHEMA_VERSION,
    export_dict,
    render_csv,
    render_json,
)
from claimdesk.reports.model import ReportData
from tests.reports.casework import (
    NASTY_CLAIM,
    NASTY_EXPLANATION,
    NASTY_NOTE,
    NASTY_QUOTE,
    NASTY_TITLE,
    NASTY_URL,
    PLAIN_CLAIM,
    TRUE_CLAIM,
)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_one_row_per_claim_with_nasty_text_intact(report: ReportData) -> None:
    text = render_csv(report)
    assert not text.startswith("\ufeff")
    table = rows(text)
    assert list(table[0].keys()) == list(CSV_COLUMNS)
    assert [r["claim_text"] for r in table] == [NASTY_CLAIM, PLAIN_CLAIM, TRUE_CLAIM]
    nasty = table[0]
    assert nasty["article_title"] == NASTY_TITLE
    assert nasty["rating"] == "False" and nasty["rating_value"] == "1"
    assert nasty["explanation"] == NASTY_EXPLANATION
    assert nasty["checker"] == 'Dana "D" Reyes'
    assert nasty["status"] == "done" and nasty["source_count"] == "2"
    # Whether a source supports or contradicts the claim, and the words it is quoted
    # for, are what a reader of the spreadsheet checks the verdict against.
    assert nasty["sources"].splitlines() == [
        f"Annual <script>alert(1)</script> report, Agency & Sons <{NASTY_URL}>"
        f" (accessed 2026-03-05), contradicts — “{NASTY_QUOTE}” — {NASTY_NOTE}",
        "javascript:alert(2), context — not a web link",
    ]
    assert table[1]["rating"] == "Unverifiable" and table[1]["rating_value"] == "0"


def test_csv_bom_and_formula_guard(report: ReportData) -> None:
    text = render_csv(report, bom=True)
    assert text.startswith("\ufeff")
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows(raw.decode("utf-8-sig"))[0]["claim_text"] == NASTY_CLAIM
    first = report.articles[0]
    claim = replace(first.claims[0], text='=HYPERLINK("http://evil.example","x")', speaker="@me")
    data = replace(report, articles=(replace(first, claims=(claim,)),))
    guarded = rows(render_csv(data))[0]
    assert guarded["claim_text"] == "'" + claim.text and guarded["speaker"] == "'@me"
    assert rows(render_csv(data, guard_formulas=False))[0]["claim_text"] == claim.text


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        resource_path("schemas", JSON_SCHEMA_FILE).read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def test_json_matches_its_schema_and_keeps_everything(report: ReportData, schema) -> None:
    data = json.loads(render_json(report))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == JSON_SCHEMA_VERSION == 1
    article = data["articles"][0]
    assert article["title"] == NASTY_TITLE
    claim = article["claims"][0]
    assert article["text"][claim["start"] : claim["end"]] == claim["text"] == NASTY_CLAIM
    assert claim["verdict"]["explanation"] == NASTY_EXPLANATION
    source = claim["sources"][0]
    assert (source["url"], source["quote"], source["note"]) == (NASTY_URL, NASTY_QUOTE, NASTY_NOTE)
    assert source["accessed"] == "2026-03-05" and source["stance"] == "contradicts"
    assert data["summary"] == {
        "articles": 2, "claims": 3, "unrated": 0,
        "verdicts": [{"rating": "True", "count": 1}, {"rating": "False", "count": 1},
                     {"rating": "Unverifiable", "count": 1}],
    }


def test_schema_rejects_what_the_export_never_writes(report: ReportData, schema) -> None:
    data = export_dict(report)
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    broken["articles"][0]["claims"][0]["status"] = "finished"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    newer = dict(data, schema_version=2)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(newer, schema)


def test_json_carries_the_article_language_with_its_name(report: ReportData, schema) -> None:
    data = json.loads(render_json(report))
    article = data["articles"][0]
    # The case's articles are English, detected at import.
    assert (article["language"], article["language_name"], article["language_source"]) == (
        "en", "English", "detected")
    for change, valid in (({"language": "pt-BR", "language_name": "Portuguese (pt-BR)",
                            "language_source": "checker"}, True),
                          ({"language": None, "language_name": None,
                            "language_source": None}, True),
                          ({"language": "Deutsch"}, False),
                          ({"language_source": "guessed"}, False)):
        edited = json.loads(json.dumps(data))
        edited["articles"][0].update(change)
        validator = jsonschema.Draft202012Validator(schema)
        assert validator.is_valid(edited) is valid, change
    older = json.loads(json.dumps(data))
    for key in ("language", "language_name", "language_source"):
        del older["articles"][0][key]
    jsonschema.validate(older, schema, cls=jsonschema.Draft202012Validator)
