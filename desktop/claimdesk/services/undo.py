"""Session-scoped undo/redo: each entry holds exact before/after snapshots of what it changed."""

from __future__ import annotations

import time
from collections.abc import Hashable
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from claimdesk.domain.clock import utc_now
from claimdesk.errors import KnownError
from claimdesk.services.changes import Changes
from claimdesk.storage import history_repo, review_repo, snapshots
from claimdesk.storage import repositories as repo
from claimdesk.storage.rows import MissingRowError
from claimdesk.storage.snapshots import ClaimState, Snapshot

#: How many edits the stack remembers; the oldest are forgotten first.
DEFAULT_DEPTH = 500
#: Consecutive edits with the same merge key this close together undo as one
#: (the detail pane saves an explanation at every pause in typing).
MERGE_SECONDS = 60.0


class UndoConflict(KnownError):
    """An edit cannot be undone or redone because its rows were changed elsewhere."""


@dataclass(frozen=True, slots=True)
class UndoEntry:
    """One undoable edit: its menu label, the state before and after, what it changed."""

    label: str
    before: Snapshot
    after: Snapshot
    changes: Changes
    merge_key: Hashable | None = None
    at: float = field(default_factory=time.monotonic)
    #: Its place in the session (UndoStack.mark): later edits have higher serials.
    serial: int = 0

    def shas(self) -> set[str]:
        """The sha256 of every file its attachments name, before or after."""
        return {
            str(row["sha256"])
            for snap in (self.before, self.after)
            for state in snap.claims.values()
            if state is not None
            for row in state.evidence
        }

    def only_files_of(self, source_id: int) -> bool:
        """Whether all it changed is the attachments of one source note."""
        if self.before.metadata != self.after.metadata:
            return False
        if self.before.claims.keys() != self.after.claims.keys():
            return False
        for cid, old in self.before.claims.items():
            new = self.after.claims[cid]
            if old is None or new is None:
                return False
            (*rest_old, files_old), (*rest_new, files_new) = old.content(), new.content()
            if rest_old != rest_new:
                return False
            changed = set(files_old) ^ set(files_new)
            if any(dict(row)["source_note_id"] != source_id for row in changed):
                return False
        return True


class UndoStack:
    """The edits of this session, newest last; undone edits wait on the redo side.

    Not thread-safe by itself: the Workbench only touches it under its write lock.
    """

    def __init__(self, depth: int = DEFAULT_DEPTH) -> None:
        self.depth = depth
        self._done: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []
        self._pushed = 0

    def mark(self) -> int:
        """Where the session is now: edits pushed from here on have higher serials."""
        return self._pushed

    def push(self, entry: UndoEntry) -> None:
        """Record a new edit; it clears the redo side."""
        self._undone.clear()
        top = self._done[-1] if self._done else None
        if (
            top is not None
            and entry.merge_key is not None
            and top.merge_key == entry.merge_key
            and entry.at - top.at <= MERGE_SECONDS
            # Nothing else (a colleague's save) came between: else undoing the joined
            # step would skip back over it.
            and top.after.same_content(entry.before)
        ):
            entry = replace(
                entry, before=top.before, changes=changes_between(top.before, entry.after)
            )
            self._done.pop()
        self._pushed += 1
        self._done.append(replace(entry, serial=self._pushed))
        del self._done[: max(0, len(self._done) - self.depth)]

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def next_undo(self) -> UndoEntry | None:
        return self._done[-1] if self._done else None

    def next_redo(self) -> UndoEntry | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        """The top edit was undone: move it to the redo side."""
        self._undone.append(self._done.pop())

    def since(self, mark: int) -> list[UndoEntry]:
        """The edits still to undo that were pushed after `mark`, newest first."""
        return [e for e in reversed(self._done) if e.serial > mark]

    def taken_back(self) -> None:
        """The top edit was undone for good (its dialog was cancelled): no redo."""
        self._done.pop()

    def shas(self, but: list[UndoEntry] | None = None) -> set[str]:
        """The files any edit on either side (but those in `but`) may bring back."""
        skip = {id(e) for e in but or ()}
        entries = (e for e in (*self._done, *self._undone) if id(e) not in skip)
        return {sha for entry in entries for sha in entry.shas()}

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def forget_article(self, article_id: int) -> None:
        """Drop the edits of one article (it was deleted or re-extracted).

        Each entry touches one article only, so the others stay valid.
        """
        self._done = [e for e in self._done if e.before.article_id != article_id]
        self._undone = [e for e in self._undone if e.before.article_id != article_id]

    def reserved_ids(self, but_article: int | None = None) -> dict[str, int]:
        """The highest id of each table's rows that an undo or redo may bring back (or
        expects to find), but those of the edits of `but_article` (storage.reserved_ids)."""
        highest = {"claims": 0, "verdicts": 0, "source_notes": 0, "evidence": 0}

        def seen(table: str, row_id: object) -> None:
            highest[table] = max(highest[table], int(row_id))  # type: ignore[call-overload]

        for entry in (*self._done, *self._undone):
            if entry.before.article_id == but_article:
                continue
            for snap in (entry.before, entry.after):
                for cid, state in snap.claims.items():
                    seen("claims", cid)
                    if state is None:
                        continue
                    if state.verdict is not None:
                        seen("verdicts", state.verdict["id"])
                    for row in state.sources:
                        seen("source_notes", row["id"])
                    for row in state.evidence:
                        seen("evidence", row["id"])
        return highest

    def __len__(self) -> int:
        return len(self._done)


class Recorder:
    """Collects the before-state of what one edit is about to change.

    Use cases call `track` (or `track_metadata`) before they write, and `created` for
    claims they add; `finish` then reads the after-state of the same rows.
    """

    def __init__(self, session: Session, label: str) -> None:
        self.session = session
        self.label = label
        self.merge_key: Hashable | None = None
        self.article_id: int | None = None
        self._before: dict[int, ClaimState | None] = {}
        self._metadata: snapshots.Row | None = None

    def track(self, *claim_ids: int) -> None:
        """Remember these claims as they are now; raises MissingRowError if one is gone.

        Their rows are locked first (PostgreSQL; SQLite's BEGIN IMMEDIATE holds the file):
        otherwise a colleague's save committed between this read and `finish` would look
        like this edit's change, recorded in history under this checker's name and put on
        this checker's undo stack.
        """
        new = [cid for cid in claim_ids if cid not in self._before]
        for cid in sorted(new):  # one order for every edit, so two never wait on each other
            repo.lock_claim(self.session, cid)
        for cid, state in snapshots.capture_claims(self.session, new).items():
            if state is None:
                raise MissingRowError(f"claims {cid}")
            self._set_article(state.article_id)
            self._before[cid] = state

    def track_metadata(self, article_id: int) -> None:
        metadata = snapshots.capture_metadata(self.session, article_id)
        if metadata is None:
            raise MissingRowError(f"articles {article_id}")
        self._set_article(article_id)
        self._metadata = metadata

    def created(self, article_id: int, claim_id: int) -> None:
        """A claim this edit added (it did not exist before)."""
        self._set_article(article_id)
        self._before.setdefault(claim_id, None)

    def _set_article(self, article_id: int) -> None:
        if self.article_id not in (None, article_id):
            raise ValueError("one edit touches one article")
        self.article_id = article_id

    def withdraw_approvals(self) -> None:
        """Send back to review every approved verdict this edit changed the publication
        of: its claim's words, speaker or sources, or its article's properties.

        The reviewer approved the verdict as it would be published then (ClaimReview,
        reports). Claims of the article that the edit did not track are tracked now, as
        they still are, so history and undo see the step. Called before `finish`.
        """
        if self.article_id is None:
            return
        whole_article = self._metadata is not None and review_repo.published_metadata(
            self._metadata
        ) != review_repo.published_metadata(
            snapshots.capture_metadata(self.session, self.article_id)
        )
        if whole_article:
            self.track(*review_repo.approved_claims(self.session, self.article_id))
        kept = [cid for cid, state in self._before.items() if state is not None]
        for cid, now in snapshots.capture_claims(self.session, kept).items():
            before = self._before[cid]
            assert before is not None
            if now is not None and (
                whole_article or review_repo.published(before) != review_repo.published(now)
            ):
                review_repo.withdraw_approval(self.session, cid)

    def finish(self) -> tuple[Snapshot, Snapshot] | None:
        """(before, after), or None if the edit changed nothing worth undoing."""
        if self.article_id is None:
            return None
        before = Snapshot(self.article_id, dict(self._before), self._metadata)
        after = Snapshot(
            self.article_id,
            snapshots.capture_claims(self.session, self._before),
            None
            if self._metadata is None
            else snapshots.capture_metadata(self.session, self.article_id),
        )
        return None if before.same_content(after) else (before, after)


def changes_between(before: Snapshot, after: Snapshot) -> Changes:
    """What views must refresh when the state goes from `before` to `after` (or back)."""
    aid = before.article_id
    claim_sets: set[int] = set()
    claims: set[int] = set()
    library = False
    for cid in before.claims.keys() | after.claims.keys():
        old, new = before.claims.get(cid), after.claims.get(cid)
        if old is None or new is None:
            if old is not new:
                claim_sets.add(aid)
                library = True
            continue
        if old.content() == new.content():
            continue
        claims.add(cid)
        if (old.claim["start"], old.claim["end"]) != (new.claim["start"], new.claim["end"]):
            claim_sets.add(aid)  # text order, and so the numbering, may have changed
        if (
            old.claim["status"] != new.claim["status"]
            or (old.verdict is None) != (new.verdict is None)
            or old.claim["origin"] != new.claim["origin"]
            or aid in claim_sets
        ):
            library = True
    articles: set[int] = set()
    if before.metadata != after.metadata:
        articles.add(aid)
        library = True
    return Changes(
        library=library,
        claim_sets=frozenset(claim_sets),
        claims=frozenset(claims),
        articles=frozenset(articles),
    )


def record_history(session: Session, before: Snapshot, after: Snapshot, who: str) -> None:
    """Add a history entry for each status, verdict and explanation change between them."""
    at = utc_now()
    for cid in before.claims.keys() | after.claims.keys():
        history_repo.record_transition(
            session, before.claims.get(cid), after.claims.get(cid), who, at
        )


def apply_entry(session: Session, entry: UndoEntry, *, redo: bool, who: str) -> None:
    """Write the state before `entry` (undo) or after it (redo), with history.

    Raises UndoConflict if the rows are no longer as the entry left them.
    """
    expected, target = (entry.before, entry.after) if redo else (entry.after, entry.before)
    # Held from the check to the commit (as Recorder.track): a colleague's save committed
    # in between would otherwise be erased by the restore without any conflict.
    for cid in sorted(expected.claims.keys() | target.claims.keys()):
        repo.lock_claim(session, cid)
    problem = snapshots.conflict(session, expected, target)
    if problem is not None:
        raise UndoConflict(
            f"Cannot {'redo' if redo else 'undo'} “{entry.label}”: {problem} since. "
            "The undo history has been cleared."
        )
    current = snapshots.capture_claims(session, target.claims)
    snapshots.restore(session, target)
    record_history(session, Snapshot(target.article_id, current), target, who)
