"""The settings' "publish only approved verdicts" box: the desk's review-required rule."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

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

    def save(self) -> Changes:
        """Store the choice if it changed (inside the dialog's quick write)."""
        if self.isChecked() == self._stored:
            return Changes()
        changes = self.workbench.set_review_required(self.isChecked())
        self._stored = self.isChecked()
        return changes
