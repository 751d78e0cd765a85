"""Argument types shared by the command-line modules."""

from __future__ import annotations

import argparse

#: SQLite integers are signed 64-bit: a bigger id or limit cannot even be asked for.
MAX_SQLITE_INT = 2**63 - 1


def positive_id(value: str) -> int:
    """A whole number SQLite can hold, from 1 up; otherwise argparse's one-line error."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= MAX_SQLITE_INT:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: give a whole number between 1 and {MAX_SQLITE_INT}"
        )
    return number
