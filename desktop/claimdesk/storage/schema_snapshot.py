"""The newest schema as shipped, so opening or creating a desk needs neither Alembic nor a replay.

`schema_head.json` holds the revisions in order, the shape of every object at the
newest one and the statements that create it. It is generated from the migrations
(`python -m claimdesk.storage.schema_snapshot --write`, or `make schema-snapshot`) and a
test fails when it no longer matches them. Replaying nine migrations in memory to learn
the expected schema took about 0.35 s of every start, and importing Alembic another
0.3 s; both are now paid only to upgrade.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).with_name("schema_head.json")
VERSIONS = Path(__file__).with_name("migrations") / "versions"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    revisions: tuple[str, ...]  # oldest first
    files: tuple[str, ...]  # the migration files it was made from
    objects: dict[tuple[str, str], Any]  # (type, name) → shape, as schema.objects_of
    create: tuple[str, ...]  # in an order SQLite accepts

    @property
    def head(self) -> str:
        return self.revisions[-1]


def _frozen(value: Any) -> Any:
    """JSON's lists back into the tuples shapes are made of (shapes are compared by ==)."""
    return tuple(_frozen(v) for v in value) if isinstance(value, list) else value


def migration_files() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in VERSIONS.glob("[0-9]*.py")))


@cache
def load() -> Snapshot | None:
    """The shipped snapshot, or None when it does not describe the migrations on disk.

    A migration added without a new snapshot (a developer's tree) must not make a desk
    at the old head look up to date: the callers then ask Alembic, as before.
    """
    try:
        data = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("no usable %s: asking the migrations instead", SNAPSHOT.name)
        return None
    if tuple(data["files"]) != migration_files():
        log.warning("%s is stale: run make schema-snapshot", SNAPSHOT.name)
        return None
    return Snapshot(
        revisions=tuple(data["revisions"]),
        files=tuple(data["files"]),
        objects={(t, n): _frozen(s) for t, n, s in data["objects"]},
        create=tuple(data["create"]),
    )


@contextmanager
def migrated(revision: str) -> Iterator[sqlite3.Connection]:
    """A scratch in-memory database that the migrations brought to `revision`."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from claimdesk.storage.schema import upgrade

    con = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: con, poolclass=StaticPool)
    # Keep "Running upgrade …" of this scratch copy out of the user's log: it would read
    # as if their file were being upgraded.
    alembic_log = logging.getLogger("alembic")
    level = alembic_log.level
    alembic_log.setLevel(logging.WARNING)
    try:
        with engine.begin() as conn:
            upgrade(conn, revision)
        yield con
    finally:
        alembic_log.setLevel(level)
        engine.dispose()
        con.close()


def build() -> dict[str, Any]:
    """The snapshot of what the migrations on disk make (imports Alembic)."""
    from alembic.script import ScriptDirectory

    from claimdesk.storage.schema import alembic_config, objects_of

    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    with migrated(revisions[-1]) as con:
        objects = objects_of(con)
        # sqlite_master's row order is an order the objects could be made in: each was
        # created after what it names (a rebuilt table's triggers are made again after it).
        rows = con.execute("SELECT name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        # A full-text table makes its own shadow tables (SQLite ≥ 3.37 lists them).
        shadows = {r[1] for r in con.execute("PRAGMA table_list") if r[2] == "shadow"}
    create = [
        sql for name, sql in rows
        if sql and not name.startswith("sqlite_") and name not in shadows
    ]  # fmt: skip
    return {
        "revisions": revisions,
        "files": list(migration_files()),
        "objects": [[t, n, objects[t, n]] for t, n in sorted(objects)],
        "create": create,
    }


def create_head(con: sqlite3.Connection, snapshot: Snapshot) -> None:
    """Make the newest schema in an empty database, inside the caller's transaction."""
    for statement in snapshot.create:
        con.execute(statement)
    con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (snapshot.head,))


def _dumps(data: dict[str, Any]) -> str:
    """One list item a line: compact, and a new migration shows as a readable diff."""
    parts = []
    for key, items in data.items():
        lines = ",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in items)
        parts.append(f" {json.dumps(key)}: [\n{lines}\n ]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str]) -> int:
    text = _dumps(build())
    if argv[1:] == ["--write"]:
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
        return 0
    if argv[1:] == ["--check"]:
        same = SNAPSHOT.is_file() and SNAPSHOT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{SNAPSHOT.name} is stale: run make schema-snapshot")
        return 0 if same else 1
    print("usage: python -m claimdesk.storage.schema_snapshot --write | --check")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
