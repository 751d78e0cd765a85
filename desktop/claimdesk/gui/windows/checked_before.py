"""Checked before in the window: claims matched to the library off the GUI thread, cached."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from claimdesk.domain import Claim
from claimdesk.domain.factchecks import FactCheckMatch, checked_before
from claimdesk.gui.i18n import format_number
from claimdesk.gui.jobs import Job
from claimdesk.gui.windows.host import WindowHelper, WindowParts
from claimdesk.services.changes import Changes
from claimdesk.services.factcheck_accept import accept_match
from claimdesk.services.factcheck_match import FactCheckMatcher

log = logging.getLogger(__name__)

# Matches listed per claim in the detail pane.
SHOWN = 5
# Claims matched per job: results reach the table in steps, the shown claim goes first.
CHUNK = 32
# Entries encoded before each match job (the desk's newest verdicts): a few, so a
# large unencoded library is left to the background fill instead of delaying matches.
FILL_BEFORE_MATCH = 64
# Entries encoded per step of the background fill (the matcher is free between steps).
FILL_STEP = 128

Key = tuple[int, str]  # a claim id and the text it was matched as


class CheckedBefore(WindowHelper):
    """Finds earlier fact-checks for the shown article's claims and the shown claim.

    One job at a time asks the matcher; `_lock` keeps it and the background vector fill
    from using the matcher (its index, its word counts) together. Results are cached
    by claim id and text, so scrolling, filtering or coming back to a claim never
    encodes again; an edited claim text is matched afresh. An empty library costs one
    one-row query per article and nothing else.
    """

    def __init__(self, parts: WindowParts, matcher: FactCheckMatcher) -> None:
        super().__init__(parts)
        self.matcher = matcher
        self._lock = threading.Lock()
        self._cache: dict[Key, tuple[FactCheckMatch, ...]] = {}
        self._queue: dict[Key, Claim] = {}
        self._job: Job | None = None
        self._fill: Job | None = None
        self._fill_checked = False
        # Bumped when the library changes: answers from before are dropped, not cached.
        self._generation = 0
        self._refresh = False
        self._has_entries: bool | None = None
        # Answers still shown while they are asked for again after the library changed.
        self._stale: set[Key] = set()
        # The desk's own entries when the answers were asked for (claim id → entry), to
        # tell a verdict given, changed or cleared from any other change to a claim.
        self._desk: dict[int, tuple[object, ...]] | None = None
        self.claims_panel.loaded.connect(self.claims_loaded)
        self.claims_panel.visibleClaimsChanged.connect(self.claims_filtered)
        self.detail.shown.connect(self.claim_shown)
        self.detail.checked_before.acceptRequested.connect(self.accept)

    # ------------------------------------------------------------------ state

    def has_entries(self) -> bool:
        """Whether there is anything to match; "no" is asked again (a one-row query)
        each time, since the checker's first verdict puts the first entry in."""
        if not self._has_entries:
            self._has_entries = self.matcher.has_entries()
        return self._has_entries

    def cached(self, claim: Claim) -> tuple[FactCheckMatch, ...] | None:
        return self._cache.get((claim.id, claim.text))

    def busy(self) -> bool:
        """A match job runs or waits (tests wait on this; so may a status line)."""
        return self._job is not None or bool(self._queue)

    def library_changed(self) -> None:
        """Fact-checks were imported or encoded: every answer is asked for again, with the
        library's index and word counts read afresh."""
        self._refresh = True
        self._desk = None
        self._revise()

    def changes_applied(self, changes: Changes) -> None:
        """A service changed claims: if a verdict was given, changed or cleared (on any
        claim, in any article), the desk's part of the library changed with it."""
        if self._desk is None or not (changes.claims or changes.claim_sets):
            return
        ids = None if changes.claim_sets else changes.claims
        now = self.matcher.desk_entries(ids)
        before = self._desk if ids is None else {
            c: self._desk[c] for c in ids if c in self._desk
        }  # fmt: skip
        if now == before:
            return  # a note, a status, a span: nothing the library holds
        if ids is None:
            self._desk = now
        else:
            for claim_id in ids:
                self._desk.pop(claim_id, None)
            self._desk.update(now)
        self._revise()

    def _revise(self) -> None:
        """The library changed: answers from before may be wrong.

        The table's answers stay on screen and in the cache, marked stale, and are asked
        for again (the claim shown and the visible rows first); their claims' vectors
        are remembered by the matcher, so nothing is encoded again. Answers for claims
        not in the table are dropped: they are asked for when next shown. Jobs already
        running deliver nothing (their answers predate the change).
        """
        self._generation += 1
        self._has_entries = None
        if not self.has_entries():  # the last entry went (the only verdict cleared)
            self._cache.clear()
            self._stale.clear()
            self._queue.clear()
            self.claims_panel.clear_checked()
            self.claim_shown(self.detail.claim)
            return
        in_table = {(c.id, c.text) for c in self.claims_panel.model.rows()}
        shown = self.detail.claim
        if shown is not None:
            in_table.add((shown.id, shown.text))
        self._cache = {k: v for k, v in self._cache.items() if k in in_table}
        self._stale = set(self._cache)
        self.claims_loaded()
        self.claim_shown(self.detail.claim)

    # ------------------------------------------------------------------ requests

    def claims_loaded(self) -> None:
        """The claims table was filled (an article shown, claims found again)."""
        if self.has_entries():
            self._start_fill_once()
            self.claims_filtered()

    def claims_filtered(self) -> None:
        """Match what the table's filters let through, the visible rows first.

        "Checked before" itself is left out of that test, since it needs the answers;
        claims under the threshold are matched once shown (Every sentence), so a long
        article's thousand sentences are not encoded unless the checker asks for them.
        """
        if not self._has_entries:
            return
        panel = self.claims_panel
        claims = panel.visible_claims()
        seen = {c.id for c in claims}
        claims += [c for c in panel.model.rows() if c.id not in seen and panel.proxy.accepts(c)]
        best = {}
        for claim in claims:
            found = self.cached(claim)
            key = (claim.id, claim.text)
            if found is None or key in self._stale:
                self._queue.setdefault(key, claim)
            if found is not None and not panel.model.has_checked(claim.id):
                best[claim.id] = checked_before(found)
        if best:
            panel.show_checked(best)
        self._next()

    def claim_shown(self, claim: Claim | None) -> None:
        """Fill the detail pane's box for `claim`, asking first if it was never matched."""
        box = self.detail.checked_before
        box.model.numbers = {c.id: c.number for c in self.claims_panel.model.rows()}
        if claim is None:
            box.show_matches(None)
            return
        if not self.has_entries():
            box.show_matches(None, self.tr(
                "No earlier fact-checks yet: import some with File → Import fact-checks…"
            ))  # fmt: skip
            return
        found = self.cached(claim)
        key = (claim.id, claim.text)
        if found is not None:
            box.show_matches(found, "" if found else self.tr("No earlier fact-check found."))
            if key not in self._stale:
                return
        else:
            box.show_matches(None, self.tr("Looking for earlier fact-checks…"))
        # The claim on screen goes before the rest of the table.
        self._queue = {key: claim, **{k: c for k, c in self._queue.items() if k != key}}
        self._next()

    def _next(self) -> None:
        if self._job is not None or not self._queue:
            return
        if self._desk is None:
            # What the desk's verdicts were when these answers were asked for.
            self._desk = self.matcher.desk_entries()
        keys = list(self._queue)[:CHUNK]
        claims = [self._queue.pop(k) for k in keys]
        generation, refresh = self._generation, self._refresh
        self._refresh = False
        matcher, lock = self.matcher, self._lock

        def work(_job: Job) -> list[list[FactCheckMatch]]:
            with lock:
                if refresh:
                    matcher.refresh()
                matcher.fill_vectors(limit=FILL_BEFORE_MATCH)
                return matcher.match_many(
                    [c.text for c in claims], None, SHOWN, [c.id for c in claims]
                )

        def done(results: list[list[FactCheckMatch]]) -> None:
            self._job = None
            if generation == self._generation:
                self._store(keys, results)
            self._next()

        def failed(exc: BaseException) -> None:
            self._job = None
            self._queue.clear()
            self.errors.report(exc)

        self._job = self.jobs.run("match claims", work, done, failed)

    def _store(self, keys: Sequence[Key], results: Sequence[Sequence[FactCheckMatch]]) -> None:
        best: dict[int, FactCheckMatch | None] = {}
        for key, found in zip(keys, results, strict=True):
            self._cache[key] = tuple(found)
            self._stale.discard(key)
            best[key[0]] = checked_before(found)
        self.claims_panel.show_checked(best)
        shown = self.detail.claim
        if shown is not None and (shown.id, shown.text) in keys:
            self.claim_shown(shown)

    # ------------------------------------------------------------------ vectors

    def _start_fill_once(self) -> None:
        """Once per window: encode entries imported without vectors (e.g. by the CLI).

        The job counts what is missing, not the GUI thread: on a large library the
        count reads every entry.
        """
        if not self._fill_checked:
            self._fill_checked = True
            self.fill_vectors()

    def fill_vectors(self) -> Job | None:
        """Encode every entry without a vector in the background, with progress."""
        if self._fill is not None:
            return self._fill
        matcher, lock = self.matcher, self._lock

        def work(job: Job) -> int:
            todo = matcher.missing_vectors()
            done = 0
            while todo and not job.is_cancelled():
                with lock:
                    step = matcher.fill_vectors(limit=FILL_STEP)
                if not step:
                    break
                done += step
                job.report(done, max(todo, done))
            return done

        def progress(done: int, total: int) -> None:
            self.host.show_status(
                self.tr("Encoding fact-checks for matching: {done} of {total}…").format(
                    done=format_number(done), total=format_number(total)
                ), 0,
            )  # fmt: skip

        def finished(done: int) -> None:
            self._fill = None
            if done:
                self.host.show_status(
                    self.tr("1 fact-check encoded for matching.") if done == 1
                    else self.tr("{count} fact-checks encoded for matching.").format(
                        count=format_number(done)
                    )
                )
                self.library_changed()

        def failed(exc: BaseException) -> None:
            self._fill = None
            self.host.show_status("")
            self.errors.report(exc)

        self._fill = self.jobs.run("encode fact-checks", work, finished, failed, progress)
        return self._fill

    # ------------------------------------------------------------------ accepting

    def accept_selected(self) -> None:
        """The keyboard's way: accept the match selected in the detail pane."""
        match = self.detail.checked_before.selected_match()
        if match is None:
            self.host.show_status(self.tr("No earlier fact-check to accept for this claim."))
            return
        self.accept(match)

    def accept(self, match: FactCheckMatch) -> None:
        """Add `match` to the shown claim as a source note (Ctrl+Z takes it back)."""
        claim = self.detail.claim
        if claim is None:
            return
        wb, claim_id = self.workbench, claim.id
        self.writes.submit(lambda: accept_match(wb, claim_id, match)[1], self._accepted)

    def _accepted(self, changes: Changes) -> None:
        self.host.apply_changes(changes)
        self.host.show_status(self.tr("Added as a source note; Ctrl+Z undoes it."))
