"""The fact-check library: earlier checks (imported and the desk's own), their index and vectors.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:30:00

`factchecks` holds imported ClaimReview entries (one per review URL) and a copy of every
verdict this desk gave (one per claim). The copy is kept by triggers, not by the
services: a verdict set, changed, undone, merged from a bundle or restored reaches the
library whichever code path wrote it, and the schema check guards the triggers' text
like any other. `factcheck_vectors` holds a 512-dimensional float16 sentence vector per
entry, filled after import; a trigger drops an entry's vector when its claim changes.

Statements are written out here, not imported, so this revision keeps doing what it
did when later code changes (storage/fts.py holds the index's current copy).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_FTS = (
    "CREATE VIRTUAL TABLE fts_factchecks USING fts5(claim, title, content='factchecks', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
_FTS_INSERT = (
    "INSERT INTO fts_factchecks(rowid, claim, title) VALUES (new.id, new.claim, new.title);"
)
_FTS_REMOVE = (
    "INSERT INTO fts_factchecks(fts_factchecks, rowid, claim, title) "
    "VALUES ('delete', old.id, old.claim, old.title);"
)
_TRIGGERS = (
    _FTS,
    f"CREATE TRIGGER fts_factchecks_ai AFTER INSERT ON factchecks BEGIN {_FTS_INSERT} END",
    f"CREATE TRIGGER fts_factchecks_ad AFTER DELETE ON factchecks BEGIN {_FTS_REMOVE} END",
    "CREATE TRIGGER fts_factchecks_au AFTER UPDATE OF claim, title ON factchecks "
    f"BEGIN {_FTS_REMOVE} {_FTS_INSERT} END",
    # A vector describes the claim it was computed from; a new text needs a new one.
    "CREATE TRIGGER factchecks_vector_au AFTER UPDATE OF claim ON factchecks "
    "WHEN old.claim IS NOT new.claim "
    "BEGIN DELETE FROM factcheck_vectors WHERE factcheck_id = new.id; END",
    # The desk's verdicts, copied into the library as they are given, changed or removed.
    # A rating's value only when it is on the scale (0: not on it, e.g. Unverifiable).
    "CREATE TRIGGER factchecks_desk_ai AFTER INSERT ON verdicts BEGIN "
    "INSERT INTO factchecks (claim, rating, rating_value, publisher, published, source, "
    "claim_id, imported_at, title) SELECT c.text, r.name, CASE WHEN r.value > 0 THEN r.value END, "
    "COALESCE((SELECT value FROM settings WHERE key = 'org_name'), ''), "
    "date(new.updated_at), 'desk', c.id, new.updated_at, '' "
    "FROM claims AS c JOIN ratings AS r ON r.id = new.rating_id WHERE c.id = new.claim_id; END",
    # A verdict may also move to another claim (a claim split or merged while editing).
    "CREATE TRIGGER factchecks_desk_au AFTER UPDATE ON verdicts BEGIN "
    "UPDATE factchecks SET claim_id = new.claim_id, "
    "claim = (SELECT text FROM claims WHERE id = new.claim_id), "
    "rating = (SELECT name FROM ratings WHERE id = new.rating_id), "
    "rating_value = (SELECT CASE WHEN value > 0 THEN value END FROM ratings "
    "WHERE id = new.rating_id), published = date(new.updated_at) "
    "WHERE claim_id = old.claim_id; END",
    "CREATE TRIGGER factchecks_desk_ad AFTER DELETE ON verdicts BEGIN "
    "DELETE FROM factchecks WHERE claim_id = old.claim_id; END",
    "CREATE TRIGGER factchecks_desk_claim_au AFTER UPDATE OF text ON claims BEGIN "
    "UPDATE factchecks SET claim = new.text WHERE claim_id = new.id; END",
    "CREATE TRIGGER factchecks_desk_rating_au AFTER UPDATE OF name, value ON ratings BEGIN "
    "UPDATE factchecks SET rating = new.name, "
    "rating_value = CASE WHEN new.value > 0 THEN new.value END "
    "WHERE claim_id IN (SELECT claim_id FROM verdicts WHERE rating_id = new.id); END",
)
_TRIGGER_NAMES = (
    "factchecks_desk_rating_au",
    "factchecks_desk_claim_au",
    "factchecks_desk_ad",
    "factchecks_desk_au",
    "factchecks_desk_ai",
    "factchecks_vector_au",
    "fts_factchecks_au",
    "fts_factchecks_ad",
    "fts_factchecks_ai",
)


def upgrade() -> None:
    op.create_table(
        "factchecks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(length=200), nullable=False),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("rating_best", sa.Float(), nullable=True),
        sa.Column("rating_worst", sa.Float(), nullable=True),
        sa.Column("publisher", sa.String(length=500), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('imported', 'desk')", name=op.f("ck_factchecks_source")),
        sa.CheckConstraint(
            "(source = 'desk' AND claim_id IS NOT NULL) "
            "OR (source = 'imported' AND claim_id IS NULL AND url IS NOT NULL)",
            name=op.f("ck_factchecks_key"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_factchecks_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factchecks")),
        sa.UniqueConstraint("claim_id", name=op.f("uq_factchecks_claim_id")),
        sa.UniqueConstraint("url", name=op.f("uq_factchecks_url")),
    )
    op.create_table(
        "factcheck_vectors",
        sa.Column("factcheck_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factcheck_id"],
            ["factchecks.id"],
            name=op.f("fk_factcheck_vectors_factcheck_id_factchecks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("factcheck_id", name=op.f("pk_factcheck_vectors")),
    )
    for statement in _TRIGGERS:
        op.execute(statement)
    # The verdicts given before this version join the library now (indexed by the trigger).
    op.execute(
        "INSERT INTO factchecks (claim, rating, rating_value, publisher, published, source, "
        "claim_id, imported_at, title) "
        "SELECT c.text, r.name, CASE WHEN r.value > 0 THEN r.value END, "
        "COALESCE((SELECT value FROM settings WHERE key = 'org_name'), ''), "
        "date(v.updated_at), 'desk', c.id, v.updated_at, '' "
        "FROM verdicts AS v JOIN claims AS c ON c.id = v.claim_id "
        "JOIN ratings AS r ON r.id = v.rating_id ORDER BY v.id"
    )


def downgrade() -> None:
    for name in _TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fts_factchecks")
    op.drop_table("factcheck_vectors")
    op.drop_table("factchecks")
