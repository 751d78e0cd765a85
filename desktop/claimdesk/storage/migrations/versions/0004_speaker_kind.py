"""What sort of speaker a claim has: person, organisation or place (NULL: not known).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 13:30:00

A nullable column added in place: existing claims keep every value and get NULL, which
the application reads as "kind not known" (claims extracted before kinds existed).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch copy: a copied table would lose the
    # full-text triggers that 0003 put on claims.
    op.add_column("claims", sa.Column("speaker_kind", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("claims", "speaker_kind")
