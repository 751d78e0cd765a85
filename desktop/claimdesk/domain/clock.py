"""The desk's clock: every stored time is UTC without a zone attached (naive UTC), so
that checkers in different zones, or one laptop across a DST change, write times that
sort and compare right; a time is turned into the reader's local time only to be shown."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """Now, as the desk stores it: naive UTC, whole seconds."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def local(stored: datetime) -> datetime:
    """A stored (naive UTC) time as the wall-clock time of this machine's zone, naive."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_aware(stored: datetime) -> datetime:
    """A stored (naive UTC) time in this machine's zone, with its UTC offset attached."""
    return stored.replace(tzinfo=UTC).astimezone()


def to_stored(wall: datetime) -> datetime:
    """A time from outside (aware: any zone; naive: this machine's local time) as the desk
    stores it, naive UTC."""
    return wall.astimezone(UTC).replace(tzinfo=None)


def utc_iso(stored: datetime) -> str:
    """A stored time in ISO 8601 that says it is UTC ("…+00:00")."""
    return stored.replace(tzinfo=UTC).isoformat()
