"""Cancel in a note's dialog takes back the files attached or removed in it."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from claimdesk.domain import SourceDraft
from tests.gui.test_evidence_gui import WAIT_MS, window_with_a_source
from tests.gui.test_evidence_names import note_with_files_in_focus
from tests.importers import evidence_builders as make
from tests.storage.dbfiles import rows


def edit_and_attach_notes(window, tmp_path):
    """The source's edit dialog, open, with a text file of phone notes being attached."""
    dialog = window.detail.edit_source()
    assert dialog is not None
    text = tmp_path / "notes.txt"
    text.write_text("Phone notes: the quayside gauge read 4 metres.", encoding="utf-8")
    dialog.attach([text])
    return dialog


def stored(window) -> set[str]:
    return {str(r[0]) for r in rows(window.workbench.db.path, "SELECT sha256 FROM evidence_blobs")}


def test_esc_takes_back_a_file_attached_and_one_removed_in_the_dialog(
    qtbot, make_window, tmp_path
):
    # Cancel left the attached file on the note (only Undo took it away) and the
    # removed one off it.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    kept, _ = wb.attach_bytes(source, b"Plain notes of the call.", "call.txt")
    label_before = wb.undo_label()
    page = tmp_path / "saved.html"
    page.write_bytes(make.page("Flibbertigibbet"))
    new_sha = hashlib.sha256(page.read_bytes()).hexdigest()

    dialog = note_with_files_in_focus(qtbot, window, 1)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Delete)  # removes call.txt
    qtbot.waitUntil(lambda: dialog.files.count() == 0, timeout=WAIT_MS)
    dialog.attach([page])
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    assert new_sha in stored(window)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: wb.attachments(source) == [kept], timeout=WAIT_MS)
    assert new_sha not in stored(window) and kept.sha256 in stored(window)
    # Nothing of the dialog is left to undo or redo: the last edit is the one before it.
    assert wb.undo_label() == label_before and not wb.can_redo()
    qtbot.waitUntil(lambda: "· 1 file" in window.detail.sources_model.index(0, 0).data())


def test_cancel_while_a_file_is_still_being_attached_takes_it_back_once_attached(
    qtbot, make_window, tmp_path
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    dialog = edit_and_attach_notes(window, tmp_path)
    dialog.reject()  # at once: the attach is still on its worker
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert wb.attachments(source) == [] and stored(window) == set()


def test_a_file_still_named_elsewhere_stays_in_the_desk_after_cancel(
    qtbot, make_window, tmp_path
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    claim = window.detail.claim
    assert claim is not None
    other, _ = wb.add_source(claim.id, SourceDraft(url="https://example.org/other"))
    shared, _ = wb.attach_bytes(other, b"The same call notes.", "elsewhere.txt")
    path = tmp_path / "same.txt"
    path.write_bytes(b"The same call notes.")
    dialog = window.detail.edit_source()
    assert dialog is not None
    dialog.attach([path])
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: wb.attachments(source) == [], timeout=WAIT_MS)
    assert wb.attachments(other) == [shared] and shared.sha256 in stored(window)


def test_save_keeps_the_files_attached_in_the_dialog(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    dialog = edit_and_attach_notes(window, tmp_path)
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    dialog.accept()
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert [f.file_name for f in wb.attachments(source)] == ["notes.txt"]


def test_cancel_with_no_file_changed_writes_nothing(qtbot, make_window, tmp_path):
    window, _source = window_with_a_source(qtbot, make_window, tmp_path)
    dialog = window.detail.edit_source()
    assert dialog is not None
    started: list[object] = []
    window.detail.evidence.jobs.job_started.connect(started.append)
    dialog.reject()
    assert started == [] and not window.detail.evidence.busy()
