"""Case bundles and the database: whole articles out as bundle records, bundles merged in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimdesk.domain import ClaimOrigin, ClaimStatus, ClaimType, Stance
from claimdesk.exchange.records import (
    BundleArticle,
    BundleClaim,
    BundleSource,
    BundleVerdict,
)
from claimdesk.storage.orm import (
    ArticleRow,
    ClaimRow,
    SourceNoteRow,
    VerdictRow,
)
from claimdesk.storage.repositories import default_scale
from claimdesk.storage.rows import (
    MissingRowError,
    _claim_query,
    _entities,
    _new_claim_row,
)


class MergeConflict(ValueError):
    """A bundle cannot be merged into this database; the message says why."""


@dataclass(slots=True)
class MergeCounts:
    """What merging a bundle did."""

    articles_added: int = 0
    articles_merged: int = 0
    claims_added: int = 0
    verdicts_added: int = 0
    verdicts_updated: int = 0
    sources_added: int = 0
    article_ids: list[int] = field(default_factory=list)


# The fields a bundle carries unchanged between its records and the database's rows;
# enums, ratings and claims are converted by hand.
_ARTICLE_FIELDS = (
    "sha256", "title", "file_name", "file_path", "format", "text", "imported_at",
    "url", "author", "publisher", "published", "extracted_at", "pipeline",
)
_VERDICT_FIELDS = ("explanation", "checker", "created_at", "updated_at")
_SOURCE_FIELDS = ("url", "title", "publisher", "accessed", "quote", "note", "created_at")


def _fields(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


# ----------------------------------------------------------------------------- export


def _bundle_claim(row: ClaimRow) -> BundleClaim:
    v = row.verdict
    return BundleClaim(
        start=row.start,
        end=row.end,
        text=row.text,
        origin=ClaimOrigin(row.origin),
        score=row.score,
        types=tuple(ClaimType(t) for t in row.types),
        speaker=row.speaker,
        entities=_entities(row.entities),
        status=ClaimStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        verdict=None
        if v is None
        else BundleVerdict(
            rating=v.rating.name, rating_value=v.rating.value, **_fields(v, _VERDICT_FIELDS)
        ),
        sources=tuple(_bundle_source(s) for s in row.sources),
    )


def _bundle_source(s: SourceNoteRow) -> BundleSource:
    return BundleSource(stance=Stance(s.stance), **_fields(s, _SOURCE_FIELDS))


def export_articles(session: Session, article_ids: Sequence[int]) -> list[BundleArticle]:
    """Everything about the given articles, as bundle records (MissingRowError if unknown)."""
    out = []
    for article_id in article_ids:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise MissingRowError(f"articles {article_id}")
        claims = session.scalars(_claim_query(article_id)).all()
        out.append(
            BundleArticle(
                claims=tuple(_bundle_claim(c) for c in claims), **_fields(row, _ARTICLE_FIELDS)
            )
        )
    return out


# ----------------------------------------------------------------------------- merge


def _rating_ids(session: Session, articles: Sequence[BundleArticle]) -> dict[str, int]:
    """Rating name → id in the default scale; refuses names the scale does not have."""
    ratings = default_scale(session).ratings
    exact = {r.name: r.id for r in ratings}
    folded = {r.name.casefold(): r.id for r in ratings}
    wanted = {c.verdict.rating for a in articles for c in a.claims if c.verdict}
    out: dict[str, int] = {}
    unknown = []
    for name in sorted(wanted):
        rating_id = exact.get(name, folded.get(name.casefold()))
        if rating_id is None:
            unknown.append(name)
        else:
            out[name] = rating_id
    if unknown:
        raise MergeConflict(
            "it uses ratings this database's scale does not have ("
            + ", ".join(f"“{n}”" for n in unknown)
            + "). Add them to the rating scale first."
        )
    return out


def _new_claim(article_id: int, c: BundleClaim) -> ClaimRow:
    return _new_claim_row(article_id, c, c.origin, c.status, c.created_at, c.updated_at)


def _new_verdict(v: BundleVerdict, rating_id: int) -> VerdictRow:
    return VerdictRow(rating_id=rating_id, **_fields(v, _VERDICT_FIELDS))


def _new_source(s: BundleSource) -> SourceNoteRow:
    return SourceNoteRow(stance=s.stance.value, **_fields(s, _SOURCE_FIELDS))


def _merge_claim(
    row: ClaimRow, c: BundleClaim, ratings: dict[str, int], counts: MergeCounts
) -> None:
    """Bring a claim up to date with its copy: the newer verdict and status win."""
    if c.verdict is not None:
        rating_id = ratings[c.verdict.rating]
        if row.verdict is None:
            row.verdict = _new_verdict(c.verdict, rating_id)
            counts.verdicts_added += 1
        elif c.verdict.updated_at > row.verdict.updated_at and (
            row.verdict.rating_id,
            row.verdict.explanation,
            row.verdict.checker,
        ) != (rating_id, c.verdict.explanation, c.verdict.checker):
            row.verdict.rating_id = rating_id
            row.verdict.explanation = c.verdict.explanation
            row.verdict.checker = c.verdict.checker
            row.verdict.updated_at = c.verdict.updated_at
            counts.verdicts_updated += 1
    if c.updated_at > row.updated_at:
        row.status = c.status.value
        row.updated_at = c.updated_at
    if row.score is None and c.score is not None:
        row.score = c.score
    have = {_bundle_source(s).key for s in row.sources}
    for s in c.sources:
        if s.key not in have:
            row.sources.append(_new_source(s))
            have.add(s.key)
            counts.sources_added += 1


def _fill_article(row: ArticleRow, a: BundleArticle) -> None:
    """Keep what this database knows about the article; only fill its gaps."""
    row.url = row.url or a.url
    row.author = row.author or a.author
    row.publisher = row.publisher or a.publisher
    row.published = row.published or a.published
    if row.extracted_at is None and a.extracted_at is not None:
        row.extracted_at, row.pipeline = a.extracted_at, a.pipeline


def _merge_article(
    session: Session, a: BundleArticle, ratings: dict[str, int], counts: MergeCounts
) -> int:
    row = session.scalar(select(ArticleRow).where(ArticleRow.sha256 == a.sha256))
    if row is None:
        row = ArticleRow(**_fields(a, _ARTICLE_FIELDS))
        session.add(row)
        session.flush()
        counts.articles_added += 1
    else:
        counts.articles_merged += 1
        _fill_article(row, a)
    existing: dict[tuple[int, int], list[ClaimRow]] = defaultdict(list)
    for claim_row in sorted(row.claims, key=lambda r: r.id):
        existing[(claim_row.start, claim_row.end)].append(claim_row)
    used: dict[tuple[int, int], int] = defaultdict(int)
    for c in a.claims:
        if row.text[c.start : c.end] != c.text:
            raise MergeConflict(
                f"the article “{row.title}” is already here with a different text "
                f"(claim at {c.start}–{c.end} does not match)."
            )
        span = (c.start, c.end)
        # Equal spans pair up in order, so a bundle merged twice adds nothing the second time.
        if used[span] < len(existing[span]):
            _merge_claim(existing[span][used[span]], c, ratings, counts)
        else:
            new = _new_claim(row.id, c)
            if c.verdict is not None:
                new.verdict = _new_verdict(c.verdict, ratings[c.verdict.rating])
                counts.verdicts_added += 1
            new.sources = [_new_source(s) for s in c.sources]
            counts.sources_added += len(c.sources)
            session.add(new)
            counts.claims_added += 1
        used[span] += 1
    session.flush()
    return row.id


def merge_articles(session: Session, articles: Sequence[BundleArticle]) -> MergeCounts:
    """Merge bundle records into the database (the caller owns the one transaction).

    Same sha256 → same article; claims pair up by span; a verdict is added, or replaced
    by a newer one; notes are added unless an identical note is there already.
    Raises MergeConflict; the caller then rolls everything back.
    """
    ratings = _rating_ids(session, articles)
    counts = MergeCounts()
    for a in articles:
        counts.article_ids.append(_merge_article(session, a, ratings, counts))
    return counts
