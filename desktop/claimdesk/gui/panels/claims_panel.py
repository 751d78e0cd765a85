"""The claims table with its filter bar (text, status, score threshold, every sentence)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QSlider,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import Claim, ClaimStatus, ClaimType, Queue, RatingScale
from claimdesk.domain.factchecks import FactCheckMatch
from claimdesk.domain.filters import UNRATED
from claimdesk.gui.flow_layout import FlowLayout
from claimdesk.gui.i18n import format_number, label
from claimdesk.gui.models.claims_model import (
    COL_CHECKED,
    COL_CLAIM,
    COL_NUMBER,
    COL_SCORE,
    COL_SOURCES,
    COL_SPEAKER,
    COL_STATUS,
    COL_TYPE,
    COL_VERDICT,
    ClaimFilterProxy,
    ClaimsModel,
)
from claimdesk.gui.panels.filter_bar import FilterCombo, PlaceholderFit

_FIELD = {"ratingFilter": "rating", "speakerFilter": "speaker"}
#: The claim text column is never narrower than this (the table scrolls instead).
CLAIM_MIN_WIDTH = 160
# Shown only when the checker asks (the header's context menu): with them, Score and the
# columns after it were scrolled out of a 1024-pixel window. The detail pane names the
# type, speaker and sources, and a badge beside the claim says "checked before".
# (Plain comments: lupdate hands "#:" ones to the translators.)
HIDDEN_BY_DEFAULT = (COL_TYPE, COL_SPEAKER, COL_SOURCES, COL_CHECKED)
# Of those, shown whenever the table has room for them beside a readable claim, until the
# checker chooses the columns: the speaker is what a checker reads next to the claim.
SHOWN_WHEN_ROOM = (COL_SPEAKER,)
# The claim text's width a column shown for room may not take it below.
CLAIM_READABLE_WIDTH = 320
# Always shown: the claim and its number are what a row is.
ALWAYS_SHOWN = (COL_NUMBER, COL_CLAIM)


class ClaimsPanel(QWidget):
    """Shows the current article's claims; emits the id of the claim the user moves to."""

    currentClaimChanged = Signal(object)  # int | None
    visibleClaimsChanged = Signal()
    # New rows were loaded (an article shown, claims found again).
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(objectName="claimFilter")
        self.search.setPlaceholderText(self.tr("Filter claims (Ctrl+F)"))
        self.search.setAccessibleName(self.search.placeholderText())  # no label beside it
        self.search.setClearButtonEnabled(True)
        PlaceholderFit(self.search)  # the whole placeholder, whatever the language
        self.search.textChanged.connect(lambda text: self._refilter(text=text))
        self.status = self._combo(
            "statusFilter",
            self.tr("Any status"),
            [(label(st.label), st) for st in ClaimStatus],
            "status",
        )
        # The team filters (domain.review.Queue); `set_me` names the signed-in checker.
        self.queue = self._combo(
            "queueFilter", self.tr("Everyone's"), [(label(q.label), q) for q in Queue], "queue"
        )
        self.threshold = QSlider(Qt.Orientation.Horizontal, objectName="thresholdSlider")
        self.threshold.setRange(0, 100)
        self.threshold.setValue(round(ClaimFilterProxy.DEFAULT_THRESHOLD * 100))
        # Shrinks before the filter box does when a translation widens the bar.
        self.threshold.setMinimumWidth(40)
        self.threshold.setMaximumWidth(120)
        self.threshold.setToolTip(self.tr("Hide claims whose check-worthiness score is below this"))
        self.threshold_label = QLabel(objectName="thresholdLabel")
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.show_all = QCheckBox(self.tr("Every sentence"), objectName="showAllSentences")
        self.show_all.toggled.connect(lambda on: self._refilter(show_all=on))
        self.more = QToolButton(objectName="moreFilters", text=self.tr("More filters"))
        self.more.setCheckable(True)
        self.count_label = QLabel(objectName="claimCount")

        # The score's label, slider and value stay together when the bar wraps.
        score_group = QWidget(objectName="scoreFilter")
        score_group.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        score_row = QHBoxLayout(score_group)
        score_row.setContentsMargins(0, 0, 0, 0)
        score = QLabel(self.tr("Score ≥"))
        score.setBuddy(self.threshold)  # names the slider for a screen reader
        score_row.addWidget(score)
        score_row.addWidget(self.threshold)
        score_row.addWidget(self.threshold_label)
        # A narrow panel (1024 px wide, a longer translation) wraps the bar onto a second
        # row instead of cutting the filter box's placeholder and the combos' texts.
        self.filter_bar = QWidget(objectName="claimFilterBar")
        bar = FlowLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.search, self.status, score_group, self.show_all, self.more, self.count_label,
        ):  # fmt: skip
            bar.addWidget(w)

        # The second row: explicit filters a checker reaches for less often.
        self.rating = self._combo("ratingFilter", self.tr("Any rating"), [], "rating")
        self.claim_type = self._combo(
            "typeFilter",
            self.tr("Any type"),
            [(label(t.label), t) for t in ClaimType],
            "claim_type",
        )
        self.speaker = self._combo("speakerFilter", self.tr("Any speaker"), [], "speaker")
        self.sources = self._combo(
            "sourcesFilter",
            self.tr("With or without sources"),
            [(self.tr("With sources"), True), (self.tr("Without sources"), False)],
            "has_sources",
        )
        # Whether an earlier fact-check matches is the matcher's answer, not a claim field.
        self.checked = FilterCombo("checkedBeforeFilter")
        for text, value in (
            (self.tr("Checked before or not"), None),
            (self.tr("Checked before"), True),
            (self.tr("Not checked before"), False),
        ):
            self.checked.addItem(text, value)
        self.checked.currentIndexChanged.connect(lambda _i: self._checked_filter_changed())
        self.max_score = QDoubleSpinBox(objectName="maxScore", decimals=2, singleStep=0.05)
        self.max_score.setRange(0.0, 1.0)
        self.max_score.setValue(1.0)
        self.max_score.setPrefix(self.tr("Score ≤ "))
        self.max_score.valueChanged.connect(lambda v: self._refilter(max_score=v))
        self.more_row = QWidget(objectName="moreFiltersRow")
        row = FlowLayout(self.more_row)
        row.setContentsMargins(0, 0, 0, 0)
        # The team filter leads: on a shared desk it is the one reached for most.
        for w in (
            self.queue, self.rating, self.claim_type, self.speaker, self.sources, self.checked,
            self.max_score,
        ):  # fmt: skip
            row.addWidget(w)
        self.more_row.setVisible(False)
        self.more.toggled.connect(self.more_row.setVisible)

        self.table = QTableView(objectName="claimsTable")
        self.table.setAccessibleName(QCoreApplication.translate("Columns", "Claims"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab goes on to the detail pane; walking the cells it moved to the next claim
        # at each row's end and never left the table. Arrows and Alt+Up/Down move claims.
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._widths: dict[int, int] = {}
        header.setStretchLastSection(False)
        for col, width in (
            (COL_NUMBER, 40),
            (COL_TYPE, 120),
            (COL_SPEAKER, 120),
            (COL_SCORE, 52),
            (COL_VERDICT, 110),
            (COL_STATUS, 86),
            (COL_SOURCES, 58),
            (COL_CHECKED, 120),
        ):
            # Never narrower than the header (translated headers are longer than English):
            # Qt's own measure, of the bold label it may draw and the sort arrow beside it
            # (the plain text's width plus a guess let the arrow touch "Puntuación").
            fits = header.sectionSizeFromContents(col).width()
            self.table.setColumnWidth(col, max(width, fits))
            self._widths[col] = max(width, fits)  # a hidden section's size reads 0
        for col in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(col, True)
        # Until the checker picks columns (the menu, or a choice remembered from before),
        # SHOWN_WHEN_ROOM follow the window's width.
        self._columns_chosen = False
        self._fitting = False
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().popup(header.mapToGlobal(pos))
        )
        self.table.sortByColumn(COL_SCORE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.more_row)
        layout.addWidget(self.table)
        self._threshold_changed(self.threshold.value())
        # The claim column takes the room the others leave, but never less than
        # CLAIM_MIN_WIDTH: in a narrow window the table scrolls instead of hiding the text.
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(
            lambda col, _old, _new: self._fit_claim_column() if col != COL_CLAIM else None
        )
        self._fit_claim_column()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_claim_column()
        return super().eventFilter(watched, event)

    def column_menu(self) -> QMenu:
        """The header's context menu: a tick for each column the checker may hide."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        header = self.table.horizontalHeader()
        for col in range(header.count()):
            if col in ALWAYS_SHOWN:
                continue
            action = menu.addAction(str(self.proxy.headerData(col, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, col=col: self._show_column(col, on))
        return menu

    def show_column_menu(self) -> None:
        """The header's menu under the header, its first column active: View → Table
        columns… chooses columns from the keyboard (arrows, then Enter or Space)."""
        header = self.table.horizontalHeader()
        menu = self.column_menu()
        menu.popup(header.mapToGlobal(QPoint(0, header.height())))
        menu.setActiveAction(menu.actions()[0])

    def _show_column(self, col: int, shown: bool) -> None:
        self._columns_chosen = True
        self.table.horizontalHeader().setSectionHidden(col, not shown)
        self._fit_claim_column()

    def hidden_columns(self) -> list[str] | None:
        """The hidden columns by their (untranslated) names, to remember them; None while
        the checker has chosen none (the defaults then follow the window's width)."""
        if not self._columns_chosen:
            return None
        header = self.table.horizontalHeader()
        return [ClaimsModel.COLUMNS[c] for c in range(header.count()) if header.isSectionHidden(c)]

    def set_hidden_columns(self, names: Sequence[str]) -> None:
        self._columns_chosen = True
        header = self.table.horizontalHeader()
        for col, name in enumerate(ClaimsModel.COLUMNS):
            header.setSectionHidden(col, name in names and col not in ALWAYS_SHOWN)
        self._fit_claim_column()

    def _fit_claim_column(self) -> None:
        if self._fitting:  # hiding or showing a column resizes sections, which calls back
            return
        self._fitting = True
        try:
            self._fit_columns()
        finally:
            self._fitting = False

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        if not self._columns_chosen:
            fixed = sum(
                header.sectionSize(c)
                for c in range(header.count())
                if c != COL_CLAIM and c not in SHOWN_WHEN_ROOM and not header.isSectionHidden(c)
            )
            room = self.table.viewport().width() - fixed
            for col in SHOWN_WHEN_ROOM:
                width = header.sectionSize(col) or self._widths[col]
                fits = room - width >= CLAIM_READABLE_WIDTH
                header.setSectionHidden(col, not fits)
                room -= width if fits else 0
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != COL_CLAIM and not header.isSectionHidden(c)
        )
        room = self.table.viewport().width() - others
        self.table.setColumnWidth(COL_CLAIM, max(CLAIM_MIN_WIDTH, room))

    # ------------------------------------------------------------------ filters

    def _combo(
        self, name: str, any_text: str, items: list[tuple[str, object]], field: str
    ) -> QComboBox:
        """A filter combo whose first item means "any" (None)."""
        combo = FilterCombo(name)
        combo.addItem(any_text, None)
        for text, value in items:
            combo.addItem(text, value)
        # Qt hands a str enum back as a plain str ("done"): look the member up again, or
        # the filter would compare ClaimStatus.DONE with "done" and hide every claim.
        typed = {str(v): v for _, v in items if isinstance(v, enum.Enum)}
        combo.currentIndexChanged.connect(
            lambda _i: self._refilter(**{field: typed.get(data := combo.currentData(), data)})
        )
        return combo

    def _refilter(self, **changes: object) -> None:
        current = self.current_claim_id()
        self.proxy.pinned = None  # a filter the checker chooses applies to every claim
        self.proxy.set_filter(**changes)
        self._after_filter(current)

    def _checked_filter_changed(self) -> None:
        current = self.current_claim_id()
        self.proxy.pinned = None
        self.proxy.set_checked_filter(self.checked.currentData())
        self._after_filter(current)

    def _threshold_changed(self, value: int) -> None:
        self.threshold_label.setText(format_number(value / 100))
        self._refilter(threshold=value / 100)

    def set_me(self, checker: str) -> None:
        """The checker "mine" and "needs my review" are about (the one signed in)."""
        self._refilter(me=checker)

    def set_scale(self, scale: RatingScale) -> None:
        """Offer the scale's ratings (and "not rated") in the rating filter."""
        self._refill(
            self.rating,
            [(self.tr("Not rated"), UNRATED)] + [(label(r.name), r.id) for r in scale.ratings],
        )

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.updateGeometry()  # its text may have changed with the signals blocked
        if index < 0:
            self._refilter(**{_FIELD[combo.objectName()]: None})

    def _after_filter(self, keep: int | None) -> None:
        if keep is not None:
            self.select_claim(keep)
        self.proxy.pin(self.current_claim_id())
        self._update_count()
        self.visibleClaimsChanged.emit()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=format_number(self.proxy.rowCount()),
                total=format_number(self.model.rowCount()),
            )
        )

    # ------------------------------------------------------------------ content

    def load(self, claims: list[Claim], keep: int | None = None) -> None:
        self.model.reload(claims)
        self.loaded.emit()
        speakers = sorted({c.speaker for c in claims if c.speaker}, key=str.casefold)
        self._refill(self.speaker, [(name, name) for name in speakers])
        self._after_filter(keep)
        if keep is None or self.current_claim_id() is None:
            self.currentClaimChanged.emit(self.current_claim_id())

    def show_checked(self, best: Mapping[int, FactCheckMatch | None]) -> None:
        """Show matches found in the background; the "checked before" filter follows."""
        current = self.current_claim_id()
        self.model.set_checked(best)
        if self.proxy.checked_before is not None:
            self._after_filter(current)

    def clear_checked(self) -> None:
        self.model.clear_checked()
        if self.proxy.checked_before is not None:
            self._after_filter(self.current_claim_id())

    def focus_filter(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def visible_claims(self) -> list[Claim]:
        out = []
        for row in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(row, 0))
            claim = self.model.row_at(src.row())
            if claim is not None:
                out.append(claim)
        return out

    # ------------------------------------------------------------------ selection

    def current_claim_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, ClaimsModel.ClaimIdRole)
        return int(value) if value is not None else None

    def select_claim(self, claim_id: int) -> bool:
        row = self.model.row_of(claim_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def reveal(self, claim_id: int) -> bool:
        """Select the claim even if the filters hide it (a search hit the checker chose);
        it stays shown until the checker moves on."""
        if self.select_claim(claim_id):
            return True
        if self.model.row_of(claim_id) < 0:
            return False
        self.proxy.pin(claim_id)
        self.proxy.refresh()
        return self.select_claim(claim_id)

    def step(self, step: int) -> None:
        """Select the next (step=1) or previous (step=-1) row of the table."""
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex()
        row = (
            0
            if not current.isValid() and step > 0
            else (count - 1 if not current.isValid() else current.row() + step)
        )
        row = max(0, min(count - 1, row))
        value = self.proxy.data(self.proxy.index(row, 0), ClaimsModel.ClaimIdRole)
        if value is not None:
            self.select_claim(int(value))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = self.current_claim_id() if current.isValid() else None
        self.currentClaimChanged.emit(claim_id)
        self.proxy.pin(claim_id)  # the claim left is filtered again
