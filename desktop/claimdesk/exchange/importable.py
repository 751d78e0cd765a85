"""What of a desk's articles a bundle can carry: only what every import takes.

The old schema asked of a claim only `start >= 0 AND end > start` and of a score nothing,
so a desk upgraded from an older ClaimDesk (or changed by another program) may hold a
claim whose words are not its article's words at its offsets, or a score outside 0…1.
Every import refuses a bundle holding one, whole: written as it is, the bundle moved
none of the work. Such a claim is left out instead, and the export says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimdesk.exchange import checks
from claimdesk.exchange.records import BundleArticle, BundleClaim, article_from_json
from claimdesk.exchange.records_write import article_to_json
from claimdesk.importers.common import shorten


def _label(a: BundleArticle) -> str:
    return f"“{shorten(a.title or a.file_name, 60)}”"


def _refusal(a: BundleArticle, c: BundleClaim) -> str | None:
    """Why an import would refuse the claim `c` of `a`, or None."""
    where = f"the claim at {c.start}–{c.end} in {_label(a)}"
    if not (0 <= c.start < c.end <= len(a.text)) or a.text[c.start : c.end] != c.text:
        return f"{where} (“{shorten(c.text, 60)}”), not its article's words there"
    try:  # every field read back as an import reads it
        article_from_json(article_to_json(replace(a, claims=(c,))), _label(a))
    except ValueError as exc:
        return f"{where} ({str(exc).rstrip('.')})"
    return None


def importable(articles: Sequence[BundleArticle]) -> tuple[list[BundleArticle], list[str]]:
    """The articles with only the claims an import takes, and what was left out, said."""
    kept: list[BundleArticle] = []
    left_out: list[str] = []
    for a in articles:
        claims = []
        for c in a.claims:
            reason = _refusal(a, c)
            if reason is None:
                claims.append(c)
            else:
                left_out.append(reason)
        article = replace(a, claims=tuple(claims))
        try:
            article_from_json(article_to_json(article), _label(a))
            checks.checked_articles([article])
        except ValueError as exc:
            left_out.append(f"the article {_label(a)} with its claims ({str(exc).rstrip('.')})")
            continue
        kept.append(article)
    return kept, left_out
