"""Importing fact-check files into the library: every file read first, stored in one write."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claimdesk.domain.clock import utc_now
from claimdesk.domain.factchecks import FactCheckDraft, counted
from claimdesk.importers.claimreview import BROKEN_BLOCK
from claimdesk.importers.factcheck_files import FactCheckFileRefused, read_factchecks
from claimdesk.storage import factcheck_repo
from claimdesk.storage.db import Database
from claimdesk.storage.factcheck_repo import UpsertCounts


@dataclass(frozen=True, slots=True)
class FactCheckImport:
    """What importing some files did: counts over all of them, and the files refused."""

    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0  # items naming a review URL another item of the import named
    skipped: tuple[tuple[str, int], ...] = ()  # (reason, items) left out of read files
    refused: tuple[tuple[str, str], ...] = ()  # (file, why: "the file is empty")
    per_file: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # (file, found)

    def summary(self) -> str:
        text = (
            f"{counted(self.added)} added, {self.updated:,} updated, "
            f"{self.unchanged:,} already in the library"
        )
        if self.repeated:
            text += f", {self.repeated:,} repeated in the files"
        items = [(why, n) for why, n in self.skipped if why != BROKEN_BLOCK]
        if items:
            left = ", ".join(f"{n:,} with {why}" for why, n in items)
            total = sum(n for _, n in items)
            text += f"; {counted(total, 'item')} left out ({left})"
        blocks = dict(self.skipped).get(BROKEN_BLOCK, 0)
        if blocks:  # a page's block for another schema type, often: no item was lost
            text += f"; {counted(blocks, 'JSON-LD block')} skipped as not valid JSON"
        read = self.files - len(self.refused)
        return f"{text}; {counted(read, 'file')} read, {len(self.refused)} refused."


def store_factchecks(session: Session, drafts: Sequence[FactCheckDraft]) -> UpsertCounts:
    """Store read fact-checks in the library, one entry per review URL (an entry already
    there is updated if it changed): what every import does, files or a case bundle."""
    return factcheck_repo.upsert(session, drafts, utc_now())


def import_factcheck_files(
    db: Database,
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[str], None] | None = None,
) -> FactCheckImport:
    """Read every file, then store all their fact-checks in one transaction.

    A refused file (unreadable, hostile, not a fact-check format) is listed with its
    reason and the others still import. One review URL is one entry, across files too.
    """
    drafts: list[FactCheckDraft] = []
    skipped: Counter[str] = Counter()
    refused: list[tuple[str, str]] = []
    per_file: list[tuple[str, int]] = []
    files = 0
    for path in paths:
        files += 1
        shown = os.fspath(path)
        if progress is not None:
            progress(shown)
        try:
            read = read_factchecks(shown)
        except FactCheckFileRefused as exc:
            refused.append((shown, exc.reason))  # the file is named beside it
            continue
        drafts.extend(read.drafts)
        skipped.update(read.skipped)
        per_file.append((shown, len(read.drafts)))
    counts = factcheck_repo.UpsertCounts()
    if drafts:
        with db.write_lock, db.sessions.begin() as session:
            counts = store_factchecks(session, drafts)
    return FactCheckImport(
        files=files,
        added=counts.added,
        updated=counts.updated,
        unchanged=counts.unchanged,
        repeated=counts.repeated,
        skipped=tuple(sorted(skipped.items())),
        refused=tuple(refused),
        per_file=tuple(per_file),
    )
