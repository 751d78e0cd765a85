"""The desk's clock: every stored time is UTC without a zone attached (naive UTC), so
that checkers in different zones, or one laptop across a DST change, write times that
sort and compare right; a time is turned into the reader's local time only to be shown."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    """Now, as the desk stores it: naive UTC, whole seconds."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def local(stored: datetime) -> datetime:
    """A stored (naive UTC) time as the wall-clock time of this machine's zone, naive."""
    return local_aware(stored).replace(tzinfo=None)


def local_aware(stored: datetime) -> datetime:
    """A stored (naive UTC) time in this machine's zone, with its UTC offset attached.
    Year 1 or 9999 (a desk altered elsewhere) that no zone can move stays in UTC."""
    try:
        return stored.replace(tzinfo=UTC).astimezone()
    except (OverflowError, ValueError):
        return stored.replace(tzinfo=UTC)


def to_stored(wall: datetime) -> datetime:
    """A time from outside (aware: any zone; naive: this machine's local time) as the desk
    stores it, naive UTC."""
    return wall.astimezone(UTC).replace(tzinfo=None)


def local_day(stored: datetime) -> date:
    """The local calendar day of a stored time (a verdict's "checked on" day)."""
    return local(stored).date()


def local_text(stored: datetime) -> str:
    """A stored time as local minutes that name their zone: "2026-03-09 15:30 (UTC+01:00)"."""
    when = local_aware(stored)
    offset = when.strftime("%z")  # "+0100"
    return f"{when:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:5]})"
