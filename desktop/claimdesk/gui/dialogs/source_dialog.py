"""Dialog to add or edit one source note, and the list model of a claim's sources."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from claimdesk.domain import SourceDraft, SourceNote, Stance
from claimdesk.gui.i18n import format_date, label
from claimdesk.gui.models.row_model import RowCacheModel

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
            return f"[{label(src.stance.label)}] {head}" + (f" — {extra}" if extra else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [src.url, src.quote and f"“{src.quote}”", src.note]
            return "\n".join(p for p in parts if p)
        if role == self.SourceIdRole:
            return src.id
        return None


class SourceDialog(QDialog):
    """Edits the fields of a SourceDraft; the caller stores it."""

    def __init__(self, parent: QWidget | None, source: SourceNote | None = None) -> None:
        super().__init__(parent)
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
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("&Accessed:"), self.accessed)
        form.addRow(self.tr("&Stance:"), self.stance)
        form.addRow(self.tr("&Quote:"), self.quote)
        form.addRow(self.tr("&Note:"), self.note)
        self.error = QLabel(objectName="sourceError")
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
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

    def _accept(self) -> None:
        d = self.draft()
        if not (d.url or d.title or d.quote or d.note):
            self.error.setText(self.tr("Give at least a URL, a title, a quote or a note."))
            return
        self.accept()
