"""What was typed in a source note's dialog when the window was stopped with it open.

SIGTERM, Ctrl+C or a logout close the window as its close button does (stop_signals.py),
but a note is stored only by the dialog's Save, and the dialog was still open: what the
checker typed went with the process. The window keeps it here, in its ui.ini, by desk,
claim and note (a new note: "new"), and the dialog offers it back the next time it
opens there. It is never stored as a note unless the checker presses Save then; Save
or Cancel in that dialog drops it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import QSettings

GROUP = "sourceNoteDrafts"


class SourceNoteDrafts:
    """The kept drafts of one desk (`desk`: its file or address) in `settings`."""

    def __init__(self, settings: QSettings, desk: str) -> None:
        self.settings = settings
        # A short name for the desk: one ui.ini serves every desk opened from the folder.
        self._desk = hashlib.sha256(desk.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def _key(self, claim_id: int, source_id: int | None) -> str:
        note = "new" if source_id is None else str(source_id)
        return f"{GROUP}/{self._desk}-{claim_id}-{note}"

    def keep(self, claim_id: int, source_id: int | None, fields: dict[str, Any]) -> None:
        self.settings.setValue(self._key(claim_id, source_id), json.dumps(fields))
        self.settings.sync()

    def kept(self, claim_id: int, source_id: int | None) -> dict[str, Any] | None:
        value = self.settings.value(self._key(claim_id, source_id))
        if not isinstance(value, str):
            return None
        try:
            fields = json.loads(value)
        except ValueError:  # edited by hand: nothing to offer
            return None
        return fields if isinstance(fields, dict) else None

    def drop(self, claim_id: int, source_id: int | None) -> None:
        key = self._key(claim_id, source_id)
        if self.settings.contains(key):
            self.settings.remove(key)
            self.settings.sync()
