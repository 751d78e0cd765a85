"""`make test` must install what pyproject.toml asks for, even into a .venv kept from before.

A .venv copied along with a checkout (or kept across a pull) has an install stamp newer than
pyproject.toml. When the stamp was dated by the file, make trusted that old install and the
suite ran without the new dependencies. The stamp is now named by the file's checksum.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _checksum() -> str:
    with (REPO / "pyproject.toml").open("rb") as fh:
        out = subprocess.run(["cksum"], stdin=fh, capture_output=True, check=True, text=True)
    return out.stdout.split()[0]


def _dry_run(venv: Path) -> str:
    out = subprocess.run(
        ["make", "-n", "-C", str(REPO), f"VENV={venv}", "pytest"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout


def _venv(tmp_path: Path, stamp: str) -> Path:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / stamp).touch()
    return venv


def test_a_stamp_from_an_older_pyproject_reinstalls_even_when_it_is_newer(tmp_path: Path) -> None:
    venv = _venv(tmp_path, ".installed")  # the old, date-only stamp, written just now
    assert "pip install" in _dry_run(venv)

    venv_other = _venv(tmp_path / "b", ".installed-1")  # another pyproject's checksum
    assert "pip install" in _dry_run(venv_other)


def test_the_stamp_of_this_pyproject_installs_nothing(tmp_path: Path) -> None:
    venv = _venv(tmp_path, f".installed-{_checksum()}")
    plan = _dry_run(venv)
    assert "pip install" not in plan
    assert "-m pytest" in plan
