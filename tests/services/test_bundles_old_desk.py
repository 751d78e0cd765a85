"""A desk made by an older ClaimDesk, upgraded, then exported as a case bundle.

The old schema asked of a claim only `start >= 0 AND end > start`: a claim whose words
are not its article's words at its offsets (past the end of the text, or text changed
behind ClaimDesk's back) stays in the desk through every upgrade. Every import refuses a
bundle holding one, so the export must say so rather than write a file no desk takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.errors import KnownError
from claimdesk.services.bundles import export_bundle, import_bundle
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
    ("start", "end", "text"),
    [(370, 500, "beyond the text"), (0, 17, "Words not there")],
    ids=["past-the-end", "other-words"],
)
def test_a_claim_off_its_article_text_is_named_at_export_and_nothing_is_written(
    tmp_path: Path, start: int, end: int, text: str
) -> None:
    path = _old_desk(tmp_path, (0, 17, "Old text number 0"), (start, end, text))
    db = open_database(path, tmp_path / "backups")
    target = tmp_path / "old.claimdesk"
    try:
        with pytest.raises(KnownError) as refused:
            export_bundle(db, target)
    finally:
        db.dispose()
    message = str(refused.value)
    assert "\n" not in message
    assert f"{start}–{end}" in message and "Old 0" in message and text in message
    assert "Nothing was written" in message
    assert not target.exists()
    # The claim itself is still in the desk, as the old version left it.
    assert (start, end, text) in rows(path, 'SELECT start, "end", text FROM claims')


def test_a_value_an_import_refuses_is_named_at_export(tmp_path: Path) -> None:
    """Any field, not only the span: the old schema let a score be any number."""
    path = _old_desk(tmp_path, (0, 17, "Old text number 0"))
    execute(path, "UPDATE claims SET score = 1.5")
    db = open_database(path, tmp_path / "backups")
    try:
        with pytest.raises(KnownError) as refused:
            export_bundle(db, tmp_path / "old.claimdesk")
    finally:
        db.dispose()
    message = str(refused.value)
    assert "\n" not in message and "score" in message and "Nothing was written" in message
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
