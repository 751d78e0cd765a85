"""Batch import: many files or a folder, with progress, cancellation and a summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from claimdesk.errors import KnownError
from claimdesk.importers import SUPPORTED_SUFFIXES
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch import did with each file."""

    imported: tuple[tuple[str, int], ...] = ()
    duplicates: tuple[tuple[str, int], ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        parts.append(f"{len(self.duplicates)} already in the library")
        parts.append(f"{len(self.refused)} refused")
        text = ", ".join(parts) + "."
        return text + (" Cancelled before the end." if self.cancelled else "")


class FoundFiles(Sequence[Path]):
    """The files a batch will import, in order, plus the entries refused while looking.

    It is a sequence of the files, so callers that only iterate keep working; each file
    found inside a chosen folder remembers that folder, so links are checked again just
    before the file is read.
    """

    def __init__(self) -> None:
        self._files: list[Path] = []
        self._folders: list[Path | None] = []
        self.refused: list[tuple[str, str]] = []

    def add(self, path: Path, folder: Path | None) -> None:
        self._files.append(path)
        self._folders.append(folder)

    def folder_of(self, index: int) -> Path | None:
        return self._folders[index]

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | Sequence[Path]:
        return self._files[index]

    def __len__(self) -> int:
        return len(self._files)


def article_files(paths: Iterable[str | Path]) -> FoundFiles:
    """The files to import: given files as they are, folders searched for known formats.

    Hidden files and folders are skipped. Inside a folder a symbolic link is taken only
    if its target stays inside that folder; a link that leaves it (to /etc/shadow, to a
    key in the home folder) is refused with its reason, and links to folders are never
    followed. A single file the user names is taken as it is (see read_article).
    """
    found = FoundFiles()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.add(path, None)
            continue
        root = path.resolve()
        for folder, dirs, files in os.walk(path, followlinks=False):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in dirs:
                if (here / name).is_symlink():
                    reason = link_leaves(here / name, root)
                    if reason is not None:
                        found.refused.append((str(here / name), reason))
            for name in sorted(files):
                entry = here / name
                if name.startswith(".") or entry.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                reason = link_leaves(entry, root)
                if reason is None:
                    found.add(entry, root)
                else:
                    found.refused.append((str(entry), reason))
    return found


def link_leaves(entry: Path, root: Path) -> str | None:
    """Why the link `entry` may not be imported from the folder `root`, or None."""
    if not entry.is_symlink():
        return None
    try:
        target = entry.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        return "it is a link to a file that does not exist"
    if target == root or root in target.parents:
        return None
    what = "folder" if target.is_dir() else "file"
    return (
        f"it is a link to a {what} outside the folder you chose ({target}); "
        "copy the file into the folder if you mean to import it"
    )


def import_files(
    workbench: Workbench,
    paths: Sequence[Path],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Import each file in turn; one bad file is recorded and the rest go on."""
    imported: list[tuple[str, int]] = []
    duplicates: list[tuple[str, int]] = []
    refused: list[tuple[str, str]] = []
    if isinstance(paths, FoundFiles):
        refused.extend(paths.refused)
    changes = Changes()
    stopped = False
    for done, path in enumerate(paths):
        if cancelled is not None and cancelled():
            stopped = True
            break
        if progress is not None:
            progress(done, len(paths))
        folder = paths.folder_of(done) if isinstance(paths, FoundFiles) else None
        # Checked again: the link may have been changed since the folder was searched.
        reason = None if folder is None else link_leaves(path, folder)
        if reason is not None:
            refused.append((str(path), reason))
            continue
        try:
            result = workbench.open_file(path)
        except KnownError as exc:
            refused.append((str(path), getattr(exc, "reason", str(exc))))
            continue
        (imported if result.created else duplicates).append((str(path), result.article_id))
        changes = changes | result.changes
    if progress is not None and not stopped:
        progress(len(paths), len(paths))
    return BatchResult(tuple(imported), tuple(duplicates), tuple(refused), stopped, changes)
