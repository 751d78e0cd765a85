"""Architecture rules that keep the core headless and the package installable."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop" / "claimdesk"


def test_import_linter_contracts_hold() -> None:
    """Qt only in gui, no ORM outside storage, storage below reports and bundles (pyproject)."""
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_headless_import_of_the_core_loads_neither_qt_nor_spacy() -> None:
    code = (
        "import sys, claimdesk.cli, claimdesk.app, claimdesk.reports, claimdesk.importers,"
        " claimdesk.exchange.store, claimdesk.exchange.bundle_file;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'spacy', 'torch')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        "claimdesk." + ".".join(p.parent.relative_to(PACKAGE).parts)
        if p.parent != PACKAGE
        else "claimdesk"
        for p in PACKAGE.rglob("__init__.py")
    }
    assert found | {"claimdesk.resources"} == listed
