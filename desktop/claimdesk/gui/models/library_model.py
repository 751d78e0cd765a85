"""Table model of the library: one row per article with its claim and checked counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from claimdesk.domain import ArticleSummary
from claimdesk.gui.models.row_model import RowCacheModel

Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("Article", "Claims", "Checked")


class LibraryModel(RowCacheModel[ArticleSummary]):
    """Keeps a cache of immutable ArticleSummary rows; `reload` replaces it."""

    COLUMNS = _HEADERS

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def cell(self, row: ArticleSummary, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.claim_count, row.checked_count)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{row.title}\n{row.format.upper()} · imported {row.imported_at:%Y-%m-%d %H:%M}\n"
                f"{row.checked_count} of {row.claim_count} claims checked"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ArticleIdRole:
            return row.id
        return None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def article_id(self, row: int) -> int | None:
        summary = self.row_at(row)
        return summary.id if summary else None
