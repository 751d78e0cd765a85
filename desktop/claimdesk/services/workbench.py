"""Use cases of the workbench: open, extract, rate, annotate; each write returns Changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimdesk.domain import (
    Article,
    ArticleMetadata,
    ArticleSummary,
    CandidateClaim,
    Claim,
    ClaimStatus,
    DeskSettings,
    HistoryEntry,
    RatingDraft,
    RatingScale,
    SpeakerKind,
)
from claimdesk.domain.spans import has_words, trim_span
from claimdesk.domain.urls import clean_url
from claimdesk.errors import KnownError
from claimdesk.importers import DEFAULT_MAX_BYTES, read_article
from claimdesk.importers.common import normalise_text
from claimdesk.nlp.language import detect_language
from claimdesk.services import conflicts, desk_settings, span_edit
from claimdesk.services.article_language import ArticleLanguages, correct_language
from claimdesk.services.changes import Changes
from claimdesk.services.evidence import EvidenceEdits
from claimdesk.services.nlp_provider import CancelledFn, NlpProvider, ProgressFn
from claimdesk.services.review import Reviews
from claimdesk.services.source_notes import SourceNotes
from claimdesk.services.undo import (
    Recorder,
    UndoStack,
)
from claimdesk.storage import edit_repo, history_repo, reserved_ids, writer
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database
from claimdesk.storage.text import storable


@dataclass(frozen=True, slots=True)
class OpenResult:
    """What opening a file did: the article's id and whether it was new."""

    article_id: int
    created: bool
    changes: Changes



class Workbench(EvidenceEdits, SourceNotes, ArticleLanguages, Reviews):
    """The application's use cases over one database.

    One writer: every write runs under one lock in its own Session and commits before
    returning, so nothing is ever left unsaved. Reads open their own short Session.
    Only ids and frozen dataclasses cross this boundary, so workers may call it.

    Every edit of the checker's work (claims, spans, status, verdicts, sources and their
    attachments, article properties) goes on `undo_stack`, which lives as long as this
    object (one session of the app, across articles); undo and redo are saved at once like
    any other edit.
    Importing, extracting and deleting articles, settings and the scale are not undoable.
    """

    def __init__(self, db: Database, nlp: NlpProvider, max_bytes: int = DEFAULT_MAX_BYTES):
        self.db = db
        self.nlp = nlp
        self.max_bytes = max_bytes
        self.undo_stack = UndoStack()
        #: Told (on the calling thread) while another process holds the write lock.
        self.waiting: writer.WaitingFn | None = None
        self.wait_limit = writer.WAIT_LIMIT_S
        # The database's lock, shared with bundle import.
        self._write_lock = db.write_lock


    def _score(self, texts: Sequence[str], language: str | None = None) -> list[float] | None:
        return self.nlp.score_texts(texts, language) if self.nlp.scorer() else None

    def _scorer_of(self, article_id: int) -> span_edit.ScoreFn:
        """Scores of texts from the article, in its language as extraction reads it (the
        checker's or the stored one), not one detected again from a few words."""
        language = self.article_language(article_id)
        return lambda texts: self._score(texts, language)

    # -------------------------------------------------------------------- reads

    def articles(self, threshold: float = 0.5) -> list[ArticleSummary]:
        return self._read(lambda s: repo.list_articles(s, threshold))

    def article(self, article_id: int) -> Article:
        return self._read(lambda s: repo.get_article(s, article_id))

    def article_language(self, article_id: int) -> str:
        """The article's language code as extraction reads it: the stored one (the
        checker's correction or the detector's answer at import), else detected now."""
        article = self.article(article_id)
        return self.nlp.language_of(article.text, article.language)

    def claims(self, article_id: int) -> list[Claim]:
        return self._read(lambda s: repo.list_claims(s, article_id))

    def claim(self, claim_id: int) -> Claim:
        return self._read(lambda s: repo.get_claim(s, claim_id))

    def rating_scale(self) -> RatingScale:
        return self._read(repo.default_scale)

    def needs_extraction(self, article_id: int) -> bool:
        return self._read(lambda s: repo.needs_extraction(s, article_id))

    def checker_name(self) -> str:
        return self._read(lambda s: repo.get_setting(s, desk_settings.checker_key(s)))

    def history(self, claim_id: int) -> list[HistoryEntry]:
        """The claim's status and verdict changes, oldest first."""
        return self._read(lambda s: history_repo.list_history(s, claim_id))

    # -------------------------------------------------------------------- articles

    def open_file(self, path: str | Path) -> OpenResult:
        """Import `path`, or return the existing article with the same file contents.

        Raises ImportRefused (a KnownError) for files that cannot be read; in that case
        the database is untouched.
        """
        doc = read_article(path, max_bytes=self.max_bytes)
        language = detect_language(doc.text).code  # before the write: may load the model
        try:
            with self._write() as session:
                # Checked inside the write transaction: another ClaimDesk may have just
                # imported the same file.
                existing = repo.find_article_by_sha(session, doc.sha256)
                if existing is not None:
                    return OpenResult(existing, False, Changes())
                article_id = repo.add_article(
                    session,
                    text=doc.text,
                    metadata=doc.metadata,
                    file_name=doc.file_name,
                    file_path=doc.file_path,
                    fmt=doc.format,
                    sha256=doc.sha256,
                    language=language,
                )
        except IntegrityError as exc:
            # A writer that did not take the lock first won the race: use its article.
            existing = self._read(lambda s: repo.find_article_by_sha(s, doc.sha256))
            if existing is None or "sha256" not in str(exc.orig):
                raise
            return OpenResult(existing, False, Changes())
        return OpenResult(
            article_id, True, Changes(library=True, claim_sets=frozenset({article_id}))
        )

    def update_metadata(
        self, article_id: int, metadata: ArticleMetadata, language: str | None = None
    ) -> Changes:
        """Save the Properties; `language` (a code) is the checker's correction, if any."""
        metadata = _checked_metadata(metadata)

        def op(session: Session, rec: Recorder) -> None:
            rec.track_metadata(article_id)
            repo.update_article_metadata(session, article_id, metadata)
            correct_language(session, article_id, language)

        return self._edit("Edit article properties", op)[1]

    def delete_article(self, article_id: int) -> Changes:
        """Delete an article with its claims (not undoable: its edits leave the stack)."""
        with self._write() as session:
            repo.delete_article(session, article_id)
            self.undo_stack.forget_article(article_id)
        return Changes(library=True, claim_sets=frozenset({article_id}))

    def extract(
        self,
        article_id: int,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> Changes:
        """Find, type and score the article's claims and store them (slow: run in a worker).

        Re-extraction replaces untouched claims, so the article's undo history is dropped.
        """
        first_time = self.needs_extraction(article_id)
        detected = self.ensure_language(article_id)  # articles stored before 0005
        text = self.article(article_id).text
        # Slow, so outside the write transaction; another process may extract meanwhile.
        found = self.nlp.extract(
            text, progress=progress, cancelled=cancelled, language=self.article_language(article_id)
        )
        with self._write() as session:
            if first_time and not repo.needs_extraction(session, article_id):
                # Another ClaimDesk stored this article's claims first: keep those (the
                # checker may already be working on them there).
                return detected | Changes(library=True, claim_sets=frozenset({article_id}))
            # New claims must not take the id of a claim an undo may bring back.
            reserved_ids.reserve(session, self.undo_stack.reserved_ids(but_article=article_id))
            repo.store_extracted_claims(session, article_id, found.candidates, found.pipeline)
            self.undo_stack.forget_article(article_id)
        return detected | Changes(library=True, claim_sets=frozenset({article_id}))

    # -------------------------------------------------------------------- claims

    def add_claim(
        self, article_id: int, start: int, end: int, *, allow_overlap: bool = False
    ) -> tuple[int, Changes]:
        """A claim the checker marked by hand over [start, end) of the stored text.

        Raises span_edit.ClaimOverlap (a KnownError with `claim_ids`) if the span
        overlaps another claim, unless `allow_overlap`.
        """
        text = self.article(article_id).text
        start, end = trim_span(text, start, end)
        if start >= end or not has_words(text[start:end]):
            raise KnownError(span_edit.SELECT_FIRST)
        candidate = CandidateClaim(start=start, end=end, text=text[start:end])
        scores = self._scorer_of(article_id)([candidate.text])
        if scores:
            candidate = CandidateClaim(start=start, end=end, text=candidate.text, score=scores[0])
        return self._edit(
            "Add claim",
            lambda s, rec: span_edit.add(s, rec, article_id, candidate, allow_overlap),
        )

    def delete_claim(self, claim_id: int) -> Changes:
        def op(session: Session, rec: Recorder) -> None:
            rec.track(claim_id)
            repo.delete_claim(session, claim_id)

        return self._edit("Delete claim", op)[1]

    def adjust_claim_span(
        self, claim_id: int, start: int, end: int, *, allow_overlap: bool = False
    ) -> Changes:
        """Move the claim to [start, end) (trimmed); raises ClaimOverlap unless allowed."""
        score = self._scorer_of(self.claim(claim_id).article_id)
        return self._edit(
            "Adjust claim span",
            lambda s, rec: span_edit.adjust(s, rec, score, claim_id, start, end, allow_overlap),
        )[1]

    def split_claim(self, claim_id: int, at: int) -> tuple[tuple[int, int], Changes]:
        """Split at offset `at` into (claim_id, new id); see span_edit.split for who keeps what."""
        score = self._scorer_of(self.claim(claim_id).article_id)
        new_id, changes = self._edit(
            "Split claim", lambda s, rec: span_edit.split(s, rec, score, claim_id, at)
        )
        return (claim_id, new_id), changes

    def merge_claims(
        self, first_id: int, second_id: int, *, allow_overlap: bool = False
    ) -> tuple[int, Changes]:
        """Merge two claims into the earlier one; returns its id (see span_edit.merge)."""
        score = self._scorer_of(self.claim(first_id).article_id)
        return self._edit(
            "Merge claims",
            lambda s, rec: span_edit.merge(s, rec, score, first_id, second_id, allow_overlap),
        )

    def set_status(
        self, claim_id: int, status: ClaimStatus, *, expected_version: int | None = None
    ) -> Changes:
        """Set a claim's status; with `expected_version` (Claim.version as the checker
        saw it) a claim saved by someone else since is a SaveConflict instead."""
        seen = conflicts.Seen("claim", expected_version)

        def op(session: Session, rec: Recorder) -> None:
            repo.lock_claim(session, claim_id)  # before any read: check and write see one row
            rec.track(claim_id)
            current = repo.get_claim(session, claim_id)
            seen.check(current.version, conflicts.status_values(status),
                       conflicts.status_values(current.status))  # fmt: skip
            repo.set_claim_status(session, claim_id, status)

        with conflicts.stale_as_conflict(seen, lambda: self._claim_state(claim_id)):
            return self._edit(f"Set status to {status.label}", op)[1]

    def _claim_state(self, claim_id: int) -> tuple[int, conflicts.Values]:
        claim = self.claim(claim_id)
        return claim.version, conflicts.verdict_values(claim)

    def set_speaker_kind(self, claim_id: int, kind: SpeakerKind | None) -> Changes:
        """Correct what sort of speaker said the claim (ClaimReview publishes it)."""

        def op(session: Session, rec: Recorder) -> None:
            rec.track(claim_id)
            edit_repo.set_speaker_kind(session, claim_id, kind)

        return self._edit("Set speaker kind", op)[1]

    def set_verdict(
        self,
        claim_id: int,
        rating_id: int,
        explanation: str,
        checker: str | None = None,
        *,
        expected_version: int | None = None,
    ) -> Changes:
        """Rate a claim; a rated claim still to do moves to in progress.

        `checker` defaults to this client's checker (self.checker), else the checker
        name in the settings (else the login name). Editing only the explanation undoes
        as one step while the checker keeps typing. With `expected_version` (the
        Claim.version the checker edited) a claim saved by someone else since is a
        SaveConflict carrying both verdicts; nothing is written.
        """
        seen = conflicts.Seen("verdict", expected_version)
        explanation = storable(explanation)  # no NUL, no lone surrogate; else as typed

        def op(session: Session, rec: Recorder) -> None:
            repo.lock_claim(session, claim_id)  # before any read: check and write see one row
            rec.track(claim_id)
            current = repo.get_claim(session, claim_id)
            chosen = repo.default_scale(session).by_id(rating_id)
            seen.check(current.version, {
                "status": current.status.value,
                "rating": chosen.name if chosen else str(rating_id),
                "explanation": explanation.strip(),
            }, conflicts.verdict_values(current))  # fmt: skip
            if current.verdict is not None and current.verdict.rating.id == rating_id:
                rec.label, rec.merge_key = "Edit explanation", ("explanation", claim_id)
            else:
                rating = repo.default_scale(session).by_id(rating_id)
                rec.label = f"Rate as “{rating.name}”" if rating else "Set verdict"
            name = self._who(session) if checker is None else checker
            repo.set_verdict(session, claim_id, rating_id, explanation.strip(), name)
            if current.status is ClaimStatus.TODO:
                repo.set_claim_status(session, claim_id, ClaimStatus.IN_PROGRESS)

        with conflicts.stale_as_conflict(seen, lambda: self._claim_state(claim_id)):
            return self._edit("Set verdict", op)[1]

    def clear_verdict(self, claim_id: int) -> Changes:
        def op(session: Session, rec: Recorder) -> None:
            rec.track(claim_id)
            repo.clear_verdict(session, claim_id)

        return self._edit("Clear verdict", op)[1]

    # -------------------------------------------------------------------- settings

    def settings(self) -> DeskSettings:
        return self._read(desk_settings.read)

    def save_settings(self, settings: DeskSettings) -> Changes:
        """Store the settings (trimmed); raises SettingsError for a value to fix.

        Reports a library change when the threshold changed (the counts depend on it).
        """
        clean = desk_settings.normalised(settings)
        with self._write() as session:
            old = desk_settings.read(session)
            desk_settings.write(session, clean)
        return Changes(library=old.threshold != clean.threshold)

    def save_rating_scale(
        self, ratings: Sequence[RatingDraft], based_on: Sequence[RatingDraft] | None = None
    ) -> Changes:
        """Make the scale exactly `ratings`, in order; claims keep their rating by id.

        Removing a rating that claims use is refused with a SettingsError saying how many;
        `based_on` (the scale as the editor read it) refuses with ScaleChanged once another
        save changed it. Reports the articles whose claims show a renamed rating.
        """
        drafts = desk_settings.checked_scale(ratings)
        with self._write() as session:
            articles = desk_settings.save_scale(session, drafts, based_on)
        return Changes(library=True, claim_sets=frozenset(articles))


#: articles.title, .author and .publisher are 500 characters (a shared desk refuses more).
MAX_METADATA = 500


def _checked_metadata(metadata: ArticleMetadata) -> ArticleMetadata:
    metadata = replace(
        metadata,
        title=normalise_text(metadata.title),
        author=None if metadata.author is None else normalise_text(metadata.author),
        publisher=None if metadata.publisher is None else normalise_text(metadata.publisher),
    )
    for label, value in (
        ("title", metadata.title), ("author", metadata.author), ("publisher", metadata.publisher)
    ):
        if value is not None and len(value) > MAX_METADATA:
            raise KnownError(f"An article's {label} can have at most {MAX_METADATA} characters.")
    raw = normalise_text(metadata.url or "").strip()
    if not raw:
        return replace(metadata, url=None)
    url = clean_url(raw)
    if url is None:
        raise KnownError(
            f"The article's URL must be a web address starting with http:// or https:// "
            f"({raw[:200]})."
        )
    return replace(metadata, url=url)
