"""The window's review commands: assign the claim, ask for a review, approve a verdict."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog

from claimdesk.domain import Claim, ReviewState
from claimdesk.domain.review import same_checker
from claimdesk.gui.windows.host import WindowHelper, WindowParts
from claimdesk.services.changes import Changes

# The Claim menu's review actions and their keys (Help → Keyboard shortcuts lists them).
ASSIGN_KEYS = "Ctrl+Shift+G"
REQUEST_KEYS = "Ctrl+Shift+R"
APPROVE_KEYS = "Ctrl+Shift+P"


class ReviewActions(WindowHelper):
    """Carries out the review step for the current claim and keeps its actions honest:
    Approve is offered only for a verdict waiting for review that someone else wrote."""

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts)
        self.me = ""
        self.detail.shown.connect(self.claim_shown)

    def signed_in(self) -> None:
        """Read who is signed in again (at start, after the settings changed)."""
        self.me = self.workbench.signed_in()
        self.claims_panel.set_me(self.me)
        self.claim_shown(self.detail.claim)

    # ------------------------------------------------------------------ commands

    def assign_to(self) -> None:
        claim = self._current()
        if claim is None:
            return
        names = self._known_names(claim)
        name, ok = QInputDialog.getItem(
            self.parent,
            self.tr("Assign claim"),
            self.tr("Assign claim {number} to (empty: nobody):").format(number=claim.number),
            names,
            names.index(claim.assignee) if claim.assignee in names else 0,
            True,
        )
        if ok:
            self._run(lambda: self.workbench.assign(claim.id, name.strip() or None))

    def request_review(self) -> None:
        claim = self._current()
        if claim is not None:
            self._run(lambda: self.workbench.request_review(claim.id))

    def approve(self) -> None:
        claim = self._current()
        if claim is not None:
            seen = claim.version  # the words on screen are the ones approved
            self._run(lambda: self.workbench.approve(claim.id, expected_version=seen))

    # ------------------------------------------------------------------ state

    def claim_shown(self, claim: Claim | None) -> None:
        verdict = claim.verdict if claim is not None else None
        waiting = verdict is not None and verdict.review_state is ReviewState.NEEDS_REVIEW
        enabled = {
            "assignAction": claim is not None,
            "requestReviewAction": verdict is not None and not waiting,
            "approveAction": waiting and not same_checker(verdict.checker if verdict else "",
                                                          self.me),
        }  # fmt: skip
        for name, on in enabled.items():
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(on)

    def _known_names(self, claim: Claim) -> list[str]:
        """The signed-in checker first, then everyone named on the article's claims."""
        seen = [self.me] if self.me else []
        for c in self.claims_panel.model.rows():
            v = c.verdict
            for name in (c.assignee, v.checker if v else None, v.reviewer if v else None):
                if name and name not in seen:
                    seen.append(name)
        if claim.assignee and claim.assignee not in seen:
            seen.append(claim.assignee)
        return seen or [""]

    def _current(self) -> Claim | None:
        claim = self.detail.claim
        if claim is None:
            self.host.show_status(self.tr("Select a claim first."), 4000)
        return claim

    def _run(self, call: Callable[[], Changes]) -> None:
        self.detail.save_explanation()  # a verdict being typed is saved before its review
        self.writes.submit(call, self.host.apply_changes)
