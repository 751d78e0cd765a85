"""Moving a desk file onto a shared desk on a server and back (`claimdesk desk push|pull`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from claimdesk.errors import KnownError
from claimdesk.services.review import review_required
from claimdesk.storage.db import open_database
from claimdesk.storage.db_server import is_server_url
from claimdesk.storage.desk_copy import Arrival, CopyCounts, copy_desk
from claimdesk.storage.review_repo import login, owns_desk


class DeskMoveRefused(KnownError):
    """The addresses given to push or pull cannot be a move (e.g. a file where a server goes)."""


def _same(a: str | Path, b: str | Path) -> bool:
    if is_server_url(a) or is_server_url(b):
        return str(a) == str(b)
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


def arrival(target: Session) -> Arrival:
    """How the target desk takes the verdicts a moved desk carries.

    A desk file is SQLite, anyone can write "approved by <the desk's reviewer>" into it;
    so a shared desk that requires review takes none from a checker's push: they arrive
    as needs review, for its own reviewers. Nor does a shared desk take a file's word for
    who wrote a verdict (a file desk records no login; an edited one can name anyone):
    the login pushing is the author of every verdict it brings, so it cannot approve
    them itself.
    Its owner (who can already write anything there) moves a whole desk as it is,
    approvals and author logins (a desk file's verdicts name none); so does a desk file.
    """
    if owns_desk(target):
        return Arrival()
    return Arrival(approvals=not review_required(target), author=login(target))


def move(
    source: str | Path,
    target: str | Path,
    verb: str,
    backups: Path | None = None,
) -> CopyCounts:
    """Copy every row of the desk at `source` into the desk at `target` (made if empty).

    Both are opened as the app opens them, so each is at the newest schema (an older
    file is backed up, then upgraded) before a row moves; the source must exist.
    """
    if _same(source, target):
        raise DeskMoveRefused(f"{source} is both the source and the target; name two desks.")
    src = open_database(source, backups, create=False)
    try:
        dst = open_database(target, backups)
        try:
            return copy_desk(src, dst, verb, arrival)
        finally:
            dst.dispose()
    finally:
        src.dispose()


def push(local: str | Path, url: str, backups: Path | None = None) -> CopyCounts:
    """The local desk onto the shared desk at `url` (`claimdesk desk push --to URL`)."""
    return move(local, url, "pushed", backups)


def pull(url: str, local: str | Path, backups: Path | None = None) -> CopyCounts:
    """The shared desk at `url` into the local desk (`claimdesk desk pull --from URL`)."""
    return move(url, local, "pulled", backups)
