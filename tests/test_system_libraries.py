"""Before the window: 'no display found' instead of Qt's abort, and every missing X11
library named with the apt-get line that installs it (ldd on the xcb plugin)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimdesk import system_libraries as syscheck

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

# Captured from `ldd libqxcb.so` on a Debian 12 box without the X11 extras.
LDD_SAMPLE = """\
\tlinux-vdso.so.1 (0x00007ffd2b5f9000)
\tlibQt6XcbQpa.so.6 => /opt/venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f6a1c000000)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f6a1bfd0000)
\tlibxcb-cursor.so.0 => not found
\tlibfancy-vendor.so.3 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f6a1bdef000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f6a1c8a1000)
"""


def without_display() -> dict[str, str]:
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return {k: v for k, v in os.environ.items() if k not in hidden}


def test_no_display_is_said_plainly_with_how_to_run() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimdesk.system_libraries"], env=without_display(),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("No display found")
    assert "xvfb-run -a make run" in done.stderr and "claimdesk extract FILE" in done.stderr
    offscreen = subprocess.run([sys.executable, "-m", "claimdesk.system_libraries"],
                               env={**without_display(), "QT_QPA_PLATFORM": "offscreen"},
                               capture_output=True, text=True, timeout=60, check=False)
    assert offscreen.returncode == 0, offscreen.stderr


def test_the_window_without_a_display_stops_before_qt(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimdesk", "--db", str(tmp_path / "d.sqlite3")],
        env=without_display(), capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 3, done.stderr  # not Qt's abort (-6)
    assert done.stderr.startswith("No display found") and "xcb-cursor" not in done.stderr
    assert not (tmp_path / "d.sqlite3").exists()


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ],
)
def test_which_environments_have_a_display(env: dict[str, str], problem: bool) -> None:
    assert (syscheck.display_problem(env) is not None) is problem


def test_parse_ldd_names_every_missing_library_once() -> None:
    missing = syscheck.parse_ldd(LDD_SAMPLE)
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4",
                       "libfancy-vendor.so.3"]
    message = syscheck.libraries_message(missing)
    assert "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0" in message
    assert "libfancy-vendor.so.3" in message and "apt-file search libfancy-vendor.so.3" in message


def test_ldd_on_real_libraries(tmp_path: Path) -> None:
    plugin = syscheck.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    real = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    assert "libQt6XcbQpa.so.6 =>" in real.stdout  # the parser reads real ldd output
    assert syscheck.unresolved_libraries(plugin) == syscheck.parse_ldd(real.stdout)
    if shutil.which("cc") is None:
        pytest.skip("no C compiler to build a library with a missing dependency")
    # A real library whose dependency is gone: ldd must report it.
    (tmp_path / "dep.c").write_text("int cd_dep(void) { return 1; }\n")
    (tmp_path / "user.c").write_text("int cd_dep(void);\nint cd_user(void) { return cd_dep(); }\n")
    cc = ["cc", "-shared", "-fPIC", "-o"]
    subprocess.run([*cc, str(tmp_path / "libcdgone.so.1"), str(tmp_path / "dep.c"),
                    "-Wl,-soname,libcdgone.so.1"], check=True)
    subprocess.run([*cc, str(tmp_path / "libcduser.so"), str(tmp_path / "user.c"),
                    f"-L{tmp_path}", "-l:libcdgone.so.1"], check=True)
    (tmp_path / "libcdgone.so.1").unlink()
    assert syscheck.unresolved_libraries(tmp_path / "libcduser.so") == ["libcdgone.so.1"]


def test_the_libraries_checked_one_by_one_are_ones_qt_really_links() -> None:
    """A library Qt does not link (libSM, libOpenGL…) must never stop the window."""
    plugin = syscheck.xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("needs PySide6's xcb plugin and ldd")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    linked = {line.split()[0] for line in out.splitlines() if "=>" in line}
    checked = set(syscheck.CORE_LIBS) | set(syscheck.XCB_LIBS)
    # libxcb-xinerama is kept for Qt builds that still link it; the .deb depends on it.
    assert checked - linked <= {"libxcb-xinerama.so.0"}
    assert "libSM.so.6" not in checked and "libOpenGL.so.0" not in checked


def test_a_display_that_does_not_answer_is_said_before_qt(tmp_path: Path) -> None:
    if not syscheck._loads("libxcb.so.1"):
        pytest.skip("no libxcb here: the missing-libraries message speaks first")
    env = {**without_display(), "DISPLAY": ":737"}  # an X server nobody runs
    done = subprocess.run(
        [sys.executable, "-m", "claimdesk", "--db", str(tmp_path / "d.sqlite3")],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 3, done.stderr  # not Qt's abort (-6) advising a reinstall
    assert done.stderr.startswith("No display answers at DISPLAY=:737"), done.stderr
    assert "xvfb-run" in done.stderr and "Reinstalling" not in done.stderr
    assert not (tmp_path / "d.sqlite3").exists()
