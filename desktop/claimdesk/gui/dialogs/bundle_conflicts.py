"""Before a bundle merge: the claims where its work differs from work done here, and a choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from claimdesk.exchange.merge import Work
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, label
from claimdesk.services.bundles import Choice, Conflict

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Claim"),
    QT_TRANSLATE_NOOP("Columns", "Here"),
    QT_TRANSLATE_NOOP("Columns", "In the bundle"),
    QT_TRANSLATE_NOOP("Columns", "Use"),
)
COL_CLAIM, COL_LOCAL, COL_BUNDLE, COL_USE = range(len(COLUMNS))
CHOICE_TEXT = {
    Choice.KEEP_LOCAL: QT_TRANSLATE_NOOP("BundleConflictsDialog", "Keep local"),
    Choice.TAKE_BUNDLE: QT_TRANSLATE_NOOP("BundleConflictsDialog", "Take bundle"),
}


class BundleConflictsDialog(QDialog):
    """One row per conflict, "Keep local" until the checker says otherwise.

    Enter (the default Import button) merges with the choices shown; Esc cancels the
    whole import and nothing is changed. Space in the list switches the selected rows
    between keeping and taking; the buttons (with Alt mnemonics) act on them or on all.
    """

    def __init__(self, parent: QWidget | None, bundle_name: str, conflicts: Sequence[Conflict]):
        super().__init__(parent)
        self.setObjectName("bundleConflicts")
        self.setWindowTitle(self.tr("Import case bundle: conflicts"))
        self.setMinimumSize(760, 360)
        self.conflicts = tuple(conflicts)
        self._choices = {c.claim_id: Choice.KEEP_LOCAL for c in self.conflicts}
        count = len(self.conflicts)
        intro = QLabel(
            self.tr(
                "{bundle} has different work on %n claim(s) that someone worked on here. "
                "Local work is kept unless you choose the bundle's; every change is "
                "recorded in the claim's history.",
                None,
                count,
            ).format(bundle=bundle_name),
            wordWrap=True,
        )
        self.table = QTableWidget(count, len(COLUMNS), objectName="conflictTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Columns", c) for c in COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (COL_CLAIM, COL_LOCAL, COL_BUNDLE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_USE, QHeaderView.ResizeMode.ResizeToContents)
        for row, c in enumerate(self.conflicts):
            cells = (c.claim_text, self.describe(c.local), self.describe(c.bundle), "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if col != COL_USE else "")
                self.table.setItem(row, col, item)
            self.table.item(row, COL_BUNDLE).setToolTip(f"{self.describe(c.bundle)}\n— {c.who}")
        self.table.resizeRowsToContents()
        self.table.installEventFilter(self)

        self.keep_button = QPushButton(self.tr("&Keep local"), objectName="keepSelected")
        self.take_button = QPushButton(self.tr("&Take bundle"), objectName="takeSelected")
        self.keep_all_button = QPushButton(self.tr("Keep &all local"), objectName="keepAll")
        self.take_all_button = QPushButton(self.tr("Take a&ll from bundle"), objectName="takeAll")
        row_buttons = QHBoxLayout()
        for button in (
            self.keep_button,
            self.take_button,
            self.keep_all_button,
            self.take_all_button,
        ):
            button.setAutoDefault(False)  # Enter always means Import
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        self.keep_button.clicked.connect(lambda: self.choose_selected(Choice.KEEP_LOCAL))
        self.take_button.clicked.connect(lambda: self.choose_selected(Choice.TAKE_BUNDLE))
        self.keep_all_button.clicked.connect(lambda: self.choose_all(Choice.KEEP_LOCAL))
        self.take_all_button.clicked.connect(lambda: self.choose_all(Choice.TAKE_BUNDLE))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            objectName="conflictButtons",
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.buttons)
        self._show_choices()
        if count:
            # Not selectRow(0): that reads the keyboard, and with Shift down (the checker
            # typing while the bundle was checked) it selected nothing, so Space did nothing.
            first = self.table.model().index(0, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().setCurrentIndex(
                first, flags.ClearAndSelect | flags.Rows
            )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def describe(self, work: Work) -> str:
        """Work.describe in the window's language: "Falso (En curso): … [notas: 2]"."""
        text = "{rating} ({status})".format(
            rating=label(work.rating) if work.rating else self.tr("no verdict"),
            status=label(work.status.label),
        )
        explanation = " ".join(work.explanation.split())
        if explanation:
            text += f": {explanation}"
        if work.sources:
            text += " " + self.tr("[notes: {count}]").format(count=len(work.sources))
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Space would only move the selection in a read-only table: here it switches.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.toggle_selected()
            return True
        return super().eventFilter(watched, event)

    def toggle_selected(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            claim_id = self.conflicts[index.row()].claim_id
            keep = self._choices[claim_id] is Choice.KEEP_LOCAL
            self._choices[claim_id] = Choice.TAKE_BUNDLE if keep else Choice.KEEP_LOCAL
        self._show_choices()

    def choices(self) -> dict[int, Choice]:
        """Claim id → what to do, for every conflict listed."""
        return dict(self._choices)

    def choose_selected(self, choice: Choice) -> None:
        for index in self.table.selectionModel().selectedRows():
            self._choices[self.conflicts[index.row()].claim_id] = choice
        self._show_choices()

    def choose_all(self, choice: Choice) -> None:
        for claim_id in self._choices:
            self._choices[claim_id] = choice
        self._show_choices()

    def _show_choices(self) -> None:
        for row, c in enumerate(self.conflicts):
            self.table.item(row, COL_USE).setText(self.tr(CHOICE_TEXT[self._choices[c.claim_id]]))
