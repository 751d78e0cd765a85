"""Claims table: a model caching immutable Claim rows, and the proxy that sorts and filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from claimdesk.domain import Claim, ClaimOrigin, ClaimStatus
from claimdesk.domain.factchecks import FactCheckMatch
from claimdesk.domain.filters import ClaimFilter
from claimdesk.gui.i18n import (
    QT_TRANSLATE_NOOP,
    checked_rating,
    format_number,
    label,
    speaker_kind_label,
)
from claimdesk.gui.models.row_model import RowCacheModel
from claimdesk.reports.model import is_rtl

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("Columns", "Claim"),
    QT_TRANSLATE_NOOP("Columns", "Type"),
    QT_TRANSLATE_NOOP("Columns", "Speaker"),
    QT_TRANSLATE_NOOP("Columns", "Score"),
    QT_TRANSLATE_NOOP("Columns", "Verdict"),
    QT_TRANSLATE_NOOP("Columns", "Status"),
    QT_TRANSLATE_NOOP("Columns", "Sources"),
    QT_TRANSLATE_NOOP("Columns", "Checked before"),
)
(
    COL_NUMBER, COL_CLAIM, COL_TYPE, COL_SPEAKER, COL_SCORE, COL_VERDICT, COL_STATUS,
    COL_SOURCES, COL_CHECKED,
) = range(len(COLUMNS))  # fmt: skip
STATUS_COLORS = {
    ClaimStatus.TODO: "#fff3b0",
    ClaimStatus.IN_PROGRESS: "#cfe3ff",
    ClaimStatus.DONE: "#d4f0d4",
}


def claim_color(claim: Claim) -> QColor:
    """Highlight colour: the verdict's rating colour, else a pale colour per status."""
    if claim.verdict is not None:
        color = QColor(claim.verdict.rating.color)
        color.setAlpha(90)
        return color
    return QColor(STATUS_COLORS[claim.status])


class ClaimsModel(RowCacheModel[Claim]):
    """Rows of one article's claims; re-reads rows when told what changed."""

    COLUMNS = COLUMNS

    ClaimIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # The best earlier fact-check per claim id (None: none close enough), as the
        # matcher last said; a claim missing here has not been matched (yet).
        self._checked: dict[int, FactCheckMatch | None] = {}
        self._badge_icon: QIcon | None = None
        # Other checkers editing a claim now, by claim id (gui/windows/live_refresh.py).
        self._editors: dict[int, list[str]] = {}

    # ------------------------------------------------------------------ cache

    def set_checked(self, best: Mapping[int, FactCheckMatch | None]) -> None:
        """Show these claims' "checked before" matches (from the matcher's cache)."""
        self._checked.update(best)
        rows = [r for r in (self.row_of(cid) for cid in best) if r >= 0]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), COL_CLAIM), self.index(max(rows), COL_CHECKED)
            )

    def clear_checked(self) -> None:
        """Forget every match (the library changed); the column goes blank."""
        self._checked.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_CLAIM), self.index(len(self._rows) - 1, COL_CHECKED)
            )

    def set_editors(self, editors: Mapping[int, list[str]]) -> None:
        """Mark the claims others are editing now ("✍ name" in the status column)."""
        touched = set(self._editors) | set(editors)
        self._editors = {cid: list(names) for cid, names in editors.items() if names}
        for row in (r for r in map(self.row_of, touched) if r >= 0):
            self.dataChanged.emit(self.index(row, COL_STATUS), self.index(row, COL_STATUS))

    def editors(self, claim_id: int) -> list[str]:
        return self._editors.get(claim_id, [])

    def checked(self, claim_id: int) -> FactCheckMatch | None:
        return self._checked.get(claim_id)

    def has_checked(self, claim_id: int) -> bool:
        """Whether the matcher's answer for this claim is shown (a match or none)."""
        return claim_id in self._checked

    def update_claims(self, fresh: Mapping[int, Claim | None]) -> None:
        """Show the given fresh claims (others are untouched); None drops a vanished one."""
        for claim_id, claim in fresh.items():
            row = self.row_of(claim_id)
            if row < 0:
                continue
            if claim is None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                continue
            self._rows[row] = claim
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, claim_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == claim_id), -1)

    # ------------------------------------------------------------------ Qt API

    def cell(self, claim: Claim, col: int, role: int) -> Any:
        if col == COL_CHECKED and role != self.ClaimIdRole:
            return self._checked_cell(self._checked.get(claim.id), role)
        if col == COL_STATUS and claim.id in self._editors:
            names = ", ".join(self._editors[claim.id])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self._display(claim, col)} · ✍ {names}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{names} editing this claim now").format(names=names)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(claim, col)
        if role == self.SortRole:
            return self._sort_key(claim, col)
        if role == self.ClaimIdRole:
            return claim.id
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CLAIM:
            match = self._checked.get(claim.id)
            if match is None:
                return claim.text
            return claim.text + "\n\n" + self._checked_cell(match, role)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CLAIM:
            # The badge beside the claim: at 1024 pixels the column itself is scrolled off.
            return self._badge() if self._checked.get(claim.id) is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SPEAKER and claim.speaker:
            # The kind rides in the tooltip: a column of its own would not fit at 1024 px.
            kind = claim.speaker_kind
            return self.tr("Speaker kind: {kind}").format(
                kind=speaker_kind_label(kind) if kind else self.tr("not known")
            )
        if role == Qt.ItemDataRole.DecorationRole and col == COL_VERDICT and claim.verdict:
            return QColor(claim.verdict.rating.color)
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_STATUS:
            return QBrush(QColor(STATUS_COLORS[claim.status]))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            COL_NUMBER,
            COL_SCORE,
            COL_SOURCES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_CLAIM, COL_SPEAKER):
            # Qt orders an Arabic or Hebrew cell's letters right to left but still puts
            # them against the left edge (the window's direction); align them right.
            text = claim.text if col == COL_CLAIM else claim.speaker or ""
            if is_rtl(text):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _badge(self) -> QIcon:
        if self._badge_icon is None:
            style = QApplication.style()
            self._badge_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        return self._badge_icon

    def _checked_cell(self, match: FactCheckMatch | None, role: int) -> Any:
        """The column shows the best match's rating and similarity; blank without one."""
        if match is None:
            return -2.0 if role == self.SortRole else None
        check = match.factcheck
        similarity = match.similarity or 0.0
        if role == Qt.ItemDataRole.DisplayRole:
            rating = checked_rating(check) or self.tr("checked")
            return f"✓ {rating} · {format_number(similarity)}"
        if role == self.SortRole:
            return similarity
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Checked before by {publisher}: “{claim}” ({url})").format(
                publisher=check.publisher or self.tr("this desk"),
                claim=check.claim,
                url=check.url or self.tr("the desk's own verdict"),
            )
        return None

    @staticmethod
    def _display(claim: Claim, col: int) -> Any:
        if col == COL_NUMBER:
            return claim.number
        if col == COL_CLAIM:
            text = " ".join(claim.text.split())
            return text if claim.origin is ClaimOrigin.EXTRACTED else f"✎ {text}"
        if col == COL_TYPE:
            return ", ".join(label(t.label) for t in claim.types)
        if col == COL_SPEAKER:
            return claim.speaker or ""
        if col == COL_SCORE:
            return "" if claim.score is None else format_number(claim.score)
        if col == COL_VERDICT:
            return label(claim.verdict.rating.name) if claim.verdict else ""
        if col == COL_STATUS:
            return label(claim.status.label)
        if col == COL_SOURCES:
            return claim.source_count
        return None

    @staticmethod
    def _sort_key(claim: Claim, col: int) -> Any:
        if col == COL_NUMBER:
            return claim.number
        if col == COL_SCORE:
            return -1.0 if claim.score is None else claim.score
        if col == COL_SOURCES:
            return claim.source_count
        if col == COL_STATUS:
            return list(ClaimStatus).index(claim.status)
        if col == COL_VERDICT:
            return claim.verdict.rating.position if claim.verdict else 999
        return str(ClaimsModel._display(claim, col)).casefold()


class ClaimFilterProxy(QSortFilterProxyModel):
    """Sorts the claims and shows those its ClaimFilter accepts."""

    DEFAULT_THRESHOLD = ClaimFilter().threshold

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filter = ClaimFilter()
        # True: only claims checked before; False: only the others; None: any.
        self.checked_before: bool | None = None
        #: The claim the checker is on: shown even after an edit takes it out of the
        #: filter (rated under "Not rated", moved on under "To do"), so the selection never
        #: jumps to a claim the checker did not choose. The filter applies to it again
        #: once the checker moves on or changes the filter (ClaimsPanel).
        self.pinned: int | None = None
        self.setSortRole(ClaimsModel.SortRole)
        self.setDynamicSortFilter(True)

    @property
    def threshold(self) -> float:
        return self.filter.threshold

    def set_filter(self, **changes: Any) -> None:
        """Change some fields of the filter, e.g. set_filter(status=None, has_sources=True)."""
        new = replace(self.filter, **changes)
        if new == self.filter:
            return
        # Qt 6.9 replaced invalidateFilter() with a begin/end pair; support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.filter = new
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.9
            self.filter = new
            self.invalidateFilter()

    def set_checked_filter(self, checked: bool | None) -> None:
        """Keep claims with (True) or without (False) an earlier check, or any (None)."""
        if checked == self.checked_before:
            return
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.checked_before = checked
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.9
            self.checked_before = checked
            self.invalidateFilter()

    def pin(self, claim_id: int | None) -> None:
        """Keep `claim_id` shown; the claim pinned before is filtered again."""
        old, self.pinned = self.pinned, claim_id
        if old is None or old == claim_id:
            return
        model = self.sourceModel()
        assert isinstance(model, ClaimsModel)
        row = model.row_of(old)
        if row >= 0 and not self._accepted(model, model.row_at(row)):
            self.refresh()

    def refresh(self) -> None:
        """Filter every row again (the filter itself unchanged)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.9
            self.invalidateFilter()

    def set_threshold(self, value: float) -> None:
        self.set_filter(threshold=value)

    def set_show_all(self, show: bool) -> None:
        self.set_filter(show_all=show)

    def set_text_filter(self, text: str) -> None:
        self.set_filter(text=text)

    def accepts(self, claim: Claim) -> bool:
        return self.filter.accepts(claim)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClaimsModel)
        claim = model.row_at(source_row)
        if claim is not None and claim.id == self.pinned:
            return True
        return self._accepted(model, claim)

    def _accepted(self, model: ClaimsModel, claim: Claim | None) -> bool:
        if claim is None or not self.filter.accepts(claim):
            return False
        # Not part of ClaimFilter: whether a claim was checked before is the matcher's
        # answer, held by the model, not a property of the stored claim.
        return self.checked_before is None or (
            (model.checked(claim.id) is not None) == self.checked_before
        )
