"""Evidence attachments: files kept inside the desk beside a source note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file attached to a source note; its bytes are found by `sha256`."""

    id: int
    source_id: int
    sha256: str
    file_name: str
    media_type: str
    size: int
    captured_at: datetime

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")
