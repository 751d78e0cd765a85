"""Arabic and Hebrew in the real window: paragraphs laid out right to left, claims right-aligned."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from claimdesk.domain import ClaimType
from claimdesk.gui.models.claims_model import COL_CLAIM, COL_SPEAKER
from claimdesk.gui.windows.main_window import MainWindow
from tests.gui.test_language_banner import _open

RIGHT = Qt.AlignmentFlag.AlignRight


def _rtl_blocks(window: MainWindow) -> list[tuple[str, Qt.LayoutDirection, float, float]]:
    """Each non-empty paragraph: its text, direction, and where its first line starts and
    ends as shares of the text area's width."""
    view = window.article_view
    width = view.viewport().width()
    found = []
    block = view.document().begin()
    while block.isValid():
        if block.text().strip():
            # cursorToX includes the line's alignment (naturalTextRect does not).
            line = block.layout().lineAt(0)
            xs = [line.cursorToX(i)[0] for i in range(line.textStart(),
                                                       line.textStart() + line.textLength())]
            found.append((block.text(), block.textDirection(), min(xs) / width,
                          max(xs) / width))
        block = block.next()
    return found


@pytest.mark.parametrize("language", ["ar", "he"])
def test_paragraphs_run_right_to_left_and_claims_align_right(
    qtbot, make_window, tmp_path: Path, language: str
) -> None:
    window = make_window()
    window.resize(1024, 700)
    _open(qtbot, window, tmp_path, language)
    blocks = _rtl_blocks(window)
    assert blocks
    for text, direction, left, right in blocks:
        assert direction == Qt.LayoutDirection.RightToLeft, text
        # Laid out from the right edge: a short paragraph's first line ends near it
        # and leaves the left side empty.
        assert right > 0.9, (text, left, right)
    short = min(blocks, key=lambda b: len(b[0]))
    assert short[2] > 0.3, short
    model = window.claims_panel.model
    for row in range(model.rowCount()):
        alignment = model.index(row, COL_CLAIM).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment is not None and Qt.AlignmentFlag(alignment) & RIGHT, row
    # A date gives the date type in these languages too, and the type filter finds it.
    dated = [c for c in window.workbench.claims(window.article_id) if ClaimType.DATE in c.types]
    assert dated
    panel = window.claims_panel
    combo = panel.claim_type
    combo.setCurrentIndex(combo.findData(ClaimType.DATE))
    assert combo.currentText() == "Date & time"
    assert panel.proxy.rowCount() == len(dated)


def test_english_claims_stay_left_aligned(qtbot, make_window, seed_path: Path) -> None:
    window = make_window()
    window.open_path(seed_path)
    qtbot.waitUntil(lambda: window.article_id is not None, timeout=30_000)
    model = window.claims_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=60_000)
    for col in (COL_CLAIM, COL_SPEAKER):
        alignment = model.index(0, col).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment is None or not Qt.AlignmentFlag(alignment) & RIGHT
