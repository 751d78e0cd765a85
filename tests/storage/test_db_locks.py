"""A desk file this process has open keeps SQLite's locks, so nobody deletes its WAL under it.

POSIX record locks belong to a process and a file: closing ANY handle on the file drops
all of them, SQLite's included. A plain `open(desk).read(16)` while the desk is open
therefore left this process without its shared lock; the next ClaimDesk that closed the
file believed itself the last user, checkpointed and deleted -wal and -shm, and this
process went on reading (and writing) a WAL nobody else could see. Seen as the flaky
two-process test (test_versions.py): the parent's history() missed the children's saves.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from claimdesk.services import backups as backup_service
from claimdesk.storage import backups as rolling
from claimdesk.storage.db import Database, open_database
from claimdesk.storage.orm import SettingRow

#: Another program on the same file: writes one setting, prints what it reads, quits.
_OTHER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] != "-":
    con.execute("INSERT INTO settings (key, value) VALUES (?, 'another process')", (sys.argv[2],))
print(con.execute("SELECT group_concat(key) FROM settings WHERE key LIKE 'k_%'").fetchone()[0])
con.close()
"""


def _other_process(path: Path, key: str = "-") -> str:
    done = subprocess.run(
        [sys.executable, "-c", _OTHER, str(path), key],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.strip()


def _keys(db: Database) -> list[str]:
    with db.sessions() as session:
        return sorted(session.scalars(select(SettingRow.key).where(SettingRow.key.like("k_%"))))


def _open_again(path: Path) -> None:
    open_database(path).dispose()  # a second desk object on the same file, in this process


def _back_up(path: Path) -> None:
    backup_service.backup_now(path, path.parent / "bk")  # Settings → Back up now


def _check(path: Path) -> None:
    assert not rolling.is_damaged(path)  # what a restore checks first


@pytest.mark.parametrize("touch", [_open_again, _back_up, _check], ids=["open", "backup", "check"])
def test_another_process_never_deletes_the_wal_of_a_desk_open_here(
    tmp_path: Path, touch: Callable[[Path], None]
) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    try:
        assert _keys(db) == []  # a pooled connection now holds this process's read lock
        touch(path)
        assert _other_process(path, "k_theirs") == "k_theirs"
        assert Path(f"{path}-wal").exists(), "another process took itself for the last user"
        assert _keys(db) == ["k_theirs"]  # this process sees what the other one saved
        with db.sessions.begin() as session:
            session.add(SettingRow(key="k_mine", value="this process"))
        # ... and what this process saves lands where every other process reads.
        assert _other_process(path) == "k_mine,k_theirs"
    finally:
        db.dispose()
