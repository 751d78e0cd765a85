"""A line under the verdict: who the claim is assigned to and where its review stands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from claimdesk.domain import Claim, ReviewState
from claimdesk.gui.i18n import format_datetime, label
from claimdesk.gui.panels.detail_pane import DetailPane


class ReviewBar(QLabel):
    """Shows the current claim's assignment and review state; follows DetailPane.shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: palette(mid);")
        self.show_claim(None)

    def attach(self, detail: DetailPane) -> None:
        """Sit under the verdict's details and follow the claim the pane shows.

        Placed from outside (the pane's verdict form, else its end) so the detail pane
        itself needs no change.
        """
        box = detail.verdict_meta.parentWidget()
        form = box.layout() if box is not None else None
        if isinstance(form, QFormLayout):
            form.addRow(self)
        else:  # pragma: no cover - a reshaped pane: still shown, at its end
            layout = detail.layout()
            if layout is not None:
                layout.addWidget(self)
        detail.shown.connect(self.show_claim)

    def show_claim(self, claim: Claim | None) -> None:
        self.setText("" if claim is None else self.describe(claim))
        self.setVisible(claim is not None)

    def describe(self, claim: Claim) -> str:
        """E.g. "Assigned to Ben · Needs review (verdict by Ana)"."""
        parts = [
            self.tr("Assigned to {checker}").format(checker=claim.assignee)
            if claim.assignee else self.tr("Unassigned")
        ]  # fmt: skip
        verdict = claim.verdict
        if verdict is not None:
            state = label(verdict.review_state.label)
            if verdict.review_state is ReviewState.APPROVED and verdict.reviewer:
                when = format_datetime(verdict.reviewed_at) if verdict.reviewed_at else ""
                parts.append(self.tr("Approved by {reviewer} {when}").format(
                    reviewer=verdict.reviewer, when=when).strip())  # fmt: skip
            elif verdict.review_state is ReviewState.NEEDS_REVIEW:
                parts.append(self.tr("{state} (verdict by {checker})").format(
                    state=state, checker=verdict.checker or self.tr("unknown")))  # fmt: skip
            else:
                parts.append(state)
        return " · ".join(parts)
