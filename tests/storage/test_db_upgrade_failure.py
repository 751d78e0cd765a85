"""An upgrade that fails half-way (the drive refuses to write more) says what it left.

The copy made before the upgrade fits; the upgrade itself, rebuilding the search index
of an older desk, needs more room than the drive gives. The one line must say that the
desk is as the older ClaimDesk left it and where the copy from before is: "check the
drive, then try again" alone left the checker to wonder whether months of work were
half-converted.
"""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.storage.dbfiles import database_at, revision_of

_OPEN = (
    "import sys\n"
    "from pathlib import Path\n"
    "from claimdesk.errors import KnownError\n"
    "from claimdesk.storage.db import open_database\n"
    "try:\n"
    "    open_database(Path(sys.argv[1]), Path(sys.argv[2])).dispose()\n"
    "except KnownError as exc:\n"
    "    print(exc)\n"
    "    sys.exit(2)\n"
)


def _articles(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, title, text FROM articles ORDER BY id").fetchall()
    finally:
        con.close()


def test_an_upgrade_the_drive_cannot_hold_names_the_untouched_desk_and_its_copy(
    tmp_path: Path,
) -> None:
    path, folder = tmp_path / "old.sqlite3", tmp_path / "backups"
    database_at(path, "0002", articles=400)
    before = _articles(path)
    limit = path.stat().st_size + 200_000  # room for the copy, not for the upgrade

    def small_drive() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(path), str(folder)],
        capture_output=True, text=True, timeout=120, preexec_fn=small_drive,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    line = done.stdout.strip()
    assert "\n" not in line
    (copy,) = folder.iterdir()
    assert "not made" in line and "as it was" in line and str(copy) in line
    assert revision_of(path) == "0002" and _articles(path) == before
    assert revision_of(copy) == "0002" and _articles(copy) == before
