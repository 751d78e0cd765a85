"""Dialog to add or edit one source note, and the list model of a claim's sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import SourceDraft, SourceNote, Stance
from claimdesk.domain.evidence import Attachment, name_of
from claimdesk.domain.urls import safe_url
from claimdesk.gui.i18n import format_date, format_number, label
from claimdesk.gui.models.row_model import RowCacheModel
from claimdesk.gui.theme import ERROR_COLORS, WARNING_COLORS, MessageLabel

if TYPE_CHECKING:
    from claimdesk.gui.panels.evidence_actions import EvidenceActions

Index = QModelIndex | QPersistentModelIndex


class SourcesModel(RowCacheModel[SourceNote]):
    """One row per source note of the current claim (a cache; the service owns the data)."""

    SourceIdRole = Qt.ItemDataRole.UserRole + 1

    def cell(self, src: SourceNote, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            head = src.title or src.url or src.note[:60]
            extra = " · ".join(
                p for p in (src.publisher, format_date(src.accessed) if src.accessed else "") if p
            )
            # In words: a paper clip (U+1F4CE) is in none of the fonts the .deb depends
            # on, and showed as a box there.
            count = len(src.attachments)
            files = " · " + self.tr("%n file(s)", None, count) if count else ""
            return f"[{label(src.stance.label)}] {head}" + (f" — {extra}" if extra else "") + files
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [src.url, src.quote and f"“{src.quote}”", src.note]
            parts += [self.tr("File: {name}").format(name=f.file_name) for f in src.attachments]
            return "\n".join(p for p in parts if p)
        if role == self.SourceIdRole:
            return src.id
        return None


class SourceDialog(QDialog):
    """Edits the fields of a SourceDraft; the caller stores it."""

    def __init__(
        self,
        parent: QWidget | None,
        source: SourceNote | None = None,
        evidence: EvidenceActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.evidence = evidence
        # Files chosen for a note that does not exist yet: attached once it is saved.
        self.pending_files: list[Path] = []
        # An existing note's files are attached and removed at once; Cancel takes back
        # the edits made from here on (EvidenceActions.take_back).
        self.since = evidence.workbench.undo_mark() if evidence is not None else 0
        self.setObjectName("sourceDialog")
        self.setWindowTitle(self.tr("Edit source") if source else self.tr("Add source"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.url = QLineEdit(objectName="sourceUrl")
        self.url.setPlaceholderText("https://…")
        self.title_edit = QLineEdit(objectName="sourceTitle")
        self.publisher = QLineEdit(objectName="sourcePublisher")
        self.accessed = QDateEdit(objectName="sourceAccessed")
        self.accessed.setCalendarPopup(True)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        self.accessed.setDate(QDate.currentDate())
        self.stance = QComboBox(objectName="sourceStance")
        for stance in Stance:
            self.stance.addItem(label(stance.label), stance.value)
        self.quote = QPlainTextEdit(objectName="sourceQuote")
        self.quote.setPlaceholderText(self.tr("The passage of the source that matters"))
        self.quote.setFixedHeight(80)
        self.note = QPlainTextEdit(objectName="sourceNote")
        self.note.setFixedHeight(80)
        for edit in (self.quote, self.note):
            # Tab goes on to the next field, as in every other field of the form.
            edit.setTabChangesFocus(True)
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("&Accessed:"), self.accessed)
        form.addRow(self.tr("&Stance:"), self.stance)
        form.addRow(self.tr("&Quote:"), self.quote)
        form.addRow(self.tr("&Note:"), self.note)
        if evidence is not None:
            form.addRow(self.tr("Files:"), self._files_box())
        self.error = MessageLabel(ERROR_COLORS, objectName="sourceError")
        form.addRow(self.error)
        # Says that the fields hold what was typed before a stop (restore()).
        self.restored = MessageLabel(WARNING_COLORS, objectName="sourceRestored")
        self.restored.setWordWrap(True)
        self.restored.hide()
        form.addRow(self.restored)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if source is not None:
            self.url.setText(source.url)
            self.title_edit.setText(source.title)
            self.publisher.setText(source.publisher)
            if source.accessed:
                self.accessed.setDate(
                    QDate(source.accessed.year, source.accessed.month, source.accessed.day)
                )
            self.stance.setCurrentIndex(list(Stance).index(source.stance))
            self.quote.setPlainText(source.quote)
            self.note.setPlainText(source.note)

    # ------------------------------------------------------------------ attachments

    def _files_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.files = QListWidget(objectName="attachmentsList")
        self.files.setAccessibleName(self.tr("Files:"))  # its label sits outside the box
        self.files.setFixedHeight(90)
        self.files.itemDoubleClicked.connect(lambda _item: self.view_selected())
        # Enter on a file views it: the list lets Enter through, and the dialog's default
        # button (Save) took it, saving and closing the note instead.
        self.files.installEventFilter(self)
        self.attach_button = QPushButton(self.tr("Attach &files…"), objectName="attachFilesButton")
        self.attach_button.clicked.connect(self.choose_files)
        self.view_button = QPushButton(self.tr("&View…"), objectName="viewAttachmentButton")
        self.view_button.clicked.connect(self.view_selected)
        self.remove_file_button = QPushButton(
            self.tr("&Remove file"), objectName="removeAttachmentButton"
        )
        self.remove_file_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for b in (self.attach_button, self.view_button, self.remove_file_button):
            row.addWidget(b)
        row.addStretch()
        layout.addWidget(self.files)
        layout.addLayout(row)
        if self.evidence is not None:
            self.evidence.finished.connect(self.reload_files)
        self.reload_files()
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is getattr(self, "files", None)
            and event.type() == QEvent.Type.KeyPress
            and self.files.currentItem() is not None
        ):
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view_selected()
                return True
            if key == Qt.Key.Key_Delete:  # as Remove file (undoable, like any edit)
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def attachments(self) -> list[Attachment]:
        if self.source is None or self.evidence is None:
            return []
        return self.evidence.workbench.attachments(self.source.id)

    def reload_files(self) -> None:
        self.files.clear()
        for f in self.attachments():
            item = QListWidgetItem(f"{f.file_name} ({f.media_type}, {format_number(f.size)} B)")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.files.addItem(item)
        for path in self.pending_files:
            # Shown as it will be stored: one line, no direction marks to disguise it.
            name = name_of(path.name)
            item = QListWidgetItem(self.tr("{name} (attached when saved)").format(name=name))
            self.files.addItem(item)
        busy = self.evidence is not None and self.evidence.busy()
        self.attach_button.setEnabled(not busy)

    def choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.attach([Path(n) for n in names]))
        dialog.open()

    def attach(self, paths: list[Path]) -> None:
        """Attach now (an existing note, off the GUI thread) or once the note is saved."""
        if self.evidence is None or not paths:
            return
        if self.source is None:
            self.pending_files += paths
        else:
            self.evidence.attach_paths(self.source.id, paths)
        self.reload_files()

    def _selected(self) -> Attachment | None:
        item = self.files.currentItem()
        wanted = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return next((f for f in self.attachments() if f.id == wanted), None)

    def view_selected(self) -> QDialog | None:
        from claimdesk.gui.dialogs.evidence_viewer import EvidenceViewer

        found = self._selected()
        if found is None or self.evidence is None:
            return None
        viewer = EvidenceViewer(self.evidence.workbench, found, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        return viewer

    def remove_selected(self) -> None:
        found = self._selected()
        if found is not None and self.evidence is not None:
            self.evidence.remove(found.id)

    def draft(self) -> SourceDraft:
        qd = self.accessed.date()
        return SourceDraft(
            url=self.url.text().strip(),
            title=self.title_edit.text().strip(),
            publisher=self.publisher.text().strip(),
            accessed=date(qd.year(), qd.month(), qd.day()),
            quote=self.quote.toPlainText().strip(),
            note=self.note.toPlainText().strip(),
            stance=Stance(self.stance.currentData()),
        )

    def fields(self) -> dict[str, Any]:
        """The fields as typed (kept as a draft when the window is stopped)."""
        return {
            "url": self.url.text(),
            "title": self.title_edit.text(),
            "publisher": self.publisher.text(),
            "accessed": self.accessed.date().toString(Qt.DateFormat.ISODate),
            "stance": self.stance.currentData(),
            "quote": self.quote.toPlainText(),
            "note": self.note.toPlainText(),
            "files": [str(path) for path in self.pending_files],
        }

    def restore(self, fields: dict[str, Any]) -> None:
        """Show `fields` (a kept draft) in place of what the dialog opened with, saying so."""
        self.url.setText(str(fields.get("url", "")))
        self.title_edit.setText(str(fields.get("title", "")))
        self.publisher.setText(str(fields.get("publisher", "")))
        accessed = QDate.fromString(str(fields.get("accessed", "")), Qt.DateFormat.ISODate)
        if accessed.isValid():
            self.accessed.setDate(accessed)
        stance = self.stance.findData(fields.get("stance"))
        if stance >= 0:
            self.stance.setCurrentIndex(stance)
        self.quote.setPlainText(str(fields.get("quote", "")))
        self.note.setPlainText(str(fields.get("note", "")))
        if self.source is None and self.evidence is not None:
            files = fields.get("files")
            kept = files if isinstance(files, list) else []
            # Files chosen then, still there: attached once the note is saved.
            self.pending_files = [Path(str(f)) for f in kept if Path(str(f)).is_file()]
            self.reload_files()
        self.restored.setText(
            self.tr(
                "This is what you typed before ClaimDesk was stopped; it is stored when you "
                "press Save."
            )
        )
        self.restored.show()

    def _accept(self) -> None:
        d = self.draft()
        if not (d.url or d.title or d.quote or d.note):
            self.error.setText(self.tr("Give at least a URL, a title, a quote or a note."))
            return
        if d.url and safe_url(d.url) is None:  # reports link only web and mail addresses
            self.error.setText(
                self.tr(
                    "The URL must start with https://, http:// or mailto: (or leave it empty)."
                )
            )
            self.url.setFocus()
            return
        self.accept()
