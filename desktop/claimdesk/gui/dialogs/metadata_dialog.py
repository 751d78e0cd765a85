"""Dialog to see and correct an article's metadata (title, author, publisher, URL, date,
language)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from claimdesk.domain import Article, ArticleMetadata, LanguageSource
from claimdesk.gui.i18n import format_datetime, format_number
from claimdesk.gui.language_names import language_choices, language_label
from claimdesk.nlp.language import UNDETERMINED, DetectedLanguage


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
        for edit in (self.title_edit, self.author, self.publisher, self.url):
            edit.setCursorPosition(0)  # a long title shows its start, not its last words
        self.url.setPlaceholderText(self.tr("https://… where the article was published"))
        self.has_date = QCheckBox(self.tr("&Known"), objectName="metaHasDate")
        self.published = QDateEdit(objectName="metaPublished")
        self.published.setAccessibleName(self.tr("Published:"))  # its label has no buddy
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
        self._stored_language = article.language
        self._language_source = article.language_source
        self.language = QComboBox(objectName="metaLanguage")
        self.language.setAccessibleName(self.tr("Language of the article"))
        self.language.addItem(language_label(UNDETERMINED), UNDETERMINED)
        codes = {UNDETERMINED}
        for code, name in language_choices():
            self.language.addItem(name, code)
            codes.add(code)
        if article.language and article.language not in codes:
            # A code from a bundle or an older choice that the list does not have.
            self.language.insertItem(1, language_label(article.language), article.language)
        found = self.language.findData(article.language) if article.language else -1
        self.language.setCurrentIndex(max(found, 0))
        self.language_note = QLabel(objectName="metaLanguageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: palette(mid);")
        self.show_detected(None)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("Published:"), date_row)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_note)
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

    def show_detected(self, found: DetectedLanguage | None) -> None:
        """Say who set the language and what the detector says (None: still reading)."""
        if self._language_source is LanguageSource.CHECKER:
            who = self.tr("Set by a checker.")
        elif self._stored_language is None:
            who = self.tr("Not detected yet.")
        else:
            who = self.tr("Detected automatically; correct it here if it is wrong.")
        if found is None:
            said = self.tr("Reading the text…")
        elif found.code == UNDETERMINED:
            said = self.tr("The detector cannot tell the language of this text.")
        else:
            said = self.tr("The detector says {language} ({percent}% sure).").format(
                language=language_label(found.code),
                percent=format_number(round(found.confidence * 100)),
            )
        self.language_note.setText(f"{who} {said}")

    def chosen_language(self) -> str | None:
        """The code the checker chose; None when it is what was stored (nothing to save)."""
        code = self.language.currentData()
        if code is None or code == self._stored_language:
            return None
        if self._stored_language is None and code == UNDETERMINED:
            return None  # left at "Unknown" on an article not detected yet: no choice made
        return str(code)

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
