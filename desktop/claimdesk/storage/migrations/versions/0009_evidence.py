"""Evidence attachments on source notes: their bytes by sha256, their text indexed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 19:40:00

`evidence_blobs` holds each distinct file once, keyed by its sha256, with the text
extracted from it, inside the database file itself, so a desk moves, backs up and
travels in a bundle as one file. `evidence` is one attachment of a blob to a source
note: its original name, media type, size and capture time (small rows, so the undo
history can copy them). Deleting a source note deletes its
attachments (cascade); a blob stays while any attachment names it (RESTRICT), and
unreferenced blobs are dropped when the window opens a desk (the undo history that could
bring an attachment back lives only as long as the window).

`fts_evidence` indexes the blobs' text by words and `fts_evidence_trigram` by trigrams,
like the other kinds of the desk. Statements are written out here, not imported
(storage/fts.py holds the current copy; a test checks that both agree). On PostgreSQL
(issue 16) they are GIN indexes over a tsvector expression and over the text (pg_trgm).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_INSERT = "INSERT INTO fts_evidence(rowid, text) VALUES (new.id, new.text);"
_REMOVE = "INSERT INTO fts_evidence(fts_evidence, rowid, text) VALUES ('delete', old.id, old.text);"
_FTS = (
    "CREATE VIRTUAL TABLE fts_evidence USING fts5(text, content='evidence_blobs', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='3')",
    f"CREATE TRIGGER fts_evidence_ai AFTER INSERT ON evidence_blobs BEGIN {_INSERT} END",
    f"CREATE TRIGGER fts_evidence_ad AFTER DELETE ON evidence_blobs BEGIN {_REMOVE} END",
    f"CREATE TRIGGER fts_evidence_au AFTER UPDATE OF text ON evidence_blobs "
    f"BEGIN {_REMOVE} {_INSERT} END",
)
#: The same text by trigrams, as migration 0006 did for the other kinds: Chinese, Japanese
#: or Thai words inside a file, clitics and parts of compounds are found too.
_T_INSERT = "INSERT INTO fts_evidence_trigram(rowid, text) VALUES (new.id, new.text);"
_T_REMOVE = (
    "INSERT INTO fts_evidence_trigram(fts_evidence_trigram, rowid, text) "
    "VALUES ('delete', old.id, old.text);"
)
_TRIGRAM = (
    "CREATE VIRTUAL TABLE fts_evidence_trigram USING fts5(text, content='evidence_blobs', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER fts_evidence_trigram_ai AFTER INSERT ON evidence_blobs BEGIN {_T_INSERT} END",
    f"CREATE TRIGGER fts_evidence_trigram_ad AFTER DELETE ON evidence_blobs BEGIN {_T_REMOVE} END",
    f"CREATE TRIGGER fts_evidence_trigram_au AFTER UPDATE OF text ON evidence_blobs "
    f"BEGIN {_T_REMOVE} {_T_INSERT} END",
)


_PG_INDEXES = (
    "CREATE INDEX fts_evidence ON evidence_blobs USING gin "
    "((to_tsvector('claimdesk_words', coalesce(text, '')))) WITH (fastupdate = off)",
    "CREATE INDEX fts_evidence_trigram ON evidence_blobs USING gin "
    "((coalesce(text, '')) gin_trgm_ops)",
)


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    op.create_table(
        "evidence_blobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("length(data) = size", name=op.f("ck_evidence_blobs_size")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_blobs")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_blobs_sha256")),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_note_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["evidence_blobs.sha256"],
            name=op.f("fk_evidence_sha256_evidence_blobs"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_note_id"],
            ["source_notes.id"],
            name=op.f("fk_evidence_source_note_id_source_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("source_note_id", "sha256", name=op.f("uq_evidence_source_note_id")),
    )
    op.create_index(op.f("ix_evidence_source_note_id"), "evidence", ["source_note_id"])
    op.create_index(op.f("ix_evidence_sha256"), "evidence", ["sha256"])
    for statement in _PG_INDEXES if _postgresql() else (*_FTS, *_TRIGRAM):
        op.execute(statement)


def downgrade() -> None:
    if _postgresql():
        op.execute("DROP INDEX IF EXISTS fts_evidence_trigram")
        op.execute("DROP INDEX IF EXISTS fts_evidence")
    else:
        for name in ("fts_evidence_trigram", "fts_evidence"):
            for suffix in ("_au", "_ad", "_ai"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {name}")
    op.drop_index(op.f("ix_evidence_sha256"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_source_note_id"), table_name="evidence")
    op.drop_table("evidence")
    op.drop_table("evidence_blobs")
