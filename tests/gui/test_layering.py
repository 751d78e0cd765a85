"""The window's helpers talk to it through a protocol; only start-up imports the window."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desktop" / "claimdesk" / "gui"
MAIN_WINDOW = "claimdesk.gui.windows.main_window"
#: The module that defines MainWindow, and the one that composes it at start-up.
MAY_IMPORT_THE_WINDOW = {"windows/main_window.py", "application.py"}
HELPERS = (
    "windows/commands.py", "windows/dialog_opener.py", "windows/bundle_actions.py",
    "windows/live_refresh.py",
)  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at module level, in functions or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_window_helpers_exist_and_never_import_the_window() -> None:
    for name in HELPERS:
        assert (GUI / name).is_file(), f"{name} moved: update this test"
        assert MAIN_WINDOW not in imported_modules(GUI / name), name


def test_only_start_up_imports_the_main_window_module() -> None:
    importers = {
        path.relative_to(GUI).as_posix()
        for path in GUI.rglob("*.py")
        if MAIN_WINDOW in imported_modules(path)
    }
    assert importers <= MAY_IMPORT_THE_WINDOW, importers - MAY_IMPORT_THE_WINDOW


def test_the_check_sees_an_import_under_type_checking(tmp_path: Path) -> None:
    module = tmp_path / "helper.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from claimdesk.gui.windows.main_window import MainWindow\n",
        encoding="utf-8",
    )
    assert MAIN_WINDOW in imported_modules(module)
