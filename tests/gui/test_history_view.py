"""The history view shows what the Workbench recorded: who, when, from → to, newest first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from claimdesk.domain import ClaimStatus, HistoryField
from claimdesk.gui.panels.history_view import COL_WHAT, COL_WHEN, COL_WHO, HistoryModel, HistoryView
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database

TEXT = "Bridges\n\nThe minister said 300 bridges were built in 2024. Nobody counted them.\n"


@pytest.fixture
def rated(tmp_path: Path, nlp_provider) -> Iterator[tuple[Workbench, int]]:
    """A claim taken through status, verdict, explanation and clearing by two checkers."""
    wb = Workbench(open_database(tmp_path / "history.sqlite3"), nlp_provider)
    (tmp_path / "bridges.txt").write_text(TEXT, encoding="utf-8")
    article_id = wb.open_file(tmp_path / "bridges.txt").article_id
    text = wb.article(article_id).text
    start = text.index("The minister")
    claim_id, _ = wb.add_claim(article_id, start, text.index("2024.") + 5)
    false = next(r for r in wb.rating_scale().ratings if r.name == "False")
    wb.save_settings(replace(wb.settings(), checker_name="Ana"))
    wb.set_status(claim_id, ClaimStatus.IN_PROGRESS)
    wb.set_verdict(claim_id, false.id, "The registry lists 41 bridges.")
    wb.save_settings(replace(wb.settings(), checker_name="Ben"))
    wb.set_verdict(claim_id, false.id, "The national registry lists 41 new bridges.")
    wb.set_status(claim_id, ClaimStatus.DONE)
    wb.clear_verdict(claim_id)
    yield wb, claim_id
    wb.db.dispose()


def test_rows_say_who_changed_what_newest_first(qtbot, rated) -> None:
    wb, claim_id = rated
    entries = wb.history(claim_id)
    view = HistoryView()
    qtbot.addWidget(view)
    view.show_history(entries)
    view.show()
    qtbot.waitExposed(view)

    model = view.model
    rows = [
        tuple(model.index(r, c).data() for c in (COL_WHO, COL_WHAT))
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("Ben", "Verdict: False → —"),
        ("Ben", "Status: In progress → Done"),
        ("Ben", "Explanation edited"),
        ("Ana", "Verdict: — → False"),
        ("Ana", "Status: To do → In progress"),
    ]
    newest = entries[-1]
    assert model.index(0, COL_WHEN).data() == f"{newest.at:%Y-%m-%d %H:%M}"
    assert view.lines()[0] == f"{newest.at:%Y-%m-%d %H:%M} · Ben · Verdict: False → —"
    assert view.count() == 5
    assert view.list.isVisible() and not view.empty.isVisible()
    # Tall enough for all five rows: a short history needs no scrolling.
    assert view.list.height() >= 5 * view.list.sizeHintForRow(0)
    assert not view.grab().isNull()  # paints the two-line rows

    explanation = next(
        r
        for r in range(5)
        if model.index(r, 0).data(HistoryModel.EntryRole).field is HistoryField.EXPLANATION
    )
    tip = model.index(explanation, COL_WHAT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Before:\nThe registry lists 41 bridges." in tip
    assert "After:\nThe national registry lists 41 new bridges." in tip

    view.show_history(entries, newest_first=False)
    assert model.index(0, COL_WHAT).data() == "Status: To do → In progress"


def test_a_claim_without_changes_says_so(qtbot, rated) -> None:
    wb, claim_id = rated
    view = HistoryView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.empty.isVisible() and not view.list.isVisible()
    view.show_history(wb.history(claim_id))
    assert view.list.isVisible() and not view.empty.isVisible()
    view.clear()
    assert view.count() == 0 and view.empty.isVisible()


def test_history_model_passes_qtmodeltester(qtmodeltester, rated) -> None:
    wb, claim_id = rated
    model = HistoryModel()
    model.reload(wb.history(claim_id))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
