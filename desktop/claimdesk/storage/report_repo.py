"""Queries for reports: which articles, and their claims with every source note."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimdesk.domain import Claim
from claimdesk.storage.orm import ArticleRow, ClaimRow, VerdictRow
from claimdesk.storage.rows import MissingRowError, _claim, _claim_query


def all_article_ids(session: Session) -> list[int]:
    return list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))


def claims_with_sources(session: Session, article_id: int) -> list[Claim]:
    """The article's claims in text order with their sources, numbered as in list_claims."""
    if session.get(ArticleRow, article_id) is None:
        raise MissingRowError(f"articles {article_id}")
    rows = session.scalars(_claim_query(article_id)).all()
    return [_claim(r, i, with_sources=True) for i, r in enumerate(rows, start=1)]


def checked_article_ids(session: Session, start: datetime, end: datetime) -> list[int]:
    """Articles with a verdict last changed in [start, end), in id order."""
    query = (
        select(ClaimRow.article_id)
        .join(VerdictRow, VerdictRow.claim_id == ClaimRow.id)
        .where(VerdictRow.updated_at >= start, VerdictRow.updated_at < end)
        .distinct()
        .order_by(ClaimRow.article_id)
    )
    return list(session.scalars(query))
