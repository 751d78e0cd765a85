"""A note's attached files by name and from the keyboard: line breaks, marks, Enter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from claimdesk.gui.dialogs.evidence_viewer import EvidenceViewer
from claimdesk.gui.dialogs.save_conflict import SaveConflictDialog
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from tests.gui.test_evidence_gui import WAIT_MS, Opened, window_with_a_source
from tests.storage.dbfiles import execute


def note_with_files_in_focus(qtbot, window, files: int) -> SourceDialog:
    """The current source note opened for editing, its `files` attachments listed and
    the first one current, the list holding the keyboard focus."""
    dialog = window.detail.edit_source()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.files.count() == files, timeout=WAIT_MS)
    dialog.files.setFocus()
    dialog.files.setCurrentRow(0)
    qtbot.waitUntil(dialog.files.hasFocus)
    return dialog


@pytest.mark.parametrize(
    "name",
    [
        "Minutes\nMarch 2026.txt",
        "Minutes\r\nMarch 2026.txt",
        "Minutes\u2028March 2026.txt",  # LINE SEPARATOR: Qt breaks the line there
        "Minutes\u2029March 2026.txt",
        "Minutes\tMarch\u200f 2026.txt",  # a tab and a right-to-left mark
        "Minutes \n\n March 2026.txt ",
    ],
)
def test_a_name_with_a_line_break_is_one_line_with_its_words_apart(
    qtbot, make_window, tmp_path, name
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    path = tmp_path / name
    path.write_bytes(b"Notes taken at the council meeting.")
    attachment, _ = window.workbench.attach_file(source, path)
    assert attachment.file_name == "Minutes March 2026.txt"
    dialog = window.detail.edit_source()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    assert dialog.files.item(0).text().startswith("Minutes March 2026.txt (text/plain, ")
    dialog.reject()


def test_a_new_notes_chosen_file_is_listed_as_it_will_be_stored(qtbot, make_window, tmp_path):
    # An override mark would show "invoice\u202etxt.exe" as "invoiceexe.txt".
    window, _source = window_with_a_source(qtbot, make_window, tmp_path)
    dialog = window.detail.add_source()
    assert dialog is not None
    path = tmp_path / "Minutes\nMarch\u202e 2026.txt"
    path.write_bytes(b"Notes taken at the council meeting.")
    dialog.attach([path])
    assert dialog.files.item(0).text() == "Minutes March 2026.txt (attached when saved)"
    dialog.reject()


def test_enter_on_an_attached_file_views_it_and_keeps_the_note_open(
    qtbot, make_window, tmp_path
):
    # The list let Enter through to the dialog's default button: Save, closing the note.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    window.workbench.attach_bytes(source, b"Plain notes of the call.", "call.txt")
    dialog = note_with_files_in_focus(qtbot, window, 1)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Return)
    viewer = dialog.findChild(EvidenceViewer)
    assert dialog.isVisible() and viewer is not None and viewer.isVisible()
    assert viewer.text is not None and viewer.text.toPlainText() == "Plain notes of the call."
    assert QApplication.activeModalWidget() is viewer
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)  # Esc closes the viewer, not the note
    qtbot.waitUntil(lambda: not dialog.findChildren(EvidenceViewer))
    assert dialog.isVisible()
    dialog.reject()


def test_a_file_is_removed_with_delete_or_alt_r_and_undo_brings_it_back(
    qtbot, make_window, tmp_path
):
    # "Remove file" was the one button of the note's files without a key.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    wb.attach_bytes(source, b"Plain notes of the call.", "call.txt")
    wb.attach_bytes(source, b"Second call, same day.", "call-2.txt")
    dialog = note_with_files_in_focus(qtbot, window, 2)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    assert [f.file_name for f in wb.attachments(source)] == ["call-2.txt"]
    dialog.files.setCurrentRow(0)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.files.count() == 0, timeout=WAIT_MS)
    assert dialog.isVisible() and wb.attachments(source) == []
    dialog.accept()  # (Cancel would take both removals back: test_evidence_cancel)
    qtbot.waitUntil(lambda: window.writes.pending() == 0)
    assert wb.attachments(source) == [] and window.findChild(SaveConflictDialog) is None
    for _step in ("the save (it set the accessed date)", "Remove call-2.txt", "Remove call.txt"):
        wb.undo()
    assert [f.file_name for f in wb.attachments(source)] == ["call.txt", "call-2.txt"]


def test_alt_o_opens_the_viewers_copy(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attachment, _ = window.workbench.attach_bytes(source, b"Plain notes.", "call.txt")
    viewer = EvidenceViewer(window.workbench, attachment, window)
    viewer.open()
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        qtbot.keyClick(viewer, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: len(opened.paths) == 1)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.paths[0].read_bytes() == b"Plain notes."
    viewer.close()


def test_enter_on_a_damaged_file_says_so_and_keeps_the_note_open(qtbot, make_window, tmp_path):
    # The viewer refuses a stored copy that no longer matches its checksum; it was built
    # before it read the file, and each refusal left a hidden half-made viewer behind.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    window.workbench.attach_bytes(source, b"Plain notes of the call.", "call.txt")
    execute(window.workbench.db.path, "UPDATE evidence_blobs SET data = zeroblob(size)")
    dialog = note_with_files_in_focus(qtbot, window, 1)
    with qtbot.capture_exceptions() as raised:
        qtbot.keyClick(dialog.files, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(raised))
    assert "no longer matches its checksum" in str(raised[0][1])
    assert dialog.isVisible() and dialog.findChild(EvidenceViewer) is None
    dialog.reject()


def test_a_closed_note_dialog_goes_and_a_new_notes_files_still_arrive(qtbot, make_window, tmp_path):
    # Kept as children of the pane, closed dialogs piled up; each re-read its note's
    # files at every attach (300 of them held the window for 70 ms per attach).
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    for keep in (False, True):
        dialog = window.detail.edit_source()
        assert dialog is not None
        (dialog.accept if keep else dialog.reject)()
    added = window.detail.add_source()
    assert added is not None
    chosen = tmp_path / "chosen.txt"
    chosen.write_bytes(b"Chosen before the note was saved.")
    added.attach([chosen])
    added.url.setText("https://example.org/second")
    added.accept()
    qtbot.waitUntil(lambda: not window.detail.findChildren(SourceDialog), timeout=WAIT_MS)
    claim = window.detail.claim
    assert claim is not None
    qtbot.waitUntil(
        lambda: len(window.workbench.claim(claim.id).sources) == 2
        and bool(window.workbench.claim(claim.id).sources[1].attachments),
        timeout=WAIT_MS,
    )
    second = window.workbench.claim(claim.id).sources[1]
    assert second.id != source and [f.file_name for f in second.attachments] == ["chosen.txt"]


def test_a_chosen_file_whose_name_is_not_utf8_is_listed_as_it_is_stored(
    qtbot, make_window, tmp_path
):
    window, _source = window_with_a_source(qtbot, make_window, tmp_path)
    dialog = window.detail.add_source()
    assert dialog is not None
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    path.write_bytes(b"Notes taken at the cafe.")
    dialog.attach([path])
    dialog.url.setText("https://example.org/cafe")
    assert dialog.files.item(0).text() == "caf\ufffd.txt (attached when saved)"
    dialog.accept()
    claim = window.detail.claim
    assert claim is not None
    qtbot.waitUntil(
        lambda: any(s.attachments for s in window.workbench.claim(claim.id).sources),
        timeout=WAIT_MS,
    )
    names = [f.file_name for s in window.workbench.claim(claim.id).sources for f in s.attachments]
    assert names == ["caf\ufffd.txt"]
