"""Repositories of articles, claims, verdicts, sources, settings: Session in, dataclasses out."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from claimdesk.domain import (
    Article,
    ArticleMetadata,
    ArticleSummary,
    CandidateClaim,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    LanguageSource,
    RatingScale,
    SourceDraft,
)
from claimdesk.domain.filters import worked_on
from claimdesk.storage import review_repo
from claimdesk.storage.orm import (
    ArticleRow,
    ClaimRow,
    RatingRow,
    RatingScaleRow,
    SettingRow,
    SourceNoteRow,
    VerdictRow,
)
from claimdesk.storage.review_repo import reopen_if_changed
from claimdesk.storage.rows import (
    MissingRowError,
    _article,
    _claim,
    _claim_query,
    _get,
    _new_claim_row,
    _now,
    _rating,
    worked_on_sql,
)

# ----------------------------------------------------------------------------- articles


def find_article_by_sha(session: Session, sha256: str) -> int | None:
    return session.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == sha256))


def add_article(
    session: Session,
    *,
    text: str,
    metadata: ArticleMetadata,
    file_name: str,
    file_path: str,
    fmt: str,
    sha256: str,
    language: str | None = None,
) -> int:
    """A new article; `language` is the detector's code (stored as detected), if known."""
    row = ArticleRow(
        title=metadata.title or file_name,
        file_name=file_name,
        file_path=file_path,
        format=fmt,
        sha256=sha256,
        text=text,
        imported_at=_now(),
        url=metadata.url,
        author=metadata.author,
        publisher=metadata.publisher,
        published=metadata.published,
        language=language,
        language_source=None if language is None else LanguageSource.DETECTED.value,
    )
    session.add(row)
    session.flush()
    return row.id


def get_article(session: Session, article_id: int) -> Article:
    return _article(_get(session, ArticleRow, article_id))


def needs_extraction(session: Session, article_id: int) -> bool:
    row: ArticleRow = _get(session, ArticleRow, article_id)
    return row.extracted_at is None


def list_articles(session: Session, threshold: float = 0.5) -> list[ArticleSummary]:
    """Library rows; a claim counts as the claims table shows it by default.

    That is: worked on (domain.filters.worked_on), scored at the threshold, or not scored.
    """
    counts = (
        select(
            ClaimRow.article_id.label("aid"),
            func.count().label("claims"),
            func.sum(case((ClaimRow.status == ClaimStatus.DONE.value, 1), else_=0)).label("done"),
        )
        .where(worked_on_sql() | (ClaimRow.score >= threshold) | ClaimRow.score.is_(None))
        .group_by(ClaimRow.article_id)
        .subquery()
    )
    rows = session.execute(
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.format,
            ArticleRow.imported_at,
            counts.c.claims,
            counts.c.done,
            ArticleRow.language,
        )
        .outerjoin(counts, counts.c.aid == ArticleRow.id)
        .order_by(ArticleRow.imported_at.desc(), ArticleRow.id.desc())
    ).all()
    return [
        ArticleSummary(
            id=r[0],
            title=r[1],
            format=r[2],
            imported_at=r[3],
            claim_count=int(r[4] or 0),
            checked_count=int(r[5] or 0),
            language=r[6],
        )
        for r in rows
    ]


def update_article_metadata(session: Session, article_id: int, metadata: ArticleMetadata) -> None:
    row: ArticleRow = _get(session, ArticleRow, article_id)
    row.title = metadata.title or row.file_name
    row.author = metadata.author
    row.publisher = metadata.publisher
    row.url = metadata.url
    row.published = metadata.published


def set_article_language(
    session: Session, article_id: int, code: str | None, source: LanguageSource | None
) -> bool:
    """Store the article's language and who said it; False when it was already so."""
    row: ArticleRow = _get(session, ArticleRow, article_id)
    value = None if source is None else source.value
    if (row.language, row.language_source) == (code, value):
        return False
    row.language, row.language_source = code, value
    return True


def delete_article(session: Session, article_id: int) -> None:
    session.delete(_get(session, ArticleRow, article_id))


# ----------------------------------------------------------------------------- claims


def store_extracted_claims(
    session: Session, article_id: int, candidates: Sequence[CandidateClaim], pipeline: str
) -> list[int]:
    """Replace the article's untouched extracted claims with `candidates`.

    Claims the checker has worked on (rated, with sources, status changed) and manual
    claims are kept; so are claims assigned to someone and claims whose speaker kind
    differs from what extraction now says of the same speaker (the checker corrected
    it). A candidate whose span equals a kept claim is not added twice.
    """
    article: ArticleRow = _get(session, ArticleRow, article_id)
    found = {(c.start, c.end): c for c in candidates}
    kept: set[tuple[int, int]] = set()
    for row in list(article.claims):
        same = found.get((row.start, row.end))
        corrected = (
            same is not None
            and same.speaker == row.speaker
            and (same.speaker_kind.value if same.speaker_kind else None) != row.speaker_kind
        )
        if worked_on(_claim(row, 0, with_sources=False)) or row.assignee or corrected:
            kept.add((row.start, row.end))
        else:
            session.delete(row)
    session.flush()
    now = _now()
    new_rows = [
        _new_claim_row(article_id, c, ClaimOrigin.EXTRACTED, ClaimStatus.TODO, now, now)
        for c in candidates
        if (c.start, c.end) not in kept
    ]
    session.add_all(new_rows)
    article.extracted_at = now
    article.pipeline = pipeline
    session.flush()
    return [r.id for r in new_rows]


def add_claim(
    session: Session, article_id: int, candidate: CandidateClaim, origin: ClaimOrigin
) -> int:
    now = _now()
    row = _new_claim_row(article_id, candidate, origin, ClaimStatus.TODO, now, now)
    session.add(row)
    session.flush()
    return row.id


def list_claims(session: Session, article_id: int) -> list[Claim]:
    """The article's claims in text order, numbered from 1."""
    rows = session.scalars(_claim_query(article_id)).all()
    return [_claim(r, i, with_sources=False) for i, r in enumerate(rows, start=1)]


def get_claim(session: Session, claim_id: int) -> Claim:
    """One claim with its sources; its number is its place in the article's text order."""
    row: ClaimRow = _get(session, ClaimRow, claim_id)
    number = 1 + (
        session.scalar(
            select(func.count())
            .select_from(ClaimRow)
            .where(
                ClaimRow.article_id == row.article_id,
                (ClaimRow.start < row.start)
                | ((ClaimRow.start == row.start) & (ClaimRow.end < row.end))
                | (
                    (ClaimRow.start == row.start)
                    & (ClaimRow.end == row.end)
                    & (ClaimRow.id < row.id)
                ),
            )
        )
        or 0
    )
    return _claim(row, number, with_sources=True)



def set_claim_status(session: Session, claim_id: int, status: ClaimStatus) -> None:
    row: ClaimRow = _get(session, ClaimRow, claim_id)
    if row.status == status.value:
        return  # the same status again is no edit, however long after (times are seconds)
    row.status = status.value
    row.updated_at = _now()


def delete_claim(session: Session, claim_id: int) -> None:
    session.delete(_get(session, ClaimRow, claim_id))


# ----------------------------------------------------------------------------- verdicts


def set_verdict(
    session: Session, claim_id: int, rating_id: int, explanation: str, checker: str
) -> None:
    claim: ClaimRow = _get(session, ClaimRow, claim_id)
    _get(session, RatingRow, rating_id)
    now = _now()
    if claim.verdict is None:
        claim.verdict = VerdictRow(
            rating_id=rating_id,
            explanation=explanation,
            checker=checker,
            created_at=now,
            updated_at=now,
            author_login=review_repo.login(session),
        )
    else:
        v = claim.verdict
        if (v.rating_id, v.explanation) == (rating_id, explanation):
            # The same verdict saved again (a reviewer pressing its rating key) changes
            # nothing: its writer stays who wrote its words, or the reviewer could no
            # longer approve it and its writer could.
            return
        reopen_if_changed(claim.verdict, rating_id, explanation)
        claim.verdict.rating_id = rating_id
        claim.verdict.explanation = explanation
        claim.verdict.checker = checker
        claim.verdict.author_login = review_repo.login(session)
        claim.verdict.updated_at = now
    claim.updated_at = now
    # A new verdict is a new version of its claim even within the same second (when
    # updated_at alone would not change and the ORM would skip the claim's UPDATE).
    flag_modified(claim, "updated_at")


def clear_verdict(session: Session, claim_id: int) -> None:
    session.execute(delete(VerdictRow).where(VerdictRow.claim_id == claim_id))
    claim: ClaimRow = _get(session, ClaimRow, claim_id)
    claim.updated_at = _now()
    flag_modified(claim, "updated_at")  # the claim's version goes up (as set_verdict)


def default_scale(session: Session) -> RatingScale:
    row = session.scalar(
        select(RatingScaleRow)
        .order_by(RatingScaleRow.is_default.desc(), RatingScaleRow.id)
        .options(selectinload(RatingScaleRow.ratings))
        .limit(1)
    )
    if row is None:
        raise MissingRowError("rating scale")
    return RatingScale(id=row.id, name=row.name, ratings=tuple(_rating(r) for r in row.ratings))


# ----------------------------------------------------------------------------- sources


def _apply_draft(row: SourceNoteRow, draft: SourceDraft) -> None:
    row.url = draft.url
    row.title = draft.title
    row.publisher = draft.publisher
    row.accessed = draft.accessed
    row.quote = draft.quote
    row.note = draft.note
    row.stance = draft.stance.value


def add_source(session: Session, claim_id: int, draft: SourceDraft, checker: str = "") -> int:
    _get(session, ClaimRow, claim_id)
    row = SourceNoteRow(claim_id=claim_id, created_at=_now(), checker=checker)
    _apply_draft(row, draft)
    session.add(row)
    session.flush()
    return row.id


def lock_claim(session: Session, claim_id: int) -> None:
    """Hold the claim's row until this transaction ends (PostgreSQL: SELECT … FOR UPDATE).

    A save that checks a version calls this first: its check, its snapshot for history
    and its UPDATE then read one state of the row, which no other save changes before it
    commits. Without it the ORM could load the row again between the check and the UPDATE
    (after garbage-collecting its first copy) and write over a save committed meanwhile.
    SQLite renders no FOR UPDATE; its BEGIN IMMEDIATE already holds the whole file.
    """
    session.execute(select(ClaimRow.id).where(ClaimRow.id == claim_id).with_for_update())


def lock_source(session: Session, source_id: int) -> None:
    """As lock_claim, for a source note's row."""
    session.execute(
        select(SourceNoteRow.id).where(SourceNoteRow.id == source_id).with_for_update()
    )


def source_claim_id(session: Session, source_id: int) -> int:
    row: SourceNoteRow = _get(session, SourceNoteRow, source_id)
    return row.claim_id


def update_source(session: Session, source_id: int, draft: SourceDraft) -> int:
    row: SourceNoteRow = _get(session, SourceNoteRow, source_id)
    _apply_draft(row, draft)
    return row.claim_id


def delete_source(session: Session, source_id: int) -> int:
    row: SourceNoteRow = _get(session, SourceNoteRow, source_id)
    claim_id = row.claim_id
    session.delete(row)
    return claim_id


# ----------------------------------------------------------------------------- settings


def get_setting(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.scalar(select(SettingRow).where(SettingRow.key == key))
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
