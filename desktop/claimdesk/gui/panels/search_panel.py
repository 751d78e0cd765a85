"""Search the whole desk as you type: hits with their snippet, the matches in bold."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import HitKind, SearchHit
from claimdesk.errors import KnownError
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, format_number
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.gui.models.row_model import RowCacheModel
from claimdesk.gui.panels.row_delegate import TextRowDelegate
from claimdesk.gui.screen_fit import resize_within_screen
from claimdesk.services.search import Search

Index = QModelIndex | QPersistentModelIndex

#: Typing pauses this long before the query runs, so a fast typist starts one search.
DEBOUNCE_MS = 200
DEFAULT_LIMIT = 50
KIND_LABELS = {
    HitKind.ARTICLE: QT_TRANSLATE_NOOP("SearchPanel", "Article"),
    HitKind.CLAIM: QT_TRANSLATE_NOOP("SearchPanel", "Claim"),
    HitKind.VERDICT: QT_TRANSLATE_NOOP("SearchPanel", "Verdict"),
    HitKind.SOURCE: QT_TRANSLATE_NOOP("SearchPanel", "Source"),
}
#: Badge colours: dark enough for white text on light and dark themes alike.
KIND_COLORS = {
    HitKind.ARTICLE: "#2f6fb2",
    HitKind.CLAIM: "#7048a8",
    HitKind.VERDICT: "#2e7d32",
    HitKind.SOURCE: "#a65c00",
}


def kind_label(kind: HitKind) -> str:
    return QCoreApplication.translate("SearchPanel", KIND_LABELS[kind])


_SPACE = re.compile(r"\s+")
_PAGE = 5
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def snippet_html(hit: SearchHit) -> str:
    """The snippet as rich text on one paragraph: escaped, the matched words in <b>."""
    parts: list[str] = []
    pos = 0
    for mark_start, end in hit.marks:
        start = max(mark_start, pos)  # overlapping marks would repeat text
        if end <= start:
            continue
        parts.append(html.escape(_flat(hit.snippet[pos:start]), quote=False))
        parts.append(f"<b>{html.escape(_flat(hit.snippet[start:end]), quote=False)}</b>")
        pos = end
    parts.append(html.escape(_flat(hit.snippet[pos:]), quote=False))
    return "".join(parts).strip()


class SearchResultsModel(RowCacheModel[SearchHit]):
    """One row per SearchHit of the last query (a cache; the index lives in the database)."""

    HitRole = Qt.ItemDataRole.UserRole + 1
    SnippetHtmlRole = Qt.ItemDataRole.UserRole + 2
    ArticleIdRole = Qt.ItemDataRole.UserRole + 3
    ClaimIdRole = Qt.ItemDataRole.UserRole + 4

    def cell(self, hit: SearchHit, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{kind_label(hit.kind)} · {_flat(hit.article_title)}: {_flat(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = QCoreApplication.translate("SearchPanel", "{kind} in “{title}”").format(
                kind=kind_label(hit.kind), title=_flat(hit.article_title)
            )
            return f"{where}\n\n{hit.snippet}"
        if role == self.HitRole:
            return hit
        if role == self.SnippetHtmlRole:
            return snippet_html(hit)
        if role == self.ArticleIdRole:
            return hit.article_id
        if role == self.ClaimIdRole:
            return hit.claim_id
        return None


class HitDelegate(TextRowDelegate):
    """Paints a hit as a kind badge and the article title over two lines of snippet."""

    ROW_ROLE = SearchResultsModel.HitRole
    ROW_TYPE = SearchHit
    PAD = 4
    SNIPPET_LINES = 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        height = 2 * self.PAD + fm.height() + 2 + self.SNIPPET_LINES * fm.lineSpacing()
        return QSize(120, height)

    def paint_row(
        self, painter: QPainter, opt: QStyleOptionViewItem, text_color: QColor, hit: SearchHit
    ) -> None:
        font = QFont(opt.font)
        fm = QFontMetrics(font)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)

        painter.save()
        painter.setClipRect(rect)
        label = kind_label(hit.kind)
        bold = QFont(font)
        bold.setBold(True)
        badge = QRect(
            rect.left(), rect.top(), QFontMetrics(bold).horizontalAdvance(label) + 10, fm.height()
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS[hit.kind]))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        painter.setFont(bold)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        title_rect = QRect(
            badge.right() + 8, rect.top(), rect.right() - badge.right() - 8, fm.height()
        )
        painter.setPen(text_color)
        painter.setFont(font)
        title = fm.elidedText(
            _flat(hit.article_title) or QCoreApplication.translate("SearchPanel", "(untitled)"),
            Qt.TextElideMode.ElideRight,
            title_rect.width(),
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )

        snippet = QRect(
            rect.left(),
            rect.top() + fm.height() + 2,
            rect.width(),
            self.SNIPPET_LINES * fm.lineSpacing(),
        )
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(snippet.width())
        doc.setHtml(snippet_html(hit))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        painter.setClipRect(snippet.intersected(rect))
        painter.translate(snippet.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()


class SearchPanel(QWidget):
    """A query box over the hits of the newest query; each query runs in a job.

    Typing waits DEBOUNCE_MS, then searches off the GUI thread. Every edit makes the
    results of earlier queries stale: they are dropped when they arrive. Up/Down (and
    Page Up/Down) in the query box move through the hits; Enter or a double-click emits
    `resultActivated(article_id, claim_id or None)`.
    """

    resultActivated = Signal(int, object)

    def __init__(
        self,
        searcher: Search,
        jobs: JobRunner,
        parent: QWidget | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.searcher = searcher
        self.jobs = jobs
        self.limit = limit
        self._generation = 0  # bumped by every edit; a result of an older one is stale
        self._running: int | None = None  # generation of the search in flight
        self._activate_first = False  # Enter came before the results: open the best hit

        self.query = QLineEdit()
        self.query.setObjectName("deskSearch")
        self.query.setPlaceholderText(self.tr("Search articles, claims, verdicts and sources"))
        self.query.setAccessibleName(self.query.placeholderText())
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._query_edited)
        self.query.installEventFilter(self)

        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.doubleClicked.connect(self._activate_index)
        self.results.installEventFilter(self)

        self.count = QLabel()
        self.count.setObjectName("searchCount")
        self.count.setStyleSheet("color: palette(mid);")
        self.count.setWordWrap(True)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)

    # ------------------------------------------------------------------ searching

    def _query_edited(self, text: str) -> None:
        self._generation += 1
        self._activate_first = False
        if not text.strip():
            self._timer.stop()
            self.model.reload([])
            self.count.setText("")
            return
        self._timer.start()

    def search_now(self) -> Job | None:
        """Run the query in the box now (also after the desk changed); None if it is empty."""
        self._timer.stop()
        query = self.query.text()
        if not query.strip():
            return None
        self._generation += 1
        generation = self._generation
        self._running = generation
        self.count.setText(self.tr("Searching…"))
        find, limit = self.searcher.find, self.limit
        return self.jobs.run(
            f"search {query!r}",
            lambda _job: find(query, limit),
            on_success=lambda hits: self._show(generation, query, hits),
            on_failure=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def busy(self) -> bool:
        """Whether the text in the box has results still to come."""
        return self._timer.isActive() or self._running == self._generation

    def _show(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        self._running = None
        self.model.reload(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        words = _flat(query).strip()
        if not hits:
            self.count.setText(self.tr("Nothing matches “{words}”.").format(words=words))
        elif len(hits) >= self.limit:
            self.count.setText(
                self.tr("The best {count} results; add words to narrow them.").format(
                    count=format_number(len(hits))
                )
            )
        elif len(hits) == 1:
            self.count.setText(self.tr("1 result"))
        else:
            self.count.setText(self.tr("{count} results").format(count=format_number(len(hits))))
        if self._activate_first:
            self._activate_first = False
            self.activate_current()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            if generation == self._generation:
                self._running = None
                self.model.reload([])
                self.count.setText(str(exc))
            return
        raise exc  # a bug: the window's excepthook shows the crash report

    # ------------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in _ENTER_KEYS and watched in (self.query, self.results):
                self.activate_current()
                return True
            if watched is self.query:
                moves = {
                    Qt.Key.Key_Down: 1,
                    Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: _PAGE,
                    Qt.Key.Key_PageUp: -_PAGE,
                }
                if key in moves:
                    self.move_current(moves[Qt.Key(key)])
                    return True
        return super().eventFilter(watched, event)

    def move_current(self, delta: int) -> None:
        """Move the current hit by `delta` rows (the first Down picks the first hit)."""
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.results.currentIndex().row()
        row = 0 if current < 0 else max(0, min(rows - 1, current + delta))
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def activate_current(self) -> None:
        """Open the current hit; typed faster than the search: open the best one when it comes."""
        if self.busy():
            self._activate_first = True
            if self._timer.isActive():
                self.search_now()
            return
        index = self.results.currentIndex()
        self._activate_index(index if index.isValid() else self.model.index(0, 0))

    def _activate_index(self, index: QModelIndex) -> None:
        hit = self.model.row_at(index.row()) if index.isValid() else None
        if hit is not None:
            self.resultActivated.emit(hit.article_id, hit.claim_id)

    def focus_query(self) -> None:
        """Put the cursor in the query box with its text selected, ready to type over."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()


class SearchDialog(QDialog):
    """A non-modal window around a SearchPanel; keep one and call `open_search` again."""

    resultActivated = Signal(int, object)

    def __init__(self, searcher: Search, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search the desk"))
        self.setModal(False)
        self.panel = SearchPanel(searcher, jobs, self)
        self.panel.resultActivated.connect(self.resultActivated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        resize_within_screen(self, 560, 520)

    def open_search(self) -> None:
        """Show (or bring back) the dialog with the query selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.panel.focus_query()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.panel.focus_query()
