"""Row ↔ domain mapping shared by the repositories: ORM rows in, frozen dataclasses out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, selectinload

from claimdesk.domain import (
    Article,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    ClaimType,
    Entity,
    LanguageSource,
    Rating,
    SourceNote,
    SpeakerKind,
    Stance,
    Verdict,
)
from claimdesk.domain.clock import utc_now
from claimdesk.domain.evidence import Attachment
from claimdesk.domain.review import review_state
from claimdesk.errors import DatabaseError
from claimdesk.storage.orm import (
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    RatingRow,
    SourceNoteRow,
    VerdictRow,
)


class MissingRowError(LookupError):
    """A row asked for by id does not exist (deleted meanwhile, or a stale id)."""


class UnknownStoredValue(DatabaseError):
    """A row holds a value no ClaimDesk of this version writes (altered, or newer)."""


E = TypeVar("E", bound=Enum)


def stored(kind: type[E], value: object, where: str) -> E:
    """`value` read from the row `where` as a `kind`; a value this version does not know
    is UnknownStoredValue, one sentence, instead of a ValueError from deep in a view."""
    try:
        return kind(value)
    except ValueError:
        raise UnknownStoredValue(
            f"The desk holds a value this ClaimDesk does not know ({where}: {value!r}); "
            "it was changed by another program or a newer ClaimDesk. Update ClaimDesk, "
            "or restore a backup."
        ) from None


def stored_types(row: ClaimRow) -> tuple[ClaimType, ...]:
    where = f"claim {row.id}, types"
    raw: object = row.types  # JSON: a file altered elsewhere may hold any value here
    if not isinstance(raw, list):
        return (stored(ClaimType, raw, where),)
    return tuple(stored(ClaimType, t, where) for t in raw)


def _now() -> datetime:
    return utc_now()


# ----------------------------------------------------------------------------- mapping


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        file_name=row.file_name,
        file_path=row.file_path,
        format=row.format,
        sha256=row.sha256,
        text=row.text,
        imported_at=row.imported_at,
        url=row.url,
        author=row.author,
        publisher=row.publisher,
        published=row.published,
        language=row.language,
        language_source=language_source(row.language_source),
    )


def language_source(value: str | None) -> LanguageSource | None:
    """A stored source; None for NULL and for a value this version does not know."""
    try:
        return LanguageSource(value) if value else None
    except ValueError:
        return None


def _rating(row: RatingRow) -> Rating:
    return Rating(id=row.id, name=row.name, value=row.value, color=row.color, position=row.position)


def _verdict(row: VerdictRow) -> Verdict:
    return Verdict(
        id=row.id,
        claim_id=row.claim_id,
        rating=_rating(row.rating),
        explanation=row.explanation,
        checker=row.checker,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        review_state=review_state(row.review_state),
        reviewer=row.reviewer,
        reviewed_at=row.reviewed_at,
    )


def attachment(row: EvidenceRow) -> Attachment:
    return Attachment(
        id=row.id,
        source_id=row.source_note_id,
        sha256=row.sha256,
        file_name=row.file_name,
        media_type=row.media_type,
        size=row.size,
        captured_at=row.captured_at,
    )


def _source(row: SourceNoteRow) -> SourceNote:
    return SourceNote(
        attachments=tuple(attachment(f) for f in row.attachments),
        id=row.id,
        claim_id=row.claim_id,
        url=row.url,
        title=row.title,
        publisher=row.publisher,
        accessed=row.accessed,
        quote=row.quote,
        note=row.note,
        stance=stored(Stance, row.stance, f"source note {row.id}, stance"),
        version=row.version,
        checker=row.checker or "",
    )


def _entities(raw: list[dict[str, Any]], claim_id: int | None = None) -> tuple[Entity, ...]:
    try:
        return tuple(
            Entity(
                text=str(e["text"]), label=str(e["label"]), start=int(e["start"]),
                end=int(e["end"]),
            )
            for e in raw
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        raise UnknownStoredValue(
            f"The desk holds named entities this ClaimDesk cannot read (claim {claim_id}); "
            "it was changed by another program or a newer ClaimDesk. Update ClaimDesk, "
            "or restore a backup."
        ) from None


def _claim(row: ClaimRow, number: int, *, with_sources: bool) -> Claim:
    return Claim(
        id=row.id,
        article_id=row.article_id,
        number=number,
        start=row.start,
        end=row.end,
        text=row.text,
        origin=stored(ClaimOrigin, row.origin, f"claim {row.id}, origin"),
        score=row.score,
        types=stored_types(row),
        speaker=row.speaker,
        entities=_entities(row.entities, row.id),
        status=stored(ClaimStatus, row.status, f"claim {row.id}, status"),
        speaker_kind=speaker_kind(row.speaker_kind),
        verdict=_verdict(row.verdict) if row.verdict is not None else None,
        source_count=len(row.sources),
        sources=tuple(_source(s) for s in row.sources) if with_sources else (),
        version=row.version,
        assignee=row.assignee,
    )


def speaker_kind(value: str | None) -> SpeakerKind | None:
    """A stored kind; None for NULL and for a value this version does not know."""
    try:
        return SpeakerKind(value) if value else None
    except ValueError:
        return None


def _get(session: Session, cls: type[Any], ident: int) -> Any:
    row = session.get(cls, ident)
    if row is None:
        raise MissingRowError(f"{cls.__tablename__} {ident}")
    return row


def _entity_dicts(entities: Iterable[Entity]) -> list[dict[str, Any]]:
    return [{"text": e.text, "label": e.label, "start": e.start, "end": e.end} for e in entities]


class ClaimFacts(Protocol):
    """What a new claim row takes from an extracted candidate or a bundle's claim."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float | None: ...
    @property
    def types(self) -> tuple[ClaimType, ...]: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_kind(self) -> SpeakerKind | None: ...
    @property
    def entities(self) -> tuple[Entity, ...]: ...


def _new_claim_row(
    article_id: int,
    c: ClaimFacts,
    origin: ClaimOrigin,
    status: ClaimStatus,
    created_at: datetime,
    updated_at: datetime,
) -> ClaimRow:
    return ClaimRow(
        article_id=article_id,
        start=c.start,
        end=c.end,
        text=c.text,
        origin=origin.value,
        score=c.score,
        types=[t.value for t in c.types],
        speaker=c.speaker,
        speaker_kind=c.speaker_kind.value if c.speaker_kind else None,
        entities=_entity_dicts(c.entities),
        status=status.value,
        created_at=created_at,
        updated_at=updated_at,
    )


def _claim_query(article_id: int) -> Any:
    return (
        select(ClaimRow)
        .where(ClaimRow.article_id == article_id)
        .options(
            selectinload(ClaimRow.verdict).selectinload(VerdictRow.rating),
            selectinload(ClaimRow.sources).selectinload(SourceNoteRow.attachments),
        )
        .order_by(ClaimRow.start, ClaimRow.end, ClaimRow.id)
    )


def worked_on_sql() -> ColumnElement[bool]:
    """domain.filters.worked_on as a WHERE clause on ClaimRow, for counting in SQL.

    tests/storage/test_worked_on.py checks that both give the same answer for every case.
    """
    return (
        (ClaimRow.origin == ClaimOrigin.MANUAL.value)
        | exists().where(VerdictRow.claim_id == ClaimRow.id)
        | (ClaimRow.status != ClaimStatus.TODO.value)
        | exists().where(SourceNoteRow.claim_id == ClaimRow.id)
    )
