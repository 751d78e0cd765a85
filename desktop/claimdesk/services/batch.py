"""Batch import: many files or a folder, with progress, cancellation and a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: given files as they are, folders searched for known formats."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


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
    changes = Changes()
    stopped = False
    for done, path in enumerate(paths):
        if cancelled is not None and cancelled():
            stopped = True
            break
        if progress is not None:
            progress(done, len(paths))
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
