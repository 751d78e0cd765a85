"""Review URLs of the fact-check library stored with a lower-case host.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:00:00

An imported review is one entry per review URL, and a URL's scheme and host are compared
and stored in lower case since (`domain.urls.with_lowercase_host`, copied here as it was;
its path is not). An entry stored before kept its host as its file wrote it, so
`https://Checks.EXAMPLE/r` was not found from `https://CHECKS.example/r`, and importing
that spelling added the same review again. Here every stored review URL gets its lower-case host.

Two entries that then share a URL are the same review imported twice. The one added
last (latest `imported_at`, then highest id) is kept with its own values, as importing
the review again updates an entry; any field it has empty (title, publisher, date,
language; the rating, its value, best and worst together) takes the value of the others,
newest first, so nothing the older entry knew and the newer left unsaid is lost. The
others go, with their vectors (the next fill encodes what is missing). Going down keeps
the lower-case hosts: they are what the code of 0011 stores too.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: Filled from an older entry, each on its own, when the kept one has it empty.
_SINGLE = ("title", "publisher", "published", "language")
#: Filled together: a rating's name and numbers describe one judgement.
_RATING = ("rating", "rating_value", "rating_best", "rating_worst")


# Frozen: `domain.urls.with_lowercase_host` as it was when this revision was written,
# copied rather than imported. A desk upgraded years from now must get what this
# revision did then; a later change to the app's own function (IDNA, default ports)
# would otherwise change, silently, what 0012 does to old desks.
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def with_lowercase_host(url: str) -> str:
    """`url` with its scheme and host in lower case, the rest as it is (a login part
    and percent-escapes' hex kept too)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find(ch) for ch in "/?#") if i != -1), default=len(rest))
    login, at, host = rest[:end].rpartition("@")
    host = "".join(
        part if _PERCENT.fullmatch(part) else part.lower()
        for part in re.split(f"({_PERCENT.pattern})", host)
    )
    return f"{scheme.lower()}://{login}{at}{host}{rest[end:]}"


def _empty(value: Any) -> bool:
    return value is None or value == ""


def upgrade() -> None:
    bind = op.get_bind()
    entries = (
        bind.execute(
            sa.text(
                f"SELECT id, url, {', '.join(_SINGLE + _RATING)} FROM factchecks "
                "WHERE url IS NOT NULL ORDER BY imported_at DESC, id DESC"
            )
        )
        .mappings()
        .all()
    )
    groups: dict[str, list[Any]] = {}
    for entry in entries:  # newest first
        groups.setdefault(with_lowercase_host(entry["url"]), []).append(entry)
    gone = [e["id"] for same in groups.values() for e in same[1:]]
    if gone:
        ids: sa.BindParameter[list[int]] = sa.bindparam("ids", expanding=True)
        bind.execute(
            sa.text("DELETE FROM factcheck_vectors WHERE factcheck_id IN :ids").bindparams(ids),
            {"ids": gone},
        )
        bind.execute(
            sa.text("DELETE FROM factchecks WHERE id IN :ids").bindparams(ids), {"ids": gone}
        )
    for url, (kept, *older) in groups.items():
        values: dict[str, Any] = {}
        for field in _SINGLE:
            filled = [e[field] for e in older if not _empty(e[field])]
            if _empty(kept[field]) and filled:
                values[field] = filled[0]
        if all(_empty(kept[f]) for f in _RATING):
            rated = [e for e in older if not all(_empty(e[f]) for f in _RATING)]
            if rated:
                values.update({f: rated[0][f] for f in _RATING})
        if url != kept["url"]:
            values["url"] = url
        if values:
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            bind.execute(
                sa.text(f"UPDATE factchecks SET {assignments} WHERE id = :id"),
                {**values, "id": kept["id"]},
            )


def downgrade() -> None:
    pass  # lower-case hosts are what 0011's code stores; merged entries stay one
