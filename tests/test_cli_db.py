"""A mistyped --db for a read-only command is refused, nothing created, one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import run

READ_ONLY = {
    "export": ("export", "--format", "json", "-o", "{out}"),
    "bundle export": ("bundle", "export", "-o", "{out}"),
    "search": ("search", "anything"),
}


@pytest.mark.parametrize("command", sorted(READ_ONLY))
def test_read_only_command_refuses_a_missing_database(
    tmp_path: Path, data_dir: Path, command: str
) -> None:
    db = tmp_path / "typo.sqlite3"
    out = tmp_path / "out.file"
    args = [a.format(out=out) for a in READ_ONLY[command]]
    result = run(*args, "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"claimdesk: No ClaimDesk database at {db}")
    assert not db.exists() and not out.exists()
    assert not (data_dir / "claimdesk.sqlite3").exists()
