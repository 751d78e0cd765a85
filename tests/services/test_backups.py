"""Backups as the checker sees them: listed with counts, made on demand, restored safely."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from claimdesk.domain import ArticleMetadata
from claimdesk.errors import KnownError
from claimdesk.services import backups as service
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.storage import backups
from claimdesk.storage.db import open_database
from tests.reports.casework import Case, open_workbench


def _title(path: Path, article_id: int) -> str:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
    finally:
        con.close()
    return str(row[0])


def test_backup_now_is_listed_with_date_size_articles_and_verdicts(case: Case) -> None:
    db = case.workbench.db
    folder = service.folder_of(db)
    assert folder == db.path.parent / "backups"
    assert service.list_backups(db.path, folder) == []
    made = service.backup_now(db.path, folder)
    (listed,) = service.list_backups(db.path, folder)
    assert listed == made
    assert (listed.articles, listed.verdicts) == (2, 3)
    assert listed.kind == backups.MANUAL and listed.size == listed.path.stat().st_size > 0
    assert abs(listed.made - datetime.now().astimezone()) < timedelta(minutes=1)


def test_restore_round_trip_keeps_the_current_file_aside(case: Case) -> None:
    wb, db = case.workbench, case.workbench.db
    folder = service.folder_of(db)
    before = service.backup_now(db.path, folder)
    wb.update_metadata(case.article_two, ArticleMetadata(title="Edited after the backup"))

    result = service.restore(db.path, before.path, folder, db.write_lock)

    assert result.restored == before and not result.damaged
    assert result.kept_aside is not None and result.kept_aside.parent == folder
    assert result.kept_aside.name.startswith("case-before-restore-")
    assert _title(result.kept_aside, case.article_two) == "Edited after the backup"
    assert _title(db.path, case.article_two) == "Bridge"
    assert wb.article(case.article_two).title == "Bridge"  # the open engine reads it too
    assert "before-restore" in result.summary() and "2 articles" in result.summary()
    kinds = [b.kind for b in service.list_backups(db.path, folder)]
    assert sorted(kinds) == [backups.BEFORE_RESTORE, backups.MANUAL]
    con = sqlite3.connect(db.path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()


def test_restore_over_a_damaged_file_sets_it_aside_untouched(case: Case) -> None:
    db = case.workbench.db
    path, folder = db.path, service.folder_of(db)
    good = service.backup_now(path, folder)
    case.close()
    data = bytearray(path.read_bytes())
    data[100 : 4096 * 3] = b"\x00\x17" * ((4096 * 3 - 100) // 2)  # schema pages scrambled
    path.write_bytes(bytes(data))
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)

    result = service.restore(path, good.path, folder)

    assert result.damaged and result.kept_aside is not None
    assert result.kept_aside.name.startswith("case.sqlite3.damaged-")
    assert result.kept_aside.read_bytes() == bytes(data)
    reopened = open_workbench(path)
    try:
        assert len(reopened.articles()) == 2
    finally:
        reopened.db.dispose()


def test_a_damaged_or_missing_backup_is_refused_and_nothing_changes(
    case: Case, tmp_path: Path
) -> None:
    db = case.workbench.db
    folder = service.folder_of(db)
    bad = folder / "case-manual-20260101-000000-000000.sqlite3"
    folder.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    case.close()
    live = db.path.read_bytes()
    with pytest.raises(KnownError, match="damaged"):
        service.restore(db.path, bad, folder)
    with pytest.raises(KnownError, match="no backup"):
        service.restore(db.path, tmp_path / "nothing.sqlite3", folder)
    assert db.path.read_bytes() == live
    assert [b.path for b in service.list_backups(db.path, folder)] == [bad]


def test_a_bundle_import_backs_the_database_up_first(case: Case, tmp_path: Path) -> None:
    bundle = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, bundle)
    other = open_database(tmp_path / "b" / "b.sqlite3")
    try:
        import_bundle(other, bundle)
        (copy,) = service.list_backups(other.path, service.folder_of(other))
    finally:
        other.dispose()
    assert copy.kind == backups.BEFORE_IMPORT
    assert (copy.articles, copy.verdicts) == (0, 0)  # the file as it was before the merge


def test_backups_to_keep_is_a_setting_that_pruning_obeys(case: Case) -> None:
    wb, db = case.workbench, case.workbench.db
    assert wb.settings().backups_keep == backups.DEFAULT_KEEP
    with pytest.raises(KnownError, match="between 1 and 1000"):
        wb.save_settings(replace(wb.settings(), backups_keep=0))
    wb.save_settings(replace(wb.settings(), backups_keep=2))
    assert wb.settings().backups_keep == 2
    folder = service.folder_of(db)
    made = [service.backup_now(db.path, folder).path for _ in range(4)]
    assert [b.path for b in service.list_backups(db.path, folder)] == made[:1:-1]


def _tampered_backup(case: Case, sql: str) -> Path:
    """A backup of the case's desk, altered afterwards by another program with `sql`."""
    db = case.workbench.db
    made = service.backup_now(db.path, service.folder_of(db)).path
    con = sqlite3.connect(made)
    try:
        con.executescript(sql)
    finally:
        con.close()
    return made


@pytest.mark.parametrize(
    ("sql", "refusal"),
    [
        (
            "CREATE TRIGGER wipe AFTER INSERT ON verdicts BEGIN DELETE FROM verdicts; END;",
            "not a schema ClaimDesk made",
        ),
        ("UPDATE alembic_version SET version_num = 'ffffffffffff';", "newer version"),
    ],
    ids=["planted-trigger", "newer-schema"],
)
def test_a_backup_the_desk_would_refuse_to_open_is_refused_before_restoring(
    case: Case, sql: str, refusal: str
) -> None:
    db = case.workbench.db
    folder = service.folder_of(db)
    tampered = _tampered_backup(case, sql)
    case.workbench.update_metadata(case.article_two, ArticleMetadata(title="Kept"))
    listed = [b.path for b in service.list_backups(db.path, folder)]

    with pytest.raises(KnownError, match=refusal):
        service.restore(db.path, tampered, folder, db.write_lock)

    assert _title(db.path, case.article_two) == "Kept"
    assert [b.path for b in service.list_backups(db.path, folder)] == listed
    con = sqlite3.connect(db.path)
    try:
        triggers = con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert "wipe" not in {r[0] for r in triggers}
    finally:
        con.close()


def test_a_copy_with_its_wal_beside_it_is_restored_with_what_the_wal_holds(
    case: Case, tmp_path: Path
) -> None:
    """A desk copied while open (file manager: the file and its -wal) is a backup too:
    the restore reads it as SQLite does, not the main file alone, which lacks the last
    saves until a checkpoint."""
    wb, db = case.workbench, case.workbench.db
    con = sqlite3.connect(db.path)
    try:  # the main file holds the desk as it was: without the WAL it looks fine
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    wb.update_metadata(case.article_two, ArticleMetadata(title="Saved just before the copy"))
    copy = tmp_path / "stick" / "desk.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(db.path.read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{db.path}-wal").read_bytes())
    wb.update_metadata(case.article_two, ArticleMetadata(title="Saved after the copy"))

    service.restore(db.path, copy, service.folder_of(db), db.write_lock)

    assert _title(db.path, case.article_two) == "Saved just before the copy"
