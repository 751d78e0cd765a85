"""Before the window opens: is there a display, and which system libraries (and Debian
packages) does Qt still need on Linux?"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

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
#: Packages of libraries that only `ldd` on the xcb plugin names (not loaded one by one:
#: some, like libSM or libOpenGL, are not needed by every Qt build).
LDD_PACKAGES = {
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
}
NO_DISPLAY = (
    "No display found: DISPLAY and WAYLAND_DISPLAY are not set, so ClaimDesk's window has"
    " nowhere to open. Run it on a desktop session, or under a virtual X display:\n"
    "  xvfb-run -a make run\n"
    "or without a window, on the command line:\n"
    "  claimdesk extract FILE   (also: claimdesk import, export, search; see claimdesk --help)"
)
#: Qt platforms that draw without any display server.
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
_LDD_LINE = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why a window cannot open in `env` (default: this process's), or None when it can."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").strip().lower()
    if platform.startswith(_HEADLESS_PLATFORMS):
        return None
    if platform.startswith("wayland"):
        return None if env.get("WAYLAND_DISPLAY") else NO_DISPLAY
    if platform.startswith("xcb"):
        return None if env.get("DISPLAY") else NO_DISPLAY
    return None if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") else NO_DISPLAY


def display_unanswered(env: Mapping[str, str] | None = None) -> str | None:
    """Why the X display the window would use does not answer, or None (it answers, it
    is not X, or this cannot be told). DISPLAY left over from an SSH session without X
    forwarding made Qt abort with advice to reinstall."""
    env = os.environ if env is None else env
    platform = env.get("QT_QPA_PLATFORM", "").strip().lower()
    display = env.get("DISPLAY", "")
    x11 = platform.startswith("xcb") or (not platform and not env.get("WAYLAND_DISPLAY"))
    if not sys.platform.startswith("linux") or not display or not x11:
        return None
    try:
        xcb = ctypes.CDLL("libxcb.so.1")  # missing: the libraries message names it
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    answer: list[bool] = []

    def connect() -> None:
        connection = xcb.xcb_connect(display.encode(), None)
        answer.append(xcb.xcb_connection_has_error(connection) == 0)
        xcb.xcb_disconnect(connection)

    # A display across a network may take long to refuse: then Qt is left to wait on it.
    worker = threading.Thread(target=connect, daemon=True)
    worker.start()
    worker.join(5.0)
    if not answer or answer[0]:
        return None
    return (
        f"No display answers at DISPLAY={display}, so ClaimDesk's window has nowhere to "
        "open (an SSH session without X forwarding, or a desktop session that ended). Start "
        "it from the desktop, connect with ssh -X, or run it under a virtual display:\n"
        "  xvfb-run -a claimdesk\n"
        "or without a window: claimdesk extract FILE (see claimdesk --help)"
    )


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin (found without importing Qt), or None."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def parse_ldd(output: str) -> list[str]:
    """The libraries that `ldd` output reports as "not found", in order, once each."""
    found = (m.group(1) for line in output.splitlines() if (m := _LDD_LINE.match(line)))
    return list(dict.fromkeys(found))


def unresolved_libraries(binary: Path) -> list[str]:
    """Shared libraries `binary` needs that the dynamic loader cannot find (via ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(binary)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_ldd(done.stdout)


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, libraries with no known package) for `libraries`."""
    table = {**CORE_LIBS, **XCB_LIBS, **LDD_PACKAGES}
    packages = sorted({table[lib] for lib in libraries if lib in table})
    unknown = [lib for lib in libraries if lib not in table]
    return packages, unknown


def missing_libraries(with_display: bool | None = None) -> list[str]:
    """Libraries Qt needs here and cannot load (empty off Linux).

    With a display, `ldd` on the xcb plugin names every library the window needs (the
    plugin's own and those of Qt's libraries it pulls in), not only the ones we list.
    """
    if not sys.platform.startswith("linux"):
        return []
    if with_display is None:
        with_display = os.environ.get("QT_QPA_PLATFORM", "xcb").startswith("xcb") and bool(
            os.environ.get("DISPLAY")
        )
    missing = [lib for lib in CORE_LIBS if not _loads(lib)]
    if with_display:
        plugin = xcb_plugin()
        missing += unresolved_libraries(plugin) if plugin else []
        missing += [lib for lib in XCB_LIBS if not _loads(lib)]
    return list(dict.fromkeys(missing))


def missing_packages(with_display: bool | None = None) -> list[str]:
    """Debian packages whose libraries cannot be loaded (empty off Linux)."""
    return packages_for(missing_libraries(with_display))[0]


def install_hint(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def libraries_message(libraries: list[str]) -> str:
    """What to tell the user about `libraries` that cannot be loaded: names and apt line."""
    packages, unknown = packages_for(libraries)
    lines = ["ClaimDesk's window needs system libraries that are missing: " + ", ".join(libraries)]
    if packages:
        lines += ["Install them with:", f"  {install_hint(packages)}"]
    if unknown:
        lines.append(
            "No Debian package is known here for "
            + ", ".join(unknown)
            + "; find it with: apt-file search " + unknown[0]
        )
    return "\n".join(lines)


def main() -> int:
    """Exit 1 saying what is wrong when the window cannot open: no display, or libraries."""
    problem = display_problem() or display_unanswered()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    missing = missing_libraries()
    if missing:
        print(libraries_message(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
