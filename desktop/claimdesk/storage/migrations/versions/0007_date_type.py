"""The DATE claim type: no schema change, a new revision so older ClaimDesks refuse the file.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 17:30:00

Claim types live in claims.types as a JSON list with no CHECK constraint, so "date"
needs no new column. An older ClaimDesk would still open a 0004 file and fail on a type
it cannot read; at this revision it says the file "was made by a newer version of
ClaimDesk" instead. The downgrade drops "date" from every list so 0004 code reads them.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    conn = op.get_bind()
    # On PostgreSQL the column is json: compared as its text, written back as json (an
    # SQLite CAST to JSON would take NUMERIC affinity and turn the list into 0).
    value = ":types" if conn.dialect.name != "postgresql" else "CAST(:types AS JSON)"
    rows = conn.execute(
        sa.text("SELECT id, types FROM claims WHERE CAST(types AS TEXT) LIKE '%\"date\"%'")
    )
    for claim_id, types in rows.fetchall():
        # PostgreSQL's driver hands a json column over decoded; SQLite's as its text.
        listed = json.loads(types) if isinstance(types, str) else types
        kept = [t for t in listed if t != "date"]
        conn.execute(sa.text(f"UPDATE claims SET types = {value} WHERE id = :id"),
                     {"types": json.dumps(kept), "id": claim_id})
