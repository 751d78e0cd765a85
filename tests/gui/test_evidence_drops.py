"""Dropping several files at once: each refused one is named on a line of its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QMessageBox

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
