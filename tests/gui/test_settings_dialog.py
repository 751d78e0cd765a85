"""The Settings dialog over a real database: settings, scale edits, refusals, theme, files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from claimdesk.domain import RatingDraft, Theme
from claimdesk.gui.dialogs.scale_editor import COL_NAME, COL_VALUE, RatingScaleModel, drafts_of
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog, url_problem
from claimdesk.gui.i18n import label
from claimdesk.gui.theme import apply_theme, is_dark, readable_text
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.services.changes import Changes
from claimdesk.storage.db import DEFAULT_RATINGS, open_database
from tests.gui.test_translations import spanish  # noqa: F401  (a fixture)

ARTICLE = (
    "Harbour tolls\n\n"
    "The port authority said harbour tolls doubled since 2019. "
    "The mayor said zebra crossings fell by 40% in 2023.\n"
)
TAB_SCALE, TAB_APPEARANCE = 2, 4
W = TypeVar("W", bound=QWidget)


@dataclass
class Desk:
    window: MainWindow
    db_path: Path
    article: int
    mostly_true_claim: int
    false_claim: int


def _claim(window: MainWindow, article_id: int, first: str, last: str, rating: str) -> int:
    wb = window.workbench
    text = wb.article(article_id).text
    claim_id, _ = wb.add_claim(article_id, text.index(first), text.index(last) + len(last))
    wb.set_verdict(claim_id, _rating_id(window, rating), "Checked.")
    return claim_id


def _rating_id(window: MainWindow, name: str) -> int:
    return next(r.id for r in window.workbench.rating_scale().ratings if r.name == name)


@pytest.fixture
def desk(make_window, tmp_path: Path) -> Iterator[Desk]:
    window = make_window()
    (tmp_path / "tolls.txt").write_text(ARTICLE, encoding="utf-8")
    article = window.workbench.open_file(tmp_path / "tolls.txt").article_id
    mostly = _claim(window, article, "The port", "since 2019.", "Mostly true")
    false = _claim(window, article, "The mayor", "in 2023.", "False")
    yield Desk(window, window.workbench.db.path, article, mostly, false)
    apply_theme(qapp(), Theme.SYSTEM)


def qapp() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def stored_settings(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as con:
        return dict(con.execute("SELECT key, value FROM settings"))


def stored_scale(path: Path) -> list[tuple[int, str, int, str]]:
    with sqlite3.connect(path) as con:
        return list(con.execute("SELECT id, name, value, color FROM ratings ORDER BY position"))


def open_dialog(qtbot, desk: Desk) -> SettingsDialog:
    dialog = SettingsDialog(desk.window, desk.window.workbench, desk.window.errors, desk.db_path)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def show_tab(qtbot, dialog: SettingsDialog, index: int) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(dialog: SettingsDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert isinstance(found, QPushButton)
    return found


def click_save(qtbot, dialog: SettingsDialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def retype(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def click_cell(qtbot, dialog: SettingsDialog, row: int, col: int = COL_NAME) -> None:
    view = dialog.scale.view
    pos = view.visualRect(dialog.scale.model.index(row, col)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert dialog.scale.current_row() == row


def edit_cell(qtbot, dialog: SettingsDialog, row: int, col: int, text: str) -> None:
    """Type into a cell as the checker does: select it, F2, type, Enter."""
    click_cell(qtbot, dialog, row, col)
    qtbot.keyClick(dialog.scale.view, Qt.Key.Key_F2)
    type_into_editor(qtbot, dialog, text)


def type_into_editor(qtbot, dialog: SettingsDialog, text: str) -> None:
    editor = focused_editor(qtbot, dialog)
    retype(qtbot, editor, text)
    # Return commits and closes the editor; the view deletes it on the next loop turn.
    with qtbot.waitSignal(editor.destroyed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def focused_editor(qtbot, dialog: SettingsDialog) -> QWidget:
    """The cell editor the view opened, once it has the keyboard focus."""
    viewport = dialog.scale.view.viewport()
    qtbot.waitUntil(
        lambda: (w := QApplication.focusWidget()) is not None and viewport.isAncestorOf(w)
    )
    editor = QApplication.focusWidget()
    assert editor is not None
    return editor


def child_dialog(qtbot, parent: QWidget, kind: type[W], name: str) -> W:
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None)
    found = parent.findChild(kind, name)
    assert isinstance(found, kind)
    qtbot.waitUntil(found.isVisible)
    return found


def test_save_stores_settings_and_the_edited_scale(qtbot, desk: Desk) -> None:
    before = {row[1]: row for row in stored_scale(desk.db_path)}
    dialog = open_dialog(qtbot, desk)
    qtbot.keyClicks(dialog.checker_name, "Ana Checker")
    show_tab(qtbot, dialog, 1)
    qtbot.keyClicks(dialog.org_name, "Harbour Fact Desk")
    qtbot.keyClicks(dialog.org_url, "https://factdesk.example/about")
    assert dialog.org_url_error.isHidden()
    show_tab(qtbot, dialog, 3)
    retype(qtbot, dialog.threshold, "0.72")
    assert dialog.threshold.value() == pytest.approx(0.72)

    show_tab(qtbot, dialog, TAB_SCALE)
    edit_cell(qtbot, dialog, 1, COL_NAME, "Largely true")
    click_cell(qtbot, dialog, 4)  # False
    click(qtbot, dialog.scale.buttons["Up"])
    click_cell(qtbot, dialog, 6)  # Unverifiable, the last row
    assert not dialog.scale.buttons["Down"].isEnabled()
    click(qtbot, dialog.scale.buttons["Add"])
    assert dialog.scale.current_row() == 7
    type_into_editor(qtbot, dialog, "Satire")
    edit_cell(qtbot, dialog, 7, COL_VALUE, "2")
    click(qtbot, dialog.scale.buttons["Color"])
    picker = child_dialog(qtbot, dialog, QColorDialog, "settingsColorDialog")
    picker.setCurrentColor(QColor("#123456"))
    picker.accept()

    saved: list[Changes] = []
    dialog.settingsChanged.connect(saved.append)
    with qtbot.waitSignal(dialog.ratingScaleChanged) as blocker:
        click_save(qtbot, dialog)
    assert [r.name for r in blocker.args[0].ratings][-1] == "Satire"
    assert len(saved) == 1 and desk.article in saved[0].claim_sets
    assert not dialog.isVisible()

    settings = stored_settings(desk.db_path)
    assert settings["checker_name"] == "Ana Checker"
    assert settings["org_name"] == "Harbour Fact Desk"
    assert settings["org_url"] == "https://factdesk.example/about"
    assert float(settings["threshold"]) == pytest.approx(0.72)
    scale = stored_scale(desk.db_path)
    assert [r[1] for r in scale] == [
        "True", "Largely true", "Half true", "False", "Mostly false", "Misleading",
        "Unverifiable", "Satire",
    ]  # fmt: skip
    assert scale[1][0] == before["Mostly true"][0]  # renamed in place, same id
    assert scale[7][2:] == (2, "#123456")
    claim = desk.window.workbench.claim(desk.mostly_true_claim)
    assert claim.verdict is not None
    assert (claim.verdict.rating.id, claim.verdict.rating.name) == (
        before["Mostly true"][0],
        "Largely true",
    )


def test_removing_a_rating_in_use_is_refused_and_nothing_is_saved(qtbot, desk: Desk) -> None:
    scale_before = stored_scale(desk.db_path)
    dialog = open_dialog(qtbot, desk)
    qtbot.keyClicks(dialog.checker_name, "Ana Checker")
    show_tab(qtbot, dialog, TAB_SCALE)
    edit_cell(qtbot, dialog, 0, COL_NAME, "Correct")
    click_cell(qtbot, dialog, 4)
    assert dialog.scale.model.drafts()[4].name == "False"
    click(qtbot, dialog.scale.buttons["Remove"])
    assert "False" not in [d.name for d in dialog.scale.model.drafts()]
    click_save(qtbot, dialog)

    box = child_dialog(qtbot, desk.window, QMessageBox, "knownErrorBox")
    assert "“False” is the rating of 1 claim" in box.text()
    assert dialog.isVisible()
    assert stored_scale(desk.db_path) == scale_before
    assert "checker_name" not in stored_settings(desk.db_path)
    box.close()


def test_a_bad_web_address_is_explained_inline_and_not_saved(qtbot, desk: Desk) -> None:
    dialog = open_dialog(qtbot, desk)
    qtbot.keyClicks(dialog.checker_name, "Ana Checker")
    show_tab(qtbot, dialog, 1)
    qtbot.keyClicks(dialog.org_url, "www.factdesk.example")
    assert dialog.org_url_error.isVisible()
    assert "http:// or https://" in dialog.org_url_error.text()
    show_tab(qtbot, dialog, 0)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
    assert stored_settings(desk.db_path) == {}

    retype(qtbot, dialog.org_url, "https://")
    assert "not a complete web address" in dialog.org_url_error.text()
    retype(qtbot, dialog.org_url, "https://factdesk.example")
    assert dialog.org_url_error.isHidden()
    with qtbot.waitSignal(dialog.deskSettingsSaved) as blocker:
        click_save(qtbot, dialog)
    assert blocker.args[0].org_url == "https://factdesk.example"
    assert stored_settings(desk.db_path)["org_url"] == "https://factdesk.example"


@pytest.mark.parametrize(
    ("text", "ok"),
    [("", True), ("http://a.example", True), ("ftp://a.example", False), ("https://a b", False)],
)
def test_url_problem(text: str, ok: bool) -> None:
    assert (url_problem(text) == "") is ok


def test_theme_previews_reverts_on_cancel_and_is_saved(qtbot, desk: Desk) -> None:
    app = qapp()
    system = app.palette().color(QPalette.ColorRole.Window)
    assert not is_dark(app.palette())

    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_APPEARANCE)
    qtbot.keyClicks(dialog.theme, "D")
    assert dialog.chosen_theme() is Theme.DARK
    assert is_dark(app.palette())
    # inline errors switch to a red that reads on the dark window
    qtbot.waitUntil(lambda: "#ff8a80" in dialog.org_url_error.styleSheet())
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert app.palette().color(QPalette.ColorRole.Window) == system

    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_APPEARANCE)
    qtbot.keyClicks(dialog.theme, "D")
    click_save(qtbot, dialog)
    assert stored_settings(desk.db_path)["theme"] == "dark"
    qtbot.waitUntil(lambda: is_dark(desk.window.palette()))  # Qt posts the palette change
    assert app.style().name().casefold() == "fusion"

    dialog = open_dialog(qtbot, desk)
    assert dialog.chosen_theme() is Theme.DARK
    show_tab(qtbot, dialog, TAB_APPEARANCE)
    qtbot.keyClicks(dialog.theme, "S")
    click_save(qtbot, dialog)
    assert stored_settings(desk.db_path)["theme"] == "system"
    assert app.palette().color(QPalette.ColorRole.Window) == system
    qtbot.waitUntil(lambda: not is_dark(desk.window.palette()))


def test_pale_highlights_keep_dark_text_on_the_dark_theme(qtbot, desk: Desk) -> None:
    app = qapp()
    apply_theme(app, Theme.DARK)
    palette = app.palette()
    assert readable_text(QColor("#fff3b0"), palette) == QColor("#1d1d1d")  # to-do yellow
    translucent = QColor("#2e7d32")
    translucent.setAlpha(90)  # a rating colour as claims_model.claim_color draws it
    assert readable_text(translucent, palette) != QColor("#1d1d1d")


def test_open_and_new_database_requests(qtbot, desk: Desk, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    open_database(other).engine.dispose()
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, 5)
    assert dialog.database_label.text() == str(desk.db_path)

    assert not dialog.request_open(desk.db_path)
    assert "the one open now" in dialog.database_error.text()
    assert not dialog.request_new(other)
    assert "already exists" in dialog.database_error.text()

    click(qtbot, button(dialog, "settingsOpenDatabase"))
    chooser = child_dialog(qtbot, dialog, QFileDialog, "settingsOpenDatabaseDialog")
    chooser.selectFile(str(other))
    with qtbot.waitSignal(dialog.openDatabaseRequested) as blocker:
        chooser.accept()
    assert blocker.args == [other.resolve()]
    assert not dialog.isVisible()

    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, 5)
    click(qtbot, button(dialog, "settingsNewDatabase"))
    chooser = child_dialog(qtbot, dialog, QFileDialog, "settingsNewDatabaseDialog")
    chooser.selectFile(str(tmp_path / "fresh"))
    with qtbot.waitSignal(dialog.newDatabaseRequested) as blocker:
        chooser.accept()
    assert blocker.args == [(tmp_path / "fresh.sqlite3").resolve()]
    assert not (tmp_path / "fresh.sqlite3").exists()  # the lead's handler creates it


def test_logo_is_chosen_previewed_and_stored_as_text(qtbot, desk: Desk, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#204080"))
    assert image.save(str(logo))
    (tmp_path / "notes.png").write_text("not an image", encoding="utf-8")
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, 1)
    assert dialog.logo_preview.text() == "No logo"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.org_logo.hasFocus)  # the &Logo label reaches the path field

    click(qtbot, button(dialog, "settingsOrgLogoChoose"))
    chooser = child_dialog(qtbot, dialog, QFileDialog, "settingsLogoDialog")
    chooser.selectFile(str(logo))
    chooser.accept()
    assert dialog.org_logo.text() == str(logo)
    preview = dialog.logo_preview.pixmap()
    assert (preview.width(), preview.height()) == (160, 53)  # 120×40 fitted in 160×64

    retype(qtbot, dialog.org_logo, str(tmp_path / "notes.png"))
    assert "not an image" in dialog.logo_preview.text()
    retype(qtbot, dialog.org_logo, str(tmp_path / "missing.png"))
    assert "no file" in dialog.logo_preview.text()
    retype(qtbot, dialog.org_logo, str(logo))
    click_save(qtbot, dialog)
    assert stored_settings(desk.db_path)["org_logo"] == str(logo)


def test_scale_model_passes_the_model_tester(qtmodeltester, desk: Desk) -> None:
    model = RatingScaleModel(drafts_of(desk.window.workbench.rating_scale()))
    qtmodeltester.check(model)
    first = model.draft_at(0)
    assert model.move_draft(0, 1) and model.draft_at(1) == first
    assert model.move_draft(1, -1) and model.draft_at(0) == first
    assert not model.move_draft(0, -1)
    assert not model.move_draft(model.rowCount() - 1, 1)
    model.insert_draft(2, RatingDraft(model.unused_name(), 0, "#9e9e9e"))
    assert model.drafts()[2].name == "New rating"
    assert model.unused_name() == "New rating 2"
    assert not model.setData(model.index(2, COL_VALUE), 101)
    assert not model.setData(model.index(2, 2), "not a colour")
    model.remove_draft(2)
    qtmodeltester.check(model)


@pytest.mark.usefixtures("spanish")
def test_the_default_names_read_in_the_windows_language_and_are_stored_as_they_were(
    qtbot, desk: Desk
) -> None:
    """In Spanish the scale editor shows "Verdadero" as the menus do, edits start from it,
    and a name left as shown stays stored as it was ("True"): only a name typed otherwise
    is stored as typed."""
    before = stored_scale(desk.db_path)
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_SCALE)
    model = dialog.scale.model
    shown = [model.index(row, COL_NAME).data() for row in range(model.rowCount())]
    assert shown == [label(name) for name, _value, _color in DEFAULT_RATINGS]
    assert shown[0] == "Verdadero" and shown[4] == "Falso"
    click_cell(qtbot, dialog, 0)
    qtbot.keyClick(dialog.scale.view, Qt.Key.Key_F2)
    editor = focused_editor(qtbot, dialog)
    assert editor.property("text") == "Verdadero"
    with qtbot.waitSignal(editor.destroyed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # left as shown
    edit_cell(qtbot, dialog, 4, COL_NAME, "Falso")  # typed as shown: still the default name
    edit_cell(qtbot, dialog, 1, COL_NAME, "Casi cierto")
    with qtbot.waitSignal(dialog.ratingScaleChanged):
        click_save(qtbot, dialog)
    after = stored_scale(desk.db_path)
    assert [r[1] for r in after] == [
        "True", "Casi cierto", "Half true", "Mostly false", "False", "Misleading",
        "Unverifiable",
    ]  # fmt: skip
    assert [r[0] for r in after] == [r[0] for r in before]


@pytest.mark.usefixtures("spanish")
def test_a_default_name_retyped_with_stray_spaces_stays_the_default_so_bundles_still_match(
    qtbot, desk: Desk, tmp_path: Path
) -> None:
    """"Falso " typed in the Spanish scale editor was stored as the name "Falso" (spaces
    are trimmed on save): the desk's "False" was renamed, its bundles were refused by every
    desk whose scale keeps "False" (English or Spanish window alike), and theirs by it."""
    from claimdesk.services.bundles import export_bundle, import_bundle
    from tests.reports.casework import open_workbench

    before = stored_scale(desk.db_path)
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_SCALE)
    edit_cell(qtbot, dialog, 4, COL_NAME, "Falso ")
    edit_cell(qtbot, dialog, 3, COL_NAME, " Mayormente  falso")
    with qtbot.assertNotEmitted(dialog.ratingScaleChanged):  # nothing was renamed
        click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [r[1] for r in stored_scale(desk.db_path)] == [r[1] for r in before]
    path = tmp_path / "case.claimdesk"
    export_bundle(desk.window.workbench.db, path)
    other = open_workbench(tmp_path / "english" / "desk.sqlite3")
    try:
        result = import_bundle(other.db, path)
        rated = [c.verdict.rating.name for a in result.article_ids for c in other.claims(a)
                 if c.verdict is not None]  # fmt: skip
    finally:
        other.db.dispose()
    assert sorted(rated) == ["False", "Mostly true"]


@pytest.mark.usefixtures("spanish")
def test_a_new_rating_that_reads_as_a_default_one_in_the_windows_language_is_refused(
    qtbot, desk: Desk
) -> None:
    """A bundle from a desk that renamed "False" to "Falso" is refused here (“Falso” is not
    on this scale), though the Spanish editor shows this desk's "False" as "Falso". Adding
    "Falso" as the refusal suggests made a second rating that reads "Falso" too, with value
    0: the bundle's verdicts then took it, not the desk's "False"."""
    before = stored_scale(desk.db_path)
    dialog = open_dialog(qtbot, desk)
    show_tab(qtbot, dialog, TAB_SCALE)
    click_cell(qtbot, dialog, 6)
    click(qtbot, dialog.scale.buttons["Add"])
    type_into_editor(qtbot, dialog, "falso")
    with qtbot.assertNotEmitted(dialog.ratingScaleChanged):
        click_save(qtbot, dialog)
    box = child_dialog(qtbot, desk.window, QMessageBox, "knownErrorBox")
    assert "«Falso»" in box.text() and "(filas 5 y 8)" in box.text()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_SCALE
    assert stored_scale(desk.db_path) == before
    box.close()
