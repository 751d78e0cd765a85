"""Alembic environment: always run in-process on a connection handed over by storage.db."""

from __future__ import annotations

from alembic import context

from claimdesk.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached from the alembic command line
    raise RuntimeError("ClaimDesk migrations run through claimdesk.storage.db.open_database")

# SQLite cannot ALTER most things in place; batch mode rebuilds tables instead.
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
