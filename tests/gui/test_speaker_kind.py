"""The speaker's kind is shown beside the speaker, changed by keyboard, stored and undoable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from claimdesk.domain import SpeakerKind
from claimdesk.gui.models.claims_model import COL_SPEAKER
from tests.gui.conftest import wait_for_claims

CTRL = Qt.KeyboardModifier.ControlModifier


def kind_on_disk(db: Path, claim_id: int) -> str | None:
    """Read straight from the SQLite file, not through the app's own storage."""
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT speaker_kind FROM claims WHERE id = ?", (claim_id,)).fetchone()
    return row[0]


def test_kind_changed_by_keyboard_is_stored_shown_and_undone(
    qtbot, make_window, seed_path, tmp_path
):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    claims = window.workbench.claims(window.article_id)
    spoken = next(c for c in claims if c.speaker)
    silent = next((c for c in claims if not c.speaker), None)
    db = tmp_path / "desk.sqlite3"
    combo = window.detail.speaker_kind

    if silent is not None:  # no speaker, no kind to choose
        assert window.claims_panel.select_claim(silent.id)
        assert not combo.isEnabled()

    assert window.claims_panel.select_claim(spoken.id)
    assert combo.isEnabled() and combo.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert window.detail.speaker_name.text() == spoken.speaker
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    # Last item is "Place", first is "—" (unknown): go to whichever the claim is not.
    place = SpeakerKind.PLACE
    target = SpeakerKind.ORGANISATION if spoken.speaker_kind is place else place
    if target is SpeakerKind.PLACE:
        qtbot.keyClick(combo, Qt.Key.Key_End)
    else:
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: kind_on_disk(db, spoken.id) == target.value, timeout=10_000)
    assert window.workbench.claim(spoken.id).speaker_kind is target

    model = window.claims_panel.model
    tip = model.data(model.index(model.row_of(spoken.id), COL_SPEAKER), Qt.ItemDataRole.ToolTipRole)
    assert target.value.capitalize() in tip

    qtbot.keyClick(combo, Qt.Key.Key_Home)  # "—": the kind is not known
    qtbot.waitUntil(lambda: kind_on_disk(db, spoken.id) is None, timeout=10_000)
    assert combo.currentData() is None

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # undo goes back to the chosen kind
    qtbot.waitUntil(lambda: kind_on_disk(db, spoken.id) == target.value, timeout=10_000)
    qtbot.waitUntil(lambda: combo.currentData() == target.value)
