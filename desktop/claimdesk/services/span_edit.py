"""Precise claim editing: add, adjust, split and merge spans without silent overlaps.

Every span is trimmed of white space at both ends and clamped to the article text. A
claim whose span the checker edits becomes a manual claim, so a later re-extraction
keeps it instead of bringing back the sentence it came from.

Overlaps are checked against the checker's claims: manual ones and those worked on
(rated, with sources, or no longer to do), which are exactly the claims re-extraction
keeps. Untouched extracted candidates cover every sentence of the article and are
replaced by the next extraction, so marking words inside one is not an overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from sqlalchemy.orm import Session

from claimdesk.domain import CandidateClaim, Claim, ClaimOrigin, ClaimType, Entity
from claimdesk.domain.filters import worked_on
from claimdesk.domain.spans import has_words, trim_span
from claimdesk.errors import KnownError
from claimdesk.services.undo import Recorder
from claimdesk.storage import edit_repo, review_repo
from claimdesk.storage import repositories as repo

#: Scores texts with the check-worthiness model, or returns None when it is unavailable.
ScoreFn = Callable[[Sequence[str]], list[float] | None]

SELECT_FIRST = "Select some words of the article first, then add the claim."


class ClaimOverlap(KnownError):
    """A span would overlap other claims; `claim_ids` says which (in text order).

    The window may ask the checker and repeat the call with `allow_overlap=True`.
    """

    def __init__(self, claims: Sequence[Claim]) -> None:
        shown = ", ".join(f"{c.number} (“{_short(c.text)}”)" for c in claims[:3])
        more = f" and {len(claims) - 3} more" if len(claims) > 3 else ""
        noun = "claim" if len(claims) == 1 else "claims"
        super().__init__(
            f"That span overlaps {noun} {shown}{more}. Adjust or delete the other claim "
            "first, or confirm that the claims may overlap."
        )
        self.claim_ids = tuple(c.id for c in claims)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_overlap(
    session: Session, article_id: int, start: int, end: int, exclude: Collection[int] = ()
) -> None:
    hits = [
        c
        for c in repo.list_claims(session, article_id)
        if c.id not in exclude and c.start < end and start < c.end and worked_on(c)
    ]
    if hits:
        raise ClaimOverlap(hits)



def _within(entities: Sequence[Entity], start: int, end: int) -> tuple[Entity, ...]:
    return tuple(e for e in entities if start <= e.start and e.end <= end)


def _score(score: ScoreFn, texts: Sequence[str]) -> list[float | None]:
    scores = score(texts)
    return [None] * len(texts) if not scores else list(scores)


def add(
    session: Session,
    rec: Recorder,
    article_id: int,
    candidate: CandidateClaim,
    allow_overlap: bool,
) -> int:
    """Store a manual claim (already trimmed and scored by the caller)."""
    repo.get_article(session, article_id)
    if not allow_overlap:
        check_overlap(session, article_id, candidate.start, candidate.end)
    claim_id = repo.add_claim(session, article_id, candidate, ClaimOrigin.MANUAL)
    rec.created(article_id, claim_id)
    return claim_id


def adjust(
    session: Session,
    rec: Recorder,
    score: ScoreFn,
    claim_id: int,
    start: int,
    end: int,
    allow_overlap: bool,
) -> None:
    """Move a claim to [start, end) (trimmed); its verdict, sources and status stay."""
    claim = repo.get_claim(session, claim_id)
    text = repo.get_article(session, claim.article_id).text
    start, end = trim_span(text, start, end)
    if start >= end or not has_words(text[start:end]):
        raise KnownError("Select some words of the article first, then adjust the claim to them.")
    if (start, end) == (claim.start, claim.end):
        return
    if not allow_overlap:
        check_overlap(session, claim.article_id, start, end, exclude={claim_id})
    rec.track(claim_id)
    (value,) = _score(score, [text[start:end]])
    edit_repo.set_claim_span(
        session,
        claim_id,
        start=start,
        end=end,
        text=text[start:end],
        score=value,
        entities=_within(claim.entities, start, end),
        types=claim.types,
        speaker=claim.speaker,
        speaker_kind=claim.speaker_kind,
    )


def split(session: Session, rec: Recorder, score: ScoreFn, claim_id: int, at: int) -> int:
    """Cut a claim in two at offset `at`; returns the id of the new second part.

    The first part keeps the claim's id, verdict, sources, status and history; the
    second part is a new manual claim, to do, with the same types and speaker.
    """
    claim = repo.get_claim(session, claim_id)
    text = repo.get_article(session, claim.article_id).text
    first = trim_span(text, claim.start, at) if claim.start < at else (0, 0)
    second = trim_span(text, at, claim.end) if at < claim.end else (0, 0)
    if not (has_words(text[first[0] : first[1]]) and has_words(text[second[0] : second[1]])):
        raise KnownError(
            "Put the cursor inside the claim, between two words, to split the claim there."
        )
    rec.track(claim_id)
    s1, s2 = _score(score, [text[first[0] : first[1]], text[second[0] : second[1]]])
    edit_repo.set_claim_span(
        session,
        claim_id,
        start=first[0],
        end=first[1],
        text=text[first[0] : first[1]],
        score=s1,
        entities=_within(claim.entities, *first),
        types=claim.types,
        speaker=claim.speaker,
        speaker_kind=claim.speaker_kind,
    )
    part = CandidateClaim(
        start=second[0],
        end=second[1],
        text=text[second[0] : second[1]],
        score=s2,
        types=claim.types,
        speaker=claim.speaker,
        speaker_kind=claim.speaker_kind,
        entities=_within(claim.entities, *second),
    )
    new_id = repo.add_claim(session, claim.article_id, part, ClaimOrigin.MANUAL)
    rec.created(claim.article_id, new_id)
    return new_id


def merge(
    session: Session,
    rec: Recorder,
    score: ScoreFn,
    first_id: int,
    second_id: int,
    allow_overlap: bool,
) -> int:
    """Join two claims of one article into the one that comes first in the text.

    The merged claim spans from the earlier claim's start to the later one's end and
    keeps the earlier claim's id. It keeps both claims' sources. Its verdict and status
    are those of the rated claim (the earlier one if both or neither are rated); two
    different verdicts are refused rather than one being lost, and so are equal verdicts
    at different review steps. It is assigned to whoever either claim was assigned to;
    claims assigned to two different checkers are refused. Any other claim inside the
    merged span counts as an overlap, so by default only neighbours merge.
    """
    if first_id == second_id:
        raise KnownError("Choose two different claims to merge.")
    a, b = sorted(
        (repo.get_claim(session, first_id), repo.get_claim(session, second_id)),
        key=lambda c: (c.start, c.end, c.id),
    )
    if a.article_id != b.article_id:
        raise KnownError("Only claims of the same article can be merged.")
    va, vb = a.verdict, b.verdict
    if va and vb and (va.rating.id, va.explanation) != (vb.rating.id, vb.explanation):
        raise KnownError(
            f"Claims {a.number} and {b.number} have different verdicts "
            f"({va.rating.name}, {vb.rating.name}). Clear one of them, then merge."
        )
    if va and vb and va.review_state is not vb.review_state:
        raise KnownError(
            f"Claims {a.number} and {b.number} have the same verdict at different review "
            f"steps ({va.review_state.label}, {vb.review_state.label}). Clear one of them, "
            "then merge."
        )
    if a.assignee and b.assignee and a.assignee != b.assignee:
        raise KnownError(
            f"Claims {a.number} and {b.number} are assigned to different checkers "
            f"({a.assignee}, {b.assignee}). Assign them to one checker, then merge."
        )
    text = repo.get_article(session, a.article_id).text
    start, end = trim_span(text, a.start, max(a.end, b.end))
    if not allow_overlap:
        check_overlap(session, a.article_id, start, end, exclude={a.id, b.id})
    rec.track(a.id, b.id)
    (value,) = _score(score, [text[start:end]])
    types: list[ClaimType] = list(dict.fromkeys((*a.types, *b.types)))
    entities = sorted(set(a.entities) | set(b.entities), key=lambda e: (e.start, e.end, e.label))
    edit_repo.set_claim_span(
        session,
        a.id,
        start=start,
        end=end,
        text=text[start:end],
        score=value,
        entities=entities,
        types=types,
        speaker=a.speaker or b.speaker,
        speaker_kind=a.speaker_kind if a.speaker else b.speaker_kind,
    )
    if va is None and vb is not None:
        edit_repo.move_verdict(session, b.id, a.id)
        repo.set_claim_status(session, a.id, b.status)
    if b.assignee and not a.assignee:
        review_repo.set_assignee(session, a.id, b.assignee)
    edit_repo.move_sources(session, b.id, a.id)
    repo.delete_claim(session, b.id)
    return a.id
