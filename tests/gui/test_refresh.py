"""One refresh path after a write: a rating click reads the changed claim once."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import event

from tests.gui.conftest import wait_for_claims

#: The statement that loads one claim row by its id (what `Workbench.claim` starts with).
CLAIM_BY_ID = re.compile(r"FROM claims\s+WHERE claims\.id = \?", re.IGNORECASE)
WRITES = ("INSERT", "UPDATE", "DELETE")


def test_a_rating_click_reads_the_changed_claim_once(qtbot, make_window, seed_path: Path) -> None:
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.step(1)
    claim = window.detail.claim
    assert claim is not None and claim.verdict is None
    statements: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        # The "checked before" library's own background work (encoding the article's
        # claims) may land in the middle on a loaded machine: not the click's.
        if "factcheck" not in statement:
            statements.append(statement)

    engine = window.workbench.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        window.detail.rating.setFocus()
        qtbot.keyClick(window.detail.rating, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: window.detail.claim.verdict is not None)
    finally:
        event.remove(engine, "before_cursor_execute", record)

    # Whatever the write reads inside its transaction, the refresh after it reads the
    # changed claim once, for the claims table and the detail pane together.
    last_write = max(
        i for i, s in enumerate(statements) if s.lstrip().upper().startswith(WRITES)
    )
    refresh_reads = [s for s in statements[last_write:] if CLAIM_BY_ID.search(s)]
    assert len(refresh_reads) == 1, "\n\n".join(statements[last_write:])
    # Both views show the same fresh claim.
    fresh = window.claims_panel.model.row_at(window.claims_panel.model.row_of(claim.id))
    assert fresh is not None and fresh.verdict is not None
    assert window.detail.claim is fresh
