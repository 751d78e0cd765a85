"""Where things live: user data via platformdirs, bundled files via importlib.resources."""

from __future__ import annotations

import errno
import logging
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from claimdesk.errors import DatabaseError, KnownError

APP_NAME = "ClaimDesk"
APP_AUTHOR = "ClaimDesk"
#: One override for tests and portable installs: everything user-side goes below it.
DATA_DIR_ENV = "CLAIMDESK_DATA_DIR"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The user-side folders of one run of the application."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "claimdesk.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    def make_data_dir(self) -> None:
        """Make the data folder itself; one that cannot be made is a DataFolderError."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataFolderError(self.data_dir, exc) from exc

    def ensure(self) -> None:
        """Make the folders. A data folder that cannot be made is a DataFolderError
        saying what to do; backups and logs only help, so the desk opens without them
        (the daily copy is skipped, the window runs without a log, each saying so)."""
        self.make_data_dir()
        for folder in (self.backups, self.logs):
            try:
                folder.mkdir(exist_ok=True)
            except OSError as exc:
                log.warning("cannot make the folder %s: %s", folder, exc)


class DataFolderError(KnownError):
    """The data folder (or its backups or logs folder) cannot be made or used."""

    def __init__(self, folder: Path, exc: OSError) -> None:
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            reason = "a file is in the way where a folder should be"
        else:
            reason = exc.strerror or str(exc)
        super().__init__(
            f"Cannot use {folder} as ClaimDesk's data folder ({reason}). Choose a folder you "
            f"can write with --data-dir or {DATA_DIR_ENV}, or fix that one."
        )
        self.folder = folder


def app_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths for this run: an explicit folder, else $CLAIMDESK_DATA_DIR, else the user's."""
    if data_dir is None:
        data_dir = os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)
    return AppPaths(Path(data_dir).expanduser())


def desk_file(path: str | os.PathLike[str]) -> Path:
    """A desk file's path, absolute and with its links followed; a link loop or a name
    too long for the file system is a DatabaseError saying so."""
    try:
        resolved = Path(path).expanduser().resolve()
        resolved.exists()  # raises for a name too long, which resolve() lets through
        return resolved
    except (RuntimeError, OSError) as exc:  # a loop: RuntimeError before Python 3.13
        if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
            raise DatabaseError(
                f"The path {path} is too long for this computer's files. "
                "Choose a folder with a shorter path."
            ) from exc
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            raise
        raise DatabaseError(
            f"{path} is a link that leads round in a loop, not to a file. Point it at a "
            "ClaimDesk database, or remove it."
        ) from exc


def resource_path(*parts: str) -> Path:
    """Path of a bundled file under resources/ (models, templates, icons)."""
    root = resources.files("claimdesk.resources")
    return Path(str(root.joinpath(*parts)))
