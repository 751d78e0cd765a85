"""The detail pane's Sources box: the shown claim's notes and their three buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListView, QPushButton, QVBoxLayout

from claimdesk.gui.dialogs.source_dialog import SourcesModel
from claimdesk.gui.panels.evidence_actions import EvidenceActions, SourcesDropTarget

if TYPE_CHECKING:
    from claimdesk.gui.panels.source_edits import SourceNoteEdits


class SourcesBox(QGroupBox):
    """The note list (files dropped on a note attach to it) with Add, Edit and Remove.

    The buttons run `edits` (the pane's SourceNoteEdits); the pane fills the list.
    Its strings keep the "DetailPane" context they were translated in.
    """

    def __init__(self, evidence: EvidenceActions, edits: SourceNoteEdits) -> None:
        super().__init__(QCoreApplication.translate("DetailPane", "Sources"))
        self.model = SourcesModel(self)
        self.view = QListView(objectName="sourcesView")
        # Two notes' height at least (it scrolls), so a short window keeps the editor.
        self.view.setMinimumHeight(2 * self.view.fontMetrics().lineSpacing() + 8)
        # A long note wraps in the narrow pane: a sideways scroll bar took the second
        # line of the list at 1024×700, leaving one note cut off.
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setModel(self.model)
        # Enter on a note opens it too, not only a double-click (both are "activated").
        self.view.activated.connect(edits.edit_at)
        self.drops = SourcesDropTarget(self.view, edits.source_id_at, evidence)
        self.add_button = QPushButton(
            QCoreApplication.translate("DetailPane", "A&dd…"), objectName="addSourceButton"
        )
        self.add_button.clicked.connect(edits.add_source)
        self.edit_button = QPushButton(
            QCoreApplication.translate("DetailPane", "Edi&t…"), objectName="editSourceButton"
        )
        self.edit_button.clicked.connect(edits.edit_source)
        self.remove_button = QPushButton(
            QCoreApplication.translate("DetailPane", "Re&move"), objectName="removeSourceButton"
        )
        self.remove_button.clicked.connect(edits.remove_source)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
