"""Light, dark and system colour schemes for the whole application."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from claimdesk.domain import Theme

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: Dynamic property of the QApplication holding the platform's own style name, so
#: "system" can go back to it after Fusion was forced for light or dark.
_SYSTEM_STYLE = "claimdeskSystemStyle"

DARK_TEXT = QColor("#1d1d1d")
LIGHT_TEXT = QColor("#f2f2f2")

#: Inline message colours (on light, on dark windows); each reads at 4.5:1 or better.
ERROR_COLORS = ("#c62828", "#ff8a80")
WARNING_COLORS = ("#8a5300", "#ffc46b")

_LIGHT = {
    Role.Window: "#efefef",
    Role.WindowText: "#1d1d1d",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1d1d1d",
    Role.PlaceholderText: "#737373",
    Role.Text: "#1d1d1d",
    Role.Button: "#efefef",
    Role.ButtonText: "#1d1d1d",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    # Mid doubles as the secondary text colour ("color: palette(mid)" in several widgets):
    # it must read at 4.5:1 on Window, Base and AlternateBase (tests/gui/test_theme_contrast).
    Role.Mid: "#6b6b6b",
    Role.Dark: "#a0a0a0",
    Role.Shadow: "#767676",
    Role.Highlight: "#2f6fb2",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#1a5bb5",
    Role.LinkVisited: "#6b3fa0",
}
#: Disabled text: faint, yet 3:1 on its background (tests/gui/test_theme_contrast.py).
_LIGHT_DISABLED = {
    Role.WindowText: "#858585",
    Role.Text: "#858585",
    Role.ButtonText: "#858585",
    Role.Highlight: "#b8b8b8",
    Role.Base: "#f3f3f3",
}
_DARK = {
    Role.Window: "#2d2f31",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1f2022",
    Role.AlternateBase: "#282a2c",
    Role.ToolTipBase: "#3a3d40",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#8c8f92",
    Role.Text: "#e6e6e6",
    Role.Button: "#383b3e",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ff7b7b",
    Role.Light: "#4b4f53",
    Role.Midlight: "#404346",
    Role.Mid: "#969a9d",  # secondary text too, as in _LIGHT
    Role.Dark: "#1b1c1e",
    Role.Shadow: "#0e0f10",
    Role.Highlight: "#3673bf",  # white selected text on it reads at 4.8:1
    Role.HighlightedText: "#ffffff",
    Role.Link: "#74b4ff",
    Role.LinkVisited: "#b9a2ff",
}
_DARK_DISABLED = {
    Role.WindowText: "#85898c",
    Role.Text: "#85898c",
    Role.ButtonText: "#85898c",
    Role.Highlight: "#4b4f53",
    Role.Base: "#262729",
}


def _palette(colors: dict[Role, str], disabled: dict[Role, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role, color in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(color))
    return palette


def light_palette() -> QPalette:
    return _palette(_LIGHT, _LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _palette(_DARK, _DARK_DISABLED)


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Switch the whole application to `theme`.

    Light and dark use Fusion with our own palette, so they look the same on every
    platform (native styles ignore parts of a custom palette); "system" restores the
    platform's style and palette, which follow the desktop's own light/dark setting.
    """
    if app.property(_SYSTEM_STYLE) is None:
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    if theme is Theme.SYSTEM:
        _set_style(app, str(app.property(_SYSTEM_STYLE)))
        _set_color_scheme(app, Qt.ColorScheme.Unknown)
        # A palette that sets no role means "the platform's palette" to Qt.
        app.setPalette(QPalette())
        return
    _set_style(app, "Fusion")
    dark = theme is Theme.DARK
    _set_color_scheme(app, Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    app.setPalette(dark_palette() if dark else light_palette())


def _set_style(app: QApplication, name: str) -> None:
    if app.style().name().casefold() != name.casefold() and name in _style_keys():
        app.setStyle(name)


def _style_keys() -> set[str]:
    keys = QStyleFactory.keys()
    return set(keys) | {k.casefold() for k in keys}


def _set_color_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    # Since Qt 6.8 this also turns the window title bars dark or light on Windows/macOS.
    hints = app.styleHints()
    if scheme is Qt.ColorScheme.Unknown:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(scheme)


def is_dark(palette: QPalette) -> bool:
    """Whether `palette` draws light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def shown_color(background: QColor, palette: QPalette) -> QColor:
    """The opaque colour a (possibly translucent) background shows over the text base."""
    base = palette.color(Role.Base)
    alpha = background.alphaF()
    return QColor.fromRgbF(
        background.redF() * alpha + base.redF() * (1 - alpha),
        background.greenF() * alpha + base.greenF() * (1 - alpha),
        background.blueF() * alpha + base.blueF() * (1 - alpha),
    )


def readable_text(background: QColor, palette: QPalette) -> QColor:
    """Dark or light text, whichever reads better on `background` drawn over `palette`.

    The claim highlights are pale, opaque colours: with a dark theme's light text they
    would be unreadable, so the article view should set this as the text colour.
    """
    shown = shown_color(background, palette)
    return DARK_TEXT if _contrast(shown, DARK_TEXT) >= _contrast(shown, LIGHT_TEXT) else LIGHT_TEXT


#: Roles a page preview takes from the light theme: what the page and its text show.
_PAPER_ROLES = (
    Role.Base,
    Role.AlternateBase,
    Role.Text,
    Role.PlaceholderText,
    Role.Link,
    Role.LinkVisited,
    Role.Highlight,
    Role.HighlightedText,
)


def paper_palette(palette: QPalette) -> QPalette:
    """`palette` with the light theme's page colours, for previews of a printed report.

    The report's HTML fixes its own dark text colours (it is made for paper); on a dark
    theme's base they could not be read. The roles set here stay when the theme changes.
    """
    paper = QPalette(palette)
    light = light_palette()
    for role in _PAPER_ROLES:
        paper.setColor(Group.All, role, light.color(Group.Active, role))
    return paper


class MessageLabel(QLabel):
    """An inline error or warning in `colors` (ERROR_COLORS, WARNING_COLORS).

    A colour fixed for light windows (dark red, brown) cannot be read on the dark
    theme: the label takes the one for its window's background, again whenever the
    theme changes while it is shown.
    """

    def __init__(
        self, colors: tuple[str, str], parent: QWidget | None = None, **kwargs: Any
    ) -> None:
        super().__init__(parent, **kwargs)
        # Messages quote what the user typed (titles, addresses, server errors): a "<b>"
        # in them is text, not markup that turns the whole message into HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._colors = colors
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        # Only the text colour is set here, so the window colour is still the theme's.
        dark = palette.color(Role.Window).lightness() < 128
        color = QColor(self._colors[dark])
        if palette.color(Role.WindowText) != color:
            palette.setColor(Role.WindowText, color)
            self.setPalette(palette)
