"""Opening a shared desk on a PostgreSQL server (issue 16): the same schema, no file to guard."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

from claimdesk.errors import DatabaseError
from claimdesk.storage import fts, pgvector, schema
from claimdesk.storage.orm import Base, RatingScaleRow
from claimdesk.storage.sqlite_errors import DatabaseMissing

if TYPE_CHECKING:
    from claimdesk.storage.db import Database

log = logging.getLogger(__name__)

#: The driver ClaimDesk ships; a bare postgresql:// means it too.
DRIVER = "postgresql+psycopg"
#: Key of the advisory lock held while one client creates or upgrades the schema, so a
#: second client opening the same desk waits and then finds the work done ("CLMD").
_SCHEMA_LOCK = 0x434C4D44
#: Seconds to wait for the server to answer before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10


#: scheme:// at the start: an address, never a file name (C:\\… has no "//" after the colon).
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


#: The password of a user:password@ in an address that could not be parsed (never shown).
_PASSWORD = re.compile(r"(://[^/@:]*:)[^/]*@")


def is_server_url(target: object) -> bool:
    """Whether `target` (what --db was given) is an address rather than a file name."""
    return isinstance(target, str) and _ADDRESS.match(target) is not None


def server_url(target: str) -> URL:
    """The SQLAlchemy URL for `target`, on our driver; anything else is refused."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        hidden = _PASSWORD.sub(r"\1***@", target)
        raise DatabaseError(
            f"{hidden!r} is not a database address. Write it as "
            "postgresql+psycopg://user@host/database."
        ) from exc
    if url.drivername == "postgresql":
        url = url.set(drivername=DRIVER)
    if url.drivername != DRIVER:
        raise DatabaseError(
            f"ClaimDesk talks to PostgreSQL through psycopg only; write the address as "
            f"{DRIVER}://… instead of {url.drivername}://…."
        )
    if not url.database and "service" not in url.query:  # a service may name it
        raise DatabaseError(
            f"{shown(url)} names no database. Add the desk's database after the host: "
            f"{DRIVER}://user@host/claimdesk."
        )
    return url


def shown(url: URL) -> str:
    """The address as it may be shown and logged: never with its password."""
    return url.render_as_string(hide_password=True)


def _revision(conn: Connection, where: str) -> str | None:
    """The desk's Alembic revision (None: an empty database), refusing what is not ours."""
    names = set(inspect(conn).get_table_names())
    if "alembic_version" not in names:
        if names:
            raise DatabaseError(
                f"The database {where} holds other tables but no ClaimDesk desk. "
                "Choose an empty database or one made by ClaimDesk."
            )
        return None
    revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
    if revision is None:
        return None
    if not schema.known_revision(str(revision)):
        raise DatabaseError(
            f"The shared desk {where} was upgraded by a newer version of ClaimDesk. "
            "Update ClaimDesk to open it."
        )
    return str(revision)


def _missing_tables(conn: Connection) -> list[str]:
    """Tables of the current schema the database lacks (checked at the head revision).

    A server's schema is the administrator's to change (roles, extra indexes, row
    security), so it is not compared object by object as a desk file is
    (schema.verify); only what ClaimDesk cannot work without is required.
    """
    names = set(inspect(conn).get_table_names())
    return sorted(set(Base.metadata.tables) - names)


def _prepare(conn: Connection, where: str) -> None:
    """Create or upgrade the schema, repair the search index and seed the scale.

    PostgreSQL's DDL is transactional, so a client killed halfway leaves the database as
    it was; the advisory lock makes a second client wait here, then find it done.
    """
    from claimdesk.storage.db import _seed_default_scale

    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
    current = _revision(conn, where)
    if current != schema.head_revision():
        log.info("upgrading the shared desk %s from revision %s", where, current)
        schema.upgrade(conn)
    missing = _missing_tables(conn)
    if missing:
        raise DatabaseError(
            f"The shared desk {where} lacks the table {missing[0]}; it was altered outside "
            "ClaimDesk. Ask its administrator to restore it from a backup."
        )
    fts.ensure_index(conn)
    with Session(bind=conn) as session:
        _seed_default_scale(session)


def _up_to_date(conn: Connection, where: str) -> bool:
    if _revision(conn, where) != schema.head_revision() or _missing_tables(conn):
        return False
    if fts.needs_repair(conn):
        return False
    with Session(bind=conn) as session:
        return session.scalar(select(RatingScaleRow.id).limit(1)) is not None


class NotTheOwner(DatabaseError):
    """The desk needs DDL (creating, upgrading, a missing index) that this role may not run."""


def _prepare_as_owner(engine: Engine, where: str, *, upgrade: bool) -> None:
    """_prepare, saying plainly when this role may only edit rows (the application role
    of packaging/sql/claimdesk_app_role.sql): the schema is its owner's to change."""
    from psycopg.errors import InsufficientPrivilege

    try:
        with engine.begin() as conn:
            _prepare(conn, where)
    except DBAPIError as exc:
        if not isinstance(exc.orig, InsufficientPrivilege):
            raise
        step, verb = ("an upgrade", "upgrade") if upgrade else ("its tables", "create")
        raise NotTheOwner(
            f"The shared desk {where} needs {step}, which your database role may not make; "
            f"ask your administrator to run ClaimDesk as the desk's owner once to {verb} it."
        ) from exc


def _engine(url: URL) -> Engine:
    # pre_ping: a desk stays open for hours and servers drop idle connections.
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "ClaimDesk"},
    )


def open_server(target: str, *, create: bool = True) -> Database:
    """Open (creating or upgrading) the shared desk at the PostgreSQL URL `target`.

    No backup is made before an upgrade and none once a day: a server's data is backed
    up by its administrator (pg_dump), which ClaimDesk cannot do on its behalf. With
    create=False an empty database raises DatabaseMissing.
    """
    from claimdesk.storage.db import Database, Sessions

    url = server_url(target)
    where = shown(url)
    try:
        engine = _engine(url)
    except NoSuchModuleError as exc:  # pragma: no cover - psycopg is a dependency
        raise DatabaseError(f"Cannot open {where}: {exc}.") from exc
    try:
        with engine.connect() as conn:
            current = _revision(conn, where)
            ready = current is not None and _up_to_date(conn, where)
            offered = pgvector.needs_setup(conn)
            conn.rollback()
        if current is None and not create:
            raise DatabaseMissing(
                f"The database {where} holds no ClaimDesk desk yet. Check the --db address, "
                "or open it once without this command to create the desk."
            )
        if not ready:
            _prepare_as_owner(engine, where, upgrade=current is not None)
        if offered:
            with engine.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
                pgvector.ensure(conn)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(
            f"Cannot open the shared desk {where}: {reason}. Check the address, that the "
            "server is running, and your user name and password."
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(
        path=None, engine=engine, sessions=Sessions(engine, engine, None, where), url=where
    )
