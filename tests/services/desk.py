"""Shared helpers for service tests: a workbench on a real file and the raw database state."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import text

from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import Database, open_database

#: A short article with characters outside the BMP, so offsets are code points.
ARTICLE = (
    "Fans cheered 🎉 at the stadium all night. "
    "The club said ticket prices rose by 40% in 2023 😮 compared with 2019. "
    "Ministers will meet again next week to discuss it. "
    "Unemployment fell to 3.9 percent last year, the lowest since 1969.\n"
    "“We built 300 bridges,” the minister said.\n"
)

#: Tables whose rows undo and redo must restore exactly.
STATE_TABLES = ("articles", "claims", "verdicts", "source_notes")


def open_workbench(path: str | Path, nlp: NlpProvider) -> Workbench:
    return Workbench(open_database(path), nlp)


def add_article(wb: Workbench, folder: Path, text: str = ARTICLE, name: str = "a.txt") -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return wb.open_file(path).article_id


def mark(wb: Workbench, article_id: int, needle: str, **kw: Any) -> int:
    """Add a manual claim over the first occurrence of `needle`."""
    text = wb.article(article_id).text
    start = text.index(needle)
    claim_id, _ = wb.add_claim(article_id, start, start + len(needle), **kw)
    return claim_id


def _unversioned(row: Any) -> dict[str, Any]:
    return {k: row[k] for k in row.keys() if k != "version"}  # noqa: SIM118 (sqlite3.Row)


def dump(
    source: Path | Database, tables: tuple[str, ...] = STATE_TABLES
) -> dict[str, list[dict[str, Any]]]:
    """Every row of `tables` as plain dicts, by id: the state undo must restore.

    A file is read with sqlite3 directly; an open desk (either engine) through its sessions.
    Row versions are left out: they only go up, undo included (test_versions.py).
    """
    if isinstance(source, Database):
        with source.sessions() as session:
            return {
                t: [_unversioned(r._mapping) for r in session.execute(text(f"SELECT * FROM {t} ORDER BY id"))]  # noqa: E501
                for t in tables
            }  # fmt: skip
    con = sqlite3.connect(source)
    con.row_factory = sqlite3.Row
    try:
        return {
            t: [_unversioned(r) for r in con.execute(f"SELECT * FROM {t} ORDER BY id")]
            for t in tables
        }
    finally:
        con.close()
