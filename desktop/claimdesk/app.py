"""Composition root: builds paths, database and services; the GUI and CLI receive them."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from dataclasses import dataclass
from pathlib import Path

from claimdesk.paths import AppPaths, app_paths
from claimdesk.services.bundles import Bundles
from claimdesk.services.factcheck_match import FactCheckMatcher
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.reporting import Reporting
from claimdesk.services.search import Search
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import Database, open_database


@dataclass(frozen=True, slots=True)
class Services:
    """Everything a front end needs, built once per run."""

    paths: AppPaths
    db: Database
    workbench: Workbench
    reporting: Reporting
    bundles: Bundles
    search: Search
    #: Earlier fact-checks for claims, on the NlpProvider's one sentence encoder.
    factchecks: FactCheckMatcher

    def close(self) -> None:
        self.db.dispose()


def configure_logging(paths: AppPaths, verbose: bool = False) -> Path | None:
    """Log to a rotating file in the data folder (the crash dialog points at it).

    A log file that cannot be opened (a folder in its place, no permission) is said on
    stderr once and the run goes on without one (None): the log must not keep a desk shut.
    """
    paths.ensure()
    log_file = paths.logs / "claimdesk.log"
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        print(
            f"claimdesk: Cannot write the log {log_file} ({exc.strerror or exc}); "
            "running without one. Move that away or check its permissions.",
            file=sys.stderr,
        )
        # Nor tracebacks on the terminal from logging's last resort: that line said it.
        logging.getLogger().addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(
        isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == log_file
        for h in root.handlers
    ):
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_file


@dataclass(frozen=True, slots=True)
class OpenedDesk:
    """A desk opened already (by the shared-desk dialog's thread) and the address it was
    opened at: the window takes this one over instead of connecting a second time."""

    target: str
    db: Database


def build_services(
    db_path: str | Path | OpenedDesk | None = None,
    data_dir: str | Path | None = None,
    *,
    create: bool = True,
) -> Services:
    """Open the database (the user's, or `db_path`) and build the use cases over it.

    create=False (commands that only read) refuses a missing database instead of
    creating an empty one. An OpenedDesk is used as it is; the services own it from here.
    """
    paths = app_paths(data_dir)
    db = db_path.db if isinstance(db_path, OpenedDesk) else None
    try:
        if db is None:
            assert not isinstance(db_path, OpenedDesk)
            if db_path is None and create:
                paths.make_data_dir()  # else the desk's own folder error, naming no option
            db = open_database(db_path or paths.database, backups=paths.backups, create=create)
        paths.ensure()  # once the desk opened: a refused --data-dir typo leaves no folders
        return assemble(paths, db, NlpProvider())
    except BaseException:
        if db is not None:
            db.dispose()  # nobody else holds it: a failed start leaves no connection open
        raise


def assemble(paths: AppPaths, db: Database, nlp: NlpProvider) -> Services:
    """The use cases over an open database; the bundle import shares the workbench's undo,
    and matching shares the scorers' sentence encoder (its weights load on first use)."""
    workbench = Workbench(db, nlp)
    return Services(
        paths=paths,
        db=db,
        workbench=workbench,
        reporting=Reporting(db),
        bundles=Bundles(db, workbench.undo_stack),
        search=Search(db),
        factchecks=FactCheckMatcher(db, nlp.encoder()),
    )
