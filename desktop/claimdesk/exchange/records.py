"""The records a case bundle carries, and their strict JSON reading (nothing is trusted)."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from claimdesk.domain import (
    ClaimOrigin,
    ClaimStatus,
    ClaimType,
    Entity,
    LanguageSource,
    ReviewState,
    SpeakerKind,
    Stance,
)
from claimdesk.domain.clock import to_stored
from claimdesk.domain.evidence import clean_name
from claimdesk.nlp.language import is_language_tag

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def bundle_time(value: datetime) -> datetime:
    """A bundle's time as the desk stores it (naive UTC). Bundles written since migration
    0013 give every time its offset; older ones carry their maker's local time without a
    zone, read (as migration 0013 read a desk's) as a time of this machine's zone: right
    when the bundle was made in the same zone. A time at the ends of the calendar that no
    zone can move stays as it is."""
    try:
        return to_stored(value)
    except (OverflowError, ValueError):
        return value.replace(tzinfo=None)


class BundleDataError(ValueError):
    """The bundle's data does not have the expected shape; the message says where."""


class BundleFromNewerVersion(BundleDataError):
    """The bundle names something this ClaimDesk does not know yet (a new claim type)."""


@dataclass(frozen=True, slots=True)
class BundleAttachment:
    """A file attached to a source note; its bytes travel as evidence/<sha256>."""

    sha256: str
    file_name: str
    media_type: str  # as the exporting desk saw it; the importing desk looks again
    captured_at: datetime


@dataclass(frozen=True, slots=True)
class BundleSource:
    url: str
    title: str
    publisher: str
    accessed: date | None
    quote: str
    note: str
    stance: Stance
    created_at: datetime
    #: Not part of `key`: a note is the same note with or without its files.
    attachments: tuple[BundleAttachment, ...] = ()
    checker: str = ""  # who added it; "" in bundles made before migration 0011

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two notes the same note when bundles are merged."""
        return (
            self.url,
            self.title,
            self.publisher,
            self.accessed,
            self.quote,
            self.note,
            self.stance,
        )


@dataclass(frozen=True, slots=True)
class BundleVerdict:
    rating: str  # matched by name against the importing database's default scale
    rating_value: int
    explanation: str
    checker: str
    created_at: datetime
    updated_at: datetime
    #: The review step as the exporting desk had it (optional keys: no format change).
    review_state: ReviewState = ReviewState.DRAFT
    reviewer: str | None = None
    reviewed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class BundleClaim:
    start: int
    end: int
    text: str
    origin: ClaimOrigin
    score: float | None
    types: tuple[ClaimType, ...]
    speaker: str | None
    speaker_kind: SpeakerKind | None
    entities: tuple[Entity, ...]
    status: ClaimStatus
    created_at: datetime
    updated_at: datetime
    verdict: BundleVerdict | None
    sources: tuple[BundleSource, ...]


@dataclass(frozen=True, slots=True)
class BundleArticle:
    """An article with all its claims; `sha256` (of the original file) identifies it."""

    sha256: str
    title: str
    file_name: str
    file_path: str
    format: str
    text: str
    imported_at: datetime
    url: str | None
    author: str | None
    publisher: str | None
    published: date | None
    extracted_at: datetime | None
    pipeline: str | None
    claims: tuple[BundleClaim, ...]
    #: BCP-47 code and who said it; both None when the exporting desk did not know
    #: (or was made before languages existed).
    language: str | None = None
    language_source: LanguageSource | None = None


# ----------------------------------------------------------------------------- reading


class _Obj:
    """A JSON object being read, with the path used in error messages."""

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, dict):
            raise BundleDataError(f"{where} should be an object")
        self.raw: dict[str, Any] = raw
        self.where = where

    def value(self, key: str) -> Any:
        if key not in self.raw:
            raise BundleDataError(f"{self.where} has no “{key}”")
        return self.raw[key]

    def _fail(self, key: str, what: str) -> BundleDataError:
        return BundleDataError(f"{self.where}.{key} should be {what}")

    def string(self, key: str) -> str:
        value = self.value(key)
        if not isinstance(value, str):
            raise self._fail(key, "text")
        return value

    def opt_string(self, key: str) -> str | None:
        return None if self.value(key) is None else self.string(key)

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self.value(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self._fail(key, f"a whole number of at least {minimum}")
        return value

    def opt_score(self, key: str) -> float | None:
        value = self.value(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self._fail(key, "a number from 0 to 1, or null")
        return float(value)

    def _parse(self, key: str, parse: Callable[[str], T], what: str) -> T:
        value = self.string(key)
        try:
            return parse(value)
        except ValueError:
            raise self._fail(key, what) from None

    def timestamp(self, key: str) -> datetime:
        parsed = self._parse(key, datetime.fromisoformat, "a date and time (ISO 8601)")
        return bundle_time(parsed)  # with an offset, or an older bundle's local time

    def opt_timestamp(self, key: str) -> datetime | None:
        return None if self.value(key) is None else self.timestamp(key)

    def opt_day(self, key: str) -> date | None:
        if self.value(key) is None:
            return None
        return self._parse(key, date.fromisoformat, "a date (YYYY-MM-DD)")

    def choice(self, key: str, kind: type[E]) -> E:
        return self._parse(key, kind, "one of " + ", ".join(str(m.value) for m in kind))

    def opt_choice(self, key: str, kind: type[E]) -> E | None:
        """Like choice; a missing key (bundles made before the key existed) or null: None."""
        return None if self.raw.get(key) is None else self.choice(key, kind)

    def array(self, key: str) -> list[Any]:
        value = self.value(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value


def _claim_type(raw: object, where: str) -> ClaimType:
    """A claim type; an unknown name is refused as coming from a newer ClaimDesk.

    New types are added over time (DATE was); dropping one unread would lose the other
    checker's work, so the whole bundle is refused and the checker told to update.
    """
    if isinstance(raw, str) and raw not in {t.value for t in ClaimType}:
        raise BundleFromNewerVersion(
            f"a claim in it has a type this ClaimDesk does not know ({raw!r}, at {where}); "
            "it was probably made by a newer ClaimDesk. Update ClaimDesk to import it"
        )
    return _Obj({"type": raw}, where).choice("type", ClaimType)


def _entity(raw: object, where: str) -> Entity:
    o = _Obj(raw, where)
    return Entity(
        text=o.string("text"),
        label=o.string("label"),
        start=o.integer("start"),
        end=o.integer("end"),
    )


def _attachment(raw: object, where: str) -> BundleAttachment:
    o = _Obj(raw, where)
    sha = o.string("sha256")
    if not _SHA256.fullmatch(sha):
        raise BundleDataError(f"{where}.sha256 should be 64 lower-case hexadecimal digits")
    return BundleAttachment(
        sha256=sha,
        file_name=clean_name(o.string("file_name")),
        media_type=o.string("media_type")[:100],
        captured_at=o.timestamp("captured_at"),
    )


def _source(raw: object, where: str) -> BundleSource:
    o = _Obj(raw, where)
    # Bundles made before attachments existed have no such key.
    files = o.array("attachments") if "attachments" in o.raw else []
    return BundleSource(
        attachments=tuple(
            _attachment(f, f"{where}.attachments[{i}]") for i, f in enumerate(files)
        ),
        url=o.string("url"),
        title=o.string("title"),
        publisher=o.string("publisher"),
        accessed=o.opt_day("accessed"),
        quote=o.string("quote"),
        note=o.string("note"),
        stance=o.choice("stance", Stance),
        created_at=o.timestamp("created_at"),
        checker=((o.opt_string("checker") if "checker" in o.raw else None) or "")[:200],
    )


def _verdict(raw: object, where: str) -> BundleVerdict | None:
    if raw is None:
        return None
    o = _Obj(raw, where)
    rating = o.string("rating")
    if not rating.strip():
        raise BundleDataError(f"{where}.rating is empty")
    return BundleVerdict(
        rating=rating,
        rating_value=o.integer("rating_value"),
        explanation=o.string("explanation"),
        checker=o.string("checker"),
        created_at=o.timestamp("created_at"),
        updated_at=o.timestamp("updated_at"),
        # Keys added with migration 0011; bundles made before have none of them.
        review_state=o.opt_choice("review_state", ReviewState) or ReviewState.DRAFT,
        reviewer=o.opt_string("reviewer") if "reviewer" in o.raw else None,
        reviewed_at=o.opt_timestamp("reviewed_at") if "reviewed_at" in o.raw else None,
    )


def _claim(raw: object, where: str, text: str) -> BundleClaim:
    o = _Obj(raw, where)
    start, end = o.integer("start"), o.integer("end", minimum=1)
    claim_text = o.string("text")
    if not start < end <= len(text) or text[start:end] != claim_text:
        raise BundleDataError(f"{where} does not match its article's text at {start}–{end}")
    return BundleClaim(
        start=start,
        end=end,
        text=claim_text,
        origin=o.choice("origin", ClaimOrigin),
        score=o.opt_score("score"),
        types=tuple(_claim_type(t, f"{where}.types") for t in o.array("types")),
        speaker=o.opt_string("speaker"),
        speaker_kind=o.opt_choice("speaker_kind", SpeakerKind),
        entities=tuple(
            _entity(e, f"{where}.entities[{i}]") for i, e in enumerate(o.array("entities"))
        ),
        status=o.choice("status", ClaimStatus),
        created_at=o.timestamp("created_at"),
        updated_at=o.timestamp("updated_at"),
        verdict=_verdict(o.value("verdict"), f"{where}.verdict"),
        sources=tuple(
            _source(s, f"{where}.sources[{i}]") for i, s in enumerate(o.array("sources"))
        ),
    )


def _language(o: _Obj) -> tuple[str | None, LanguageSource | None]:
    """The article's language and its source; a language without a source counts as
    detected (only a checker's own word is protected from being replaced)."""
    if o.raw.get("language") is None:
        return None, None
    code = o.string("language")
    if not is_language_tag(code):
        raise o._fail("language", "a language code such as “de” or “pt-BR”")
    return code, o.opt_choice("language_source", LanguageSource) or LanguageSource.DETECTED


def article_from_json(raw: object, where: str) -> BundleArticle:
    """Read one article, checking every field's type and every claim's span."""
    o = _Obj(raw, where)
    sha = o.string("sha256")
    if not _SHA256.fullmatch(sha):
        raise BundleDataError(f"{where}.sha256 should be 64 lowercase hex digits")
    text = o.string("text")
    if not text.strip():
        raise BundleDataError(f"{where}.text is empty")
    language, language_source = _language(o)
    return BundleArticle(
        sha256=sha,
        title=o.string("title"),
        file_name=o.string("file_name"),
        file_path=o.string("file_path"),
        format=o.string("format"),
        text=text,
        imported_at=o.timestamp("imported_at"),
        url=o.opt_string("url"),
        author=o.opt_string("author"),
        publisher=o.opt_string("publisher"),
        published=o.opt_day("published"),
        extracted_at=o.opt_timestamp("extracted_at"),
        pipeline=o.opt_string("pipeline"),
        claims=tuple(
            _claim(c, f"{where}.claims[{i}]", text) for i, c in enumerate(o.array("claims"))
        ),
        language=language,
        language_source=language_source,
    )
