"""The two kinds of error: the user's world (KnownError) and our bugs (everything else)."""

from __future__ import annotations


class KnownError(Exception):
    """A problem in the user's world, with a plain sentence saying what to do.

    The GUI shows it in a message box and the CLI prints it as one line on stderr;
    neither shows a traceback.
    """


class ImportRefused(KnownError):
    """An article file could not be imported; nothing was stored."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"Cannot open {path}: {reason}")
        self.path = path
        self.reason = reason


class DatabaseError(KnownError):
    """The database file cannot be opened, read or upgraded."""


class StaleReference(KnownError):
    """The claim, article or source was removed meanwhile (e.g. in another window)."""


class SelfTestFailure(Exception):
    """A step of `claimdesk --self-test` did not produce the expected kind of result."""
