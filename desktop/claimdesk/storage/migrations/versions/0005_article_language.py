"""The article's language (a BCP-47 code) and who said so: the detector or the checker.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:30:00

Two nullable columns added in place: existing articles keep every value and get NULL,
which the application reads as "not detected yet"; the workbench detects and stores the
language the next time such an article is opened in the window or extracted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch copy: a copied table would lose the
    # full-text triggers that 0003 put on articles.
    op.add_column("articles", sa.Column("language", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("language_source", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "language_source")
    op.drop_column("articles", "language")
