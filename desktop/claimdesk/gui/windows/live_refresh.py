"""Other checkers' saves and presence reach the window: rows refresh, typed text stays."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from claimdesk.domain import Claim
from claimdesk.errors import KnownError
from claimdesk.gui.panels.claims_panel import ClaimsPanel
from claimdesk.gui.panels.detail_pane import DetailPane
from claimdesk.services.change_feed import ChangeEvent, ChangeFeed
from claimdesk.services.changes import Changes
from claimdesk.services.presence import Presence
from claimdesk.services.workbench import Workbench

log = logging.getLogger(__name__)

# Saves arriving this close together are refreshed once (an extraction, a bundle).
COALESCE_MS = 150
# How often the "✍ name" marks are looked at again (an "editing" expires unheard).
MARKS_MS = 10_000
# Tables whose rows belong to a claim: the claim's row and detail are re-read.
_CLAIM_PARTS = frozenset({"claims", "verdicts", "source_notes"})


class LiveHost(Protocol):
    """What LiveRefresh needs of the main window (helpers never import it)."""

    workbench: Workbench
    detail: DetailPane
    claims_panel: ClaimsPanel
    article_id: int | None

    def apply_changes(self, changes: Changes) -> None: ...


class _Bridge(QObject):
    """Carries events from the feed's thread to the GUI thread (a queued signal)."""

    received = Signal(object)


class LiveRefresh(QObject):
    """Listens to the desk's change feed for the window; every widget is touched on the
    GUI thread only.

    Others' saves re-read the changed claims (selection kept). If the checker is typing
    in a claim someone else saved, the detail pane keeps the typed text and the version
    it was based on, so the next save meets the conflict dialog; a one-line notice says
    so, and the rest waits until the checker moves to another claim.
    """

    def __init__(self, window: LiveHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.feed = ChangeFeed(window.workbench.db)
        self.presence = Presence(self.feed, window.workbench.checker_name())
        self._bridge = _Bridge(self)
        self._bridge.received.connect(self._received)
        self._changes = Changes()
        self._by: dict[int, str] = {}
        self._deferred = Changes()
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._refresh)
        self._marks = QTimer(self, interval=MARKS_MS)
        self._marks.timeout.connect(self._show_marks)
        self._shown_id: int | None = None

        detail = window.detail
        self.notice = QLabel(objectName="liveNotice", wordWrap=False)
        self.notice.setStyleSheet("background: #fff4ce; color: #3d3000; padding: 3px;")
        self.notice.hide()
        layout = detail.layout()
        if layout is not None:  # under the claim's text, above its verdict
            layout.insertWidget(2, self.notice)  # type: ignore[attr-defined]
        detail.explanation.textChanged.connect(self._typed)
        detail.source_edits.on_editing.append(self._note_dialog)
        # Choosing a rating edits the verdict too: while its list is open, and the choice
        # itself (from the keyboard there is no list), announced before it is saved.
        detail.ratingChosen.connect(self.presence.editing)
        self._rating_list = detail.rating.view().window()
        self._rating_list.installEventFilter(self)
        detail.shown.connect(self._shown)
        detail.changed.connect(self._saved)
        # A window deleted without closing (tests, a crash report) still ends the feed.
        feed, presence = self.feed, self.presence

        def gone() -> None:
            presence.close()
            feed.stop()

        parent.destroyed.connect(gone)
        self.start()

    # ------------------------------------------------------------------ lifetime

    def start(self) -> bool:
        try:
            self.feed.start(self._bridge.received.emit)
        except KnownError:
            log.warning("no live refresh for this desk", exc_info=True)
            return False
        except Exception:  # a desk the feed cannot hear still works, without it
            log.exception("the change feed did not start")
            return False
        if self.presence.enabled:
            self._marks.start()
        return True

    def stop(self) -> None:
        self._marks.stop()
        self._timer.stop()
        self.presence.close()
        self.feed.stop()

    # ------------------------------------------------------------------ events

    def _received(self, change: ChangeEvent) -> None:
        if self.presence.observe(change):
            self._show_marks()
        if change.kind in ("editing", "done") or change.own:
            return
        self._changes |= _changes_of(change)
        if change.claim_id is not None and change.by:
            self._by[change.claim_id] = change.by
        self._timer.start()

    def _refresh(self) -> None:
        changes, self._changes = self._changes, Changes()
        by, self._by = self._by, {}
        if not changes:
            return
        window, detail = self.window, self.window.detail
        current = detail.claim.id if detail.claim is not None else None
        aid = window.article_id
        touched = current is not None and (
            current in changes.claims or (aid is not None and aid in changes.claim_sets)
        )
        if not touched or not self.editing():
            window.apply_changes(changes)
            return
        assert current is not None
        # Everything but the detail pane: it keeps the typed text and the old version.
        held = replace(changes, claim_sets=frozenset(), claims=changes.claims - {current})
        window.apply_changes(held)
        model = window.claims_panel.model
        if model.row_of(current) >= 0:
            model.update_claims({current: _fetch(window, current)})
        self._deferred |= replace(changes, claims=changes.claims - held.claims)
        who = by.get(current) or self.tr("Another checker")
        self.notice.setText(
            self.tr("{who} saved this claim; your save will ask how to merge.").format(who=who)
        )
        self.notice.show()

    def editing(self) -> bool:
        """The checker has typed in the shown claim's explanation what is not stored."""
        detail = self.window.detail
        if detail.typing():
            return True
        claim = detail.claim
        if claim is None or claim.verdict is None:
            return False
        return detail.explanation_text().strip() != claim.verdict.explanation

    # ------------------------------------------------------------------ presence

    def _typed(self) -> None:
        detail = self.window.detail
        if detail.claim is not None and detail.explanation.hasFocus():
            self.presence.editing(detail.claim.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._rating_list and event.type() == QEvent.Type.Show:
            self._rating_list_open(True)
        elif watched is self._rating_list and event.type() == QEvent.Type.Hide:
            # After the click or key that closed it: a chosen rating is saved by then.
            QTimer.singleShot(0, self, lambda: self._rating_list_open(False))
        return False

    def _rating_list_open(self, open_now: bool) -> None:
        claim = self.window.detail.claim
        if claim is None:
            return
        if open_now:
            self.presence.editing(claim.id)
        elif not self.editing():  # closed unchosen; typing goes on marking the claim
            self.presence.done(claim.id)

    def _note_dialog(self, claim_id: int, open_now: bool) -> None:
        """A source note dialog of `claim_id` opened (True) or closed (False)."""
        if open_now:
            self.presence.editing(claim_id)
        else:
            self.presence.done(claim_id)

    def _shown(self, claim: Claim | None) -> None:
        new = claim.id if claim is not None else None
        if new == self._shown_id:
            return
        if self._shown_id is not None:
            self.presence.done(self._shown_id)
        self._shown_id = new
        self.notice.hide()
        if self._deferred:  # what was held back while the checker typed
            deferred, self._deferred = self._deferred, Changes()
            QTimer.singleShot(0, lambda: self.window.apply_changes(deferred))

    def _saved(self, changes: Changes) -> None:
        detail = self.window.detail
        claim = detail.claim
        if claim is not None and claim.id in changes.claims and not detail.typing():
            self.presence.done(claim.id)

    def _show_marks(self) -> None:
        self.window.claims_panel.model.set_editors(self.presence.edited_claims())


def _changes_of(change: ChangeEvent) -> Changes:
    """What the window must re-read for one event from another checker."""
    if change.table == "desk":
        return Changes(library=True)
    if change.kind == "many" or change.table == "articles":
        aid = frozenset({change.article_id}) if change.article_id is not None else frozenset()
        return Changes(library=True, claim_sets=aid, articles=aid)
    claims = frozenset({change.claim_id}) if change.claim_id is not None else frozenset()
    sets: frozenset[int] = frozenset()
    if change.table == "claims" and change.version in (None, 1) and change.article_id:
        sets = frozenset({change.article_id})  # a claim added or removed: the list changes
    library = change.table in _CLAIM_PARTS
    return Changes(library=library, claims=claims, claim_sets=sets)


def _fetch(window: LiveHost, claim_id: int) -> Claim | None:
    try:
        return window.workbench.claim(claim_id)
    except KnownError:
        return None
