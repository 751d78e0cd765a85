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
    rows = conn.execute(sa.text("SELECT id, types FROM claims WHERE types LIKE '%\"date\"%'"))
    for claim_id, types in rows.fetchall():
        kept = [t for t in json.loads(types) if t != "date"]
        conn.execute(sa.text("UPDATE claims SET types = :types WHERE id = :id"),
                     {"types": json.dumps(kept), "id": claim_id})
