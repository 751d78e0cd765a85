"""Editing the rating scale: rename, recolour, reorder, revalue, add and remove ratings."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimdesk.domain import RatingDraft
from claimdesk.storage.orm import ClaimRow, RatingRow, RatingScaleRow, VerdictRow
from claimdesk.storage.repositories import default_scale
from claimdesk.storage.rows import MissingRowError


def lock_scales(session: Session) -> None:
    """Hold the scales until this transaction ends, so a scale read next is still the
    stored one when the save based on it is written (a shared desk's other checkers
    wait here; SQLite has no row locks and takes the whole file for a write anyway)."""
    session.execute(select(RatingScaleRow.id).with_for_update()).all()


def usage(session: Session, rating_ids: Sequence[int]) -> dict[int, int]:
    """How many claims carry each rating (ratings in no verdict are left out)."""
    rows = session.execute(
        select(VerdictRow.rating_id, func.count())
        .where(VerdictRow.rating_id.in_(rating_ids))
        .group_by(VerdictRow.rating_id)
    )
    return {int(r[0]): int(r[1]) for r in rows}


def rated_article_ids(session: Session, rating_ids: Sequence[int]) -> set[int]:
    rows = session.scalars(
        select(ClaimRow.article_id)
        .join(VerdictRow, VerdictRow.claim_id == ClaimRow.id)
        .where(VerdictRow.rating_id.in_(rating_ids))
        .distinct()
    )
    return set(rows)


def save_scale(session: Session, drafts: Sequence[RatingDraft]) -> tuple[list[int], list[int]]:
    """Make the default scale exactly `drafts`, in their order.

    Drafts with an id update that rating in place, so claims keep their rating; the
    caller has checked that removed ratings are not in use. Returns (kept or added ids
    in order, removed ids).
    """
    scale = default_scale(session)
    query = select(RatingRow).where(RatingRow.scale_id == scale.id)
    rows = {r.id: r for r in session.scalars(query)}
    ids: list[int] = []
    for position, draft in enumerate(drafts):
        if draft.id is None:
            row = RatingRow(scale_id=scale.id)
            session.add(row)
        else:
            found = rows.get(draft.id)
            if found is None:
                raise MissingRowError(f"ratings {draft.id}")
            row = found
        row.name, row.value, row.color, row.position = (
            draft.name,
            draft.value,
            draft.color,
            position,
        )
        session.flush()
        ids.append(row.id)
    removed = [rid for rid in rows if rid not in ids]
    for rid in removed:
        session.delete(rows[rid])
    session.flush()
    return ids, removed
