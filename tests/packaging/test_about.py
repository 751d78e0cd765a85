"""Help → About: version, database and the bundled licences, read from resources/licenses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from claimdesk import __version__
from claimdesk.gui.dialogs.about import LICENSE_TABS, AboutDialog, licence_text, show_about


def test_about_shows_version_database_and_every_licence(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    dialog = show_about(None, db)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    assert dialog.isVisible()
    header = dialog.findChild(QLabel, "aboutText")
    assert header is not None
    assert f"ClaimDesk {__version__}" in header.text()
    assert str(db) in header.text()
    assert dialog.tabs.count() == len(LICENSE_TABS)
    assert "MIT License" in dialog.text_of("LICENSE.txt")
    notices = dialog.text_of("THIRD-PARTY-NOTICES.txt")
    assert "PySide6" in notices and "ClaimBuster" in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text_of("LGPL-3.0.txt")
    # Large texts load when their tab is first shown.
    dialog.tabs.setCurrentIndex(4)
    assert "Apache License" in dialog.editors["Apache-2.0.txt"].toPlainText()
    dialog.close()


def test_a_missing_licence_file_says_how_to_restore_it() -> None:
    assert "reinstall ClaimDesk" in licence_text("NO-SUCH-LICENCE.txt")
