"""Every migration runs on PostgreSQL too: up from empty, all the way down, and up again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from claimdesk.storage import fts
from claimdesk.storage.orm import Base
from claimdesk.storage.schema import alembic_config, head_revision


def _move(url: str, *steps: tuple[str, str]) -> None:
    engine = create_engine(url)
    try:
        for direction, revision in steps:
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                (command.upgrade if direction == "up" else command.downgrade)(cfg, revision)
    finally:
        engine.dispose()


def test_migrations_go_up_down_and_up_again_on_postgresql(pg_url: str) -> None:
    _move(pg_url, ("up", "head"), ("down", "base"))
    engine = create_engine(pg_url)
    try:
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()
    _move(pg_url, ("up", "head"))
    engine = create_engine(pg_url)
    try:
        found = set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
            indexes = set(conn.scalars(text("SELECT indexname FROM pg_indexes")))
            own = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
            triggers = set(conn.scalars(text(own)))
    finally:
        engine.dispose()
    assert found == set(Base.metadata.tables) | {"alembic_version"}
    assert revision == head_revision()
    # Every full-text part SQLite has is a GIN index here, under the same name.
    assert {i.name for i in fts.INDEXES} <= indexes
    assert {
        "factchecks_desk_ai", "factchecks_desk_au", "factchecks_desk_ad",
        "factchecks_desk_claim_au", "factchecks_desk_rating_au", "factchecks_vector_au",
    } == triggers  # fmt: skip
