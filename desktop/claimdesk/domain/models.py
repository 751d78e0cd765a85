"""Immutable domain records shared by every layer; no Qt, no SQLAlchemy."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from claimdesk.domain.evidence import Attachment
from claimdesk.domain.review import ReviewState, review_summary


class ClaimStatus(enum.StrEnum):
    """Where a claim stands in the checker's work."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"todo": "To do", "in_progress": "In progress", "done": "Done"}[self.value]


class ClaimOrigin(enum.StrEnum):
    """Whether the pipeline found the claim or the checker marked it by hand."""

    EXTRACTED = "extracted"
    MANUAL = "manual"


class Stance(enum.StrEnum):
    """How a source relates to the claim it is attached to."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ClaimType(enum.StrEnum):
    """Kinds of claim, after Full Fact's claim-type taxonomy, plus DATE.

    DATE (a claim that says when something happened or will happen) is ours, not Full
    Fact's: it needs no language model, so it works in every language. It comes last
    so the taxonomy's own order is kept wherever types are listed.
    """

    QUANTITY = "quantity"
    QUOTE = "quote"
    PREDICTION = "prediction"
    CAUSE = "cause"
    COMPARISON = "comparison"
    RULES = "rules"
    PERSONAL = "personal"
    DATE = "date"

    @property
    def label(self) -> str:
        return _CLAIM_TYPE_LABELS[self]


_CLAIM_TYPE_LABELS = {
    ClaimType.QUANTITY: "Quantity",
    ClaimType.QUOTE: "Quote",
    ClaimType.PREDICTION: "Prediction",
    ClaimType.CAUSE: "Cause & effect",
    ClaimType.COMPARISON: "Comparison",
    ClaimType.RULES: "Rules & laws",
    ClaimType.PERSONAL: "Personal experience",
    ClaimType.DATE: "Date & time",
}


class SpeakerKind(enum.StrEnum):
    """What sort of speaker a claim is attributed to; ClaimReview publishes it as the type."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


class LanguageSource(enum.StrEnum):
    """Who said which language an article is in; the checker's word is never overwritten."""

    DETECTED = "detected"
    CHECKER = "checker"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity inside a claim; offsets are absolute in the article text."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """What an importer could learn about a document besides its text."""

    title: str = ""
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An imported document; `text` is the stored plain text all offsets index."""

    id: int
    title: str
    file_name: str
    file_path: str
    format: str
    sha256: str
    text: str
    imported_at: datetime
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    #: BCP-47 code ("de"; "und": the detector could not say); None: not detected yet.
    language: str | None = None
    language_source: LanguageSource | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    format: str
    imported_at: datetime
    claim_count: int
    checked_count: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rating:
    """One step of a rating scale; `value` is what ClaimReview publishes."""

    id: int
    name: str
    value: int
    color: str
    position: int


@dataclass(frozen=True, slots=True)
class RatingScale:
    """An ordered scale of ratings with the best and worst values for ClaimReview."""

    id: int
    name: str
    ratings: tuple[Rating, ...]

    @property
    def best_value(self) -> int:
        return max(r.value for r in self.ratings)

    @property
    def worst_value(self) -> int:
        return min(r.value for r in self.ratings if r.value > 0)

    def by_id(self, rating_id: int) -> Rating | None:
        return next((r for r in self.ratings if r.id == rating_id), None)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The checker's rating of a claim with the reasoning behind it."""

    id: int
    claim_id: int
    rating: Rating
    explanation: str
    checker: str
    created_at: datetime
    updated_at: datetime
    #: Raised by every save; a save based on an older version is a SaveConflict.
    version: int = 1
    #: The review step (migration 0011): `checker` wrote it, `reviewer` approved it.
    review_state: ReviewState = ReviewState.DRAFT
    reviewer: str | None = None
    reviewed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A piece of evidence attached to a claim."""

    id: int
    claim_id: int
    url: str
    title: str = ""
    publisher: str = ""
    accessed: date | None = None
    quote: str = ""
    note: str = ""
    stance: Stance = Stance.CONTEXT
    #: Files kept in the desk as evidence for this note, in the order they were attached.
    attachments: tuple[Attachment, ...] = ()
    #: Raised by every save; a save based on an older version is a SaveConflict.
    version: int = 1
    #: Who added the note ("": added before migration 0011).
    checker: str = ""


@dataclass(frozen=True, slots=True)
class SourceDraft:
    """A source note before it is stored (no id yet)."""

    url: str
    title: str = ""
    publisher: str = ""
    accessed: date | None = None
    quote: str = ""
    note: str = ""
    stance: Stance = Stance.CONTEXT


@dataclass(frozen=True, slots=True)
class CandidateClaim:
    """A claim as the NLP pipeline proposes it, before it is stored."""

    start: int
    end: int
    text: str
    score: float | None = None
    types: tuple[ClaimType, ...] = ()
    speaker: str | None = None
    entities: tuple[Entity, ...] = ()
    speaker_kind: SpeakerKind | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A stored span of an article under review, with its current verdict."""

    id: int
    article_id: int
    number: int
    start: int
    end: int
    text: str
    origin: ClaimOrigin
    score: float | None
    types: tuple[ClaimType, ...]
    speaker: str | None
    entities: tuple[Entity, ...]
    status: ClaimStatus
    verdict: Verdict | None = None
    source_count: int = 0
    sources: tuple[SourceNote, ...] = field(default=())
    #: None for claims stored before kinds existed, and for speakers typed by hand.
    speaker_kind: SpeakerKind | None = None
    #: Raised by every save of the claim (its status, its verdict: the verdict also
    #: stamps the claim); a save based on an older version is a SaveConflict.
    version: int = 1
    #: The checker the claim is assigned to (None: nobody).
    assignee: str | None = None


# ----------------------------------------------------- history, scale drafts, settings


class HistoryField(enum.StrEnum):
    """What a history entry records a change of."""

    STATUS = "status"
    VERDICT = "verdict"
    EXPLANATION = "explanation"
    #: A note added to the claim by a bundle import (`new` names it); typed notes are not
    #: history, but a note arriving from elsewhere must say where it came from.
    SOURCE = "source"
    #: Who the claim is assigned to (None: nobody).
    ASSIGNEE = "assignee"
    #: The verdict's review state (domain.review.ReviewState values).
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change of a claim's status or verdict: who, when, from → to.

    `old`/`new` are plain text: a status value ("todo", "in_progress", "done"), a rating
    name as it was called at the time, or the explanation text; None means "none"
    (no verdict yet, or the verdict was cleared).
    """

    id: int
    claim_id: int
    at: datetime
    who: str
    field: HistoryField
    old: str | None
    new: str | None

    @property
    def summary(self) -> str:
        """One line for the detail pane, e.g. "Status: To do → Done"."""
        if self.field is HistoryField.EXPLANATION:
            return "Explanation edited"
        if self.field is HistoryField.SOURCE:
            return f"Source added: {self.new or ''}"
        if self.field is HistoryField.STATUS:
            old, new = (_status_label(v) for v in (self.old, self.new))
            return f"Status: {old} → {new}"
        if self.field in (HistoryField.ASSIGNEE, HistoryField.REVIEW):
            return review_summary(self.field.value, self.old, self.new)
        return f"Verdict: {self.old or 'none'} → {self.new or 'none'}"


def _status_label(value: str | None) -> str:
    try:
        return ClaimStatus(value or "").label
    except ValueError:
        return value or "none"


@dataclass(frozen=True, slots=True)
class RatingDraft:
    """One step of an edited rating scale; `id` None is a new rating.

    The order of the drafts passed to the Workbench is the order of the scale.
    """

    name: str
    value: int
    color: str
    id: int | None = None


class Theme(enum.StrEnum):
    """The window's colour scheme."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class DeskSettings:
    """Settings stored with the data, so they travel with the database file."""

    checker_name: str = ""
    org_name: str = ""
    org_url: str = ""
    org_logo: str = ""
    threshold: float = 0.5
    theme: Theme = Theme.SYSTEM
    #: How many rolling backups of the file to keep (storage/backups.py).
    backups_keep: int = 10
