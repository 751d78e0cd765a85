"""The library: one row per article; choosing a row asks the window to show that article."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from claimdesk.domain import ArticleSummary
from claimdesk.gui.models.library_model import LibraryModel


class LibraryView(QTableView):
    """Lists the articles; emits the id of the article the checker moves to."""

    articleChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.setAccessibleName(QCoreApplication.translate("Columns", "Articles"))
        self.library_model = LibraryModel(self)
        self.setModel(self.library_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        # Tab moves on to the next part of the window (arrows move between articles);
        # walking the cells, it wrapped round the table and never let go.
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def show_articles(self, articles: list[ArticleSummary], current: int | None) -> None:
        """Replace the rows; the `current` article stays selected."""
        self.library_model.reload(articles)
        if current is not None:
            self.select_article(current)

    def has_article(self, article_id: int) -> bool:
        return self.library_model.row_of(article_id) >= 0

    def select_article(self, article_id: int) -> None:
        row = self.library_model.row_of(article_id)
        if row >= 0:
            self.selectionModel().setCurrentIndex(
                self.library_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.library_model.article_id(current.row())
        if article_id is not None:
            self.articleChosen.emit(article_id)
