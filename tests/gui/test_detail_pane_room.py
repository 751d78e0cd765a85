"""At 1024×700 the verdict editor keeps room to write in, and nothing is drawn over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.gui.conftest import wait_for_claims
from tests.gui.test_translations import spanish  # noqa: F401 (a fixture)


def test_the_explanation_editor_keeps_three_lines_in_a_small_window(
    qtbot, make_window, seed_path
) -> None:
    window = make_window()
    window.resize(1024, 700)
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.select_claim(window.claims_panel.model.rows()[0].id)
    detail = window.detail
    detail.rating.setCurrentIndex(1)
    detail.rating.activated.emit(1)  # rated: the editor, "Rated by" and the review line show
    qtbot.waitUntil(lambda: detail.claim.verdict is not None)
    window.live.notice.setText("Ben saved this claim; your save will ask how to merge.")
    window.live.notice.show()  # the live notice takes a line of the pane too
    qtbot.wait(200)
    assert window.height() <= 700
    editor = detail.explanation
    # It was one line high here (14 px of a 14 px line) before the history gave way.
    assert editor.height() >= 3 * editor.fontMetrics().lineSpacing()
    bottom = editor.mapTo(detail, QPoint(0, editor.height())).y()
    below = detail.verdict_meta.mapTo(detail, QPoint(0, 0)).y()
    assert below >= bottom  # "Rated by …" starts under the editor, not over it



def test_an_empty_checked_before_box_leaves_its_room_to_the_others(
    qtbot, make_window, seed_path
) -> None:
    """With no earlier check the box holds one line and a button, yet took twice the
    history's share of a tall pane: a large empty box over a history that showed a row
    and a half behind a scroll bar. The room goes to the editor and the history now."""
    from claimdesk.domain import ClaimStatus

    window = make_window()
    window.resize(1440, 860)
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    claim_id = window.claims_panel.model.rows()[0].id
    wb = window.workbench
    rating = wb.rating_scale().ratings[1].id
    wb.set_verdict(claim_id, rating, "First reading.")
    wb.set_verdict(claim_id, rating, "Second reading.")
    wb.set_status(claim_id, ClaimStatus.DONE)
    window.select_claim(claim_id)
    detail = window.detail
    box = detail.checked_before
    qtbot.waitUntil(lambda: detail.history.count() >= 3)
    qtbot.waitUntil(lambda: not box.list.isVisible())  # nothing found
    qtbot.wait(200)
    assert box.height() <= box.sizeHint().height()  # it was 167 px for 59 px of content


def _claim_with_a_long_history(qtbot, make_window, seed_path):
    """The window at 1024×700 on the seed's long "25 of 33" claim, taken through six
    changes whose Spanish lines ("Veredicto: Mayormente verdadero → No verificable")
    are longer than the pane is wide."""
    from claimdesk.domain import ClaimStatus

    window = make_window()
    window.resize(1024, 700)
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    wb = window.workbench
    claim = next(c for c in wb.claims(window.article_id) if "25 of 33" in c.text)
    ratings = {r.name: r.id for r in wb.rating_scale().ratings}
    wb.set_status(claim.id, ClaimStatus.IN_PROGRESS)
    wb.set_verdict(claim.id, ratings["Mostly true"], "The air force gives 25 of 33.")
    wb.set_verdict(claim.id, ratings["Unverifiable"], "Russia did not publish a count.")
    wb.set_verdict(claim.id, ratings["Mostly false"], "Russia did not publish a count.")
    wb.set_status(claim.id, ClaimStatus.DONE)
    window.show_article(window.article_id)
    window.select_claim(claim.id)
    qtbot.waitUntil(lambda: window.detail.history.count() == 6)
    qtbot.wait(200)
    return window


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_history_shows_four_whole_rows_and_every_line_whole_at_1024_by_700(
    request, qtbot, make_window, seed_path, language
) -> None:
    """The history showed one row (of six) behind its scroll bar, and a long Spanish
    line was cut with "…": its whole text was only in the tooltip."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    from claimdesk.gui.panels.history_view import describe

    if language == "es":
        request.getfixturevalue("spanish")
    window = _claim_with_a_long_history(qtbot, make_window, seed_path)
    assert window.height() <= 700
    history = window.detail.history.list
    model = history.model()
    # The detail pane scrolls to it (it did before); there, four rows show whole at once.
    window.detail_scroll.ensureWidgetVisible(history)
    qtbot.wait(100)
    fourth = history.visualRect(model.index(3, history.modelColumn()))
    assert fourth.isValid() and fourth.top() >= 0
    assert fourth.bottom() <= history.viewport().height()
    # Every row is as tall as its text wrapped at the row's width needs: nothing is cut.
    metrics = QFontMetrics(history.font())
    for row in range(model.rowCount()):
        index = model.index(row, history.modelColumn())
        rect = history.visualRect(index)
        text = describe(index.data(model.EntryRole))
        room = QRect(0, 0, rect.width() - 8, 10_000)  # the row's text margins
        needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
        assert rect.height() >= needed + metrics.height() * 0.7, text
    # The editor still keeps its three lines (the pane scrolls rather than squeeze it).
    editor = window.detail.explanation
    assert editor.height() >= 3 * editor.fontMetrics().lineSpacing()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_empty_checked_before_box_shows_its_message_whole_at_1024_by_700(
    request, qtbot, make_window, seed_path, language, theme
) -> None:
    """With no fact-check in the library the box says how to import some. In Spanish
    ("Aún no hay verificaciones anteriores: importe algunas con Archivo → …") the text,
    wrapped beside the button, needed 84 px and was given 42: the box kept the height of
    its size hint, worked out for a label twice as wide as it had."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from claimdesk.domain import Theme
    from claimdesk.gui.theme import apply_theme

    if language == "es":
        request.getfixturevalue("spanish")
    app = QApplication.instance()
    apply_theme(app, Theme.DARK if theme == "dark" else Theme.LIGHT)
    try:
        window = make_window()
        window.resize(1024, 700)
        window.open_path(seed_path)
        wait_for_claims(qtbot, window)
        window.select_claim(window.claims_panel.model.rows()[0].id)
        box = window.detail.checked_before
        message = box.message
        qtbot.waitUntil(lambda: "Import" in message.text() or "Importar" in message.text())
        qtbot.wait(200)
        assert window.height() <= 700
        window.detail_scroll.ensureWidgetVisible(message)
        qtbot.wait(50)
        assert message.isVisible() and message.wordWrap()
        assert message.height() >= message.heightForWidth(message.width()), message.text()
        # All of it inside the box, and the box inside the pane.
        where = QRect(message.mapTo(box, QPoint(0, 0)), message.size())
        assert box.contentsRect().contains(where)
        pane = window.detail
        assert pane.rect().contains(QRect(box.mapTo(pane, QPoint(0, 0)), box.size()))
    finally:
        apply_theme(app, Theme.SYSTEM)
