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


class SaveConflict(KnownError):
    """Someone else saved the same claim, verdict or source note after it was read here.

    Nothing was written. `mine` is what this save wanted to store and `theirs` what the
    desk holds now (field name → value), so the window can offer to keep either or to
    merge the text; `expected` is the version this save was based on, `found` the
    version stored now.
    """

    def __init__(
        self,
        what: str,
        mine: dict[str, str | None],
        theirs: dict[str, str | None],
        expected: int,
        found: int,
    ) -> None:
        super().__init__(
            f"Someone else saved this {what} while you were editing it; nothing of yours was "
            "written over it. Compare both versions, then keep yours, take theirs or merge them."
        )
        self.what = what
        self.mine = mine
        self.theirs = theirs
        self.expected = expected
        self.found = found


class SelfTestFailure(Exception):
    """A step of `claimdesk --self-test` did not produce the expected kind of result."""
