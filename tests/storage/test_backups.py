"""Rolling backups: once a day on open, N kept, self-contained copies, damaged files set aside."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from claimdesk.errors import DatabaseError
from claimdesk.storage import backups
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database

DAY = 24 * 3600


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _checker(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM settings WHERE key = 'checker_name'").fetchone()
    finally:
        con.close()
    return None if row is None else str(row[0])


def test_an_existing_database_is_backed_up_on_open_once_a_day(tmp_path: Path) -> None:
    path, folder = tmp_path / "desk.sqlite3", tmp_path / "bk"
    open_database(path, backups=folder).dispose()  # just created: nothing worth a copy yet
    assert backups.backups_of(path, folder) == []
    db = open_database(path, backups=folder)
    with db.sessions.begin() as s:
        repo.set_setting(s, "checker_name", "Ana")
    db.dispose()
    (first,) = backups.backups_of(path, folder)
    assert first.kind == backups.DAILY

    db = open_database(path, backups=folder)  # the same day: no second copy
    with db.sessions.begin() as s:
        repo.set_setting(s, "checker_name", "Bea")
    db.dispose()
    assert backups.backups_of(path, folder) == [first]
    assert _checker(first.path) is None  # the copy holds the file as it was opened

    _age(first.path, DAY + 3600)  # the newest copy is now 25 hours old
    open_database(path, backups=folder).dispose()
    newest, older = backups.backups_of(path, folder)
    assert older.path == first.path and newest.kind == backups.DAILY
    assert _checker(newest.path) == "Bea"


def test_a_backup_is_one_self_contained_file(tmp_path: Path) -> None:
    path, folder = tmp_path / "desk.sqlite3", tmp_path / "bk"
    db = open_database(path)
    with db.sessions.begin() as s:  # still in the WAL, not yet in the main file
        repo.set_setting(s, "checker_name", "Ana")
    copy = backups.make_backup(path, folder, backups.MANUAL)
    db.dispose()
    assert copy.parent == folder and copy.name.startswith("desk-manual-")
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -wal file needed
    assert sorted(p.name for p in folder.iterdir()) == [copy.name]
    assert _checker(copy) == "Ana"


def test_pruning_keeps_the_newest_n_and_recent_copies_made_before_a_restore(
    tmp_path: Path,
) -> None:
    path, folder = tmp_path / "desk.sqlite3", tmp_path / "bk"
    db = open_database(path)
    with db.sessions.begin() as s:
        repo.set_setting(s, backups.KEEP_SETTING, "3")
    db.dispose()
    assert backups.keep_of(path) == 3
    made = []
    for hours in (1, 2, 3, 4, 5):
        made.append(backups.make_backup(path, folder, backups.DAILY))
        _age(made[-1], hours * 3600)
    restore_copy = backups.make_backup(path, folder, backups.BEFORE_RESTORE)
    _age(restore_copy, 10 * 3600)
    old_upgrade = backups.make_backup(path, folder, backups.BEFORE_UPGRADE)
    _age(old_upgrade, 40 * DAY)
    other = tmp_path / "other.sqlite3"
    open_database(other).dispose()
    others = [backups.make_backup(other, folder, backups.DAILY) for _ in range(4)]

    removed = backups.prune(path, folder)
    assert sorted(removed) == sorted([*made[3:], old_upgrade])
    kept = [b.path for b in backups.backups_of(path, folder)]
    assert kept == [*made[:3], restore_copy]
    assert all(p.exists() for p in others)  # another database's copies are its own


def test_keep_setting_reads_its_default_for_missing_or_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    assert backups.keep_of(path) == backups.DEFAULT_KEEP == 10
    for bad in ("", "many", "0", "-4"):
        with db.sessions.begin() as s:
            repo.set_setting(s, backups.KEEP_SETTING, bad)
        assert backups.keep_of(path) == backups.DEFAULT_KEEP, bad
    db.dispose()
    assert backups.keep_of(tmp_path / "missing.sqlite3") == backups.DEFAULT_KEEP


def test_a_damaged_file_is_set_aside_with_its_wal_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    path.write_bytes(damaged)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    assert backups.is_damaged(path)
    aside = backups.set_aside_damaged(path)
    assert aside.parent == tmp_path and aside.name.startswith("desk.sqlite3.damaged-")
    assert aside.read_bytes() == damaged
    assert Path(f"{aside}-wal").read_bytes() == b"wal bytes"
    assert not path.exists() and not Path(f"{path}-wal").exists()


def test_a_healthy_file_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "100% desk?.sqlite3"
    open_database(tmp_path / "plain.sqlite3").dispose()
    (tmp_path / "plain.sqlite3").rename(path)
    assert not backups.is_damaged(path)
    assert not backups.is_damaged(tmp_path / "absent.sqlite3")


def test_opening_a_damaged_file_refuses_it_without_copying_or_touching_it(
    tmp_path: Path,
) -> None:
    path, folder = tmp_path / "desk.sqlite3", tmp_path / "bk"
    open_database(path).dispose()
    data = bytearray(path.read_bytes())
    data[100 : 4096 * 2] = b"\x00\x17" * ((4096 * 2 - 100) // 2)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError):
        open_database(path, backups=folder)
    assert path.read_bytes() == bytes(data)
    assert backups.backups_of(path, folder) == []
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []


def test_copies_named_by_revision_before_this_version_are_listed_as_upgrade_copies(
    tmp_path: Path,
) -> None:
    path, folder = tmp_path / "desk.sqlite3", tmp_path / "bk"
    folder.mkdir()
    for name in (
        "desk-0002-20250101-101010-000000.sqlite3",
        "desk-unversioned-20250101-101010-000001.sqlite3",
        "desk-daily-20250101-101010-000002.sqlite3.partial",  # a copy cut short
        "desk-old-daily-20250101-101010-000003.sqlite3",  # the database desk-old's
    ):
        (folder / name).write_bytes(b"")
    listed = backups.backups_of(path, folder)
    assert sorted(b.path.name for b in listed) == [
        "desk-0002-20250101-101010-000000.sqlite3",
        "desk-unversioned-20250101-101010-000001.sqlite3",
    ]
    assert {b.kind for b in listed} == {backups.BEFORE_UPGRADE}
