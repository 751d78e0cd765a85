"""Self-contained HTML report from a Jinja2 template with autoescaping (also the PDF's source)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from claimdesk.domain.clock import local_day, local_text
from claimdesk.domain.evidence import INERT_COPY_TYPES
from claimdesk.paths import resource_path
from claimdesk.reports.model import (
    ReportData,
    article_meta,
    attachment_line,
    claim_context,
    close_bidi,
    printable,
    safe_color,
    safe_link,
    source_label,
    speaker_label,
    types_label,
)

TEMPLATE = "report.html.j2"
#: A logo bigger than this is left out rather than bloating every report.
MAX_LOGO_BYTES = 1_000_000
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
}


def _lines(value: str) -> markupsafe.Markup:
    """`value` escaped, each line break a <br>: HTML would run a checker's lines together."""
    lines = close_bidi(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return markupsafe.Markup("<br>\n").join(markupsafe.escape(line) for line in lines)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Every value written into the page ends the overrides it opens (see close_bidi).
        finalize=lambda value: close_bidi(value) if isinstance(value, str) else value,
    )
    env.filters["lines"] = _lines
    return env


def logo_data_uri(path: str) -> str | None:
    """The logo file as a data: URI (so the report needs no other file), or None."""
    if not path:
        return None
    file = Path(path).expanduser()
    mime = _IMAGE_TYPES.get(file.suffix.lower())
    try:
        if mime is None or not file.is_file() or file.stat().st_size > MAX_LOGO_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _context(data: ReportData, attachment_links: Mapping[int, str]) -> dict[str, Any]:
    articles = []
    for part in data.articles:
        claims = []
        for claim in part.claims:
            before, after = claim_context(part.article, claim)
            verdict = claim.verdict
            claims.append(
                {
                    "number": claim.number,
                    "before": before,
                    "text": claim.text,
                    "after": after,
                    "types": types_label(claim),
                    "speaker": speaker_label(claim.speaker, claim.speaker_kind),
                    "status": claim.status.label,
                    "rating": None
                    if verdict is None
                    else {"name": verdict.rating.name, "color": safe_color(verdict.rating.color)},
                    "verdict": None
                    if verdict is None
                    else {
                        "explanation": verdict.explanation,
                        "checker": verdict.checker,
                        "date": local_day(verdict.updated_at).isoformat(),
                    },
                    "sources": [
                        {
                            "label": source_label(s),
                            "link": safe_link(s.url),
                            "url": s.url,
                            "extra_url": s.url if s.title.strip() and s.url.strip() else "",
                            "publisher": s.publisher,
                            "accessed": s.accessed.isoformat() if s.accessed else "",
                            "stance": s.stance.label,
                            "quote": s.quote,
                            "note": s.note,
                            "attachments": [
                                {
                                    "line": attachment_line(f),
                                    "href": attachment_links.get(f.id),
                                    # services.reporting copies a saved page inert
                                    "inert": f.media_type in INERT_COPY_TYPES,
                                }
                                for f in s.attachments
                            ],
                        }
                        for s in claim.sources
                    ],
                }
            )
        articles.append(
            {"title": part.article.title, "meta": article_meta(part.article), "claims": claims}
        )
    counts = [
        {"name": c.name, "count": c.count, "color": safe_color(c.color)}
        for c in data.verdict_counts()
    ]
    return {
        "title": data.title,
        "org": data.organisation,
        "org_link": safe_link(data.organisation.url),
        "logo": logo_data_uri(data.organisation.logo),
        "generated": local_text(data.generated_at),
        "checker": data.checker,
        "claim_total": len(data.claims),
        "counts": counts,
        "articles": articles,
    }


def render_html(data: ReportData, attachment_links: Mapping[int, str] | None = None) -> str:
    """The report as one HTML page: inline CSS, logo inlined, no external resources.

    `attachment_links` maps attachment ids to relative paths of copies written beside
    the report (services.reporting.copy_attachments); those names become links.
    """
    page = _environment().get_template(TEMPLATE).render(_context(data, attachment_links or {}))
    return printable(page)
