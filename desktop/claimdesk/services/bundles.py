"""Case bundles: export articles with all their work to a .claimdesk file, merge one in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.errors import KnownError, StaleReference
from claimdesk.exchange import library, merge, store
from claimdesk.exchange.bundle_file import (
    Bundle,
    BundleLimits,
    BundleRefused,
    pack_bundle,
    read_bundle,
)
from claimdesk.exchange.importable import importable
from claimdesk.exchange.merge import Choice, Conflict
from claimdesk.exchange.records import BundleArticle
from claimdesk.reports.output import write_atomic
from claimdesk.services import backups
from claimdesk.services.changes import Changes
from claimdesk.services.factcheck_import import store_factchecks
from claimdesk.services.review import review_required
from claimdesk.services.undo import UndoStack
from claimdesk.storage import factcheck_repo, report_repo, writer
from claimdesk.storage.db import Database
from claimdesk.storage.rows import MissingRowError

# Imports into one database never run side by side (each is one long transaction).
# Importing is two steps so the window can ask about conflicts between them without
# holding the write lock: preview (read the file, list conflicts) then apply.

__all__ = ["BundleExport", "BundleImport", "Bundles", "Choice", "Conflict", "ImportPlan",
           "apply_plan", "bundle_bytes", "export_bundle", "import_bundle", "preview_bundle",
           "write_bundle"]


@dataclass(frozen=True, slots=True)
class BundleImport:
    """What importing a bundle did, and what the views must refresh.

    `kept` are the conflicts where local work stayed, `taken` those where the bundle's
    work replaced it (recorded in each claim's history).
    """

    articles_added: int
    articles_merged: int
    claims_added: int
    verdicts_added: int
    verdicts_updated: int
    sources_added: int
    article_ids: tuple[int, ...]
    changes: Changes
    kept: tuple[Conflict, ...] = ()
    taken: tuple[Conflict, ...] = ()
    duplicates_dropped: int = 0
    #: What the library the bundle carried did here (None: it carried none).
    library: factcheck_repo.UpsertCounts | None = None

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self.kept + self.taken

    def summary(self) -> str:
        """One sentence for the status bar or the CLI."""
        text = (
            f"{self.articles_added} new and {self.articles_merged} existing articles; "
            f"{self.claims_added} claims, {self.verdicts_added} verdicts, "
            f"{self.verdicts_updated} updated verdicts and {self.sources_added} sources added."
        )
        if self.conflicts:
            text += (
                f" {_count(len(self.kept), 'conflict')} kept local, "
                f"{len(self.taken)} taken from the bundle."
            )
        if self.duplicates_dropped:
            text += f" {_count(self.duplicates_dropped, 'repeated claim')} stored once."
        if self.library is not None:
            text += (
                f" Fact-check library: {self.library.added:,} added, "
                f"{self.library.updated:,} updated, {self.library.unchanged:,} already here."
            )
        return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A checked bundle and the conflicts it meets, for the checker to decide on.

    Made by `preview_bundle` without writing; `apply_plan` merges it.
    """

    path: Path
    bundle: Bundle
    conflicts: tuple[Conflict, ...]


def _records(
    db: Database, article_ids: Sequence[int] | None
) -> tuple[list[BundleArticle], dict[str, bytes], list[str]]:
    """The articles as bundle records, the bytes of the files their notes hold, and what
    was left out because no import would take it (exchange/importable.py)."""
    with db.sessions() as session:
        ids = report_repo.all_article_ids(session) if article_ids is None else article_ids
        try:
            found = store.export_articles(session, list(dict.fromkeys(ids)))
            articles, left_out = importable(found)
            if found and not articles:
                raise KnownError(
                    f"No ClaimDesk would import this bundle: {left_out[0]}, stored so by an "
                    "older ClaimDesk or another program. Nothing was written."
                )
            return articles, store.export_evidence(session, articles), left_out
        except MissingRowError as exc:
            raise StaleReference(f"That article no longer exists ({exc}).") from exc


def _library(db: Database) -> list[FactCheckDraft]:
    """The imported fact-checks a bundle carries (the desk's own verdicts travel with
    their articles and join the other desk's library there), each as an import would
    accept it: an entry stored by an older version that no longer passes is left out
    rather than make the bundle unreadable elsewhere."""
    with db.sessions() as session:
        drafts = factcheck_repo.imported_drafts(session)
    return [d for d in drafts if library.acceptable(d)]


#: What an import accepts (read_bundle's defaults): an export never makes a bigger file.
IMPORT_LIMITS = BundleLimits()


class BundleTooBig(KnownError):
    """The bundle would be one no ClaimDesk imports; nothing was written."""


def _importable(data: bytes, evidence: Mapping[str, bytes]) -> bytes:
    """`data`, unless no desk would import it (too large, too many attached files)."""
    limits = IMPORT_LIMITS
    mb = 1024 * 1024
    if len(data) > limits.max_file_bytes or len(evidence) > limits.max_attachments:
        raise BundleTooBig(
            f"This bundle would be {len(data) / mb:,.0f} MB with {len(evidence):,} attached "
            f"files, larger than ClaimDesk imports ({limits.max_file_bytes / mb:,.0f} MB, "
            f"{limits.max_attachments:,} files); export fewer articles at a time "
            "(select fewer, or --article). Nothing was written."
        )
    return data


def bundle_bytes(
    db: Database, article_ids: Sequence[int] | None = None, *, with_library: bool = False
) -> bytes:
    """A .claimdesk file's bytes for `article_ids` (default: every article)."""
    articles, evidence, _left_out = _records(db, article_ids)
    carried = _library(db) if with_library else None
    return _importable(pack_bundle(articles, evidence=evidence, library=carried), evidence)


def export_bundle(
    db: Database,
    path: str | Path,
    article_ids: Sequence[int] | None = None,
    *,
    with_library: bool = False,
) -> int:
    """Write the articles' bundle to `path` (atomically); returns how many it holds."""
    return write_bundle(db, path, article_ids, with_library=with_library).articles


def write_bundle(
    db: Database,
    path: str | Path,
    article_ids: Sequence[int] | None = None,
    *,
    with_library: bool = False,
) -> BundleExport:
    """Write the articles' bundle to `path` (atomically), with the fact-check library if
    asked; says how many articles and fact-checks it holds."""
    articles, evidence, left_out = _records(db, article_ids)
    carried = _library(db) if with_library else None
    data = _importable(pack_bundle(articles, evidence=evidence, library=carried), evidence)
    write_atomic(path, data)
    return BundleExport(len(articles), None if carried is None else len(carried), left_out)


@dataclass(frozen=True, slots=True)
class BundleExport:
    """What a bundle holds: articles, and fact-checks when it carries the library."""

    articles: int
    factchecks: int | None = None
    #: What no import would take, said (exchange/importable.py): not in the bundle.
    left_out: Sequence[str] = ()

    @property
    def note(self) -> str:
        """One line on what was left out ("" when nothing was)."""
        if not self.left_out:
            return ""
        more = f" and {len(self.left_out) - 1} more" if len(self.left_out) > 1 else ""
        return (
            f"Left out of the bundle, as every ClaimDesk would refuse it (stored so by an "
            f"older ClaimDesk or another program; it stays in this desk): "
            f"{self.left_out[0]}{more}."
        )


def _conflicts(db: Database, path: Path, bundle: Bundle) -> tuple[Conflict, ...]:
    with db.sessions() as session:
        try:
            return tuple(merge.find_conflicts(session, bundle.articles))
        except merge.MergeConflict as exc:
            raise BundleRefused(path, str(exc)) from exc


def preview_bundle(
    db: Database, path: str | Path, limits: BundleLimits | None = None
) -> ImportPlan:
    """Check the bundle and list its conflicts; writes nothing (BundleRefused if refused)."""
    bundle = read_bundle(path, limits)
    return ImportPlan(Path(path), bundle, _conflicts(db, Path(path), bundle))


def apply_plan(
    db: Database,
    plan: ImportPlan,
    choices: Mapping[int, Choice] | None = None,
    default: Choice = Choice.KEEP_LOCAL,
    undo_stack: UndoStack | None = None,
    waiting: writer.WaitingFn | None = None,
) -> BundleImport:
    """Merge the plan's bundle in one transaction (all of it or nothing).

    `choices` maps conflicts' claim ids to a Choice; the rows are read again under the
    write lock, so a conflict born since the preview gets `default` (keep local).
    Raises BundleRefused (a KnownError) with the reason; the database is then unchanged.
    The merged articles' rows changed outside `undo_stack`, so its entries for them are
    dropped, under the same lock as the merge (an edit cannot slip in between).
    `waiting` hears it while another ClaimDesk holds the write lock.
    """
    with db.write_lock:
        backups.before_import(db)  # the file as it was, should the merge be regretted
        try:
            with db.sessions.begin(waiting, writer.WAIT_LIMIT_S) as session:
                counts = merge.merge_articles(
                    session, plan.bundle.articles, choices, default, plan.bundle.evidence,
                    own_review=review_required(session),
                )
                carried = plan.bundle.library
                # In the same transaction: the articles and the library, or nothing.
                library_counts = None if carried is None else store_factchecks(session, carried)
        except merge.MergeConflict as exc:
            raise BundleRefused(plan.path, str(exc)) from exc
        ids = tuple(dict.fromkeys(counts.article_ids))
        if undo_stack is not None:
            for article_id in ids:
                undo_stack.forget_article(article_id)
    changes = Changes(library=True, claim_sets=frozenset(ids), articles=frozenset(ids))
    # The counts as they are (shallow: the conflicts stay Conflict records).
    counted = {f.name: getattr(counts, f.name) for f in fields(counts)}
    return BundleImport(
        **{
            **counted,
            "kept": tuple(counts.kept),
            "taken": tuple(counts.taken),
            "article_ids": ids,
        },
        changes=changes,
        duplicates_dropped=plan.bundle.duplicates_dropped,
        library=library_counts,
    )


def import_bundle(
    db: Database,
    path: str | Path,
    limits: BundleLimits | None = None,
    undo_stack: UndoStack | None = None,
    waiting: writer.WaitingFn | None = None,
    *,
    take_bundle: bool = False,
) -> BundleImport:
    """Check, preview and merge in one go: every conflict keeps local work, or takes the
    bundle's with `take_bundle`. A refusal happens before the write lock is taken."""
    plan = preview_bundle(db, path, limits)
    default = Choice.TAKE_BUNDLE if take_bundle else Choice.KEEP_LOCAL
    return apply_plan(db, plan, None, default, undo_stack, waiting)


class Bundles:
    """Case bundles over one database, keeping its Workbench's undo stack honest."""

    def __init__(self, db: Database, undo_stack: UndoStack) -> None:
        self.db = db
        self.undo_stack = undo_stack

    def export(
        self,
        path: str | Path,
        article_ids: Sequence[int] | None = None,
        *,
        with_library: bool = False,
    ) -> BundleExport:
        return write_bundle(self.db, path, article_ids, with_library=with_library)

    def import_file(
        self,
        path: str | Path,
        limits: BundleLimits | None = None,
        waiting: writer.WaitingFn | None = None,
        *,
        take_bundle: bool = False,
    ) -> BundleImport:
        return import_bundle(
            self.db, path, limits, self.undo_stack, waiting, take_bundle=take_bundle
        )

    def preview(self, path: str | Path, limits: BundleLimits | None = None) -> ImportPlan:
        return preview_bundle(self.db, path, limits)

    def apply(
        self,
        plan: ImportPlan,
        choices: Mapping[int, Choice],
        waiting: writer.WaitingFn | None = None,
    ) -> BundleImport:
        return apply_plan(self.db, plan, choices, Choice.KEEP_LOCAL, self.undo_stack, waiting)
