"""The schema ClaimDesk makes, revision by revision, and the check that a file holds exactly it."""

from __future__ import annotations

import logging
import re
import sqlite3
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from claimdesk.errors import DatabaseError
from claimdesk.storage import fts

MIGRATIONS = Path(__file__).with_name("migrations")

#: (type, name, table, SQL with whitespace normalised) of one sqlite_master row.
SchemaObject = tuple[str, str, str, str]


class SchemaRefused(DatabaseError):
    """The file's schema is not one ClaimDesk made: it may have been altered to fool us."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def _normal(sql: str | None) -> str:
    # SQLite keeps CREATE statements as typed; only layout may differ between versions
    # of the libraries that typed them, never words, names or punctuation.
    text = " ".join((sql or "").split())
    return re.sub(r"\s*([(),])\s*", r"\1", text)


def objects_of(con: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every object in the file's schema (sqlite_stat*, the planner's statistics, aside)."""
    rows = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
    ).fetchall()
    return frozenset((t, n, tb, _normal(s)) for t, n, tb, s in rows)


@cache
def expected_objects(revision: str) -> frozenset[SchemaObject]:
    """The schema our migrations leave at `revision`, built once per run in memory.

    Deriving it from the migrations themselves (rather than a list kept by hand) means
    every revision a user may still have on disk is checked against what that revision
    really made, and a new migration needs no second edit here.
    """
    con = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: con, poolclass=StaticPool)
    # Keep "Running upgrade …" of this scratch copy out of the user's log: it would read
    # as if their file were being upgraded on every start.
    alembic_log = logging.getLogger("alembic")
    level = alembic_log.level
    alembic_log.setLevel(logging.WARNING)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return objects_of(con)
    finally:
        alembic_log.setLevel(level)
        engine.dispose()
        con.close()


def _repairable(name: str) -> bool:
    """Full-text index objects that open_database recreates when they are missing."""
    return any(name == i.name or name.startswith(f"{i.name}_") for i in fts.INDEXES)


def verify(con: sqlite3.Connection, path: Path, revision: str) -> None:
    """Refuse a file whose schema differs from the one ClaimDesk made at `revision`.

    An extra trigger, view, index or table, or a changed statement, would run our data
    through code we did not write (a trigger can rewrite every verdict), so none is
    tolerated. Missing full-text objects are allowed: they are rebuilt on open.
    """
    found = objects_of(con)
    expected = expected_objects(revision)
    expected_names = {(o[0], o[1]) for o in expected}
    problems: list[str] = []
    for obj in sorted(found - expected):
        kind, name = obj[0], obj[1]
        changed = (kind, name) in expected_names
        problems.append(f"{kind} {name} was changed" if changed else f"unexpected {kind} {name}")
    present = {(t, n) for t, n, *_ in found}
    for kind, name, *_ in sorted(expected - found):
        if (kind, name) not in present and not _repairable(name):
            problems.append(f"{kind} {name} is missing")
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise SchemaRefused(
            f"{path} was not opened: it is not a schema ClaimDesk made ({problems[0]}{more}), "
            "so another program may have altered it; open a copy you trust instead."
        )
