"""Claim history and the FTS5 full-text index kept in sync by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:00:00

The index statements are written out here, not imported, so that this revision keeps
doing what it did when later code changes; storage/fts.py holds the current copy (used
to repair a damaged index) and a test checks that both agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='3'"
_INDEXES = (
    ("fts_articles", "articles", ("title", "text")),
    ("fts_claims", "claims", ("text", "speaker")),
    ("fts_verdicts", "verdicts", ("explanation",)),
    ("fts_sources", "source_notes", ("title", "url", "quote", "note")),
)


def _ddl(name: str, content: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});"
    remove = f"INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, "
        f"content='{content}', content_rowid='id', {_OPTIONS})",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {content} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {content} BEGIN {remove} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {cols} ON {content} "
        f"BEGIN {remove} {insert} END",
    ]


#: (index name, table, tsvector expression) on PostgreSQL; storage/fts.py holds the same.
_PG_INDEXES = (
    ("fts_articles", "articles",
     "setweight(to_tsvector('claimdesk_words', coalesce(title, '')), 'A') "
     "|| to_tsvector('claimdesk_words', coalesce(text, ''))"),
    ("fts_claims", "claims",
     "to_tsvector('claimdesk_words', coalesce(text, '') || ' ' || coalesce(speaker, ''))"),
    ("fts_verdicts", "verdicts", "to_tsvector('claimdesk_words', coalesce(explanation, ''))"),
    ("fts_sources", "source_notes",
     "setweight(to_tsvector('claimdesk_words', coalesce(title, '')), 'C') "
     "|| to_tsvector('claimdesk_words', coalesce(url, '') || ' ' || coalesce(quote, '') "
     "|| ' ' || coalesce(note, ''))"),
)  # fmt: skip
_PG_CONFIG = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION claimdesk_words (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION claimdesk_words ALTER MAPPING FOR "
    "asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple",
)

#: Every write goes straight into the index: with GIN's pending list, a search right
#: after a bulk import reads the whole list and the planner scans the table instead.
_GIN = "WITH (fastupdate = off)"


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    op.create_table(
        "claim_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_history_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_history")),
    )
    with op.batch_alter_table("claim_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_history_claim_id"), ["claim_id"], unique=False)
    if _postgresql():
        for statement in _PG_CONFIG:
            op.execute(statement)
        for name, table, vector in _PG_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({vector})) {_GIN}")
        return
    for name, content, columns in _INDEXES:
        for statement in _ddl(name, content, columns):
            op.execute(statement)
        # Index what older versions stored.
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def downgrade() -> None:
    if _postgresql():
        for name, _table, _vector in _PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS claimdesk_words")
    for name, _content, _columns in reversed(_INDEXES if not _postgresql() else ()):
        for suffix in ("_au", "_ad", "_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {name}")
    with op.batch_alter_table("claim_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_history_claim_id"))
    op.drop_table("claim_history")
