"""History on a shared desk names only what each checker's own save changed.

Found by the team-desk load run (tests/benchmarks/team_load.py): on PostgreSQL a save
reads the claim before and after it writes, and without the claim's row lock another
checker's verdict committed in between appeared as a change made by this save: a
history entry under the wrong name (and an undo step that would revert a colleague).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from claimdesk.domain import SourceDraft
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench


@pytest.fixture
def ben(pg_url: str, nlp_provider: NlpProvider, tmp_path: Path) -> Iterator[Workbench]:
    wb = open_workbench(pg_url, nlp_provider)
    wb.checker = "Ben"
    yield wb
    wb.db.dispose()


def _verdict_meanwhile(ben: Workbench, claim: int, statement_start: str) -> list[str]:
    """Arrange for Ana's verdict save (claim lock, then write) to run just before Ben's
    statement starting with `statement_start`; returns what happened to it."""
    other = create_engine(str(target_of(ben.db)))
    tried: list[str] = []

    def meanwhile(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if tried or not statement.startswith(statement_start):
            return
        try:
            with other.begin() as conn:
                conn.execute(text("SET LOCAL lock_timeout = '300ms'"))
                # As Workbench.set_verdict: the claim's row first (repositories.lock_claim).
                conn.execute(text("SELECT id FROM claims WHERE id = :id FOR UPDATE"), {"id": claim})
                conn.execute(text("UPDATE verdicts SET explanation = 'Ana''s text', "
                                  "version = version + 1 WHERE claim_id = :id"), {"id": claim})
                conn.execute(text("UPDATE claims SET version = version + 1 WHERE id = :id"),
                             {"id": claim})  # fmt: skip
            tried.append("written")
        except OperationalError as exc:
            tried.append("waited" if "lock timeout" in str(exc) else str(exc))

    event.listen(ben.db.engine, "before_cursor_execute", meanwhile)
    ben.__dict__["_stop_meanwhile"] = lambda: (
        event.remove(ben.db.engine, "before_cursor_execute", meanwhile), other.dispose())
    return tried


@pytest.mark.parametrize("edit", ["update_source", "add_source"])
def test_a_note_save_records_no_verdict_change_made_by_someone_else(
    ben: Workbench, tmp_path: Path, edit: str
) -> None:
    claim = mark(ben, add_article(ben, tmp_path), "Unemployment fell to 3.9 percent")
    rating = ben.rating_scale().ratings[0].id
    ben.set_verdict(claim, rating, "Ben's first text.")
    note, _ = ben.add_source(claim, SourceDraft(url="https://a.example", note="one"))
    before = ben.history(claim)
    table = "UPDATE source_notes" if edit == "update_source" else "INSERT INTO source_notes"
    tried = _verdict_meanwhile(ben, claim, table)
    try:
        if edit == "update_source":
            ben.update_source(note, SourceDraft(url="https://a.example", note="two"),
                              expected_version=ben.claim(claim).sources[0].version)  # fmt: skip
        else:
            ben.add_source(claim, SourceDraft(url="https://b.example", note="three"))
    finally:
        ben.__dict__.pop("_stop_meanwhile")()
    # Ana's save waited for Ben's to commit: nothing of hers came between his two reads.
    assert ben.history(claim) == before
    assert tried == ["waited"]
    # And undoing Ben's note edit leaves the verdict as it is.
    ben.undo()
    verdict = ben.claim(claim).verdict
    assert verdict is not None and verdict.explanation == "Ben's first text."


def test_an_undo_does_not_write_over_a_save_made_while_it_checked(
    ben: Workbench, tmp_path: Path
) -> None:
    """Undo checks that the claim is as the edit left it, then restores the state before.

    Without the claim's lock a colleague's verdict could commit between the two, and the
    restore (delete and insert the verdict) would erase it without a conflict.
    """
    claim = mark(ben, add_article(ben, tmp_path), "Unemployment fell to 3.9 percent")
    rating = ben.rating_scale().ratings[0].id
    ben.set_verdict(claim, rating, "Ben's first text.")
    ben.set_verdict(claim, ben.rating_scale().ratings[1].id, "Ben's second text.")
    tried = _verdict_meanwhile(ben, claim, "DELETE FROM verdicts")
    try:
        ben.undo()
    finally:
        ben.__dict__.pop("_stop_meanwhile")()
    assert tried == ["waited"]  # Ana's save waits, then finds a newer version: a conflict
    verdict = ben.claim(claim).verdict
    assert verdict is not None and verdict.explanation == "Ben's first text."
