"""The detail pane's verdict and source-note saves: based on the version shown, never blind.

Each save carries the version of what the checker was looking at; when somebody else
saved in between, the Workbench refuses with SaveConflict and this opens the conflict
dialog (gui/dialogs/save_conflict.py) instead of writing over their work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from claimdesk.domain import Claim, SourceDraft
from claimdesk.errors import SaveConflict
from claimdesk.gui.dialogs.save_conflict import Choice, SaveConflictDialog
from claimdesk.services.changes import Changes

if TYPE_CHECKING:
    from claimdesk.gui.panels.detail_pane import DetailPane

#: A verdict as a conflict names it: (rating name, explanation).
Known = tuple[str | None, str | None]


def _known(claim: Claim) -> Known:
    verdict = claim.verdict
    return (None, None) if verdict is None else (verdict.rating.name, verdict.explanation)


class ConflictSaves(QObject):
    """Saves the shown claim's verdict and its source notes on the version the checker saw.

    `base` is the claim version the editor's content rests on: the pane moves it on
    whenever it shows the stored state (`rebase`), never while the checker is typing, so
    a save over somebody else's newer verdict is refused. A refusal whose "theirs" is
    something this pane already showed or saved itself (its own earlier save still in
    the queue, a status change made here) hides nobody's work: it is saved again on the
    version found, without asking. Anything else opens the dialog.
    """

    def __init__(self, pane: DetailPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.claim_id: int | None = None
        self.base: int | None = None
        self._known: set[Known] = set()
        #: The open conflict dialog, one at a time (a newer save of the same text joins it).
        self.dialog: SaveConflictDialog | None = None

    # ------------------------------------------------------------------ what is shown

    def rebase(self, claim: Claim | None, in_sync: bool) -> None:
        """The pane shows `claim`; `in_sync`: its editor holds the stored text."""
        if claim is None:
            self.claim_id, self.base, self._known = None, None, set()
            return
        if claim.id != self.claim_id:
            self.claim_id, self._known = claim.id, set()
            in_sync = True
        if in_sync:  # while the checker types, a newer verdict shown is not yet "seen"
            self.base = claim.version
            self._known.add(_known(claim))

    # ------------------------------------------------------------------ verdicts

    def save_verdict(self, claim_id: int, rating_id: int, text: str) -> None:
        expected = self.base if claim_id == self.claim_id else None
        wb = self.pane.workbench

        def saved(_changes: Changes) -> None:
            if claim_id == self.claim_id:
                rating = self.pane.scale.by_id(rating_id)
                self._known.add((rating.name if rating else None, text.strip()))

        self.pane.write(
            lambda: wb.set_verdict(claim_id, rating_id, text, expected_version=expected),
            carries_text=True, saved=saved,
            conflict=lambda exc: self._verdict_conflict(exc, claim_id, rating_id, text),
            failed=lambda exc: self._not_saved(exc, text),
        )  # fmt: skip

    def _not_saved(self, exc: BaseException, text: str) -> None:
        """A save refused for another reason than a conflict (the claim deleted
        elsewhere): the typed explanation goes to the clipboard, not away."""
        if text.strip():
            QGuiApplication.clipboard().setText(text)
            self.pane.notice.emit(self.tr(
                "The explanation was not saved; what you typed is on the clipboard."
            ))  # fmt: skip
        self.pane.errors.report(exc)

    def _verdict_conflict(
        self, exc: SaveConflict, claim_id: int, rating_id: int, text: str
    ) -> None:
        theirs = (exc.theirs.get("rating"), exc.theirs.get("explanation"))
        if claim_id == self.claim_id and theirs in self._known:
            if self.pane.text_writes() == 0:  # else a later save carries newer text
                self.base = exc.found
                self.save_verdict(claim_id, rating_id, text)
            return

        def resolve(choice: Choice, merged: str) -> None:
            if choice is Choice.THEIRS:
                self._took_theirs(claim_id, exc.mine.get("explanation"))
                return
            chosen = merged if choice is Choice.MERGE else text
            if claim_id == self.claim_id:
                self._known.add(theirs)  # seen in the dialog now
                if choice is Choice.MERGE:
                    self.pane.set_editor_text(merged)
            self._save_verdict_on(claim_id, rating_id, chosen, exc.found)

        self._ask(exc, "explanation", resolve)

    def _save_verdict_on(self, claim_id: int, rating_id: int, text: str, version: int) -> None:
        """Save over `version` (the one the checker has now seen in the dialog)."""
        if claim_id == self.claim_id:
            self.base = version
            self.save_verdict(claim_id, rating_id, text)
            return
        wb = self.pane.workbench
        self.pane.write(
            lambda: wb.set_verdict(claim_id, rating_id, text, expected_version=version),
            conflict=lambda exc: self._verdict_conflict(exc, claim_id, rating_id, text),
            failed=lambda exc: self._not_saved(exc, text),
        )  # fmt: skip

    # ------------------------------------------------------------------ source notes

    def save_source(self, source_id: int, draft: SourceDraft, version: int | None) -> None:
        wb = self.pane.workbench
        claim_id = self.claim_id

        def conflict(exc: SaveConflict) -> None:
            def resolve(choice: Choice, merged: str) -> None:
                if choice is Choice.THEIRS:
                    if claim_id is not None:
                        self._took_theirs(claim_id, draft.note)
                    return
                chosen = replace(draft, note=merged) if choice is Choice.MERGE else draft
                self.save_source(source_id, chosen, exc.found)

            self._ask(exc, "note", resolve)

        self.pane.write(
            lambda: wb.update_source(source_id, draft, expected_version=version),
            conflict=conflict,
            failed=lambda exc: self.pane.source_edits.not_saved(exc, draft),
        )

    # ------------------------------------------------------------------ the dialog

    def _ask(
        self, exc: SaveConflict, text_field: str, resolve: Callable[[Choice, str], None]
    ) -> None:
        open_one = self.dialog
        if (
            open_one is not None and open_one.isVisible()
            and (open_one.conflict.what, open_one.conflict.found) == (exc.what, exc.found)
        ):  # fmt: skip
            open_one.set_mine(exc.mine)  # the same conflict, the checker's newer text
            return
        dialog = SaveConflictDialog(exc, text_field, self.pane.window())
        self.dialog = dialog

        def finished(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            resolve(dialog.choice, dialog.merged())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _took_theirs(self, claim_id: int, mine: str | None) -> None:
        """Show what is stored; the checker's discarded text goes to the clipboard."""
        if mine and mine.strip():
            QGuiApplication.clipboard().setText(mine)
            self.pane.notice.emit(self.tr(
                "Kept their version; yours is on the clipboard if you need it."
            ))  # fmt: skip
        if claim_id == self.claim_id:
            self.pane.reload_editor()
        self.pane.changed.emit(Changes(claims=frozenset({claim_id})))
