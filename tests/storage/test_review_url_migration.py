"""Migration 0012 on a desk an older ClaimDesk left: review URLs get their lower-case host."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from claimdesk.services.factcheck_import import import_factcheck_files
from claimdesk.storage import factcheck_repo
from claimdesk.storage.db import open_database
from claimdesk.storage.schema import alembic_config
from tests.importers.test_factcheck_files import review, write

_COLUMNS = "url, claim, title, rating, rating_value, rating_best, publisher, language"
_ENTRY = (
    f"INSERT INTO factchecks (id, {_COLUMNS}, source, imported_at) VALUES "
    "(:id, :url, :claim, :title, :rating, :value, :best, :publisher, :language,"
    " 'imported', :at)"
)
_OLD = [
    # The same review twice: stored before hosts were lowered, then again in another
    # spelling, once with a title and without a rating.
    {"id": 1, "url": "https://Checks.EXAMPLE/review/1", "claim": "Claim one, as first read",
     "title": "", "rating": "False", "value": 1.0, "best": 5.0, "publisher": "Checks",
     "language": "en", "at": "2025-01-01 10:00:00"},
    {"id": 2, "url": "https://checks.example/review/1", "claim": "Claim one",
     "title": "Is claim one true?", "rating": "", "value": None, "best": None,
     "publisher": "Checks Example", "language": None, "at": "2026-12-03 09:00:00"},
    # Alone: only its host changes (scheme too), never its path or query.
    {"id": 3, "url": "HTTPS://Other.Example:8443/Path/A?Q=B", "claim": "Claim three",
     "title": "", "rating": "True", "value": 5.0, "best": 5.0, "publisher": "",
     "language": "fr", "at": "2025-02-01 10:00:00"},
    # Another page: the path differs in case.
    {"id": 4, "url": "https://CHECKS.example/Review/1", "claim": "Claim four",
     "title": "", "rating": "", "value": None, "best": None, "publisher": "",
     "language": None, "at": "2025-03-01 10:00:00"},
]  # fmt: skip


#: What 0012 leaves of `_OLD`, for good: an old desk upgraded later gets the same.
_AFTER_0012 = [
    (2, "https://checks.example/review/1", "Claim one", "Is claim one true?",
     "False", 1.0, 5.0, "Checks Example", "en"),
    (3, "https://other.example:8443/Path/A?Q=B", "Claim three", "", "True", 5.0, 5.0,
     "", "fr"),
    (4, "https://checks.example/Review/1", "Claim four", "", "", None, None, "", None),
]  # fmt: skip


def _desk_at_0011(request: pytest.FixtureRequest, engine: str, folder: Path) -> str:
    if engine == "sqlite":
        url = f"sqlite:///{folder / 'desk.sqlite3'}"
    else:
        url = str(request.getfixturevalue("pg_url"))
    db = create_engine(url)
    try:
        with db.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0011")
            conn.execute(text(_ENTRY), _OLD)
            vectors = "INSERT INTO factcheck_vectors (factcheck_id, model, vector) VALUES"
            conn.execute(text(f"{vectors} (1, 'm', :v), (2, 'm', :v)"), {"v": b"\0" * 1024})
    finally:
        db.dispose()
    return url if engine != "sqlite" else str(folder / "desk.sqlite3")


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_0012_lowers_review_hosts_and_merges_the_same_review(
    request: pytest.FixtureRequest, engine: str, tmp_path: Path
) -> None:
    target = _desk_at_0011(request, engine, tmp_path)
    db = open_database(target, tmp_path / "backups")  # upgrades to the newest revision
    try:
        with db.sessions() as s:
            found = s.execute(text(f"SELECT id, {_COLUMNS} FROM factchecks ORDER BY id")).all()
            vectors = s.scalars(text("SELECT factcheck_id FROM factcheck_vectors")).all()
        # The entry added last is kept; what it had empty, the older one fills.
        assert [tuple(r) for r in found] == _AFTER_0012
        assert list(vectors) == [2]
        # Found now from any spelling of its host: one review, not a new entry.
        again = import_factcheck_files(db, [write(tmp_path / "a.json", [
            review(1, url="https://CHECKS.Example/review/1"),
            review(3, url="https://OTHER.example:8443/Path/A?Q=B"),
        ])])  # fmt: skip
        assert again.added == 0
        with db.sessions() as s:
            assert factcheck_repo.count(s) == 3
    finally:
        db.dispose()


def test_0012_does_to_an_old_desk_what_it_did_whatever_the_live_code_does_later(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The migration used the app's own with_lowercase_host: a later change to it (here,
    # lower-casing paths too) would have changed what 0012 does to a desk upgraded then.
    from claimdesk.domain import urls

    monkeypatch.setattr(urls, "with_lowercase_host", lambda url: url.lower())
    target = _desk_at_0011(request, "sqlite", tmp_path)
    db = open_database(target, tmp_path / "backups")
    try:
        with db.sessions() as s:
            found = s.execute(text(f"SELECT id, {_COLUMNS} FROM factchecks ORDER BY id")).all()
    finally:
        db.dispose()
    assert [tuple(r) for r in found] == _AFTER_0012


def test_every_spelling_of_an_old_desks_review_is_found_once_it_is_upgraded(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # What an older ClaimDesk stored, as its file wrote it, is found from any spelling of
    # its host by the lower-cased address alone: 0012 lowered every stored host.
    target = _desk_at_0011(request, "sqlite", tmp_path)
    db = open_database(target, tmp_path / "backups")
    spellings = {
        1: ["https://Checks.EXAMPLE/review/1", "https://checks.example/review/1",
            "HTTPS://CHECKS.EXAMPLE/review/1"],
        3: ["HTTPS://Other.Example:8443/Path/A?Q=B", "https://other.example:8443/Path/A?Q=B"],
    }  # fmt: skip
    try:
        with db.sessions() as s:
            before = s.execute(text(f"SELECT id, {_COLUMNS} FROM factchecks ORDER BY id")).all()
        for n, urls in spellings.items():
            for i, url in enumerate(urls):
                fed = write(tmp_path / f"{n}-{i}.json", [review(n, url=url)])
                counts = import_factcheck_files(db, [fed])
                assert counts.added == 0 and counts.updated + counts.unchanged == 1, url
        with db.sessions() as s:
            after = s.execute(text("SELECT id, url FROM factchecks ORDER BY id")).all()
    finally:
        db.dispose()
    assert [tuple(r) for r in after] == [(r[0], r[1]) for r in before]
    assert [r[1] for r in after] == [r[1] for r in _AFTER_0012]
