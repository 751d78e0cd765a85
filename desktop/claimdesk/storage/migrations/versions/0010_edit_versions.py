"""A version number on claims, verdicts and source notes, for saves by many checkers at once.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 20:10:00

On a shared desk (issue 16) two checkers may edit the same claim. Every update of one of
these rows raises its version by one and only succeeds while the row still has the
version it was read at, so a save based on an older version is refused as a conflict
instead of silently overwriting a colleague's work. Existing rows start at 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TABLES = ("claims", "verdicts", "source_notes")


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch copy: a copied table would lose the
    # full-text triggers that 0003 and 0008 put on these tables (on SQLite).
    for table in _TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_column(table, "version")
