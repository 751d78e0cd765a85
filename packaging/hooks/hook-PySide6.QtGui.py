"""QtGui as PyInstaller collects it, minus plugins a desktop app never loads (and their libs)."""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Embedded-device platforms and the GTK theme (which would drag GTK's own libraries along);
# xcb, wayland, offscreen (the self-test) and the desktop-portal theme stay.
UNUSED_PLUGINS = {
    "platforms": {"eglfs", "linuxfb", "minimal", "minimalegl", "vkkhrdisplay", "vnc"},
    "platformthemes": {"gtk3"},
    # Articles carry no images; icons, report logos and the PDF need PNG, JPEG, GIF and SVG.
    "imageformats": {"tiff", "webp", "tga", "wbmp"},
    "egldeviceintegrations": None,
    "generic": None,
}


def _wanted(source: str, folder: str) -> bool:
    kind = PurePath(folder).name
    if kind not in UNUSED_PLUGINS:
        return True
    names = UNUSED_PLUGINS[kind]
    stem = PurePath(source).stem.removeprefix("lib").removeprefix("q")
    return names is not None and stem not in names


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, folder) for src, folder in binaries if _wanted(src, folder)]
