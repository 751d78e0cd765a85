"""Someone else saved what the checker was editing: both values side by side, and a choice."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import ClaimStatus, Stance
from claimdesk.errors import SaveConflict
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, label
from claimdesk.gui.screen_fit import resize_within_screen

#: How each saved field is named in the dialog (the keys of SaveConflict.mine/theirs).
FIELDS = {
    "status": QT_TRANSLATE_NOOP("SaveConflictDialog", "Status"),
    "rating": QT_TRANSLATE_NOOP("SaveConflictDialog", "Rating"),
    "explanation": QT_TRANSLATE_NOOP("SaveConflictDialog", "Explanation"),
    "url": QT_TRANSLATE_NOOP("SaveConflictDialog", "Address"),
    "title": QT_TRANSLATE_NOOP("SaveConflictDialog", "Title"),
    "publisher": QT_TRANSLATE_NOOP("SaveConflictDialog", "Publisher"),
    "accessed": QT_TRANSLATE_NOOP("SaveConflictDialog", "Accessed"),
    "quote": QT_TRANSLATE_NOOP("SaveConflictDialog", "Quote"),
    "note": QT_TRANSLATE_NOOP("SaveConflictDialog", "Note"),
    "stance": QT_TRANSLATE_NOOP("SaveConflictDialog", "Stance"),
}
#: What was saved (SaveConflict.what), as the dialog names it.
WHAT = {
    "verdict": QT_TRANSLATE_NOOP("SaveConflictDialog", "verdict"),
    "claim": QT_TRANSLATE_NOOP("SaveConflictDialog", "claim"),
    "source note": QT_TRANSLATE_NOOP("SaveConflictDialog", "source note"),
}
#: Where the merge box puts the other checker's text after the checker's own.
MERGE_SEPARATOR = "\n\n"


class Choice(enum.Enum):
    MINE = "mine"
    THEIRS = "theirs"
    MERGE = "merge"


def merged_text(mine: str | None, theirs: str | None) -> str:
    """Both texts for the merge box: the checker's first, then the other one's."""
    parts = [t for t in (mine or "", theirs or "") if t.strip()]
    if len(parts) == 2 and parts[0].strip() == parts[1].strip():
        return parts[0]
    return MERGE_SEPARATOR.join(parts)


def _shown(field: str, value: str | None) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SaveConflictDialog", "(empty)")
    if field == "status":
        return label(ClaimStatus(value).label)
    if field == "stance":
        return label(Stance(value).label)
    return label(value) if field == "rating" else value  # a rating's name, maybe translated


class SaveConflictDialog(QDialog):
    """Shows a refused save's values (mine) beside what the desk holds now (theirs).

    Nothing is written here: the caller reads `choice` (and `merged()` for Merge) when
    the dialog finishes. Esc, like closing the window, means "Take theirs"; the caller
    keeps the discarded text on the clipboard so nothing disappears silently. No button
    is the default, so Enter never overwrites anybody's work by accident.
    """

    def __init__(
        self, conflict: SaveConflict, text_field: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveConflict")
        self.setWindowTitle(self.tr("Someone else saved this first"))
        self.conflict = conflict
        self.text_field = text_field
        self.choice = Choice.THEIRS
        intro = QLabel(
            self.tr(
                "Someone else saved this {what} while you were editing it. Nothing of "
                "yours was written over it yet: compare both and choose what to keep. "
                "Either way the claim's history records both saves."
            ).format(what=self.tr(WHAT.get(conflict.what, conflict.what))),
            wordWrap=True,
        )
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Yours") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Theirs (saved now)") + "</b>"), 0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.mine_boxes: dict[str, QPlainTextEdit | QLabel] = {}
        self.theirs_boxes: dict[str, QPlainTextEdit | QLabel] = {}
        row = 1
        for field in self._fields():
            grid.addWidget(QLabel(self.tr(FIELDS.get(field, field)) + ":"), row, 0,
                           Qt.AlignmentFlag.AlignTop)  # fmt: skip
            for col, side, boxes in ((1, conflict.mine, self.mine_boxes),
                                       (2, conflict.theirs, self.theirs_boxes)):  # fmt: skip
                box = self._value_box(field, side.get(field))
                whose = self.tr("Yours") if col == 1 else self.tr("Theirs (saved now)")
                box.setAccessibleName(self.tr(FIELDS.get(field, field)) + ": " + whose)
                boxes[field] = box
                grid.addWidget(box, row, col)
            row += 1
        same = QLabel(self.tr("Fields not listed are the same in both."), wordWrap=True)
        same.setStyleSheet("color: palette(mid);")
        both = QWidget()
        both.setLayout(grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setAccessibleName(self.windowTitle())
        scroll.setWidget(both)

        self.merge_editor = QPlainTextEdit(objectName="mergeEditor")
        self.merge_label = QLabel(
            self.tr("Merged te&xt (yours first, then theirs; edit it before you merge):"),
            wordWrap=True,
        )
        self.merge_label.setBuddy(self.merge_editor)
        self.keep_button = QPushButton(self.tr("&Keep mine"), objectName="keepMineButton")
        self.keep_button.setToolTip(self.tr("Save yours over theirs (Alt+K)"))
        self.theirs_button = QPushButton(self.tr("&Take theirs"), objectName="takeTheirsButton")
        self.theirs_button.setToolTip(
            self.tr("Drop yours and show theirs; yours goes to the clipboard (Alt+T or Esc)")
        )
        self.merge_button = QPushButton(self.tr("&Merge"), objectName="mergeButton")
        self.merge_button.setToolTip(self.tr("Save the merged text (Alt+M)"))
        for button, choice in ((self.keep_button, Choice.MINE),
                               (self.theirs_button, Choice.THEIRS),
                               (self.merge_button, Choice.MERGE)):  # fmt: skip
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        mergeable = text_field is not None and (
            (conflict.mine.get(text_field) or "") != (conflict.theirs.get(text_field) or "")
        )
        for widget in (self.merge_label, self.merge_editor, self.merge_button):
            widget.setVisible(mergeable)
        self._fill_merge()

        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.keep_button, self.theirs_button, self.merge_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 3)
        layout.addWidget(same)
        layout.addWidget(self.merge_label)
        layout.addWidget(self.merge_editor, 2)
        layout.addLayout(buttons)
        # Readable on a 1024×700 screen, with room for the window frame.
        self.setMinimumSize(560, 380)
        resize_within_screen(self, 860, 600 if mergeable else 460)

    def _fields(self) -> list[str]:
        keys = list(dict.fromkeys([*self.conflict.mine, *self.conflict.theirs]))
        return [
            k for k in keys
            if k == self.text_field or self.conflict.mine.get(k) != self.conflict.theirs.get(k)
        ]  # fmt: skip

    def _value_box(self, field: str, value: str | None) -> QPlainTextEdit | QLabel:
        if field == self.text_field or field in ("quote", "note", "explanation"):
            box = QPlainTextEdit(value or "", readOnly=True)
            box.setMinimumHeight(70)
            return box
        shown = QLabel(_shown(field, value), wordWrap=True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return shown

    def _fill_merge(self) -> None:
        if self.text_field is not None:
            self.merge_editor.setPlainText(merged_text(
                self.conflict.mine.get(self.text_field), self.conflict.theirs.get(self.text_field)
            ))  # fmt: skip

    def set_mine(self, mine: dict[str, str | None]) -> None:
        """A newer save of the checker's met the same conflict: show (and merge) that one."""
        edited = self.merge_editor.document().isModified()
        self.conflict.mine = mine
        for field, box in self.mine_boxes.items():
            value = mine.get(field)
            if isinstance(box, QPlainTextEdit):
                box.setPlainText(value or "")
            else:
                box.setText(_shown(field, value))
        if not edited:
            self._fill_merge()

    def merged(self) -> str:
        return self.merge_editor.toPlainText()

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.THEIRS:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        # Esc and the window's close button land here: they take theirs.
        self.choice = Choice.THEIRS
        super().reject()
