"""The article text with every visible claim highlighted; a click on a span picks its claim."""

from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from claimdesk.domain import Claim
from claimdesk.domain.spans import Utf16Map
from claimdesk.gui.models.claims_model import claim_color
from claimdesk.gui.theme import readable_text

#: A letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko and their
#: presentation forms.
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


class ArticleView(QPlainTextEdit):
    """Read-only article text. Offsets outside this class are Python offsets.

    Qt counts positions in UTF-16 code units, so every offset crossing this boundary
    goes through a Utf16Map built once per article.
    """

    claimClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article text"))
        self.setReadOnly(True)
        # The text is never edited here, and its own undo would swallow Ctrl+Z, which
        # belongs to the checker's undo of verdicts and claims.
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setPlaceholderText(self.tr("Open an article (Ctrl+O) or drop a file here."))
        self.document().setDocumentMargin(14)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5) * 1.1)
        self.setFont(font)
        self._map = Utf16Map("")
        self._text = ""
        self._claims: list[Claim] = []
        self._starts: list[int] = []
        self._current: int | None = None
        self._press_pos: int | None = None
        self._base: list[QTextEdit.ExtraSelection] = []
        #: Python offset of the last plain click, where "split claim" cuts.
        self.last_click: int | None = None

    # ------------------------------------------------------------------ content

    def set_article_text(self, text: str) -> None:
        self._text = text
        self._map = Utf16Map(text)
        self._claims = []
        self._starts = []
        self._current = None
        self._base = []
        self.setPlainText(text)
        self._direction_per_paragraph(text)
        self.setExtraSelections([])

    def article_text(self) -> str:
        return self._text

    def _direction_per_paragraph(self, text: str) -> None:
        """Put each right-to-left paragraph (Arabic, Hebrew…) against the right edge.

        Qt already orders each paragraph's letters by its own direction, but
        QPlainTextEdit aligns every block with one shared option, and AlignLeft there
        means the left edge, so Arabic hugged the left. AlignJustify is the one shared
        option Qt resolves per line: a right-to-left line goes right, a left-to-right one
        stays left (wrapped lines are justified). Articles without such text keep a
        ragged right edge.
        """
        doc = self.document()
        option = doc.defaultTextOption()
        wanted = (Qt.AlignmentFlag.AlignJustify if _RTL_LETTER.search(text)
                  else Qt.AlignmentFlag.AlignLeft)
        if option.alignment() != wanted:
            option.setAlignment(wanted)
            doc.setDefaultTextOption(option)

    def set_claims(self, claims: list[Claim]) -> None:
        """Highlight these claims (the ones the table shows)."""
        self._claims = sorted(claims, key=lambda c: (c.start, c.end))
        self._starts = [c.start for c in self._claims]
        if self._current is not None and not any(c.id == self._current for c in self._claims):
            self._current = None
        self._repaint_highlights()

    # ------------------------------------------------------------------ offsets

    def to_qt(self, offset: int) -> int:
        return self._map.to_utf16(offset)

    def from_qt(self, position: int) -> int:
        return self._map.from_utf16(position)

    def selected_span(self) -> tuple[int, int] | None:
        """The user's text selection in Python offsets, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.from_qt(cursor.selectionStart()), self.from_qt(cursor.selectionEnd())

    def split_point(self, claim: Claim) -> int | None:
        """Where to split `claim`: a selection's start, else the text cursor or last click."""
        span = self.selected_span()
        cursor = self.textCursor()
        candidates: list[int | None] = []
        if span is not None and span != (claim.start, claim.end):
            candidates.append(span[0])
        if not cursor.hasSelection():
            candidates.append(self.from_qt(cursor.position()))
        candidates.append(self.last_click)
        return next(
            (at for at in candidates if at is not None and claim.start < at < claim.end), None
        )

    def claim_at(self, offset: int) -> Claim | None:
        """The innermost visible claim covering `offset`."""
        best: Claim | None = None
        for claim in self._claims[: bisect_right(self._starts, offset)]:
            if claim.start <= offset < claim.end and (
                best is None or claim.end - claim.start < best.end - best.start
            ):
                best = claim
        return best

    # ------------------------------------------------------------------ selection

    def show_claim(self, claim: Claim | None) -> None:
        """Select and scroll to `claim`'s span (None clears the current claim)."""
        self._current = claim.id if claim else None
        self._repaint_highlights(rebuild=False)
        if claim is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(claim.start))
        cursor.setPosition(self.to_qt(claim.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def _selection(self, claim: Claim, current: bool) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        color = claim_color(claim)
        if current:
            color = color.darker(118)
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Link))
        fmt.setBackground(color)
        # Pale highlights need dark text even when a dark theme makes text light.
        fmt.setForeground(readable_text(color, self.palette()))
        sel.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(claim.start))
        cursor.setPosition(self.to_qt(claim.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        return sel

    def _repaint_highlights(self, rebuild: bool = True) -> None:
        # Building thousands of selections is the slow part, so it happens only when the
        # claims change; moving between claims swaps one entry.
        if rebuild or len(self._base) != len(self._claims):
            self._base = [self._selection(c, False) for c in self._claims]
        selections = list(self._base)
        for i, claim in enumerate(self._claims):
            if claim.id == self._current:
                selections[i] = self._selection(claim, True)
                break
        self.setExtraSelections(selections)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._claims:
            self._repaint_highlights()

    # ------------------------------------------------------------------ mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        if self._press_pos is not None and position != self._press_pos:
            return
        self.last_click = self.from_qt(position)
        claim = self.claim_at(self.last_click)
        if claim is not None:
            self.claimClicked.emit(claim.id)
