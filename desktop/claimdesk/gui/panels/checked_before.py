"""The detail pane's "Checked before" box: earlier fact-checks of the claim, one to accept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain.factchecks import FactCheckMatch, FactCheckSource
from claimdesk.gui.i18n import checked_rating, format_date, format_number
from claimdesk.gui.language_names import language_label
from claimdesk.gui.models.row_model import RowCacheModel

# The keys that accept the selected match (Claim menu; free in menus.py's table).
ACCEPT_KEYS = "Ctrl+Shift+C"
# The box's share of the detail pane's spare height while it lists matches (the verdict
# has 3, the sources and the history 1 each); none while it shows only a message.
MATCHES_STRETCH = 2


class MatchesModel(RowCacheModel[FactCheckMatch]):
    """The claim's matches, best first: three lines each (who and how similar, claim, URL).

    `numbers` (claim id → number, of the article shown) names a claim of the desk's own
    verdict as the claims table numbers it: its database id is a number shown nowhere.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.numbers: dict[int, int] = {}

    def cell(self, match: FactCheckMatch, col: int, role: int) -> Any:
        check = match.factcheck
        if role == Qt.ItemDataRole.DisplayRole:
            facts = [checked_rating(check) or self.tr("no rating")]
            if check.source is FactCheckSource.DESK:
                facts.append(self.tr("this desk"))
            elif check.publisher:
                facts.append(check.publisher)
            if check.published is not None:
                facts.append(format_date(check.published))
            if check.language:
                facts.append(language_label(check.language))
            if match.similarity is not None:
                facts.append(
                    self.tr("similarity {value}").format(value=format_number(match.similarity))
                )
            if check.url:
                where = check.url
            elif check.claim_id in self.numbers:
                where = self.tr("The desk's own verdict on claim {number} of this article").format(
                    number=self.numbers[check.claim_id]
                )
            else:
                where = self.tr("The desk's own verdict on a claim of another article")
            return "\n".join((" · ".join(facts), " ".join(check.claim.split()), where))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (check.title, check.claim, check.url or "") if p)
        return None


class CheckedBeforeBox(QGroupBox):
    """Lists a claim's earlier fact-checks; the window accepts one as a source note."""

    acceptRequested = Signal(object)  # FactCheckMatch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Checked &before"), parent)
        self.setObjectName("checkedBeforeBox")
        self.setCheckable(True)  # folds away like History when the pane is short
        self.setChecked(True)
        self.model = MatchesModel(self)
        self.list = QListView(objectName="checkedBeforeList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.activated.connect(self._activated)
        # The best match whole (four lines once its facts wrap in a narrow pane).
        self.list.setMinimumHeight(5 * self.list.fontMetrics().height())
        # It asks for no more than that: its box's stretch gives it what the pane has
        # left. A list's usual wish (192 px) made every widget above it give way when
        # the pane was short, the claim text first among them.
        policy = self.list.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.list.setSizePolicy(policy)
        self.message = QLabel(objectName="checkedBeforeMessage", wordWrap=True)
        self.accept_button = QPushButton(
            self.tr("Accept as source"), objectName="acceptMatchButton"
        )
        self.accept_button.setToolTip(
            self.tr("Add the selected fact-check to the claim's sources ({keys}); undo with {undo}")
            .format(keys=ACCEPT_KEYS, undo="Ctrl+Z")
        )
        self.accept_button.clicked.connect(self.request_accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.accept_button)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.body)
        self.toggled.connect(self.body.setVisible)
        self.show_matches(None)

    def show_matches(self, matches: Sequence[FactCheckMatch] | None, message: str = "") -> None:
        """Show `matches` (None: nothing to show, `message` says why).

        The same matches again (the claim refreshed after an edit) keep the selection.
        """
        if tuple(matches or ()) != tuple(self.model.rows()):
            self.model.reload(matches or ())
            if matches:
                self.list.setCurrentIndex(self.model.index(0, 0))
        self.message.setText(message)
        self.list.setVisible(bool(matches))
        # With no list, a message and a button: the box keeps that height and leaves its
        # stretch to the history (which showed a row and a half behind an empty box).
        # Its stretch goes, not its height for its width: a Maximum policy held it to its
        # size hint, worked out for a message twice as wide as the one beside the button,
        # and cut the message's second line at 1024×700 (two more in Spanish).
        policy = self.sizePolicy()
        policy.setVerticalStretch(MATCHES_STRETCH if matches else 0)
        self.setSizePolicy(policy)
        self.accept_button.setEnabled(bool(matches))

    def selected_match(self) -> FactCheckMatch | None:
        """The match the checker selected (the best one until they choose another)."""
        index = self.list.currentIndex()
        return self.model.row_at(index.row() if index.isValid() else 0)

    def request_accept(self) -> None:
        match = self.selected_match()
        if match is not None:
            self.acceptRequested.emit(match)

    def _activated(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.request_accept()
