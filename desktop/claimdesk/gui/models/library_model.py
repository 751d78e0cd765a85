"""Table model of the library: one row per article with its claim and checked counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from claimdesk.domain import ArticleSummary
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, format_datetime
from claimdesk.gui.language_names import language_label
from claimdesk.gui.models.row_model import RowCacheModel

Index = QModelIndex | QPersistentModelIndex
_HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Article"),
    QT_TRANSLATE_NOOP("Columns", "Claims"),
    QT_TRANSLATE_NOOP("Columns", "Checked"),
    QT_TRANSLATE_NOOP("Columns", "Language"),
)
#: The language's name, translated ("" until detected).
LANGUAGE_COLUMN = 3


class LibraryModel(RowCacheModel[ArticleSummary]):
    """Keeps a cache of immutable ArticleSummary rows; `reload` replaces it."""

    COLUMNS = _HEADERS

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    #: The stored code ("de", "und"; None: not detected yet).
    LanguageRole = Qt.ItemDataRole.UserRole + 2

    def cell(self, row: ArticleSummary, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == LANGUAGE_COLUMN:
                return language_label(row.language)
            return (row.title, row.claim_count, row.checked_count)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            imported = QCoreApplication.translate("LibraryModel", "imported {when}").format(
                when=format_datetime(row.imported_at)
            )
            checked = QCoreApplication.translate(
                "LibraryModel", "{checked} of %n claim(s) checked", None, row.claim_count
            ).format(checked=row.checked_count)
            return f"{row.title}\n{row.format.upper()} · {imported}\n{checked}"
        if role == self.LanguageRole:
            return row.language
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col < LANGUAGE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ArticleIdRole:
            return row.id
        return None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def article_id(self, row: int) -> int | None:
        summary = self.row_at(row)
        return summary.id if summary else None
