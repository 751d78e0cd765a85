"""Finds missing system libraries Qt needs on Linux and names the Debian packages to install."""

from __future__ import annotations

import ctypes
import os
import sys

#: Shared library → Debian/Ubuntu package, for every Qt platform.
CORE_LIBS = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: Extra libraries of the X11 (xcb) platform plugin, needed only with a real display.
XCB_LIBS = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(with_display: bool | None = None) -> list[str]:
    """Debian packages whose libraries cannot be loaded (empty off Linux)."""
    if not sys.platform.startswith("linux"):
        return []
    if with_display is None:
        with_display = os.environ.get("QT_QPA_PLATFORM", "xcb").startswith("xcb") and bool(
            os.environ.get("DISPLAY")
        )
    libs = dict(CORE_LIBS)
    if with_display:
        libs.update(XCB_LIBS)
    return sorted({pkg for lib, pkg in libs.items() if not _loads(lib)})


def install_hint(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def main() -> int:
    """Exit 1 with the apt-get line when Qt's system libraries are missing."""
    missing = missing_packages()
    if missing:
        print(
            "ClaimDesk needs system libraries that Qt uses. Install them with:\n"
            f"  {install_hint(missing)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
