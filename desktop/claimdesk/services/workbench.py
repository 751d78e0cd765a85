"""Use cases of the workbench: open, extract, rate, annotate; each write returns Changes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from claimdesk.domain import (
    Article,
    ArticleMetadata,
    ArticleSummary,
    CandidateClaim,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    RatingScale,
    SourceDraft,
)
from claimdesk.domain.spans import trim_span
from claimdesk.errors import KnownError
from claimdesk.importers import DEFAULT_MAX_BYTES, read_article
from claimdesk.services.changes import Changes
from claimdesk.services.nlp_provider import CancelledFn, NlpProvider, ProgressFn
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database

T = TypeVar("T")

#: Settings keys kept in the database (they travel with the data).
CHECKER_NAME = "checker_name"


@dataclass(frozen=True, slots=True)
class OpenResult:
    """What opening a file did: the article's id and whether it was new."""

    article_id: int
    created: bool
    changes: Changes


class StaleReference(KnownError):
    """The claim, article or source was removed meanwhile (e.g. in another window)."""


class Workbench:
    """The application's use cases over one database.

    One writer: every write runs under one lock in its own Session and commits before
    returning, so nothing is ever left unsaved. Reads open their own short Session.
    Only ids and frozen dataclasses cross this boundary, so workers may call it.
    """

    def __init__(self, db: Database, nlp: NlpProvider, max_bytes: int = DEFAULT_MAX_BYTES):
        self.db = db
        self.nlp = nlp
        self.max_bytes = max_bytes
        self._write_lock = threading.Lock()

    # -------------------------------------------------------------------- plumbing

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._write_lock, self.db.sessions.begin() as session:
            try:
                yield session
            except repo.MissingRowError as exc:
                raise StaleReference(
                    f"That item no longer exists ({exc}); the view has been refreshed."
                ) from exc

    def _read(self, fn: Callable[[Session], T]) -> T:
        with self.db.sessions() as session:
            try:
                return fn(session)
            except repo.MissingRowError as exc:
                raise StaleReference(f"That item no longer exists ({exc}).") from exc

    # -------------------------------------------------------------------- reads

    def articles(self, threshold: float = 0.5) -> list[ArticleSummary]:
        return self._read(lambda s: repo.list_articles(s, threshold))

    def article(self, article_id: int) -> Article:
        return self._read(lambda s: repo.get_article(s, article_id))

    def claims(self, article_id: int) -> list[Claim]:
        return self._read(lambda s: repo.list_claims(s, article_id))

    def claim(self, claim_id: int) -> Claim:
        return self._read(lambda s: repo.get_claim(s, claim_id))

    def rating_scale(self) -> RatingScale:
        return self._read(repo.default_scale)

    def needs_extraction(self, article_id: int) -> bool:
        return self._read(lambda s: repo.needs_extraction(s, article_id))

    def checker_name(self) -> str:
        return self._read(lambda s: repo.get_setting(s, CHECKER_NAME))

    # -------------------------------------------------------------------- articles

    def open_file(self, path: str | Path) -> OpenResult:
        """Import `path`, or return the existing article with the same file contents.

        Raises ImportRefused (a KnownError) for files that cannot be read; in that case
        the database is untouched.
        """
        doc = read_article(path, max_bytes=self.max_bytes)
        with self._write() as session:
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
            )
        return OpenResult(
            article_id, True, Changes(library=True, claim_sets=frozenset({article_id}))
        )

    def update_metadata(self, article_id: int, metadata: ArticleMetadata) -> Changes:
        with self._write() as session:
            repo.update_article_metadata(session, article_id, metadata)
        return Changes(library=True, articles=frozenset({article_id}))

    def delete_article(self, article_id: int) -> Changes:
        with self._write() as session:
            repo.delete_article(session, article_id)
        return Changes(library=True, claim_sets=frozenset({article_id}))

    def extract(
        self,
        article_id: int,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> Changes:
        """Find, type and score the article's claims and store them (slow: run in a worker)."""
        text = self.article(article_id).text
        candidates, pipeline_name = self.nlp.extract(text, progress=progress, cancelled=cancelled)
        with self._write() as session:
            repo.store_extracted_claims(session, article_id, candidates, pipeline_name)
        return Changes(library=True, claim_sets=frozenset({article_id}))

    # -------------------------------------------------------------------- claims

    def add_claim(self, article_id: int, start: int, end: int) -> tuple[int, Changes]:
        """A claim the checker marked by hand over [start, end) of the stored text."""
        text = self.article(article_id).text
        start, end = trim_span(text, start, end)
        if start >= end:
            raise KnownError("Select some words of the article first, then add the claim.")
        candidate = CandidateClaim(start=start, end=end, text=text[start:end])
        scores = self.nlp.score_texts([candidate.text]) if self.nlp.scorer() else None
        if scores:
            candidate = CandidateClaim(start=start, end=end, text=candidate.text, score=scores[0])
        with self._write() as session:
            claim_id = repo.add_claim(session, article_id, candidate, ClaimOrigin.MANUAL)
        return claim_id, Changes(library=True, claim_sets=frozenset({article_id}))

    def delete_claim(self, claim_id: int) -> Changes:
        with self._write() as session:
            article_id = repo.claim_article_id(session, claim_id)
            repo.delete_claim(session, claim_id)
        return Changes(library=True, claim_sets=frozenset({article_id}))

    def set_status(self, claim_id: int, status: ClaimStatus) -> Changes:
        with self._write() as session:
            repo.set_claim_status(session, claim_id, status)
        return Changes(library=True, claims=frozenset({claim_id}))

    def set_verdict(
        self, claim_id: int, rating_id: int, explanation: str, checker: str | None = None
    ) -> Changes:
        """Rate a claim; a rated claim still to do moves to in progress."""
        with self._write() as session:
            if checker is None:
                checker = repo.get_setting(session, CHECKER_NAME)
            repo.set_verdict(session, claim_id, rating_id, explanation.strip(), checker)
            if repo.get_claim(session, claim_id).status is ClaimStatus.TODO:
                repo.set_claim_status(session, claim_id, ClaimStatus.IN_PROGRESS)
        return Changes(library=True, claims=frozenset({claim_id}))

    def clear_verdict(self, claim_id: int) -> Changes:
        with self._write() as session:
            repo.clear_verdict(session, claim_id)
        return Changes(library=True, claims=frozenset({claim_id}))

    # -------------------------------------------------------------------- sources

    def add_source(self, claim_id: int, draft: SourceDraft) -> tuple[int, Changes]:
        _check_draft(draft)
        with self._write() as session:
            source_id = repo.add_source(session, claim_id, draft)
        return source_id, Changes(claims=frozenset({claim_id}))

    def update_source(self, source_id: int, draft: SourceDraft) -> Changes:
        _check_draft(draft)
        with self._write() as session:
            claim_id = repo.update_source(session, source_id, draft)
        return Changes(claims=frozenset({claim_id}))

    def delete_source(self, source_id: int) -> Changes:
        with self._write() as session:
            claim_id = repo.delete_source(session, source_id)
        return Changes(claims=frozenset({claim_id}))

    # -------------------------------------------------------------------- settings

    def set_checker_name(self, name: str) -> Changes:
        with self._write() as session:
            repo.set_setting(session, CHECKER_NAME, name.strip())
        return Changes()


def _check_draft(draft: SourceDraft) -> None:
    if not (draft.url.strip() or draft.title.strip() or draft.note.strip() or draft.quote.strip()):
        raise KnownError("A source needs at least a URL, a title, a quote or a note.")
