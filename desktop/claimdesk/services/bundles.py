"""Case bundles: export articles with all their work to a .claimdesk file, merge one in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdesk.reports.bundle import Bundle, BundleLimits, BundleRefused, pack_bundle, read_bundle
from claimdesk.reports.bundle_records import BundleArticle
from claimdesk.reports.output import write_atomic
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import StaleReference
from claimdesk.storage import bundle_repo, writer
from claimdesk.storage.db import Database
from claimdesk.storage.repositories import MissingRowError

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
        ids = bundle_repo.all_article_ids(session) if article_ids is None else article_ids
        try:
            return bundle_repo.export_articles(session, list(dict.fromkeys(ids)))
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
    waiting: writer.WaitingFn | None = None,
) -> BundleImport:
    """Check the whole bundle, then merge it in one transaction (all of it or nothing).

    Raises BundleRefused (a KnownError) with the reason; the database is then unchanged.
    `waiting` hears it while another ClaimDesk holds the write lock.
    """
    bundle: Bundle = read_bundle(path, limits)
    with db.write_lock:
        try:
            with db.sessions.begin() as session:
                writer.begin_immediate(session, waiting)
                counts = bundle_repo.merge_articles(session, bundle.articles)
        except bundle_repo.MergeConflict as exc:
            raise BundleRefused(path, str(exc)) from exc
    ids = tuple(dict.fromkeys(counts.article_ids))
    return BundleImport(
        articles_added=counts.articles_added,
        articles_merged=counts.articles_merged,
        claims_added=counts.claims_added,
        verdicts_added=counts.verdicts_added,
        verdicts_updated=counts.verdicts_updated,
        sources_added=counts.sources_added,
        article_ids=ids,
        changes=Changes(library=True, claim_sets=frozenset(ids), articles=frozenset(ids)),
    )
