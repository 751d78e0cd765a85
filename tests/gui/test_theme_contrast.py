"""Every text colour the themes draw reads at WCAG AA (4.5:1) on the colour it is drawn on,
measured on the palettes and on real widgets of a window over a real desk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from claimdesk.domain import Theme
from claimdesk.gui.dialogs.shortcuts_sheet import ShortcutsSheet
from claimdesk.gui.theme import _contrast, apply_theme, dark_palette, is_dark, light_palette
from claimdesk.gui.windows.main_window import MainWindow
from tests.gui.conftest import wait_for_claims

Role = QPalette.ColorRole
AA = 4.5
#: (text role, background roles it is drawn on).
TEXT_ON = {
    Role.WindowText: (Role.Window,),
    Role.Text: (Role.Base, Role.AlternateBase),
    Role.ButtonText: (Role.Button,),
    Role.ToolTipText: (Role.ToolTipBase,),
    # The selected claim, search hit, conflict row (white on 4.3:1 in the dark theme).
    Role.HighlightedText: (Role.Highlight,),
    # Hints such as "Filter by action or keys" (4.3:1 on the light theme's white).
    Role.PlaceholderText: (Role.Base,),
    Role.Link: (Role.Base, Role.Window),
    # The secondary text of labels and counts ("color: palette(mid)").
    Role.Mid: (Role.Window, Role.Base, Role.AlternateBase),
}


@pytest.mark.parametrize("make", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize("text", list(TEXT_ON), ids=lambda r: r.name)
def test_text_roles_read_on_their_backgrounds(make, text) -> None:
    palette = make()
    for background in TEXT_ON[text]:
        ratio = _contrast(palette.color(text), palette.color(background))
        assert ratio >= AA, f"{text.name} on {background.name}: {ratio:.2f}"


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_secondary_labels_read_in_either_theme(qtbot, make_window, seed_path, theme) -> None:
    """The "No shortcut matches." note and the desk search's count were a dim grey (4.3:1 on the
    dark window, 3.5:1 on the light one)."""
    app = QApplication.instance()
    try:
        apply_theme(app, theme)
        window = make_window()
        qtbot.waitUntil(lambda: is_dark(window.palette()) == (theme is Theme.DARK))
        window.open_path(seed_path)
        wait_for_claims(qtbot, window)
        sheet = window.dialogs.show_shortcuts()
        assert isinstance(sheet, ShortcutsSheet)
        sheet.filter.setText("no such action anywhere")
        assert sheet.none_label.isVisible()
        search = window.dialogs.open_search()
        for label in (sheet.none_label, search.panel.count):
            label.ensurePolished()
            shown = label.palette().color(Role.WindowText)
            behind = label.window().palette().color(Role.Window)
            assert _contrast(shown, behind) >= AA, label.objectName() or label.text()
        sheet.close()
        search.close()
    finally:
        apply_theme(app, Theme.SYSTEM)



@contextmanager
def dark_window_on_a_claim(qtbot, make_window, seed_path) -> Iterator[MainWindow]:
    """The window in the dark theme with the seed article's first claim selected; the
    system theme again afterwards."""
    app = QApplication.instance()
    try:
        apply_theme(app, Theme.DARK)
        window = make_window()
        qtbot.waitUntil(lambda: is_dark(window.palette()))
        window.open_path(seed_path)
        wait_for_claims(qtbot, window)
        window.claims_panel.step(1)
        yield window
    finally:
        apply_theme(app, Theme.SYSTEM)


def test_the_selected_claim_reads_in_the_dark_theme(qtbot, make_window, seed_path) -> None:
    """The claims table draws the current row in its own Highlight/HighlightedText."""
    with dark_window_on_a_claim(qtbot, make_window, seed_path) as window:
        table = window.claims_panel.table
        assert table.selectionModel().hasSelection()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette = table.palette()
            shown = palette.color(group, Role.HighlightedText)
            assert _contrast(shown, palette.color(group, Role.Highlight)) >= AA, group.name


#: A disabled control is exempt from AA, but its text must still be read (what the
#: button would do, the date that is not in use): 3:1, and still unlike enabled text.
DISABLED_READS = 3.0
DISABLED_ON = {Role.WindowText: Role.Window, Role.Text: Role.Base, Role.ButtonText: Role.Button}


@pytest.mark.parametrize("make", [light_palette, dark_palette], ids=["light", "dark"])
def test_disabled_text_is_faint_but_readable(make) -> None:
    """Disabled buttons of the dark theme ("Edit…" and "Remove" under Sources, the
    Restore button) were 2.3:1 on their face; the light theme's 2.5:1."""
    palette = make()
    off = QPalette.ColorGroup.Disabled
    for text, background in DISABLED_ON.items():
        ratio = _contrast(palette.color(off, text), palette.color(off, background))
        assert ratio >= DISABLED_READS, f"disabled {text.name} on {background.name}: {ratio:.2f}"
        assert _contrast(palette.color(off, text), palette.color(text)) >= 2, text.name


def test_a_disabled_button_of_the_dark_window_reads(qtbot, make_window, seed_path) -> None:
    with dark_window_on_a_claim(qtbot, make_window, seed_path) as window:
        off = [
            b
            for b in window.detail.findChildren(QPushButton)
            if b.isVisible() and not b.isEnabled()
        ]
        assert off, "with no source note yet, Edit… and Remove are disabled"
        for button in off:
            palette = button.palette()
            shown = palette.color(QPalette.ColorGroup.Disabled, Role.ButtonText)
            face = palette.color(QPalette.ColorGroup.Disabled, Role.Button)
            assert _contrast(shown, face) >= DISABLED_READS, button.text()
