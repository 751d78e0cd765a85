"""Evidence attachments on source notes: attach, remove, list and read, undoable."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from claimdesk.domain.clock import utc_now
from claimdesk.domain.evidence import Attachment, clean_name, name_of
from claimdesk.errors import KnownError
from claimdesk.importers.common import Unreadable, read_limited
from claimdesk.importers.evidence_files import MAX_ATTACHMENT_BYTES
from claimdesk.importers.worker import IsolatedParser, shared_parser
from claimdesk.services.changes import Changes
from claimdesk.services.undo import Recorder, UndoConflict, UndoEntry, apply_entry
from claimdesk.services.write_path import WritePath
from claimdesk.storage import evidence_repo, notify
from claimdesk.storage import repositories as repo


class AttachmentRefused(KnownError):
    """A file could not be attached as evidence; nothing was stored."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"Cannot attach {name}: {reason}.")
        self.name = name
        self.reason = reason


class EvidenceEdits(WritePath):
    """Attach files to source notes and remove them, through the one writer and undo.

    The file is checked and its text read before the write lock is taken (a 50 MB PDF
    takes a while); the write stores the bytes under their sha256 (once per desk) and
    the attachment row. Removing keeps the bytes for undo until the desk is next opened.
    """

    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES
    #: Where attached files are parsed (None: the shared worker process), never in the app:
    #: a PDF built to stall readers is stopped at the worker's time limit.
    evidence_parser: IsolatedParser | None = None

    def attach_file(
        self, source_id: int, path: str | Path, batch: Hashable | None = None
    ) -> tuple[Attachment, Changes]:
        """Attach the file at `path`; AttachmentRefused says why one cannot be."""
        path = Path(path)
        name = name_of(path.name)
        try:
            data = read_limited(path, self.max_attachment_bytes)
        except Unreadable as exc:
            reason = exc.reason.replace("import limit", "limit for one attachment")
            raise AttachmentRefused(name, reason) from None
        return self.attach_bytes(source_id, data, name, batch=batch)

    def attach_bytes(
        self,
        source_id: int,
        data: bytes,
        name: str,
        captured_at: datetime | None = None,
        batch: Hashable | None = None,
    ) -> tuple[Attachment, Changes]:
        """Attach `data` (a pasted screenshot, a file read elsewhere) under `name`.

        The same bytes attached to the same note again change nothing and return the
        attachment already there. Attachments given the same `batch` one after another
        (the files of one drop) undo as one step, "Attach files".
        """
        name = clean_name(name)
        if len(data) > self.max_attachment_bytes:
            limit = self.max_attachment_bytes // (1024 * 1024)
            raise AttachmentRefused(
                name,
                f"the file is {len(data) / (1024 * 1024):.1f} MB, larger than the {limit} MB "
                "limit for one attachment; attach a smaller copy",
            )
        try:
            content = (self.evidence_parser or shared_parser()).read_evidence(data)
        except Unreadable as exc:
            raise AttachmentRefused(name, exc.reason) from None
        sha = hashlib.sha256(data).hexdigest()
        when = (captured_at or utc_now()).replace(microsecond=0)

        def op(session: Session, rec: Recorder) -> int:
            rec.track(repo.source_claim_id(session, source_id))
            if batch is not None:
                rec.label, rec.merge_key = "Attach files", ("attach", batch)
            if not evidence_repo.has_blob(session, sha):
                evidence_repo.put_blob(session, sha, data, content.text)
            attachment_id, _new = evidence_repo.attach(
                session, source_id, sha, name, content.media_type, when
            )
            return attachment_id

        attachment_id, changes = self._edit(f"Attach “{name}”", op)
        return self.attachment(attachment_id), changes

    def remove_attachment(self, attachment_id: int) -> Changes:
        def op(session: Session, rec: Recorder) -> None:
            found = evidence_repo.get(session, attachment_id)
            rec.label = f"Remove “{found.file_name}”"
            rec.track(repo.source_claim_id(session, found.source_id))
            evidence_repo.remove(session, attachment_id)

        return self._edit("Remove attachment", op)[1]

    def undo_mark(self) -> int:
        """Where this session's edits stand now (give it to `take_back_files`)."""
        return self.undo_stack.mark()

    def take_back_files(self, source_id: int, since: int) -> tuple[Changes, bool]:
        """Undo for good the attach and remove edits of one note made after `since`
        (its dialog was cancelled): newest first, none left to redo; then delete the
        stored files they brought that no attachment and no other edit names.

        Returns what changed and whether all of them were taken back: an edit of
        something else made meanwhile stops it (undoing past it would undo it too).
        """
        with self._locked():
            pending = self.undo_stack.since(since)
            if not pending:  # the dialog changed no file: no write at all
                return Changes(), True
            taken: list[UndoEntry] = []
            try:
                with self._session() as session:
                    who = self._who(session)
                    for entry in pending:
                        if not entry.only_files_of(source_id):
                            break
                        apply_entry(session, entry, redo=False, who=who)
                        notify.queue(session, notify.events_between(entry.after, entry.before, who))
                        taken.append(entry)
                    brought = set().union(*(e.shas() for e in taken))
                    brought -= self.undo_stack.shas(but=taken)
                    evidence_repo.drop_unreferenced(session, among=brought)
            except UndoConflict:
                self.undo_stack.clear()
                raise
            for _ in taken:
                self.undo_stack.taken_back()
            changes = Changes()
            for entry in taken:
                changes |= entry.changes
            left = [e for e in pending[len(taken) :] if e.only_files_of(source_id)]
        return changes, not left

    # -------------------------------------------------------------------- reads

    def attachment(self, attachment_id: int) -> Attachment:
        return self._read(lambda s: evidence_repo.get(s, attachment_id))

    def attachments(self, source_id: int) -> list[Attachment]:
        return self._read(lambda s: evidence_repo.of_sources(s, [source_id]))

    def attachment_bytes(self, attachment_id: int) -> bytes:
        """The attached file's bytes, checked against its sha256 on the way out."""

        def read(session: Session) -> bytes:
            return checked_bytes(session, evidence_repo.get(session, attachment_id))

        return self._read(read)

    def attachment_text(self, attachment_id: int) -> str:
        """The text read from the file when it was attached ("" for images and scans)."""
        return self._read(
            lambda s: evidence_repo.read_text(s, evidence_repo.get(s, attachment_id).sha256)
        )

    def drop_unreferenced_evidence(self) -> int:
        """Delete the stored files no attachment names any more (as the window opens a
        desk: no undo history can need them yet); returns how many went."""
        with self._write() as session:
            return evidence_repo.drop_unreferenced(session)


def checked_bytes(session: Session, attachment: Attachment) -> bytes:
    """The attached file's stored bytes, refused in one line if they no longer match its
    sha256 (a desk altered outside ClaimDesk)."""
    data = evidence_repo.read_bytes(session, attachment.sha256)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise KnownError(
            f"The stored copy of {attachment.file_name} no longer matches its checksum; "
            "restore the desk from a backup."
        )
    return data
