"""New rows on a file desk never take an id that the undo history may bring back.

SQLite gives a new row the highest id + 1 (the tables have no AUTOINCREMENT), so a row
deleted a moment ago, the newest of its table, lends its id to the next new one. Undo of
that deletion then finds the id in use and must refuse: the claim, its verdict and its
notes could not come back. A server desk's sequences never hand an id out twice.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table, event, func, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

_RESERVED = "claimdesk_reserved_ids"


def reserve(session: Session, highest: Mapping[str, int]) -> None:
    """New rows this session flushes get ids above `highest[table name]` (SQLite only)."""
    if session.get_bind().dialect.name != "sqlite" or not any(highest.values()):
        return
    first = _RESERVED not in session.info
    session.info[_RESERVED] = dict(highest)
    if first:
        event.listen(session, "before_flush", _number_new_rows)


def _number_new_rows(session: Session, _context: UOWTransaction, _instances: object) -> None:
    highest: dict[str, int] = session.info.get(_RESERVED) or {}
    following: dict[str, int] = {}
    for obj in list(session.new):
        table = getattr(obj, "__table__", None)
        if not isinstance(table, Table) or table.name not in highest:
            continue
        if inspect(obj).dict.get("id") is not None:
            continue
        if table.name not in following:
            # Core, through the connection: an ORM query here would flush again.
            top = session.connection().execute(select(func.max(table.c.id))).scalar() or 0
            following[table.name] = max(int(top), highest[table.name]) + 1
        obj.id = following[table.name]
        following[table.name] += 1
