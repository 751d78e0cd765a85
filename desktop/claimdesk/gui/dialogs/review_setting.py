"""The settings' "publish only approved verdicts" box: the desk's review-required rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from claimdesk.gui.i18n import format_datetime
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench


class ReviewRequiredBox(QCheckBox):
    """Shows and stores services.review's rule; unset it reads as the engine's default."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Publish only &approved verdicts"), parent)
        self.setObjectName("settingsReviewRequired")
        self.setToolTip(self.tr(
            "Reports and ClaimReview leave out verdicts a second checker has not approved "
            "(on by default on a shared desk)."
        ))  # fmt: skip
        self.workbench = workbench
        self._stored = workbench.review_required()
        self.setChecked(self._stored)
        # Who last turned the rule on or off, and when (hidden if nobody ever did).
        self.last_change = QLabel(wordWrap=True)
        self.last_change.setObjectName("settingsReviewRequiredChanged")
        changes = workbench.review_rule_changes()
        if changes:
            last = changes[-1]
            text = self.tr("Turned on by {who} on {when}.") if last.required else self.tr(
                "Turned off by {who} on {when}.")  # fmt: skip
            self.last_change.setText(text.format(who=last.who, when=format_datetime(last.at)))
        self.last_change.setTextFormat(Qt.TextFormat.PlainText)
        self.last_change.setHidden(not changes)

    def save(self) -> Changes:
        """Store the choice if it changed (inside the dialog's quick write)."""
        if self.isChecked() == self._stored:
            return Changes()
        changes = self.workbench.set_review_required(self.isChecked())
        self._stored = self.isChecked()
        return changes
