"""Pure domain records and span arithmetic."""

from claimdesk.domain.models import (
    Article,
    ArticleMetadata,
    ArticleSummary,
    CandidateClaim,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    ClaimType,
    Entity,
    Rating,
    RatingScale,
    SourceDraft,
    SourceNote,
    Stance,
    Verdict,
)

__all__ = [
    "Article",
    "ArticleMetadata",
    "ArticleSummary",
    "CandidateClaim",
    "Claim",
    "ClaimOrigin",
    "ClaimStatus",
    "ClaimType",
    "Entity",
    "Rating",
    "RatingScale",
    "SourceDraft",
    "SourceNote",
    "Stance",
    "Verdict",
]
