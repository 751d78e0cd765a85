"""The one writer under the workbench: a lock, a Session per write, undoable edits."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session

from claimdesk.errors import StaleReference
from claimdesk.services import desk_settings
from claimdesk.services.changes import Changes
from claimdesk.services.undo import (
    Recorder,
    UndoConflict,
    UndoEntry,
    UndoStack,
    apply_entry,
    changes_between,
    record_history,
)
from claimdesk.storage import notify, reserved_ids
from claimdesk.storage.db import Database
from claimdesk.storage.rows import MissingRowError
from claimdesk.storage.writer import DatabaseBusy, WaitingFn

T = TypeVar("T")

#: How long a quick write (`WritePath.quick`) waits for another process's write lock.
QUICK_LIMIT_S = 0.2
#: How long it waits for another thread of this process: long enough for the brief
#: writes made in the background (a fact-check vector stored after a verdict, a few
#: milliseconds), far shorter than a bundle merge, which it hands the write on for.
QUICK_IN_PROCESS_S = 0.1

#: The threads inside `WritePath.quick()` (a flag per thread, like decimal's context).
_quick = threading.local()


class WriteBusy(Exception):
    """A quick write found the write lock taken; nothing was written, so it may run again.

    `in_process` tells whether this process held the lock (a bundle import, a restore)
    or another program did (SQLite's lock).
    """

    def __init__(self, in_process: bool) -> None:
        super().__init__("the write lock is taken" + (" here" if in_process else " elsewhere"))
        self.in_process = in_process


class _NothingChanged(Exception):
    """Raised inside a write to roll back an edit that changed nothing."""


class WritePath:
    """Every write runs under the database's one lock in its own Session and commits
    before returning; an undoable edit also records history and goes on `undo_stack`.

    Workbench builds on it; reads open their own short Session.
    """

    db: Database
    undo_stack: UndoStack
    _write_lock: threading.Lock
    #: Told while another process holds the write lock; how long to wait for it.
    waiting: WaitingFn | None
    wait_limit: float
    #: Who this client is on a shared desk (issue 16): history entries and verdicts
    #: record it. None: the desk's checker setting, else the login name.
    checker: str | None = None

    def _who(self, session: Session) -> str:
        return self.checker or desk_settings.who(session)

    # -------------------------------------------------------------------- quick writes

    @contextmanager
    def quick(self) -> Iterator[None]:
        """Writes made by this thread inside never wait: WriteBusy instead.

        The window's thread writes like this: the in-process lock is waited for
        QUICK_IN_PROCESS_S at most, SQLite's lock QUICK_LIMIT_S at most. WriteBusy comes
        before anything is written, so the same call can be handed to a background writer
        unchanged.
        """
        before = getattr(_quick, "on", False)
        _quick.on = True
        try:
            yield
        finally:
            _quick.on = before

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if not getattr(_quick, "on", False):
            with self._write_lock:
                yield
            return
        if not self._write_lock.acquire(timeout=QUICK_IN_PROCESS_S):
            raise WriteBusy(in_process=True)
        try:
            yield
        finally:
            self._write_lock.release()

    # -------------------------------------------------------------------- plumbing

    @contextmanager
    def _session(self) -> Iterator[Session]:
        # BEGIN IMMEDIATE: checks made in this transaction hold across processes.
        if getattr(_quick, "on", False):
            waiting, limit = None, min(QUICK_LIMIT_S, self.wait_limit)
        else:
            waiting, limit = self.waiting, self.wait_limit
        try:
            with self.db.sessions.begin(waiting, limit) as session:
                try:
                    yield session
                except MissingRowError as exc:
                    # True in a window and in a shell: the write rolls back here.
                    raise StaleReference(
                        f"That item is not on the desk ({exc}): it may have been deleted or "
                        "merged meanwhile; nothing was changed."
                    ) from exc
                if notify.pending(session):  # colleagues' windows hear who saved
                    notify.set_author(session, self._who(session))
        except DatabaseBusy:
            # Raised by BEGIN IMMEDIATE (the first statement), so nothing was written.
            if getattr(_quick, "on", False):
                raise WriteBusy(in_process=False) from None
            raise

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._locked(), self._session() as session:
            yield session

    def _read(self, fn: Callable[[Session], T]) -> T:
        with self.db.sessions() as session:
            try:
                return fn(session)
            except MissingRowError as exc:
                raise StaleReference(f"That item no longer exists ({exc}).") from exc

    def _edit(self, label: str, op: Callable[[Session, Recorder], T]) -> tuple[T, Changes]:
        """Run one undoable edit: record history, push it on the undo stack, report it.

        An edit that changes nothing is rolled back (it would only move timestamps) and
        reports no changes.
        """
        results: list[T] = []
        with self._locked():
            try:
                with self._session() as session:
                    rec = Recorder(session, label)
                    reserved_ids.reserve(session, self.undo_stack.reserved_ids())
                    results.append(op(session, rec))
                    rec.withdraw_approvals()
                    states = rec.finish()
                    if states is None:
                        raise _NothingChanged
                    before, after = states
                    who = self._who(session)
                    record_history(session, before, after, who)
                    notify.queue(session, notify.events_between(before, after, who))
            except _NothingChanged:
                return results[0], Changes()
            entry = UndoEntry(
                rec.label, before, after, changes_between(before, after), rec.merge_key
            )
            self.undo_stack.push(entry)
        return results[0], entry.changes

    # -------------------------------------------------------------------- undo

    def can_undo(self) -> bool:
        return self.undo_stack.can_undo()

    def can_redo(self) -> bool:
        return self.undo_stack.can_redo()

    def undo_label(self) -> str | None:
        """What Undo would undo, e.g. "Set status to Done" (None: nothing)."""
        return self.undo_stack.undo_label()

    def redo_label(self) -> str | None:
        return self.undo_stack.redo_label()

    def undo(self) -> Changes:
        """Restore the state before the last edit and save it; no-op if there is none."""
        return self._step(redo=False)

    def redo(self) -> Changes:
        return self._step(redo=True)

    def _step(self, *, redo: bool) -> Changes:
        with self._locked():
            entry = self.undo_stack.next_redo() if redo else self.undo_stack.next_undo()
            if entry is None:
                return Changes()
            try:
                with self._session() as session:
                    who = self._who(session)
                    apply_entry(session, entry, redo=redo, who=who)
                    old, new = (entry.before, entry.after) if redo else (entry.after, entry.before)
                    notify.queue(session, notify.events_between(old, new, who))
            except UndoConflict:
                self.undo_stack.clear()
                raise
            if redo:
                self.undo_stack.redone()
            else:
                self.undo_stack.undone()
        return entry.changes
