"""The libpq password file and the shared desk's address without its password."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from claimdesk.errors import DatabaseError
from claimdesk.storage import pgpass
from claimdesk.storage.db_server import server_url
from claimdesk.storage.pgpass import DeskAddress


def test_password_file_follows_pgpassfile(tmp_path: Path) -> None:
    assert pgpass.password_file({"PGPASSFILE": str(tmp_path / "pw")}) == tmp_path / "pw"
    assert pgpass.password_file({}) == Path("~/.pgpass").expanduser()


def test_line_is_written_0600_with_colons_and_backslashes_escaped(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "pgpass"
    address = DeskAddress("db.example", 5433, "desk:one", "ann\\b")
    assert pgpass.remember_password(address, "p:a\\ss", path) == path
    assert path.read_text() == "db.example:5433:desk\\:one:ann\\\\b:p\\:a\\\\ss\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pgpass.fields_of(path.read_text().strip()) == [
        "db.example", "5433", "desk:one", "ann\\b", "p:a\\ss",
    ]  # fmt: skip


def test_existing_line_is_replaced_not_duplicated(tmp_path: Path) -> None:
    path = tmp_path / "pgpass"
    path.write_text("# mine\nother:5432:x:y:keep\ndb:5432:desk:ann:old\n")
    path.chmod(0o644)
    address = DeskAddress("db", 5432, "desk", "ann")
    pgpass.remember_password(address, "new", path)
    pgpass.remember_password(address, "newer", path)
    assert path.read_text().splitlines() == [
        "# mine", "other:5432:x:y:keep", "db:5432:desk:ann:newer",
    ]  # fmt: skip
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    pgpass.remember_password(DeskAddress("db", 5432, "desk", "bob"), "b", path)
    assert len(path.read_text().splitlines()) == 4


def test_a_service_password_is_not_written_here(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="service"):
        pgpass.remember_password(DeskAddress(service="desk"), "pw", tmp_path / "pgpass")
    assert not (tmp_path / "pgpass").exists()


def test_urls_carry_the_password_only_when_asked() -> None:
    address = DeskAddress("db.example", 5432, "desk", "ann")
    assert address.url() == "postgresql+psycopg://ann@db.example:5432/desk"
    with_pw = address.url("s3:cr@t")
    assert make_url(with_pw).password == "s3:cr@t"
    assert pgpass.without_password(with_pw) == address.url()
    assert "s3" not in pgpass.without_password(with_pw)
    assert pgpass.without_password("/home/ann/desk.sqlite3") == "/home/ann/desk.sqlite3"


def test_socket_folder_and_service_addresses_open_as_server_urls() -> None:
    socket = make_url(DeskAddress("/run/pg", 5433, "desk", "ann").url())
    assert socket.query == {"host": "/run/pg", "port": "5433"} and socket.database == "desk"
    service = server_url(DeskAddress(service="newsroom", user="ann").url())
    assert service.query == {"service": "newsroom"} and service.username == "ann"
    assert DeskAddress(service="newsroom").problem() is None
    assert DeskAddress(database="desk").problem() is not None
    assert DeskAddress(host="h").problem() is not None


@pytest.mark.parametrize(
    ("address", "password"),
    [
        (DeskAddress(host="db.example", database="desk", user="ann"), "pw\n*:*:*:*:stolen"),
        (DeskAddress(host="db.example", database="desk\r\nx", user="ann"), "pw"),
        (DeskAddress(host="db.example\n*", database="desk", user="ann"), "pw"),
    ],
)
def test_a_line_break_never_reaches_the_password_file(
    tmp_path: Path, address: DeskAddress, password: str
) -> None:
    """libpq reads one entry per line: a pasted line break would add an entry of its own
    (for every server) or break the file. Refused in one line; the file is unchanged."""
    path = tmp_path / "pgpass"
    path.write_text("other.example:5432:desk:bob:secret\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="line break") as refused:
        pgpass.remember_password(address, password, path)
    assert "\n" not in str(refused.value)
    assert path.read_text(encoding="utf-8") == "other.example:5432:desk:bob:secret\n"
