"""Stored times become UTC (naive: the columns keep no zone), so that checkers in
different zones, or one laptop across a DST change, write times that sort and read right.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:00:00

Every ClaimDesk before this one wrote the local time of the machine that saved, without
a zone. Which zone that was is not recorded; this migration takes each stored time as a
local time of the zone of the machine that runs it (the zone's offset on that date, so
summer and winter times each move by their own offset; an hour repeated when the clocks
go back is read as its first occurrence). For a personal desk that is the checker's own
zone. A team desk is migrated once, by whoever opens it first after the update: if its
checkers worked in other zones, their old times stay off by the difference, as they
already were. Downgrading turns the times back into local ones the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: Every DateTime column at 0011 (0012 added none).
_COLUMNS = (
    ("articles", ("imported_at", "extracted_at")),
    ("claims", ("created_at", "updated_at")),
    ("verdicts", ("created_at", "updated_at", "reviewed_at")),
    ("source_notes", ("created_at",)),
    ("claim_history", ("at",)),
    ("factchecks", ("imported_at",)),
    ("evidence", ("captured_at",)),
)
#: services/review.py: who turned the review rule on or off, and when (JSON in settings).
_RULE_LOG = "review_required_log"


def _to_utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)  # naive: this zone's time


def _to_local(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _read(value: object) -> datetime | None:
    """A stored value as a datetime; None for NULL and for text no ClaimDesk wrote (left
    as it is, as every reader of it already copes)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):  # SQLite keeps text
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _move(convert: Callable[[datetime], datetime]) -> None:
    conn = op.get_bind()
    for table, columns in _COLUMNS:
        # Read as text (SQLite) or as the driver gives it; written back through DateTime,
        # in the form SQLAlchemy writes everywhere else.
        read = sa.table(table, sa.column("id", sa.Integer), *(sa.column(c) for c in columns))
        write = sa.table(table, sa.column("id", sa.Integer),
                         *(sa.column(c, sa.DateTime()) for c in columns))  # fmt: skip
        found = conn.execute(sa.select(read)).all()
        for column in columns:
            moved = []
            for row in found:
                new = _converted(getattr(row, column), convert)
                if new is not None:
                    moved.append({"row_id": row.id, "moved": new})
            if moved:
                conn.execute(
                    write.update()
                    .where(write.c.id == sa.bindparam("row_id"))
                    .values({column: sa.bindparam("moved", type_=sa.DateTime())}),
                    moved,
                )
    _move_rule_log(conn, convert)


def _converted(value: object, convert: Callable[[datetime], datetime]) -> datetime | None:
    """The value moved to the other zone; None to leave it (NULL, not a time, or a time
    at the ends of the calendar that no zone can move)."""
    old = _read(value)
    if old is None or old.tzinfo is not None:
        return None
    try:
        return convert(old)
    except (OverflowError, ValueError):
        return None


def _move_rule_log(conn: sa.Connection, convert: Callable[[datetime], datetime]) -> None:
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    stored = conn.scalar(sa.select(settings.c.value).where(settings.c.key == _RULE_LOG))
    try:
        log = json.loads(stored) if stored else None
    except ValueError:
        return  # a hand-edited value: services/review.py already leaves it out
    if not isinstance(log, list):
        return
    for entry in log:
        at = _converted(entry.get("at"), convert) if isinstance(entry, dict) else None
        if at is not None:
            entry["at"] = at.isoformat()
    conn.execute(
        settings.update().where(settings.c.key == _RULE_LOG).values(value=json.dumps(log))
    )


def upgrade() -> None:
    _move(_to_utc)


def downgrade() -> None:
    _move(_to_local)
