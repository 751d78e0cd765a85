"""At 1024×700 the verdict editor keeps room to write in, and nothing is drawn over it."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.gui.conftest import wait_for_claims


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
