"""A bundle's text checked and cleaned as an import would: normalised, in range, no copies."""

# A bundle is as untrusted as any article file. Its article text must already be what an
# importer stores (normalise_text is the identity on it): cleaning it here would shift
# every claim and entity offset, so a text that is not normalised is refused, never
# silently repaired. Free text without offsets (explanations, notes, names) is normalised;
# addresses pass the same gate as typed ones; clocks from the future are not believed.

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from claimdesk.domain import Entity
from claimdesk.domain.clock import utc_now
from claimdesk.domain.urls import clean_url, safe_url
from claimdesk.exchange.records import BundleArticle, BundleClaim, BundleSource, BundleVerdict
from claimdesk.importers.common import MAX_TEXT_CHARS, normalise_text, shorten

#: Distinct claims on exactly the same words: a checker may confirm an overlap or mark a
#: sentence the extractor also found, but not dozens of times.
MAX_CLAIMS_PER_SPAN = 8


#: The columns' lengths (storage/orm.py): PostgreSQL refuses longer text, SQLite keeps it,
#: so a bundle's is cut to them, as an importer cuts metadata (importers.common.clean_field).
NAME_CHARS, SPEAKER_CHARS, FIELD_CHARS, PIPELINE_CHARS, FORMAT_CHARS = 200, 300, 500, 100, 16


def _clean(text: str, limit: int | None = None) -> str:
    return normalise_text(text)[:limit]


def _opt(text: str | None, limit: int | None = None) -> str | None:
    return None if text is None else normalise_text(text)[:limit]


def _clock(value: datetime, now: datetime) -> datetime:
    """A time from the bundle, but never later than now (a future time is false)."""
    return min(value, now)


def _label(article: BundleArticle) -> str:
    return shorten(normalise_text(article.title) or normalise_text(article.file_name), 60)


def _check_text(a: BundleArticle) -> None:
    if len(a.text) > MAX_TEXT_CHARS:
        raise ValueError(f"the text of “{_label(a)}” is larger than ClaimDesk's limit.")
    if normalise_text(a.text) != a.text:
        raise ValueError(
            f"the text of “{_label(a)}” is not normalised as an imported article's text is "
            "(NUL or control characters, CR or U+2028 line breaks, broken characters), "
            "so its claims' offsets cannot be trusted."
        )


def _check_entities(a: BundleArticle, c: BundleClaim) -> None:
    for e in c.entities:
        if not (c.start <= e.start < e.end <= c.end) or a.text[e.start : e.end] != e.text:
            raise ValueError(
                f"a named entity of the claim at {c.start}–{c.end} in “{_label(a)}” lies "
                "outside the claim or does not match its words."
            )


def _content(c: BundleClaim) -> tuple[object, ...]:
    """A claim without its clocks: two claims with equal content are copies."""
    v = c.verdict
    return (
        c.start, c.end, c.text, c.origin, c.score, c.types, c.speaker, c.speaker_kind,
        c.entities, c.status,
        None if v is None else (v.rating, v.rating_value, v.explanation, v.checker),
        tuple(s.key for s in c.sources),
    )


def _verdict(v: BundleVerdict | None, now: datetime) -> BundleVerdict | None:
    if v is None:
        return None
    return replace(
        v,
        rating=_clean(v.rating),
        explanation=_clean(v.explanation),
        checker=_clean(v.checker, NAME_CHARS),
        created_at=_clock(v.created_at, now),
        updated_at=_clock(v.updated_at, now),
        reviewer=None if v.reviewer is None else _clean(v.reviewer, NAME_CHARS),
        reviewed_at=None if v.reviewed_at is None else _clock(v.reviewed_at, now),
    )


def _source_url(url: str) -> str:
    # As for a typed note: a web address is encoded; anything else stays a plain label
    # that no report turns into a link.
    return safe_url(url) or _clean(url.strip())


def _source(s: BundleSource, now: datetime) -> BundleSource:
    return replace(
        s,
        url=_source_url(s.url),
        title=_clean(s.title),
        publisher=_clean(s.publisher, FIELD_CHARS),
        quote=_clean(s.quote),
        note=_clean(s.note),
        checker=_clean(s.checker, NAME_CHARS),
        created_at=_clock(s.created_at, now),
    )


def _claim(c: BundleClaim, now: datetime) -> BundleClaim:
    sources: dict[tuple[object, ...], BundleSource] = {}
    for s in (_source(s, now) for s in c.sources):
        sources.setdefault(s.key, s)  # cleaning may make two notes one
    return replace(
        c,
        speaker=_opt(c.speaker, SPEAKER_CHARS),
        speaker_kind=c.speaker_kind if _opt(c.speaker) else None,  # no kind without a name
        entities=tuple(Entity(e.text, _clean(e.label), e.start, e.end) for e in c.entities),
        created_at=_clock(c.created_at, now),
        updated_at=_clock(c.updated_at, now),
        verdict=_verdict(c.verdict, now),
        sources=tuple(sources.values()),
    )


def _claims(a: BundleArticle, now: datetime) -> tuple[tuple[BundleClaim, ...], int]:
    """The article's claims checked and cleaned, copies dropped; (claims, copies dropped)."""
    kept: list[BundleClaim] = []
    seen: set[tuple[object, ...]] = set()
    for c in a.claims:
        _check_entities(a, c)
        clean = _claim(c, now)
        key = _content(clean)
        if key not in seen:
            seen.add(key)
            kept.append(clean)
    per_span = Counter((c.start, c.end) for c in kept)
    crowded = [span for span, n in per_span.items() if n > MAX_CLAIMS_PER_SPAN]
    if crowded:
        start, end = crowded[0]
        raise ValueError(
            f"{per_span[crowded[0]]} different claims cover the same words at {start}–{end} "
            f"in “{_label(a)}”; a desk never makes that many."
        )
    return tuple(kept), len(a.claims) - len(kept)


def checked_articles(
    articles: Iterable[BundleArticle], now: datetime | None = None
) -> tuple[tuple[BundleArticle, ...], int]:
    """The articles as ClaimDesk would store them, and how many copied claims were dropped.

    Raises ValueError (the reason, for BundleRefused) for text that is not normalised,
    entities outside their claim, or absurd numbers of claims on the same words.
    """
    now = now or utc_now()
    out: list[BundleArticle] = []
    dropped = 0
    for a in articles:
        _check_text(a)
        claims, copies = _claims(a, now)
        dropped += copies
        out.append(
            replace(
                a,
                title=_clean(a.title, FIELD_CHARS),
                file_name=_clean(a.file_name, FIELD_CHARS),
                file_path=_clean(a.file_path),
                format=_clean(a.format, FORMAT_CHARS),
                imported_at=_clock(a.imported_at, now),
                url=clean_url(a.url),
                author=_opt(a.author, FIELD_CHARS),
                publisher=_opt(a.publisher, FIELD_CHARS),
                extracted_at=None if a.extracted_at is None else _clock(a.extracted_at, now),
                pipeline=_opt(a.pipeline, PIPELINE_CHARS),
                claims=claims,
            )
        )
    return tuple(out), dropped
