"""What the window's helpers may ask of the window, so none of them imports it."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from claimdesk.domain import DeskSettings, RatingScale
from claimdesk.services.changes import Changes


class WindowHost(Protocol):
    """The window as Commands, bundle actions and file opening see it."""

    @property
    def article_id(self) -> int | None:
        """The article shown (None before the first one opens)."""
        ...

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a service call says it changed (the one refresh path)."""
        ...

    def select_claim(self, claim_id: int) -> None: ...

    def show_article(self, article_id: int) -> None: ...

    def show_status(self, message: str, msecs: int = 4000) -> None:
        """A short message in the status bar (0 msecs: until the next one)."""
        ...


class DialogHost(WindowHost, Protocol):
    """The window as its dialogs see it: settings also change the scale and the database."""

    def apply_desk_settings(self, settings: DeskSettings) -> None: ...

    def apply_scale(self, scale: RatingScale) -> None: ...

    def switch_database(self, path: Path) -> None: ...
