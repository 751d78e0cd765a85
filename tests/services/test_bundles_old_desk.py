"""A desk made by an older ClaimDesk, upgraded, then exported as a case bundle.

The old schema asked of a claim only `start >= 0 AND end > start`: a claim whose words
are not its article's words at its offsets (past the end of the text, or text changed
behind ClaimDesk's back) stays in the desk through every upgrade. Every import refused a
bundle holding one, whole: the export leaves it out, says so, and the rest of the work
moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.errors import KnownError
from claimdesk.services.bundles import export_bundle, import_bundle, write_bundle
from claimdesk.storage.db import open_database
from tests.storage.dbfiles import database_at, execute, rows

_CLAIM = (
    "INSERT INTO claims (article_id, start, \"end\", text, origin, score, types, speaker, "
    "entities, status, created_at, updated_at) VALUES (1, {start}, {end}, '{text}', "
    "'manual', NULL, '[]', NULL, '[]', 'todo', '2025-01-01 10:00:00', '2025-01-01 10:00:00')"
)


def _old_desk(tmp_path: Path, *claims: tuple[int, int, str]) -> Path:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0003")  # text: "Old text number 0. " * 20 (380 characters)
    # database_at's placeholder checksum is no SHA-256; an old import stored a real one.
    execute(path, f"UPDATE articles SET sha256 = '{'a1' * 32}'")
    execute(path, *(_CLAIM.format(start=s, end=e, text=t) for s, e, t in claims))
    return path


def test_an_upgraded_desk_exports_a_bundle_another_desk_imports(tmp_path: Path) -> None:
    path = _old_desk(tmp_path, (0, 17, "Old text number 0"))
    db = open_database(path, tmp_path / "backups")
    other = open_database(tmp_path / "other.sqlite3", tmp_path / "backups")
    try:
        export_bundle(db, tmp_path / "old.claimdesk")
        import_bundle(other, tmp_path / "old.claimdesk")
    finally:
        db.dispose()
        other.dispose()
    found = rows(tmp_path / "other.sqlite3", 'SELECT start, "end", text FROM claims')
    assert found == [(0, 17, "Old text number 0")]


@pytest.mark.parametrize(
    ("start", "end", "text", "score"),
    [
        (370, 500, "beyond the text", None),
        (0, 17, "Words not there", None),
        (19, 36, "Old text number 0", 1.5),  # a score the old schema let be anything
    ],
    ids=["past-the-end", "other-words", "score"],
)
def test_a_claim_no_import_takes_is_left_out_said_and_the_rest_moves(
    tmp_path: Path, start: int, end: int, text: str, score: float | None
) -> None:
    path = _old_desk(tmp_path, (0, 17, "Old text number 0"), (start, end, text))
    if score is not None:
        execute(path, f"UPDATE claims SET score = {score} WHERE start = {start}")
    db = open_database(path, tmp_path / "backups")
    other = open_database(tmp_path / "other.sqlite3", tmp_path / "backups")
    target = tmp_path / "old.claimdesk"
    try:
        done = write_bundle(db, target)
        import_bundle(other, target)
    finally:
        db.dispose()
        other.dispose()
    assert done.articles == 1 and len(done.left_out) == 1
    assert "\n" not in done.note and f"{start}–{end}" in done.note and "Old 0" in done.note
    assert "stays in this desk" in done.note
    found = rows(tmp_path / "other.sqlite3", 'SELECT start, "end", text FROM claims')
    assert found == [(0, 17, "Old text number 0")]
    # The claim itself is still in the desk, as the old version left it.
    assert (start, end, text) in rows(path, 'SELECT start, "end", text FROM claims')


def test_an_export_of_nothing_any_import_takes_writes_nothing(tmp_path: Path) -> None:
    path = _old_desk(tmp_path)
    execute(path, "UPDATE articles SET text = 'Old' || char(13) || 'text'")  # not normalised
    db = open_database(path, tmp_path / "backups")
    try:
        with pytest.raises(KnownError) as refused:
            write_bundle(db, tmp_path / "old.claimdesk")
    finally:
        db.dispose()
    assert "\n" not in str(refused.value) and "Nothing was written" in str(refused.value)
    assert not (tmp_path / "old.claimdesk").exists()


def test_a_local_status_this_claimdesk_does_not_know_refuses_a_bundle_in_one_line(
    tmp_path: Path,
) -> None:
    """A conflicting claim's local status was read with a bare ClaimStatus(...): a value
    written by a newer ClaimDesk or another program was a traceback, not one line."""
    path = _old_desk(tmp_path, (0, 17, "Old text number 0"))
    execute(path, "UPDATE claims SET status = 'done'")
    db = open_database(path, tmp_path / "backups")
    try:
        export_bundle(db, tmp_path / "old.claimdesk")
    finally:
        db.dispose()
    execute(path, "UPDATE claims SET status = 'on_hold'")  # and so in conflict with it
    before = rows(path, 'SELECT id, status FROM claims')
    db = open_database(path, tmp_path / "backups")
    try:
        with pytest.raises(KnownError) as refused:
            import_bundle(db, tmp_path / "old.claimdesk")
    finally:
        db.dispose()
    message = str(refused.value)
    assert "\n" not in message and "'on_hold'" in message and "does not know" in message
    assert rows(path, 'SELECT id, status FROM claims') == before


def test_the_command_says_what_it_left_out_beside_its_counts(tmp_path: Path) -> None:
    from tests.test_cli import run

    path = _old_desk(tmp_path, (0, 17, "Old text number 0"), (370, 500, "beyond the text"))
    target = tmp_path / "old.claimdesk"
    done = run("bundle", "export", "--db", str(path), "--data-dir", str(tmp_path / "data"),
               "-o", str(target))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{target}\t1 articles\n"  # the line scripts read, unchanged
    (said,) = done.stderr.splitlines()
    assert said.startswith("claimdesk: Left out of the bundle") and "370–500" in said
