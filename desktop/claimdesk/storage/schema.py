"""The schema ClaimDesk makes, revision by revision, and the check that a file holds exactly it."""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from claimdesk.errors import DatabaseError
from claimdesk.storage import fts, schema_snapshot
from claimdesk.storage.schema_shape import shape

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).with_name("migrations")

#: (type, name) of one sqlite_master row → what it does (schema_shape.shape).
Schema = Mapping[tuple[str, str], Hashable]


class SchemaRefused(DatabaseError):
    """The file's schema is not one ClaimDesk made: it may have been altered to fool us."""


def not_upgraded(error: DatabaseError, path: Path, backup: Path | None) -> DatabaseError:
    """`error`, saying (when it stopped an upgrade) that the desk is as it was and where
    the copy made before is: the upgrade is one transaction, so nothing of it stayed."""
    if backup is None:
        return error
    return type(error)(
        f"{error} The upgrade from an older ClaimDesk was not made, so {path.name} is as "
        f"it was; the copy made before it is {backup}."
    )


def alembic_config() -> Config:
    from alembic.config import Config  # only to upgrade: importing Alembic takes 0.3 s

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `conn`, inside its transaction.

    Alembic is imported here, not at start: opening a desk at the newest revision never
    needs it (the import takes 0.3 s).
    """
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def head_revision() -> str:
    snapshot = schema_snapshot.load()
    if snapshot is not None:
        return snapshot.head
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    snapshot = schema_snapshot.load()
    if snapshot is not None:
        return revision in snapshot.revisions
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def objects_of(con: sqlite3.Connection) -> Schema:
    """Every object in the file's schema (sqlite_stat*, the planner's statistics, aside).

    Names are compared as SQLite does, without regard to case.
    """
    rows = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
    ).fetchall()
    return {(t, n.lower()): shape(con, t, n, tb, s) for t, n, tb, s in rows}


@cache
def expected_objects(revision: str) -> Schema:
    """The schema our migrations leave at `revision` (the newest one as shipped).

    Deriving it from the migrations themselves (rather than a list kept by hand) means
    every revision a user may still have on disk is checked against what that revision
    really made, and a new migration needs no second edit here (only a new snapshot,
    which a test asks for).
    """
    snapshot = schema_snapshot.load()
    if snapshot is not None and revision == snapshot.head:
        return snapshot.objects
    with schema_snapshot.migrated(revision) as con:
        return objects_of(con)


def _repairable(name: str) -> bool:
    """Full-text index objects that open_database recreates when they are missing."""
    return any(name == i.name or name.startswith(f"{i.name}_") for i in fts.INDEXES)


def verify(con: sqlite3.Connection, path: Path, revision: str) -> None:
    """Refuse a file whose schema differs from the one ClaimDesk made at `revision`.

    An extra trigger, view, index or table, or a changed one, would run our data
    through code we did not write (a trigger can rewrite every verdict), so none is
    tolerated. Tables and indexes are compared by what they do, not by how the library
    that made them spelled their CREATE statement (schema_shape.py): a later SQLAlchemy
    or Alembic in the frozen app must not turn every older desk away. Missing
    full-text objects are allowed: they are rebuilt on open.
    """
    found = objects_of(con)
    expected = expected_objects(revision)
    problems: list[str] = []
    for kind, name in sorted(found):
        if (kind, name) not in expected:
            problems.append(f"unexpected {kind} {name}")
        elif found[kind, name] != expected[kind, name]:
            problems.append(f"{kind} {name} was changed")
    for kind, name in sorted(expected):
        if (kind, name) not in found and not _repairable(name):
            problems.append(f"{kind} {name} is missing")
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise SchemaRefused(
            f"{path} was not opened: it is not a schema ClaimDesk made ({problems[0]}{more}), "
            "so another program may have altered it; open a copy you trust instead."
        )
