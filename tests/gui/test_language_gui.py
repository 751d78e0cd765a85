"""The article's language in the window: library column, Properties correction, undo,
reopening, older articles detected when shown, Spanish names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from claimdesk.domain import LanguageSource
from claimdesk.gui.dialogs.metadata_dialog import MetadataDialog
from claimdesk.gui.language_names import NAMES, UNKNOWN, language_choices, language_label
from claimdesk.gui.models.library_model import LANGUAGE_COLUMN, LibraryModel
from claimdesk.nlp.language import known_languages, language_name
from tests.gui.conftest import EXTRACTION_TIMEOUT_MS
from tests.gui.test_translations import spanish  # noqa: F401 - the fixture

GERMAN = (
    "Der Bundestag hat am Donnerstag das neue Heizungsgesetz mit knapper Mehrheit "
    "beschlossen. Die Opposition kündigte eine Klage vor dem Bundesverfassungsgericht an. "
    "Nach Angaben des Ministeriums sollen bis 2030 rund 500.000 Wärmepumpen eingebaut werden.\n"
)


def _german_file(tmp_path: Path) -> Path:
    path = tmp_path / "heizung.txt"
    path.write_text(GERMAN, encoding="utf-8")
    return path


def _shown_language(window) -> str:
    model = window.library_model
    row = model.row_of(window.article_id)
    return model.data(model.index(row, LANGUAGE_COLUMN))


def _open(qtbot, window, path: Path) -> None:
    window.open_path(path)
    qtbot.waitUntil(lambda: window.article_id is not None, timeout=EXTRACTION_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.extraction.busy(), timeout=EXTRACTION_TIMEOUT_MS)


def test_every_language_the_detector_gives_has_a_translatable_name() -> None:
    assert {language_name(c) for c in known_languages()} == set(NAMES)
    assert language_label(None) == "" and language_label("und") == UNKNOWN == "Unknown"
    assert language_label("pt-BR") == "Portuguese (pt-BR)"
    assert language_label("tlh") == "tlh"
    names = [name for _, name in language_choices()]
    assert len(names) == len(known_languages()) and names[0] == "Acehnese"


def test_the_library_shows_the_language_and_passes_the_model_tester(
    qtbot, qtmodeltester, make_window, tmp_path
) -> None:
    window = make_window()
    _open(qtbot, window, _german_file(tmp_path))
    model = window.library_model
    assert model.headerData(LANGUAGE_COLUMN, Qt.Orientation.Horizontal) == "Language"
    assert _shown_language(window) == "German"
    row = model.row_of(window.article_id)
    assert model.data(model.index(row, 0), LibraryModel.LanguageRole) == "de"
    qtmodeltester.check(model)


def test_properties_correct_the_language_by_keyboard_undo_and_reopen(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    _open(qtbot, window, _german_file(tmp_path))
    article_id = window.article_id
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(MetadataDialog)
    assert dialog is not None
    combo = dialog.findChild(QComboBox, "metaLanguage")
    assert combo.currentData() == "de" and combo.currentText() == "German"
    note = dialog.language_note
    qtbot.waitUntil(lambda: "%" in note.text(), timeout=20_000)
    assert note.text().startswith("Detected automatically")
    assert "German" in note.text()
    # Alt+L (the "&Language:" label) reaches the combo; typing picks a language.
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is combo
    qtbot.keyClicks(combo, "Luxem")
    assert combo.currentData() == "lb"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.writes.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: _shown_language(window) == "Luxembourgish", timeout=10_000)
    article = window.workbench.article(article_id)
    assert (article.language, article.language_source) == ("lb", LanguageSource.CHECKER)
    # Undoable like every other Properties edit.
    assert window.workbench.undo_label() == "Edit article properties"
    qtbot.waitUntil(lambda: window.findChild(MetadataDialog) is None)  # deleted on close
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _shown_language(window) == "German", timeout=10_000)
    assert window.workbench.article(article_id).language_source is LanguageSource.DETECTED
    qtbot.keyClick(
        window.claims_panel.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _shown_language(window) == "Luxembourgish", timeout=10_000)
    # The checker's word survives reopening the desk, and Properties says whose it is.
    path = window.workbench.db.path
    window.close()
    again = make_window(path)
    again.show_article(article_id)
    assert _shown_language(again) == "Luxembourgish"
    dialog = again.dialogs.edit_metadata()
    assert dialog.language.currentData() == "lb"
    qtbot.waitUntil(lambda: "%" in dialog.language_note.text(), timeout=20_000)
    assert dialog.language_note.text().startswith("Set by a checker")
    assert "German" in dialog.language_note.text()  # what the detector says, beside it
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()


def test_an_article_stored_before_languages_is_detected_when_shown(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    _open(qtbot, window, _german_file(tmp_path))
    article_id = window.article_id
    path = window.workbench.db.path
    window.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE articles SET language = NULL, language_source = NULL")
    con.close()
    again = make_window(path)
    again.show_article(article_id)
    qtbot.waitUntil(lambda: _shown_language(again) == "German", timeout=20_000)
    assert again.workbench.article(article_id).language_source is LanguageSource.DETECTED


def test_spanish_names_in_the_library_and_the_picker(spanish, qtbot, make_window, tmp_path):  # noqa: F811
    window = make_window()
    _open(qtbot, window, _german_file(tmp_path))
    model = window.library_model
    assert model.headerData(LANGUAGE_COLUMN, Qt.Orientation.Horizontal) == "Idioma"
    assert _shown_language(window) == "Alemán"
    dialog = window.dialogs.edit_metadata()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[0] == "Desconocido" and dialog.language.currentText() == "Alemán"
    # Sorted as Spanish sorts: "Árabe" among the A's, not after "Zulú".
    assert names.index("Árabe") < names.index("Bretón") < names.index("Zulú")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
