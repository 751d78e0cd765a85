"""Data exports: CSV with one row per claim, JSON with everything (schema: resources/schemas)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from claimdesk.domain import Article, Claim, SourceNote
from claimdesk.domain.clock import local_aware, local_day
from claimdesk.nlp.language import language_name
from claimdesk.reports.model import ReportData, attachment_line, printable, source_label

JSON_FORMAT = "claimdesk-report"
#: Bump when the JSON export changes shape; docs/json-export-schema.md lists the versions.
JSON_SCHEMA_VERSION = 1
JSON_SCHEMA_FILE = "claimdesk-report-v1.schema.json"


def _time(stored: datetime) -> str:
    """A stored (UTC) time as version 1 says: the exporting machine's local time with its
    UTC offset ("2026-03-09T15:30:00+01:00"), so a reader knows the instant."""
    return local_aware(stored).isoformat()

CSV_COLUMNS = (
    "article_id",
    "article_title",
    "article_publisher",
    "article_author",
    "article_url",
    "article_published",
    "claim_number",
    "claim_text",
    "claim_types",
    "speaker",
    "status",
    "origin",
    "score",
    "rating",
    "rating_value",
    "explanation",
    "checker",
    "checked_on",
    "source_count",
    "sources",
    # Last, so readers that count columns from the left keep working.
    "speaker_kind",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str, guard: bool) -> str:
    # Controls go first: "\x00=cmd" must not become an unguarded "=cmd".
    value = printable(value)
    return "'" + value if guard and value.startswith(_FORMULA_START) else value


def _source_line(s: SourceNote) -> str:
    line = source_label(s)
    if s.publisher.strip():
        line += f", {' '.join(s.publisher.split())}"
    if s.title.strip() and s.url.strip():
        line += f" <{s.url.strip()}>"
    if s.accessed:
        line += f" (accessed {s.accessed.isoformat()})"
    # Whether it supports or contradicts the claim, as every other report says.
    line += f", {s.stance.label.lower()}"
    for f in s.attachments:
        line += f" [attached: {attachment_line(f)}]"
    # The quote and the note carry what a source says about the claim (an accepted
    # earlier check's rating lives in the note); on one line, since the cell keeps one
    # source a line.
    quote = " ".join(s.quote.split())
    if quote:
        line += f" — “{quote}”"
    note = " ".join(s.note.split())
    if note:
        line += f" — {note}"
    return line


def render_csv(data: ReportData, *, bom: bool = False, guard_formulas: bool = True) -> str:
    """One row per claim; `bom` starts the text with U+FEFF so Excel reads it as UTF-8.

    With `guard_formulas`, a text cell starting with = + - @ gets a leading apostrophe,
    as spreadsheets expect, so opening the file never runs a formula from an article.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for part in data.articles:
        a = part.article
        for c in part.claims:
            v = c.verdict
            texts = [
                a.title,
                a.publisher or "",
                a.author or "",
                a.url or "",
                a.published.isoformat() if a.published else "",
            ]
            row: list[object] = [a.id, *(_cell(t, guard_formulas) for t in texts), c.number]
            row += [
                _cell(t, guard_formulas)
                for t in (
                    c.text,
                    "; ".join(t.value for t in c.types),
                    c.speaker or "",
                    c.status.value,
                    c.origin.value,
                )
            ]
            row.append("" if c.score is None else f"{c.score:.4f}")
            row.append(_cell(v.rating.name, guard_formulas) if v else "")
            row.append(v.rating.value if v else "")
            row += [
                _cell(t, guard_formulas)
                for t in (v.explanation if v else "", v.checker if v else "")
            ]
            row.append(local_day(v.updated_at).isoformat() if v else "")
            row.append(len(c.sources))
            row.append(_cell("\n".join(_source_line(s) for s in c.sources), guard_formulas))
            row.append(c.speaker_kind.value if c.speaker_kind else "")
            writer.writerow(row)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _article_json(article: Article, claims: tuple[Claim, ...]) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "file_name": article.file_name,
        "format": article.format,
        "sha256": article.sha256,
        "url": article.url,
        "author": article.author,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "imported_at": _time(article.imported_at),
        "language": article.language,
        "language_name": language_name(article.language) if article.language else None,
        "language_source": article.language_source.value if article.language_source else None,
        "text": article.text,
        "claims": [_claim_json(c) for c in claims],
    }


def _claim_json(c: Claim) -> dict[str, Any]:
    v = c.verdict
    return {
        "id": c.id,
        "number": c.number,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "origin": c.origin.value,
        "score": c.score,
        "types": [t.value for t in c.types],
        "speaker": c.speaker,
        "speaker_kind": c.speaker_kind.value if c.speaker_kind else None,
        "status": c.status.value,
        "assignee": c.assignee,
        "entities": [
            {"text": e.text, "label": e.label, "start": e.start, "end": e.end} for e in c.entities
        ],
        "verdict": None
        if v is None
        else {
            "rating": v.rating.name,
            "rating_value": v.rating.value,
            "explanation": v.explanation,
            "checker": v.checker,
            "created_at": _time(v.created_at),
            "updated_at": _time(v.updated_at),
            "review_state": v.review_state.value,
            "reviewer": v.reviewer,
            "reviewed_at": _time(v.reviewed_at) if v.reviewed_at else None,
        },
        "sources": [
            {
                "url": s.url,
                "title": s.title,
                "publisher": s.publisher,
                "accessed": s.accessed.isoformat() if s.accessed else None,
                "quote": s.quote,
                "note": s.note,
                "stance": s.stance.value,
                "checker": s.checker,
                "attachments": [
                    {
                        "file_name": f.file_name,
                        "media_type": f.media_type,
                        "size": f.size,
                        "sha256": f.sha256,
                        "captured_at": _time(f.captured_at),
                    }
                    for f in s.attachments
                ],
            }
            for s in c.sources
        ],
    }


def export_dict(data: ReportData) -> dict[str, Any]:
    """The JSON export as plain data (see resources/schemas/ for its JSON Schema)."""
    org = data.organisation
    unrated = sum(1 for c in data.claims if c.verdict is None)
    counts = data.verdict_counts()[: -1 if unrated else None]
    return {
        "format": JSON_FORMAT,
        "schema_version": JSON_SCHEMA_VERSION,
        "title": data.title,
        "generated_at": _time(data.generated_at),
        "checker": data.checker,
        "organisation": {"name": org.name, "url": org.url},
        "rating_scale": {
            "name": data.scale.name,
            "best_value": data.scale.best_value,
            "worst_value": data.scale.worst_value,
            "ratings": [
                {"name": r.name, "value": r.value, "color": r.color, "position": r.position}
                for r in data.scale.ratings
            ],
        },
        "summary": {
            "articles": len(data.articles),
            "claims": len(data.claims),
            "unrated": unrated,
            # verdict_counts() ends with the unrated line when there is one.
            "verdicts": [{"rating": c.name, "count": c.count} for c in counts],
        },
        "articles": [_article_json(p.article, p.claims) for p in data.articles],
    }


def render_json(data: ReportData) -> str:
    return json.dumps(export_dict(data), ensure_ascii=False, indent=2) + "\n"
