"""A shared desk whose server drops the connection in the middle of a save."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from claimdesk.errors import KnownError
from claimdesk.services.nlp_provider import NlpProvider
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench


def test_a_connection_lost_mid_save_says_nothing_was_saved_and_the_next_save_works(
    pg_url: str, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    wb = open_workbench(pg_url, nlp_provider)
    admin = create_engine(str(target_of(wb.db)))
    try:
        article = add_article(wb, tmp_path)
        claim = mark(wb, article, "Unemployment fell")
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}
        cut: list[int] = []

        def drop(conn: object, _cursor: object, statement: str, *_: object) -> None:
            if cut or not statement.startswith("INSERT INTO verdicts"):
                return
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()  # type: ignore[attr-defined]
            with admin.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            cut.append(pid)

        event.listen(wb.db.engine, "before_cursor_execute", drop)
        with pytest.raises(KnownError) as lost:
            wb.set_verdict(claim, ratings["False"], "Lost with the connection.")
        event.remove(wb.db.engine, "before_cursor_execute", drop)
        message = str(lost.value)
        assert cut and "\n" not in message
        assert "nothing of it was saved" in message and "shared desk" in message
        assert wb.claim(claim).verdict is None  # nothing half-written

        wb.set_verdict(claim, ratings["False"], "Saved once the server answers again.")
        saved = wb.claim(claim).verdict
        assert saved is not None and saved.explanation == "Saved once the server answers again."
    finally:
        admin.dispose()
        wb.db.dispose()


def test_a_connection_lost_while_committing_does_not_claim_nothing_was_saved(
    pg_url: str, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    """The server may have committed before the connection dropped: the message says so."""
    wb = open_workbench(pg_url, nlp_provider)
    admin = create_engine(str(target_of(wb.db)))
    try:
        article = add_article(wb, tmp_path)
        claim = mark(wb, article, "Unemployment fell")
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}
        cut: list[int] = []

        def drop(conn: object) -> None:
            if cut:
                return
            raw = conn.connection.driver_connection  # type: ignore[attr-defined]
            with admin.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": raw.info.backend_pid})
            cut.append(1)

        event.listen(wb.db.engine, "commit", drop)
        with pytest.raises(KnownError, match="may or may not have been saved"):
            wb.set_verdict(claim, ratings["False"], "Committed or not.")
        event.remove(wb.db.engine, "commit", drop)
        assert cut
    finally:
        admin.dispose()
        wb.db.dispose()


def test_a_value_the_server_refuses_is_one_line_saying_nothing_was_saved(pg_url: str) -> None:
    """A value a column cannot hold, met where no check caught it first (a setting's key
    longer than its 100 characters here): one sentence, not a driver error."""
    from claimdesk.storage import repositories as repo
    from claimdesk.storage.db import open_database

    db = open_database(pg_url)
    try:
        with pytest.raises(KnownError) as refused, db.sessions.begin() as session:
            repo.set_setting(session, "k" * 101, "v")
        message = str(refused.value)
        assert "\n" not in message and "nothing was saved" in message
        assert "value too long" in message
        with db.sessions() as session:
            assert repo.get_setting(session, "k" * 101) == ""
    finally:
        db.dispose()
