"""A source note's draft kept at a stop (test_stop_signals.py) offered back in the window:
Save stores it as the checker's note, Cancel drops it, neither happens by itself."""

from __future__ import annotations

from claimdesk.domain import SourceDraft
from tests.gui.conftest import wait_for_claims


def shown_claim(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    window.claims_panel.step(1)
    claim_id = window.claims_panel.current_claim_id()
    assert claim_id is not None
    return window, claim_id


KEPT = {
    "url": "", "title": "Census table", "publisher": "", "accessed": "2026-11-30",
    "stance": "contradicts", "quote": "", "note": "Typed, then stopped.", "files": [],
    "version": None,
}  # fmt: skip


def test_save_stores_a_restored_draft_and_drops_it(qtbot, make_window, seed_path):
    window, claim_id = shown_claim(qtbot, make_window, seed_path)
    drafts = window.detail.source_edits.drafts
    drafts.keep(claim_id, None, KEPT)
    # Opened with a web address from the clipboard: the draft had none, so it stays.
    dialog = window.detail.add_source("https://example.org/census")
    assert dialog.restored.isVisible() and "stopped" in dialog.restored.text()
    assert dialog.title_edit.text() == "Census table"
    assert dialog.url.text() == "https://example.org/census"
    def stored():
        return window.workbench.claim(claim_id).sources

    assert stored() == ()  # not stored by being offered
    dialog._accept()
    qtbot.waitUntil(lambda: len(stored()) == 1, timeout=10_000)
    (note,) = stored()
    assert (note.url, note.title, note.note, note.stance.value) == (
        "https://example.org/census", "Census table", "Typed, then stopped.", "contradicts"
    )
    assert drafts.kept(claim_id, None) is None
    assert not window.detail.add_source().restored.isVisible()


def test_an_edit_draft_over_a_note_changed_since_asks_instead_of_overwriting(
    qtbot, make_window, seed_path
):
    window, claim_id = shown_claim(qtbot, make_window, seed_path)
    wb = window.workbench
    source_id, changes = wb.add_source(claim_id, SourceDraft(url="", note="First."))
    window.apply_changes(changes)
    drafts = window.detail.source_edits.drafts
    drafts.keep(claim_id, source_id, {**KEPT, "note": "Mine, typed before the stop.",
                                      "version": wb.claim(claim_id).sources[0].version})
    window.apply_changes(wb.update_source(source_id, SourceDraft(url="", note="Theirs.")))
    window.detail.sources.setCurrentIndex(window.detail.sources_model.index(0, 0))
    dialog = window.detail.edit_source()
    assert dialog.note.toPlainText() == "Mine, typed before the stop."
    dialog._accept()
    qtbot.waitUntil(lambda: window.detail.conflicts.dialog is not None, timeout=10_000)
    assert wb.claim(claim_id).sources[0].note == "Theirs."
