"""Case-bundle records written as data.json's objects; records.py reads them back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from claimdesk.exchange.records import BundleArticle, BundleClaim


def _iso(value: date | datetime | None) -> str | None:
    """A day as YYYY-MM-DD; a stored (naive UTC) time with its offset, "…+00:00", so
    that no reader takes it for a local time (records.bundle_time)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    return None if value is None else value.isoformat()


def article_to_json(a: BundleArticle) -> dict[str, Any]:
    return {
        "sha256": a.sha256,
        "title": a.title,
        "file_name": a.file_name,
        "file_path": a.file_path,
        "format": a.format,
        "text": a.text,
        "imported_at": _iso(a.imported_at),
        "url": a.url,
        "author": a.author,
        "publisher": a.publisher,
        "published": _iso(a.published),
        "extracted_at": _iso(a.extracted_at),
        "pipeline": a.pipeline,
        "language": a.language,
        "language_source": a.language_source.value if a.language_source else None,
        "claims": [_claim_to_json(c) for c in a.claims],
    }


def _claim_to_json(c: BundleClaim) -> dict[str, Any]:
    v = c.verdict
    return {
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "origin": c.origin.value,
        "score": c.score,
        "types": [t.value for t in c.types],
        "speaker": c.speaker,
        "speaker_kind": c.speaker_kind.value if c.speaker_kind else None,
        "entities": [
            {"text": e.text, "label": e.label, "start": e.start, "end": e.end} for e in c.entities
        ],
        "status": c.status.value,
        "created_at": _iso(c.created_at),
        "updated_at": _iso(c.updated_at),
        "verdict": None
        if v is None
        else {
            "rating": v.rating,
            "rating_value": v.rating_value,
            "explanation": v.explanation,
            "checker": v.checker,
            "created_at": _iso(v.created_at),
            "updated_at": _iso(v.updated_at),
            "review_state": v.review_state.value,
            "reviewer": v.reviewer,
            "reviewed_at": _iso(v.reviewed_at),
        },
        "sources": [
            {
                "url": s.url,
                "title": s.title,
                "publisher": s.publisher,
                "accessed": _iso(s.accessed),
                "quote": s.quote,
                "note": s.note,
                "stance": s.stance.value,
                "created_at": _iso(s.created_at),
                "checker": s.checker,
                "attachments": [
                    {
                        "sha256": f.sha256,
                        "file_name": f.file_name,
                        "media_type": f.media_type,
                        "captured_at": _iso(f.captured_at),
                    }
                    for f in s.attachments
                ],
            }
            for s in c.sources
        ],
    }
