"""A shared desk's address without its password, and the libpq password file that keeps it."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from claimdesk.errors import DatabaseError

#: The driver ClaimDesk talks to PostgreSQL through (as storage/db_server.DRIVER).
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: An unescaped ':' separates the fields of a password-file line.
_FIELD_SPLIT = re.compile(r"(?<!\\)((?:\\\\)*):")


@dataclass(frozen=True, slots=True)
class DeskAddress:
    """Where a shared desk is: host, port, database and user, or a libpq service name.

    A host starting with '/' is a Unix-socket folder; it travels in the URL's query
    (a path cannot stand in the authority part of a URL).
    """

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    service: str = ""

    def problem(self) -> str | None:
        """What is missing for a connection (None: enough to try)."""
        if self.service:
            return None
        if not self.host:
            return "Enter the server's host name, or a service name."
        if not self.database:
            return "Enter the name of the desk's database."
        return None

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy address; with `password` only for this session's connection."""
        query: dict[str, str] = {}
        if self.service:
            query["service"] = self.service
        host: str | None = self.host or None
        port: int | None = self.port if self.host else None
        if host is not None and host.startswith("/"):
            query.update(host=host, port=str(self.port))
            host = port = None
        url = URL.create(
            DRIVER,
            username=self.user or None,
            password=password or None,
            host=host,
            port=port,
            database=self.database or None,
            query=query,
        )
        return url.render_as_string(hide_password=False)


def without_password(target: str) -> str:
    """`target` as it may be remembered: a server address loses its password."""
    try:
        url = make_url(target)
    except ArgumentError:  # not an address: a file name, kept as it is
        return target
    if url.password is None:
        return target
    # URL.set(password=None) would keep it: None there means "unchanged".
    bare = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return bare.render_as_string(hide_password=False)


def password_file(env: Mapping[str, str] | None = None) -> Path:
    """The user's libpq password file: PGPASSFILE, else ~/.pgpass (%APPDATA% on Windows)."""
    env = os.environ if env is None else env
    if env.get("PGPASSFILE"):
        return Path(env["PGPASSFILE"]).expanduser()
    if sys.platform == "win32":  # pragma: no cover - libpq's place on Windows
        return Path(env.get("APPDATA", "~")) / "postgresql" / "pgpass.conf"
    return Path("~/.pgpass").expanduser()


def escape(field: str) -> str:
    """A password-file field: libpq reads '\\' and ':' only escaped with a backslash."""
    return field.replace("\\", "\\\\").replace(":", "\\:")


def unescape(field: str) -> str:
    return re.sub(r"\\(.)", r"\1", field)


def fields_of(line: str) -> list[str]:
    """The fields of one password-file line, unescaped."""
    parts, start = [], 0
    for match in _FIELD_SPLIT.finditer(line):
        parts.append(line[start : match.end(1)])
        start = match.end()
    parts.append(line[start:])
    return [unescape(p) for p in parts]


def pgpass_line(address: DeskAddress, password: str) -> str:
    host = address.host or "localhost"
    return ":".join(
        escape(f)
        for f in (host, str(address.port), address.database, address.user or "*", password)
    )


def remember_password(address: DeskAddress, password: str, path: Path | None = None) -> Path:
    """Write the password for `address` into the libpq password file (mode 0600).

    The line for the same host:port:database:user is replaced, never duplicated; every
    other line stays as it was. libpq ignores a file others can read, so the mode is
    set before the password is written. Returns the file written.
    """
    if address.service:
        raise DatabaseError(
            "A service's password belongs in the password file its service entry names; "
            "enter the host, port, database and user to remember a password here."
        )
    line = pgpass_line(address, password)
    if any(c in line for c in "\n\r"):
        # libpq reads one entry per line: the rest would be an entry of its own.
        raise DatabaseError(
            "The host, database, user or password holds a line break, which the password "
            "file cannot keep; retype it without one. Nothing was written."
        )
    path = password_file() if path is None else path
    key = fields_of(pgpass_line(address, ""))[:4]
    try:
        old = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        kept = [line for line in old if line.startswith("#") or fields_of(line)[:4] != key]
        text = "\n".join([*kept, line]) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".claimdesk-new")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            if hasattr(os, "fchmod"):  # POSIX: an existing temp file keeps its old mode
                os.fchmod(fd, 0o600)
            os.write(fd, text.encode("utf-8"))
        finally:
            os.close(fd)
        temp.replace(path)
    except OSError as exc:
        raise DatabaseError(
            f"Cannot write the password file {path} ({exc.strerror}). Untick “Remember "
            "password”, or check that folder's permissions."
        ) from exc
    return path
