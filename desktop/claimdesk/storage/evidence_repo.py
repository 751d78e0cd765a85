"""Evidence attachments and their content-addressed bytes: Session in, dataclasses out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from claimdesk.domain.evidence import Attachment
from claimdesk.storage.orm import EvidenceBlobRow, EvidenceRow, SourceNoteRow
from claimdesk.storage.rows import MissingRowError, attachment


def has_blob(session: Session, sha256: str) -> bool:
    return bool(session.scalar(select(exists().where(EvidenceBlobRow.sha256 == sha256))))


def put_blob(session: Session, sha256: str, data: bytes, text: str) -> bool:
    """Store the bytes under their sha256 unless they are there already; True if new."""
    if has_blob(session, sha256):
        return False
    session.add(EvidenceBlobRow(sha256=sha256, size=len(data), text=text, data=data))
    session.flush()
    return True


def attach(
    session: Session,
    source_id: int,
    sha256: str,
    file_name: str,
    media_type: str,
    captured_at: datetime,
) -> tuple[int, bool]:
    """(attachment id, whether it is new): the same bytes twice on one note are one."""
    if session.get(SourceNoteRow, source_id) is None:
        raise MissingRowError(f"source_notes {source_id}")
    found = session.scalar(
        select(EvidenceRow.id).where(
            EvidenceRow.source_note_id == source_id, EvidenceRow.sha256 == sha256
        )
    )
    if found is not None:
        return found, False
    size = session.scalar(select(EvidenceBlobRow.size).where(EvidenceBlobRow.sha256 == sha256))
    if size is None:
        raise MissingRowError(f"evidence_blobs {sha256}")
    row = EvidenceRow(
        source_note_id=source_id,
        sha256=sha256,
        file_name=file_name,
        media_type=media_type,
        size=size,
        captured_at=captured_at,
    )
    session.add(row)
    session.flush()
    return row.id, True


def get(session: Session, attachment_id: int) -> Attachment:
    row = session.get(EvidenceRow, attachment_id)
    if row is None:
        raise MissingRowError(f"evidence {attachment_id}")
    return attachment(row)


def remove(session: Session, attachment_id: int) -> None:
    """Delete the attachment; its bytes stay until `drop_unreferenced` (undo may need them)."""
    row = session.get(EvidenceRow, attachment_id)
    if row is None:
        raise MissingRowError(f"evidence {attachment_id}")
    session.delete(row)
    session.flush()


def of_sources(session: Session, source_ids: Iterable[int]) -> list[Attachment]:
    """The attachments of these source notes, in the order they were attached."""
    ids = list(source_ids)
    rows = session.scalars(
        select(EvidenceRow).where(EvidenceRow.source_note_id.in_(ids)).order_by(EvidenceRow.id)
    )
    return [attachment(r) for r in rows]


def read_bytes(session: Session, sha256: str) -> bytes:
    data = session.scalar(select(EvidenceBlobRow.data).where(EvidenceBlobRow.sha256 == sha256))
    if data is None:
        raise MissingRowError(f"evidence_blobs {sha256}")
    return bytes(data)


def read_text(session: Session, sha256: str) -> str:
    text = session.scalar(select(EvidenceBlobRow.text).where(EvidenceBlobRow.sha256 == sha256))
    if text is None:
        raise MissingRowError(f"evidence_blobs {sha256}")
    return text


def drop_unreferenced(session: Session, among: Iterable[str] | None = None) -> int:
    """Delete the bytes no attachment names any more (of those `among`, if given);
    returns how many files went.

    Run when a desk opens: removing an attachment keeps its bytes so that undo can bring
    it back, and the undo history does not outlive the window that made it.
    """
    unreferenced = ~exists().where(EvidenceRow.sha256 == EvidenceBlobRow.sha256)
    if among is not None:
        unreferenced = unreferenced & EvidenceBlobRow.sha256.in_(list(among))
    result = session.execute(delete(EvidenceBlobRow).where(unreferenced))
    return int(getattr(result, "rowcount", 0) or 0)
