"""Evidence attachments: files kept inside the desk beside a source note."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

#: Longest original file name kept (the column's size); longer ones keep their end.
NAME_CHARS = 500


def clean_name(name: str) -> str:
    """A file name as shown and stored: no folders, no control characters, not empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return (base or "attachment")[-NAME_CHARS:]


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
