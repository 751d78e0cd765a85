"""Source notes of a claim: add, edit (on the version the checker saw), remove; undoable."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from claimdesk.domain import SourceDraft
from claimdesk.domain.urls import safe_url
from claimdesk.errors import KnownError
from claimdesk.importers.common import normalise_text
from claimdesk.services import conflicts
from claimdesk.services.changes import Changes
from claimdesk.services.undo import Recorder
from claimdesk.services.write_path import WritePath
from claimdesk.storage import repositories as repo


class SourceNotes(WritePath):
    """The source notes of claims, over the one writer; every edit goes on the undo stack."""

    def add_source(self, claim_id: int, draft: SourceDraft) -> tuple[int, Changes]:
        draft = _checked_draft(draft)

        def op(session: Session, rec: Recorder) -> int:
            rec.track(claim_id)
            return repo.add_source(session, claim_id, draft, self._who(session))

        return self._edit("Add source", op)

    def update_source(
        self, source_id: int, draft: SourceDraft, *, expected_version: int | None = None
    ) -> Changes:
        """Save a source note; with `expected_version` (SourceNote.version as the checker
        saw it) a note saved by someone else since is a SaveConflict instead."""
        draft = _checked_draft(draft)
        seen = conflicts.Seen("source note", expected_version)

        def op(session: Session, rec: Recorder) -> None:
            rec.track(repo.source_claim_id(session, source_id))  # claim first, as all edits
            repo.lock_source(session, source_id)  # then the note (as lock_claim in set_verdict)
            current = conflicts.source_of(session, source_id)
            seen.check(current.version, conflicts.source_values(draft),
                       conflicts.source_values(current))  # fmt: skip
            repo.update_source(session, source_id, draft)

        now = conflicts.source_state(source_id)
        with conflicts.stale_as_conflict(seen, lambda: self._read(now)):
            return self._edit("Edit source", op)[1]

    def delete_source(self, source_id: int) -> Changes:
        def op(session: Session, rec: Recorder) -> None:
            rec.track(repo.source_claim_id(session, source_id))
            repo.delete_source(session, source_id)

        return self._edit("Remove source", op)[1]


#: source_notes.publisher is 500 characters (a shared desk refuses longer ones).
MAX_PUBLISHER = 500


def _checked_draft(draft: SourceDraft) -> SourceDraft:
    """The draft as stored: every text normalised as imported text is (no NUL, which a
    shared desk cannot hold), a web address percent-encoded (other text is kept as a
    label; reports never make a link of it)."""
    draft = replace(
        draft,
        url=normalise_text(draft.url),
        title=normalise_text(draft.title),
        publisher=normalise_text(draft.publisher),
        quote=normalise_text(draft.quote),
        note=normalise_text(draft.note),
    )
    if len(draft.publisher) > MAX_PUBLISHER:
        raise KnownError(f"A source's publisher can have at most {MAX_PUBLISHER} characters.")
    if not (draft.url.strip() or draft.title.strip() or draft.note.strip() or draft.quote.strip()):
        raise KnownError("A source needs at least a URL, a title, a quote or a note.")
    return replace(draft, url=safe_url(draft.url) or draft.url.strip())
