"""`claimdesk backup list | now | restore`, run as a real process on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reports.casework import build_case
from tests.test_cli import run


def _titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        con.close()


def test_backup_now_list_and_restore(tmp_path: Path) -> None:
    case = build_case(tmp_path / "case")
    db = case.workbench.db.path
    case.close()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    folder = tmp_path / "data" / "backups"

    empty = run("backup", "list", *where)
    assert empty.returncode == 0, empty.stderr
    assert "No backups" in empty.stdout

    made = run("backup", "now", *where)
    assert made.returncode == 0, made.stderr
    (copy,) = folder.iterdir()
    assert made.stdout.split("\t")[0] == str(copy)
    assert "2 articles, 3 verdicts" in made.stdout

    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET title = 'Edited after the backup' WHERE title = 'Bridge'")
    con.commit()
    con.close()

    listed = run("backup", "list", *where)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.strip().splitlines()
    when, kind, articles, verdicts, size, name = line.split("\t")
    assert (kind, articles, verdicts, name) == ("manual", "2", "3", copy.name)
    assert int(size) == copy.stat().st_size and when[:2] == "20"

    restored = run("backup", "restore", copy.name, *where)  # a name from the list will do
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert "Bridge" in _titles(db) and "Edited after the backup" not in _titles(db)
    (aside,) = folder.glob("case-before-restore-*.sqlite3")
    assert "Edited after the backup" in _titles(aside)
    assert len(run("backup", "list", *where).stdout.strip().splitlines()) == 2


def test_backup_commands_refuse_in_one_line(tmp_path: Path) -> None:
    where = ("--data-dir", str(tmp_path / "data"))
    missing = tmp_path / "missing.sqlite3"
    now = run("backup", "now", "--db", str(missing), *where)
    assert now.returncode == 2 and "Traceback" not in now.stderr
    assert now.stderr.startswith("claimdesk: There is no database")
    assert not missing.exists()
    bad = run("backup", "restore", "nothing.sqlite3", "--db", str(missing), *where)
    assert bad.returncode == 2 and "no backup" in bad.stderr and "Traceback" not in bad.stderr
    assert not missing.exists()
