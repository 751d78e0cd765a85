"""Dialog to see and correct an article's metadata (title, author, publisher, URL, date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from claimdesk.domain import Article, ArticleMetadata
from claimdesk.gui.i18n import format_datetime


class MetadataDialog(QDialog):
    """Edits an ArticleMetadata; the file facts (name, format, checksum) are shown read-only."""

    def __init__(self, parent: QWidget | None, article: Article) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(self.tr("Article properties"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.title_edit = QLineEdit(article.title, objectName="metaTitle")
        self.author = QLineEdit(article.author or "", objectName="metaAuthor")
        self.publisher = QLineEdit(article.publisher or "", objectName="metaPublisher")
        self.url = QLineEdit(article.url or "", objectName="metaUrl")
        self.url.setPlaceholderText(self.tr("https://… where the article was published"))
        self.has_date = QCheckBox(self.tr("Known"), objectName="metaHasDate")
        self.published = QDateEdit(objectName="metaPublished")
        self.published.setCalendarPopup(True)
        self.published.setDisplayFormat("yyyy-MM-dd")
        if article.published:
            d = article.published
            self.published.setDate(QDate(d.year, d.month, d.day))
            self.has_date.setChecked(True)
        else:
            self.published.setDate(QDate.currentDate())
        self.published.setEnabled(self.has_date.isChecked())
        self.has_date.toggled.connect(self.published.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.published)
        date_row.addWidget(self.has_date)
        date_row.addStretch()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("Published:"), date_row)
        imported = self.tr("imported {when}").format(when=format_datetime(article.imported_at))
        facts = QLabel(
            f"{article.file_name} · {article.format.upper()} · {imported}\n"
            f"SHA-256 {article.sha256[:16]}…"
        )
        facts.setStyleSheet("color: palette(mid);")
        form.addRow(facts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def metadata(self) -> ArticleMetadata:
        qd = self.published.date()

        def opt(text: str) -> str | None:
            return text.strip() or None

        return ArticleMetadata(
            title=self.title_edit.text().strip(),
            author=opt(self.author.text()),
            publisher=opt(self.publisher.text()),
            url=opt(self.url.text()),
            published=date(qd.year(), qd.month(), qd.day()) if self.has_date.isChecked() else None,
        )
