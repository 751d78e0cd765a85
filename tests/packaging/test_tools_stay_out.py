"""Development tools (tools/) stay out of what the wheel and the frozen app ship."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_tools_are_outside_the_package_and_not_listed_for_setuptools() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert all(name.startswith("claimdesk") for name in setuptools["packages"])
    assert "tools" not in setuptools["package-dir"].values()
    scripts = sorted(p.name for p in (REPO / "tools").glob("screenshot*.py"))
    assert scripts == ["screenshot.py", "screenshot_history.py", "screenshot_settings.py"]
    shipped = REPO / "desktop" / "claimdesk"
    assert not list(shipped.rglob("screenshot*.py")), "screenshot scripts are development tools"
