"""Window sizes bounded by the screen: a dialog's preferred size is no use off screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

#: Room kept for the frame a window manager adds: the geometry Qt is given leaves out the
#: title bar (about 30 px) and the borders.
FRAME_WIDTH = 16
TITLE_BAR = 40


def fitted(widget: QWidget, width: int, height: int) -> QSize:
    """`width`×`height`, made smaller where the screen `widget` opens on has less room."""
    room = widget.screen().availableGeometry()
    return QSize(min(width, room.width() - FRAME_WIDTH), min(height, room.height() - TITLE_BAR))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a window to `width`×`height`, or to what its screen has room for."""
    widget.resize(fitted(widget, width, height))
