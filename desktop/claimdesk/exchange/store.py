"""Case bundles out of the database: whole articles as bundle records (merge.py brings them in)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from claimdesk.domain import ClaimOrigin, ClaimStatus, Stance
from claimdesk.domain.review import review_state
from claimdesk.exchange.records import (
    BundleArticle,
    BundleAttachment,
    BundleClaim,
    BundleSource,
    BundleVerdict,
)
from claimdesk.storage import evidence_repo
from claimdesk.storage.orm import (
    ArticleRow,
    ClaimRow,
    SourceNoteRow,
)
from claimdesk.storage.rows import (
    MissingRowError,
    _claim_query,
    _entities,
    language_source,
    speaker_kind,
    stored,
    stored_types,
)

# The fields a bundle carries unchanged between its records and the database's rows;
# enums, ratings and claims are converted by hand.
_ARTICLE_FIELDS = (
    "sha256", "title", "file_name", "file_path", "format", "text", "imported_at",
    "url", "author", "publisher", "published", "extracted_at", "pipeline", "language",
)
_VERDICT_FIELDS = ("explanation", "checker", "created_at", "updated_at")
_SOURCE_FIELDS = (
    "url", "title", "publisher", "accessed", "quote", "note", "created_at", "checker",
)


def _fields(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


# ----------------------------------------------------------------------------- export


def _bundle_claim(row: ClaimRow) -> BundleClaim:
    v = row.verdict
    return BundleClaim(
        start=row.start,
        end=row.end,
        text=row.text,
        origin=stored(ClaimOrigin, row.origin, f"claim {row.id}, origin"),
        score=row.score,
        types=stored_types(row),
        speaker=row.speaker,
        speaker_kind=speaker_kind(row.speaker_kind),
        entities=_entities(row.entities, row.id),
        status=stored(ClaimStatus, row.status, f"claim {row.id}, status"),
        created_at=row.created_at,
        updated_at=row.updated_at,
        verdict=None
        if v is None
        else BundleVerdict(
            rating=v.rating.name, rating_value=v.rating.value,
            review_state=review_state(v.review_state), reviewer=v.reviewer,
            reviewed_at=v.reviewed_at, **_fields(v, _VERDICT_FIELDS),
        ),
        sources=tuple(_bundle_source(s) for s in row.sources),
    )


def _bundle_source(s: SourceNoteRow) -> BundleSource:
    files = tuple(
        BundleAttachment(f.sha256, f.file_name, f.media_type, f.captured_at)
        for f in s.attachments
    )
    return BundleSource(
        stance=stored(Stance, s.stance, f"source note {s.id}, stance"),
        attachments=files,
        **_fields(s, _SOURCE_FIELDS),
    )


def export_evidence(session: Session, articles: Sequence[BundleArticle]) -> dict[str, bytes]:
    """The bytes of every file the articles' notes name, by sha256."""
    shas = {
        f.sha256 for a in articles for c in a.claims for s in c.sources for f in s.attachments
    }
    return {sha: evidence_repo.read_bytes(session, sha) for sha in sorted(shas)}


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
                claims=tuple(_bundle_claim(c) for c in claims),
                language_source=language_source(row.language_source) if row.language else None,
                **_fields(row, _ARTICLE_FIELDS),
            )
        )
    return out
