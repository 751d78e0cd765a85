"""Two desks with one file name share the data folder's backups folder, not their copies.

Every desk is claimdesk.sqlite3 unless named otherwise, and the app and the CLI put the
copies of any desk they open (--db, or one chosen in Settings) in the data folder's
backups/. The copies were told apart by the file name's stem alone, so opening an older
desk from another folder listed its before-upgrade copy as the user's own desk's, and
pruned the user's own copies to the other desk's "backups to keep".
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.storage import backups
from claimdesk.storage.db import open_database
from tests.storage.dbfiles import database_at, execute, revision_of


def _desks(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The data folder's own desk with three copies, and an older one elsewhere."""
    folder = tmp_path / "data" / "backups"
    home = tmp_path / "data" / "claimdesk.sqlite3"
    open_database(home, folder).dispose()
    for _ in range(3):
        backups.backup(home, folder, backups.MANUAL)
    other = tmp_path / "elsewhere" / "claimdesk.sqlite3"
    other.parent.mkdir()
    database_at(other, "0005")
    execute(other, "INSERT INTO settings (key, value) VALUES ('backups_keep', '1')")
    return home, other, folder


def test_upgrading_another_desk_of_the_same_name_leaves_this_ones_copies(
    tmp_path: Path,
) -> None:
    home, other, folder = _desks(tmp_path)
    mine = backups.backups_of(home, folder)
    assert len(mine) == 3

    open_database(other, folder).dispose()  # upgraded: a before-upgrade copy, then pruning

    assert backups.backups_of(home, folder) == mine
    (theirs,) = backups.backups_of(other, folder)
    assert theirs.kind == backups.BEFORE_UPGRADE and revision_of(theirs.path) == "0005"
    assert theirs.path.parent == folder


def test_each_desk_of_the_same_name_gets_its_own_daily_copy(tmp_path: Path) -> None:
    home, other, folder = _desks(tmp_path)
    open_database(other, folder).dispose()  # its before-upgrade copy, today
    for copy in folder.glob("claimdesk-manual-*"):  # this desk's own copies, gone
        copy.unlink()
    assert backups.daily_backup(home, folder) is not None
    (daily,) = backups.backups_of(home, folder)
    assert daily.kind == backups.DAILY and revision_of(daily.path) == revision_of(home)


def test_copies_made_before_tags_stay_listed_for_a_desk_alone_of_its_name(
    tmp_path: Path,
) -> None:
    """A desk opened only with --db had plain-named copies: still listed, never pruned."""
    folder = tmp_path / "data" / "backups"
    other = tmp_path / "elsewhere" / "claimdesk.sqlite3"
    other.parent.mkdir()
    database_at(other, "0011")
    folder.mkdir(parents=True)
    old = folder / "claimdesk-manual-20250101-101010-000000.sqlite3"
    backups.make_backup(other, folder, backups.MANUAL).rename(old)

    new = backups.make_backup(other, folder, backups.MANUAL)
    assert new.name != old.name and new.name.startswith("claimdesk-manual-")
    assert {b.path for b in backups.backups_of(other, folder)} == {old, new}
    newer = backups.make_backup(other, folder, backups.MANUAL)
    assert backups.prune(other, folder, keep=1) == [new]
    assert {b.path for b in backups.backups_of(other, folder)} == {old, newer}
