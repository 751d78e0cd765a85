"""Alt+letter in the dialogs, in every interface language: one letter, one control."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from claimdesk.gui.dialogs.source_dialog import SourceDialog
from tests.gui.conftest import wait_for_claims
from tests.gui.test_translations import spanish  # noqa: F401 (a fixture)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown_mnemonics(dialog: QDialog) -> dict[str, list[str]]:
    """Letter → texts of the controls shown now with that Alt+letter (tab titles too)."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in dialog.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QLabel, QGroupBox)) or w.window() is not dialog:
            continue
        if not w.isVisibleTo(dialog):
            continue
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        if m := re.search(r"&(\w)", text):
            found[m.group(1).casefold()].append(text)
    for tabs in dialog.findChildren(QTabWidget):
        for i in range(tabs.count()):
            if m := re.search(r"&(\w)", tabs.tabText(i)):
                found[m.group(1).casefold()].append(tabs.tabText(i))
    return found


def clashes(dialog: QDialog) -> dict[str, list[str]]:
    return {k: v for k, v in shown_mnemonics(dialog).items() if len(v) > 1}


def every_settings_page_has_its_own_letters(qtbot, window) -> None:
    dialog = window.dialogs.open_settings()
    try:
        for i in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda i=i: dialog.tabs.widget(i).isVisible())
            assert not clashes(dialog), dialog.tabs.tabText(i)
    finally:
        dialog.reject()


def test_settings_letters_are_unique_on_every_page(make_window, qtbot) -> None:
    every_settings_page_has_its_own_letters(qtbot, make_window())


@pytest.mark.usefixtures("spanish")
def test_spanish_settings_letters_are_unique_on_every_page(make_window, qtbot) -> None:
    """Spanish "&Elegir…" and "&Borrar" took the letters of the tabs "&Escala de calificación" and
    "&Base de datos" (so did "&Bajar" and "Abrir &otra…"): Alt+B only moved the focus."""
    window = make_window()
    every_settings_page_has_its_own_letters(qtbot, window)
    dialog = window.dialogs.open_settings()
    dialog.tabs.setCurrentIndex(1)  # Organización
    qtbot.waitUntil(lambda: dialog.tabs.widget(1).isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_B, ALT)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "&Base de datos"
    dialog.reject()


def export_dialog(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    dialog = window.dialogs.export_report()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def letters_of_every_choice(dialog) -> None:
    """Each scope, tick box and field of the form has a letter, and no letter two."""
    for fmt in ("html", "csv"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        for control in (dialog.scope_article, dialog.scope_all, dialog.scope_dates,
                        dialog.all_claims, dialog.bom, dialog.copy_files):  # fmt: skip
            if control.isVisibleTo(dialog):
                assert re.search(r"&\w", control.text()), control.text()
        assert not clashes(dialog), fmt


def test_export_scope_and_options_answer_alt_letters(qtbot, make_window, seed_path) -> None:
    """ "This article", "All articles", "Checked between" and "Include claims nobody has
    worked on" had no letter: the keyboard reached them only by Tab and arrows."""
    dialog = export_dialog(qtbot, make_window, seed_path)
    letters_of_every_choice(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    for letter, button in ((Qt.Key.Key_A, dialog.scope_all),
                           (Qt.Key.Key_B, dialog.scope_dates),
                           (Qt.Key.Key_T, dialog.scope_article)):  # fmt: skip
        qtbot.keyClick(dialog.focusWidget(), letter, ALT)
        qtbot.waitUntil(button.isChecked)  # a mnemonic clicks after a short animation
        assert button.hasFocus()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_I, ALT)
    qtbot.waitUntil(dialog.all_claims.isChecked)
    dialog.close()


@pytest.mark.usefixtures("spanish")
def test_spanish_export_choices_have_letters_of_their_own(qtbot, make_window, seed_path) -> None:
    dialog = export_dialog(qtbot, make_window, seed_path)
    letters_of_every_choice(dialog)
    dialog.close()


def metadata_dialog(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    dialog = window.dialogs.edit_metadata()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_alt_k_says_the_publication_date_is_known(qtbot, make_window, seed_path) -> None:
    """Article properties: "Known" (which turns the date on) had no letter, the one
    control of the form Alt could not reach."""
    dialog = metadata_dialog(qtbot, make_window, seed_path)
    assert not clashes(dialog)
    assert not dialog.has_date.isChecked()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_K, ALT)
    qtbot.waitUntil(dialog.has_date.isChecked)
    assert dialog.published.isEnabled()
    dialog.reject()


@pytest.mark.usefixtures("spanish")
def test_spanish_known_has_a_letter_of_its_own(qtbot, make_window, seed_path) -> None:
    dialog = metadata_dialog(qtbot, make_window, seed_path)
    assert re.search(r"&\w", dialog.has_date.text())
    assert not clashes(dialog)
    dialog.reject()


def source_dialog(qtbot, make_window, seed_path) -> SourceDialog:
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.step(1)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)  # Add source…
    qtbot.waitUntil(lambda: window.findChild(SourceDialog) is not None)
    dialog = window.findChild(SourceDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def every_button_has_a_letter(dialog: QDialog) -> None:
    standard = dialog.findChild(QDialogButtonBox)
    for button in dialog.findChildren(QPushButton):
        if button.isVisibleTo(dialog) and button.parent() is not standard:
            assert re.search(r"&\w", button.text()), button.text()
    assert not clashes(dialog)


def test_every_button_of_the_source_note_has_a_letter(qtbot, make_window, seed_path) -> None:
    """The "Remove file" button was the one beside the attachments without an Alt letter."""
    dialog = source_dialog(qtbot, make_window, seed_path)
    every_button_has_a_letter(dialog)
    dialog.reject()


@pytest.mark.usefixtures("spanish")
def test_spanish_source_note_buttons_have_letters(qtbot, make_window, seed_path) -> None:
    dialog = source_dialog(qtbot, make_window, seed_path)
    every_button_has_a_letter(dialog)
    dialog.reject()


def test_a_source_url_that_is_no_web_address_is_refused_with_one_line(
    qtbot, make_window, seed_path
) -> None:
    """ "www.…" pasted without https:// was saved, and every report then dropped its link
    (reports link only web and mail addresses); now Enter says so and saves nothing."""
    dialog = source_dialog(qtbot, make_window, seed_path)
    window = dialog.parent().window()
    claim_id = window.claims_panel.current_claim_id()
    qtbot.keyClicks(dialog.url, "www.example.org/report")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "https://" in dialog.error.text() and "\n" not in dialog.error.text()
    assert not window.workbench.claim(claim_id).sources
    dialog.url.setText("https://example.org/report")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: len(window.workbench.claim(claim_id).sources) == 1, timeout=10_000)


def _refused_url_message(qtbot, dialog: SourceDialog, url: str) -> str:
    dialog.url.setText(url)
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    assert dialog.isVisible()
    return dialog.error.text()


def test_the_refused_url_message_names_every_address_that_is_taken(
    qtbot, make_window, seed_path
) -> None:
    """The message named only https:// and http://, yet a mailto: address is taken too
    (a source can be the press office's mail address): it now names all three."""
    dialog = source_dialog(qtbot, make_window, seed_path)
    window = dialog.parent().window()
    claim_id = window.claims_panel.current_claim_id()
    text = _refused_url_message(qtbot, dialog, "ftp://example.org/report")
    assert text == "The URL must start with https://, http:// or mailto: (or leave it empty)."
    assert not window.workbench.claim(claim_id).sources
    dialog.url.setText("mailto:press@example.org")  # what the message says is taken
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: len(window.workbench.claim(claim_id).sources) == 1, timeout=10_000)
    assert window.workbench.claim(claim_id).sources[0].url == "mailto:press@example.org"


@pytest.mark.usefixtures("spanish")
def test_the_spanish_refused_url_message_names_mailto_too(qtbot, make_window, seed_path) -> None:
    dialog = source_dialog(qtbot, make_window, seed_path)
    text = _refused_url_message(qtbot, dialog, "www.example.org/informe")
    assert text == "La URL debe empezar por https://, http:// o mailto: (o déjela vacía)."
    dialog.reject()
