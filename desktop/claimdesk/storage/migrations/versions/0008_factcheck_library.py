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

On PostgreSQL (issue 16) the same triggers are PL/pgSQL functions, one per SQLite
trigger and under its name, and the index is a GIN index over a tsvector expression.
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


#: The claim weighs twice its review's title (weight C against D), as bm25(2.0, 1.0).
_PG_INDEX = (
    "CREATE INDEX fts_factchecks ON factchecks USING gin "
    "((setweight(to_tsvector('claimdesk_words', coalesce(claim, '')), 'C') "
    "|| to_tsvector('claimdesk_words', coalesce(title, '')))) WITH (fastupdate = off)"
)
_PG_DESK_COPY = (
    "INSERT INTO factchecks (claim, rating, rating_value, publisher, published, source, "
    "claim_id, imported_at, title) SELECT c.text, r.name, CASE WHEN r.value > 0 THEN r.value END, "
    "COALESCE((SELECT value FROM settings WHERE key = 'org_name'), ''), "
    "CAST(NEW.updated_at AS DATE), 'desk', c.id, NEW.updated_at, '' "
    "FROM claims AS c JOIN ratings AS r ON r.id = NEW.rating_id WHERE c.id = NEW.claim_id;"
)
#: (name, table, event, condition, body): each becomes a function and a row trigger.
_PG_TRIGGERS = (
    ("factchecks_vector_au", "factchecks", "UPDATE OF claim",
     "OLD.claim IS DISTINCT FROM NEW.claim",
     "DELETE FROM factcheck_vectors WHERE factcheck_id = NEW.id;"),
    ("factchecks_desk_ai", "verdicts", "INSERT", None, _PG_DESK_COPY),
    ("factchecks_desk_au", "verdicts", "UPDATE", None,
     "UPDATE factchecks SET claim_id = NEW.claim_id, "
     "claim = (SELECT text FROM claims WHERE id = NEW.claim_id), "
     "rating = (SELECT name FROM ratings WHERE id = NEW.rating_id), "
     "rating_value = (SELECT CASE WHEN value > 0 THEN value END FROM ratings "
     "WHERE id = NEW.rating_id), published = CAST(NEW.updated_at AS DATE) "
     "WHERE claim_id = OLD.claim_id;"),
    ("factchecks_desk_ad", "verdicts", "DELETE", None,
     "DELETE FROM factchecks WHERE claim_id = OLD.claim_id;"),
    ("factchecks_desk_claim_au", "claims", "UPDATE OF text", None,
     "UPDATE factchecks SET claim = NEW.text WHERE claim_id = NEW.id;"),
    ("factchecks_desk_rating_au", "ratings", "UPDATE OF name, value", None,
     "UPDATE factchecks SET rating = NEW.name, "
     "rating_value = CASE WHEN NEW.value > 0 THEN NEW.value END "
     "WHERE claim_id IN (SELECT claim_id FROM verdicts WHERE rating_id = NEW.id);"),
)  # fmt: skip


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def _pg_trigger(name: str, table: str, event: str, when: str | None, body: str) -> list[str]:
    condition = f" WHEN ({when})" if when else ""
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{condition} "
        f"EXECUTE FUNCTION {name}()",
    ]


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
    postgresql = _postgresql()
    statements = [_PG_INDEX] if postgresql else list(_TRIGGERS)
    for trigger in _PG_TRIGGERS if postgresql else ():
        statements += _pg_trigger(*trigger)
    for statement in statements:
        op.execute(statement)
    day = "CAST(v.updated_at AS DATE)" if postgresql else "date(v.updated_at)"
    # The verdicts given before this version join the library now (indexed by the trigger).
    op.execute(
        "INSERT INTO factchecks (claim, rating, rating_value, publisher, published, source, "
        "claim_id, imported_at, title) "
        "SELECT c.text, r.name, CASE WHEN r.value > 0 THEN r.value END, "
        "COALESCE((SELECT value FROM settings WHERE key = 'org_name'), ''), "
        f"{day}, 'desk', c.id, v.updated_at, '' "
        "FROM verdicts AS v JOIN claims AS c ON c.id = v.claim_id "
        "JOIN ratings AS r ON r.id = v.rating_id ORDER BY v.id"
    )


def downgrade() -> None:
    if _postgresql():
        for name, table, *_rest in _PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        op.execute("DROP INDEX IF EXISTS fts_factchecks")
    else:
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS fts_factchecks")
    op.drop_table("factcheck_vectors")
    op.drop_table("factchecks")
