"""SQLAlchemy 2.0 typed ORM tables; no ORM object leaves storage/."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names so Alembic batch migrations can find them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    file_name: Mapped[str] = mapped_column(String(500))
    file_path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    url: Mapped[str | None] = mapped_column(Text, default=None)
    author: Mapped[str | None] = mapped_column(String(500), default=None)
    publisher: Mapped[str | None] = mapped_column(String(500), default=None)
    published: Mapped[date | None] = mapped_column(Date, default=None)
    # Set when claim extraction finished; NULL means it still has to run (or was cut short).
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    pipeline: Mapped[str | None] = mapped_column(String(100), default=None)
    # A BCP-47 code ("de", "und"); NULL: not detected yet (stored before 0005).
    language: Mapped[str | None] = mapped_column(Text, default=None)
    # "detected" or "checker" (domain.LanguageSource); NULL with a NULL language.
    language_source: Mapped[str | None] = mapped_column(String(16), default=None)

    claims: Mapped[list[ClaimRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class RatingScaleRow(Base):
    __tablename__ = "rating_scales"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_default: Mapped[bool] = mapped_column(default=False)

    ratings: Mapped[list[RatingRow]] = relationship(
        back_populates="scale", order_by="RatingRow.position", cascade="all, delete-orphan"
    )


class RatingRow(Base):
    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scales.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[int] = mapped_column(Integer)
    color: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)

    scale: Mapped[RatingScaleRow] = relationship(back_populates="ratings")


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        Index("ix_claims_article_start", "article_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float, default=None)
    types: Mapped[list[str]] = mapped_column(JSON, default=list)
    speaker: Mapped[str | None] = mapped_column(String(300), default=None)
    #: SpeakerKind value, or None (claims stored before 0004, speakers typed by hand).
    speaker_kind: Mapped[str | None] = mapped_column(String(16), default=None)
    entities: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="todo")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    #: Raised by every ORM update, which only succeeds while the row still has the
    #: version it was read at (migration 0010): a concurrent save fails, never overwrites.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    #: The checker the claim is assigned to; NULL: nobody (migration 0011).
    assignee: Mapped[str | None] = mapped_column(String(200), default=None)

    article: Mapped[ArticleRow] = relationship(back_populates="claims")
    verdict: Mapped[VerdictRow | None] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True
    )
    sources: Mapped[list[SourceNoteRow]] = relationship(
        back_populates="claim",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SourceNoteRow.id",
    )


class VerdictRow(Base):
    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), unique=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("ratings.id", ondelete="RESTRICT"))
    explanation: Mapped[str] = mapped_column(Text, default="")
    checker: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, server_default="1")  # as ClaimRow.version
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    #: domain.review.ReviewState; who approved it and when (migration 0011).
    review_state: Mapped[str] = mapped_column(
        String(16), default="draft", server_default="draft"
    )
    reviewer: Mapped[str | None] = mapped_column(String(200), default=None)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    #: The database login that last wrote it on a shared desk (None on a desk file): the
    #: name in `checker` is typed in the settings, the login is the server's word.
    author_login: Mapped[str | None] = mapped_column(String(200), default=None)

    claim: Mapped[ClaimRow] = relationship(back_populates="verdict")
    rating: Mapped[RatingRow] = relationship()


class SourceNoteRow(Base):
    __tablename__ = "source_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(String(500), default="")
    accessed: Mapped[date | None] = mapped_column(Date, default=None)
    quote: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[str] = mapped_column(String(16), default="context")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, server_default="1")  # as ClaimRow.version
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    #: Who added the note; "" for notes added before migration 0011.
    checker: Mapped[str] = mapped_column(String(200), default="", server_default="")

    claim: Mapped[ClaimRow] = relationship(back_populates="sources")
    # Read-only: attachments are written through evidence_repo, deleted by the cascade.
    attachments: Mapped[list[EvidenceRow]] = relationship(
        viewonly=True, order_by="EvidenceRow.id"
    )


class SettingRow(Base):
    """Key/value settings that belong with the data (checker name, organisation)."""

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")


class ClaimHistoryRow(Base):
    """One change of a claim's status or verdict: who, when, from → to (plain text)."""

    __tablename__ = "claim_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(16))
    old: Mapped[str | None] = mapped_column(Text, default=None)
    new: Mapped[str | None] = mapped_column(Text, default=None)


class FactCheckRow(Base):
    """One earlier fact-check: imported ClaimReview (keyed by its review URL) or a desk
    verdict (keyed by its claim, copied here by triggers; see migration 0008)."""

    __tablename__ = "factchecks"
    __table_args__ = (
        CheckConstraint("source IN ('imported', 'desk')", name="source"),
        # Imported entries have a URL and no claim; the desk's have a claim.
        CheckConstraint(
            "(source = 'desk' AND claim_id IS NOT NULL) "
            "OR (source = 'imported' AND claim_id IS NULL AND url IS NOT NULL)",
            name="key",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True, default=None)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), unique=True, default=None
    )
    source: Mapped[str] = mapped_column(String(16))
    claim: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[str] = mapped_column(String(200), default="")
    rating_value: Mapped[float | None] = mapped_column(Float, default=None)
    rating_best: Mapped[float | None] = mapped_column(Float, default=None)
    rating_worst: Mapped[float | None] = mapped_column(Float, default=None)
    publisher: Mapped[str] = mapped_column(String(500), default="")
    published: Mapped[date | None] = mapped_column(Date, default=None)
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class FactCheckVectorRow(Base):
    """A fact-check's sentence vector: 512 float16 (1 KB), filled after import, in batches.

    Its own table, so loading every vector reads no text, and a changed claim only has
    to drop its row (a trigger does) for the next fill to encode it again. `model` names
    the encoder: vectors of another encoder are never compared with this one's.
    """

    __tablename__ = "factcheck_vectors"

    factcheck_id: Mapped[int] = mapped_column(
        ForeignKey("factchecks.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceBlobRow(Base):
    """The bytes of one attached file and their text, stored once however many notes
    attach it (the text is the bytes' own, so it is deduplicated with them)."""

    __tablename__ = "evidence_blobs"
    __table_args__ = (CheckConstraint("length(data) = size", name="size"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceRow(Base):
    """One file attached to a source note (migration 0009): name, type, size, capture."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("source_note_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_note_id: Mapped[int] = mapped_column(
        ForeignKey("source_notes.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(
        ForeignKey("evidence_blobs.sha256", ondelete="RESTRICT"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime] = mapped_column(DateTime)
