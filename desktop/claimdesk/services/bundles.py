"""Case bundles: export articles with all their work to a .claimdesk file, merge one in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from claimdesk.errors import StaleReference
from claimdesk.exchange import store
from claimdesk.exchange.bundle_file import (
    Bundle,
    BundleLimits,
    BundleRefused,
    pack_bundle,
    read_bundle,
)
from claimdesk.exchange.records import BundleArticle
from claimdesk.reports.output import write_atomic
from claimdesk.services import backups
from claimdesk.services.changes import Changes
from claimdesk.services.undo import UndoStack
from claimdesk.storage import report_repo, writer
from claimdesk.storage.db import Database
from claimdesk.storage.rows import MissingRowError

# Imports into one database never run side by side (each is one long transaction).


@dataclass(frozen=True, slots=True)
class BundleImport:
    """What importing a bundle did, and what the views must refresh."""

    articles_added: int
    articles_merged: int
    claims_added: int
    verdicts_added: int
    verdicts_updated: int
    sources_added: int
    article_ids: tuple[int, ...]
    changes: Changes

    def summary(self) -> str:
        """One sentence for the status bar or the CLI."""
        return (
            f"{self.articles_added} new and {self.articles_merged} existing articles; "
            f"{self.claims_added} claims, {self.verdicts_added} verdicts, "
            f"{self.verdicts_updated} updated verdicts and {self.sources_added} sources added."
        )


def _records(db: Database, article_ids: Sequence[int] | None) -> list[BundleArticle]:
    with db.sessions() as session:
        ids = report_repo.all_article_ids(session) if article_ids is None else article_ids
        try:
            return store.export_articles(session, list(dict.fromkeys(ids)))
        except MissingRowError as exc:
            raise StaleReference(f"That article no longer exists ({exc}).") from exc


def bundle_bytes(db: Database, article_ids: Sequence[int] | None = None) -> bytes:
    """A .claimdesk file's bytes for `article_ids` (default: every article)."""
    return pack_bundle(_records(db, article_ids))


def export_bundle(db: Database, path: str | Path, article_ids: Sequence[int] | None = None) -> int:
    """Write the articles' bundle to `path` (atomically); returns how many it holds."""
    articles = _records(db, article_ids)
    write_atomic(path, pack_bundle(articles))
    return len(articles)


def import_bundle(
    db: Database,
    path: str | Path,
    limits: BundleLimits | None = None,
    undo_stack: UndoStack | None = None,
    waiting: writer.WaitingFn | None = None,
) -> BundleImport:
    """Check the whole bundle, then merge it in one transaction (all of it or nothing).

    Raises BundleRefused (a KnownError) with the reason; the database is then unchanged.
    The merged articles' rows changed outside `undo_stack`, so its entries for them are
    dropped, under the same lock as the merge (an edit cannot slip in between).
    `waiting` hears it while another ClaimDesk holds the write lock.
    """
    bundle: Bundle = read_bundle(path, limits)
    with db.write_lock:
        backups.before_import(db)  # the file as it was, should the merge be regretted
        try:
            with db.sessions.begin(waiting, writer.WAIT_LIMIT_S) as session:
                counts = store.merge_articles(session, bundle.articles)
        except store.MergeConflict as exc:
            raise BundleRefused(path, str(exc)) from exc
        ids = tuple(dict.fromkeys(counts.article_ids))
        if undo_stack is not None:
            for article_id in ids:
                undo_stack.forget_article(article_id)
    changes = Changes(library=True, claim_sets=frozenset(ids), articles=frozenset(ids))
    return BundleImport(**{**asdict(counts), "article_ids": ids, "changes": changes})


class Bundles:
    """Case bundles over one database, keeping its Workbench's undo stack honest."""

    def __init__(self, db: Database, undo_stack: UndoStack) -> None:
        self.db = db
        self.undo_stack = undo_stack

    def export(self, path: str | Path, article_ids: Sequence[int] | None = None) -> int:
        return export_bundle(self.db, path, article_ids)

    def import_file(
        self,
        path: str | Path,
        limits: BundleLimits | None = None,
        waiting: writer.WaitingFn | None = None,
    ) -> BundleImport:
        return import_bundle(self.db, path, limits, self.undo_stack, waiting)
