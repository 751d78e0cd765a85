"""Checkers and the review step: claim assignment, a verdict's review state, note authors.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 01:30:00

On a shared desk (issue 16) a claim is assigned to a checker (`claims.assignee`, NULL:
nobody), a verdict goes draft → needs review → approved by a second checker
(`verdicts.review_state`, `reviewer`, `reviewed_at`; `author_login`, the database login
that wrote the verdict, so that no login approves its own words under another name) and
a source note records who added it (`source_notes.checker`). Existing verdicts start
as drafts: they were never reviewed, and a desk that does not require review (every
SQLite desk unless the checker turns it on) publishes drafts as before. Existing notes
have no known author ("").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch copy: a copied table would lose the
    # full-text triggers that 0003 and 0008 put on these tables (on SQLite), as in 0010.
    op.add_column("claims", sa.Column("assignee", sa.String(length=200), nullable=True))
    op.add_column(
        "verdicts",
        sa.Column(
            "review_state", sa.String(length=16), nullable=False, server_default="draft"
        ),
    )
    op.add_column("verdicts", sa.Column("reviewer", sa.String(length=200), nullable=True))
    op.add_column("verdicts", sa.Column("reviewed_at", sa.DateTime(), nullable=True))
    op.add_column("verdicts", sa.Column("author_login", sa.String(length=200), nullable=True))
    op.add_column(
        "source_notes",
        sa.Column("checker", sa.String(length=200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("source_notes", "checker")
    op.drop_column("verdicts", "author_login")
    op.drop_column("verdicts", "reviewed_at")
    op.drop_column("verdicts", "reviewer")
    op.drop_column("verdicts", "review_state")
    op.drop_column("claims", "assignee")
