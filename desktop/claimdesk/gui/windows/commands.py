"""Claim commands of the window: undo/redo, span edits, rating keys, clipboard sources."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from claimdesk.domain import Claim, ClaimStatus
from claimdesk.errors import KnownError
from claimdesk.gui.menus import plain
from claimdesk.gui.windows.host import WindowHelper
from claimdesk.services.changes import Changes
from claimdesk.services.span_edit import ClaimOverlap

#: Rating keys: Alt+1 … Alt+9 choose the scale's ratings in order, Alt+0 clears.
RATING_KEYS = 9

# The longest claim text a question quotes whole.
QUOTE_CHARS = 200


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` for a question to quote: whole, or cut between words with "…" (cut at a
    fixed length it read "… port of Izmail, damagin" as if that were the claim)."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return (cut or text[:limit]) + "…"


class Commands(WindowHelper):
    """Carries out the window's claim commands through the Workbench and shows the result."""

    # ------------------------------------------------------------------ plumbing

    def _run(
        self,
        call: Callable[[], Changes],
        select: int | None = None,
        then: Callable[[Changes], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Apply a Workbench call through the write queue, then `then(changes)`.

        The call may run at once or later (queued behind the lock, gui/write_queue.py);
        a KnownError becomes a message and changes nothing.
        """
        self.detail.save_explanation()

        def done(changes: Changes) -> None:
            self.host.apply_changes(changes)
            if select is not None:
                self.host.select_claim(select)
            if then is not None:
                then(changes)

        self.writes.submit(call, done, failed)

    def _current(self) -> Claim | None:
        claim = self.detail.claim
        if claim is None:
            self.host.show_status(self.tr("Select a claim first."), 4000)
        return claim

    # ------------------------------------------------------------------ undo

    def undo(self) -> None:
        # With edits still queued the stack is not final yet: let the queue decide.
        if self.workbench.can_undo() or self.writes.pending():
            self._step(redo=False)

    def redo(self) -> None:
        if self.workbench.can_redo() or self.writes.pending():
            self._step(redo=True)

    def _step(self, *, redo: bool) -> None:
        """Undo or redo, then show where it happened (it may be another article).

        The label is read just before the step runs (it may run after queued edits).
        """
        wb = self.workbench
        labels: list[str | None] = []

        def step() -> Changes:
            labels.append(wb.redo_label() if redo else wb.undo_label())
            return wb.redo() if redo else wb.undo()

        def shown(changes: Changes) -> None:
            if labels and labels[-1] is not None:
                done = self.tr("Redone: {action}") if redo else self.tr("Undone: {action}")
                self.host.show_status(done.format(action=labels[-1]), 4000)
            self._reveal(changes)

        self._run(step, then=shown)

    def _reveal(self, changes: Changes) -> None:
        claim: Claim | None = None
        for claim_id in sorted(changes.claims):
            try:
                claim = self.workbench.claim(claim_id)
                break
            except KnownError:
                continue
        article_id = (
            claim.article_id
            if claim
            else next(iter(sorted(changes.claim_sets | changes.articles)), None)
        )
        if article_id is not None and article_id != self.host.article_id:
            self.host.show_article(article_id)
        if claim is not None:
            self.host.select_claim(claim.id)

    def refresh_undo_actions(self) -> None:
        actions = self.actions
        undo, redo = actions["undoAction"], actions["redoAction"]
        undo_label, redo_label = self.workbench.undo_label(), self.workbench.redo_label()
        # While edits are queued the stack is not final: undo/redo queue behind them.
        queued = self.writes.pending() > 0
        undo.setEnabled(undo_label is not None or queued)
        # Undo labels come from the services and stay English (see gui/i18n.py).
        undo.setText(
            self.tr("&Undo {action}").format(action=plain(undo_label))
            if undo_label and not queued
            else self.tr("&Undo")
        )
        redo.setEnabled(redo_label is not None or queued)
        redo.setText(
            self.tr("&Redo {action}").format(action=plain(redo_label))
            if redo_label
            else self.tr("&Redo")
        )

    # ------------------------------------------------------------------ claims

    def add_claim_from_selection(self) -> None:
        view = self.article_view
        span = view.selected_span()
        article_id = self.host.article_id
        if article_id is None or span is None:
            self.errors.known(
                self.tr("Select some words of the article first, then add the claim.")
            )
            return

        def added(result: tuple[int, Changes]) -> None:
            self.host.apply_changes(result[1])
            self.host.select_claim(result[0])

        def add_anyway() -> None:
            added: list[int] = []

            def add() -> Changes:
                claim_id, changes = self.workbench.add_claim(article_id, *span, allow_overlap=True)
                added.append(claim_id)
                return changes

            self._run(add, then=lambda _changes: self.host.select_claim(added[0]))

        self.detail.save_explanation()
        failed = self._unless_overlap(self.tr("Add the new claim anyway, overlapping?"), add_anyway)
        self.writes.submit(lambda: self.workbench.add_claim(article_id, *span), added, failed)

    def _unless_overlap(
        self, question: str, anyway: Callable[[], None]
    ) -> Callable[[BaseException], None]:
        """A write's failure handler: an overlap asks `question` (Yes runs `anyway`);
        any other error is reported."""

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ClaimOverlap):
                self._confirm_overlap(str(exc), question, anyway)
            else:
                self.errors.report(exc)

        return failed

    def _confirm_overlap(self, message: str, question: str, anyway: Callable[[], None]) -> None:
        """Claims never overlap unless the checker says so here (Yes runs `anyway`)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Overlapping claim"),
            message + "\n\n" + question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setObjectName("confirmOverlap")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                anyway()

        box.finished.connect(done)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def delete_claim(self) -> QMessageBox | None:
        claim = self._current()
        if claim is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete claim"),
            self.tr(
                "Delete claim {number}, with its verdict and %n source note(s)? "
                "You can undo this with Ctrl+Z.",
                None,
                claim.source_count,
            ).format(number=claim.number)
            + f"\n\n“{quoted(claim.text)}”",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setObjectName("confirmDeleteClaim")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._run(lambda: self.workbench.delete_claim(claim.id))

        box.finished.connect(done)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def adjust_span(self) -> None:
        """Make the current claim cover exactly the selected words."""
        claim = self._current()
        span = self.article_view.selected_span()
        if claim is None:
            return
        if span is None or span == (claim.start, claim.end):
            self.errors.known(
                self.tr(
                    "Select the words the claim should cover, then choose Adjust claim to "
                    "selection."
                )
            )
            return

        failed = self._unless_overlap(
            self.tr("Adjust the claim anyway, overlapping?"),
            lambda: self._run(
                lambda: self.workbench.adjust_claim_span(claim.id, *span, allow_overlap=True),
                select=claim.id,
            ),
        )
        self._run(
            lambda: self.workbench.adjust_claim_span(claim.id, *span), select=claim.id,
            failed=failed,
        )

    def split_at_cursor(self) -> None:
        """Split the current claim where the checker clicked (or where a selection starts)."""
        claim = self._current()
        if claim is None:
            return
        at = self.article_view.split_point(claim)
        if at is None:
            self.errors.known(
                self.tr("Click inside the claim where it should be split, then choose Split claim.")
            )
            return
        first_id: list[int] = []

        def split() -> Changes:
            (first, _second), changes = self.workbench.split_claim(claim.id, at)
            first_id.append(first)
            return changes

        self._run(split, then=lambda _changes: self.host.select_claim(first_id[0]))

    def merge_with_next(self) -> None:
        """Merge the current claim with the next claim in the text."""
        claim = self._current()
        if claim is None:
            return
        later = [c for c in self.claims_panel.model.rows() if c.start >= claim.end]
        if not later:
            self.errors.known(self.tr("There is no later claim in this article to merge with."))
            return
        following = min(later, key=lambda c: (c.start, c.end))
        merged: list[int] = []

        def merge(allow_overlap: bool = False) -> Changes:
            merged_id, changes = self.workbench.merge_claims(
                claim.id, following.id, allow_overlap=allow_overlap
            )
            merged.append(merged_id)
            return changes

        failed = self._unless_overlap(
            self.tr("Merge the claims anyway, overlapping?"),
            lambda: self._run(
                lambda: merge(allow_overlap=True),
                then=lambda _changes: self.host.select_claim(merged[0]),
            ),
        )
        self._run(
            merge, then=lambda _changes: self.host.select_claim(merged[0]), failed=failed
        )

    def next_unchecked(self) -> None:
        """Move to the next claim in table order that is not done yet."""
        panel = self.claims_panel
        visible = panel.visible_claims()
        current = panel.current_claim_id()
        start = next((i for i, c in enumerate(visible) if c.id == current), -1)
        for claim in visible[start + 1 :] + visible[: start + 1]:
            if claim.status is not ClaimStatus.DONE and claim.id != current:
                panel.select_claim(claim.id)
                return
        self.host.show_status(self.tr("Every claim shown is done."), 4000)

    def rate(self, number: int) -> None:
        """Give the current claim the scale's `number`-th rating (0 clears the verdict)."""
        claim = self._current()
        if claim is None:
            return
        if number == 0:
            self._run(lambda: self.workbench.clear_verdict(claim.id))
            return
        # The key means the rating the menu shows under it. Saved elsewhere meanwhile (a
        # colleague, another window), the scale may have another rating there now.
        shown, scale = self.detail.scale.ratings, self.workbench.rating_scale()
        if scale.ratings != shown:
            self.host.apply_scale(scale)
        ratings = scale.ratings
        if number > len(ratings):
            self.host.show_status(self.tr("The scale has %n rating(s).", None, len(ratings)), 4000)
            return
        rating = ratings[number - 1]
        if number > len(shown) or shown[number - 1].id != rating.id:
            self.host.show_status(self.tr(
                "The rating scale was changed on this desk; the Rating menu now shows it. "
                "Nothing was rated: press the key for the rating you mean."
            ), 8000)  # fmt: skip
            return
        # The editor's text, typed or not yet saved, goes with the new rating.
        explanation = self.detail.explanation_text()
        self.detail.save_explanation()
        # On the version the pane shows: a verdict saved elsewhere meanwhile is a conflict.
        self.detail.conflicts.save_verdict(claim.id, rating.id, explanation)

    def add_source_from_clipboard(self) -> None:
        """Open the source dialog with the URL on the clipboard filled in."""
        if self._current() is None:
            return
        text = (QGuiApplication.clipboard().text() or "").strip()
        url = text if text.startswith(("http://", "https://")) and " " not in text else ""
        if not url:
            self.host.show_status(self.tr("The clipboard holds no web address."), 4000)
        self.detail.add_source(url)
