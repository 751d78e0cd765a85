"""A second full-text index by trigrams, for words the word index cannot split.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 17:00:00

SQLite's unicode61 tokenizer splits words at spaces and punctuation, so a Chinese,
Japanese or Thai sentence is one "word", an Arabic word carries its article and
conjunctions, and "reform" is no word of "Steuerreform". The trigram tokenizer indexes
every three-character run of the same columns, so any substring of three or more
characters can be found. The statements are written out here, not imported (as in
0003), and a test checks that storage/fts.py agrees with them.

On PostgreSQL the same columns, joined by a unit separator (chr(31), which no search term
holds), get a pg_trgm GIN index; substring search reads them with ILIKE, which the index
serves for runs of three characters or more.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_OPTIONS = "tokenize='trigram'"
_INDEXES = (
    ("fts_articles_trigram", "articles", ("title", "text")),
    ("fts_claims_trigram", "claims", ("text", "speaker")),
    ("fts_verdicts_trigram", "verdicts", ("explanation",)),
    ("fts_sources_trigram", "source_notes", ("title", "url", "quote", "note")),
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


#: (index name, table, text expression) on PostgreSQL; storage/fts.py holds the same.
_PG_INDEXES = (
    ("fts_articles_trigram", "articles", "coalesce(title, '') || chr(31) || coalesce(text, '')"),
    ("fts_claims_trigram", "claims", "coalesce(text, '') || chr(31) || coalesce(speaker, '')"),
    ("fts_verdicts_trigram", "verdicts", "coalesce(explanation, '')"),
    ("fts_sources_trigram", "source_notes",
     "coalesce(title, '') || chr(31) || coalesce(url, '') || chr(31) || coalesce(quote, '') "
     "|| chr(31) || coalesce(note, '')"),
)  # fmt: skip



def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    if _postgresql():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, expression in _PG_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({expression}) gin_trgm_ops)")
        return
    for name, content, columns in _INDEXES:
        for statement in _ddl(name, content, columns):
            op.execute(statement)
        # Index what earlier versions stored.
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def downgrade() -> None:
    if _postgresql():
        for name, _table, _expression in _PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        return
    for name, _content, _columns in reversed(_INDEXES):
        for suffix in ("_au", "_ad", "_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {name}")
