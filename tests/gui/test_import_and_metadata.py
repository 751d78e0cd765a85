"""Batch import and article metadata, driven through the real window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from claimdesk.gui.dialogs.metadata_dialog import MetadataDialog
from tests.gui.conftest import EXTRACTION_TIMEOUT_MS


def test_folder_import_shows_progress_summary_and_extracts_all(
    qtbot, make_window, tmp_path, seed_path: Path
):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "copy.txt").write_bytes(seed_path.read_bytes())
    (folder / "budget.md").write_text(
        "# Budget\n\nThe deficit rose to 5% of GDP in 2024, the minister said.\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 500)
    window = make_window()
    window.open_paths([str(folder)])
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "batchSummary") is not None,
        timeout=EXTRACTION_TIMEOUT_MS,
    )
    box = window.findChild(QMessageBox, "batchSummary")
    assert box.text() == "2 imported, 1 already in the library, 1 refused."
    assert "broken.txt" in box.detailedText()
    box.close()
    qtbot.waitUntil(lambda: not window.extraction.busy(), timeout=EXTRACTION_TIMEOUT_MS)
    assert window.library_model.rowCount() == 2
    for summary in window.workbench.articles():
        assert not window.workbench.needs_extraction(summary.id)
        assert summary.claim_count > 0


def test_metadata_can_be_seen_and_corrected(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    qtbot.waitUntil(lambda: window.article_id is not None)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(MetadataDialog)
    assert dialog is not None
    assert dialog.title_edit.text().startswith("The United States has hailed")
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Blinken hails progress in Ukraine")
    qtbot.keyClicks(dialog.author, "Staff and agencies")
    qtbot.keyClicks(dialog.url, "https://example.org/world/ukraine")
    dialog.has_date.setChecked(True)
    dialog.published.setDate(dialog.published.date().fromString("2023-09-07", "yyyy-MM-dd"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    article = window.workbench.article(window.article_id)
    assert article.title == "Blinken hails progress in Ukraine"
    assert article.author == "Staff and agencies"
    assert article.url == "https://example.org/world/ukraine"
    assert article.published == date(2023, 9, 7)
    assert article.publisher is None
    assert window.windowTitle().startswith("Blinken hails progress")
    assert window.library_model.data(window.library_model.index(0, 0)) == article.title
