"""Dropping and pasting: each refused file on a line of its own, encoding off the window."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from PySide6.QtCore import QMimeData, QThread, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from claimdesk.gui.panels import evidence_actions
from tests.gui.test_evidence_gui import WAIT_MS, _drop, window_with_a_source
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf


# Qt 6 has only the QPoint constructor that PySide marks as deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_each_refused_file_of_a_drop_has_its_own_line(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    pdf = tmp_path / "ledger.pdf"
    pdf.write_bytes(build_pdf([["The ledger."]]))
    svg = tmp_path / "evil.svg"
    svg.write_bytes(make.SVG)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "screenshots"
    folder.mkdir()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (svg, pdf, empty, folder)])
    _drop(window.detail.sources, mime)
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert [f.file_name for f in window.workbench.attachments(source)] == ["ledger.pdf"]
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box is not None
    lines = box.text().split("\n")
    assert [line.split(":")[0] for line in lines] == [
        "Cannot attach evil.svg", "Cannot attach empty.txt", "Cannot attach screenshots"
    ]
    box.close()


def test_a_pasted_screenshot_is_encoded_off_the_window_thread(
    qtbot, make_window, tmp_path, monkeypatch
):
    # Encoding a 5K screenshot as PNG took half a second on the window's thread.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    threads: list[QThread] = []
    encode = evidence_actions.png_bytes

    def recorded(image: QImage) -> bytes:
        threads.append(QThread.currentThread())
        return encode(image)

    monkeypatch.setattr(evidence_actions, "png_bytes", recorded)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    job = window.detail.evidence.attach_image(source, image)
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    assert len(threads) == 1 and threads[0] is not QApplication.instance().thread()
    (attached,) = window.workbench.attachments(source)
    shown = QImage.fromData(window.workbench.attachment_bytes(attached.id))
    assert (shown.width(), shown.height()) == (64, 48)


# Qt 6 has only the QPoint constructor that PySide marks as deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_files_of_one_drop_undo_as_one_step(qtbot, make_window, tmp_path):
    # Dropped on the wrong note, three files took three Undos, each named for one file.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    wb = window.workbench
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"page-{i}.txt")
        paths[-1].write_bytes(f"Page {i} of the council minutes.".encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _drop(window.detail.sources, mime)
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert len(wb.attachments(source)) == 3
    assert wb.undo_label() == "Attach files"
    wb.undo()
    assert wb.attachments(source) == [] and wb.undo_label() != "Attach files"
    wb.redo()
    assert [f.file_name for f in wb.attachments(source)] == [p.name for p in paths]
    # A second drop is a step of its own.
    extra = tmp_path / "extra.txt"
    extra.write_bytes(b"An extra page.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(extra))])
    _drop(window.detail.sources, mime)
    qtbot.waitUntil(lambda: len(wb.attachments(source)) == 4, timeout=WAIT_MS)
    wb.undo()
    assert len(wb.attachments(source)) == 3


# Qt 6 has only the QPoint constructor that PySide marks as deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_file_whose_name_is_not_utf8_is_attached_when_dropped(qtbot, make_window, tmp_path):
    # An old Latin-1 "café": the file manager sends its bytes percent-encoded, and the
    # file was refused as "does not exist".
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    raw = os.fsencode(tmp_path) + b"/caf\xe9 notes.txt"
    Path(os.fsdecode(raw)).write_bytes(b"Notes taken at the cafe.")
    mime = QMimeData()
    mime.setUrls([QUrl("file://" + quote_from_bytes(raw))])
    _drop(window.detail.sources, mime)
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert window.findChild(QMessageBox, "knownErrorBox") is None
    (attached,) = window.workbench.attachments(source)
    assert attached.file_name == "caf\ufffd notes.txt"
    assert window.workbench.attachment_bytes(attached.id) == b"Notes taken at the cafe."
