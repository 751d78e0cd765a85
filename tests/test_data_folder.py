"""The data folder on odd machines: a file in its place, a read-only disk, an unusable log
file or backups folder. ClaimDesk starts, or says in one line why not and what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.test_cli_errors import mount_tmpfs  # noqa: F401  (a fixture)


def claimdesk(data_dir: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def said_in_one_line(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("claimdesk: ") and done.stderr.count("\n") == 1, done.stderr
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)
    return done.stderr


def test_a_file_where_the_data_folder_should_be_is_said_in_one_line(tmp_path: Path) -> None:
    in_the_way = tmp_path / "ClaimDesk"
    in_the_way.write_text("not a folder", encoding="utf-8")
    for place in (in_the_way, in_the_way / "inside"):
        for args in (("import", str(SEED)), ()):  # a command, and the window
            said_in_one_line(claimdesk(place, *args), str(in_the_way), "CLAIMDESK_DATA_DIR")
    assert in_the_way.read_text(encoding="utf-8") == "not a folder"


def test_a_data_folder_on_a_read_only_disk_is_named_as_such(
    mount_tmpfs: Callable[[str], Path],  # noqa: F811
) -> None:
    read_only = mount_tmpfs("ro,size=64k")
    for args in (("import", str(SEED)), ()):
        said_in_one_line(
            claimdesk(read_only / "data", *args), "data folder", "Read-only file system"
        )
