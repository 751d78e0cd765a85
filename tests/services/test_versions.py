"""Many checkers on one desk: a save over a newer version is a conflict, never an overwrite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from claimdesk.domain import ClaimStatus, HistoryField, SourceDraft
from claimdesk.errors import KnownError, SaveConflict
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests.conftest import REPO
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench


@pytest.fixture
def two(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> Iterator[tuple[Workbench, Workbench, int]]:
    """Two checkers, each with its own engine, on one desk (SQLite, then PostgreSQL)."""
    ana = open_workbench(desk_target, nlp_provider)
    ben = open_workbench(target_of(ana.db), nlp_provider)
    ana.checker, ben.checker = "Ana", "Ben"
    aid = add_article(ana, tmp_path)
    claim = mark(ana, aid, "Unemployment fell to 3.9 percent")
    yield ana, ben, claim
    ana.db.dispose()
    ben.db.dispose()


def _rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def test_a_verdict_saved_over_a_newer_one_is_a_conflict_with_both_values(
    two: tuple[Workbench, Workbench, int],
) -> None:
    ana, ben, claim = two
    seen = ben.claim(claim).version  # Ben opens the claim ...
    assert ana.claim(claim).version == seen
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.", expected_version=seen)
    with pytest.raises(SaveConflict) as caught:  # ... and saves after Ana did
        ben.set_verdict(claim, _rating(ben, "True"), "Matches the ONS.", expected_version=seen)
    conflict = caught.value
    assert isinstance(conflict, KnownError)
    assert (conflict.what, conflict.expected, conflict.found) == (
        "verdict", seen, ana.claim(claim).version)
    assert conflict.found > seen
    assert conflict.mine["explanation"] == "Matches the ONS." and conflict.mine["rating"] == "True"
    assert conflict.theirs["explanation"] == "The ONS says 4.2."
    assert conflict.theirs["rating"] == "False"
    # Nothing of Ana's was lost, and Ben's refused save wrote nothing.
    stored = ben.claim(claim)
    assert stored.verdict is not None and stored.verdict.explanation == "The ONS says 4.2."
    assert stored.verdict.checker == "Ana"
    # "Keep mine": Ben saves again on the version he has now seen.
    ben.set_verdict(
        claim, _rating(ben, "True"), "Matches the ONS.", expected_version=conflict.found
    )
    history = [(h.who, h.field, h.old, h.new) for h in ana.history(claim)]
    assert ("Ana", HistoryField.VERDICT, None, "False") in history
    assert ("Ben", HistoryField.VERDICT, "False", "True") in history
    # Ben's entry names the text of Ana's that he knowingly replaced.
    assert ("Ben", HistoryField.EXPLANATION, "The ONS says 4.2.", "Matches the ONS.") in history


def test_status_and_source_saves_check_their_own_version(
    two: tuple[Workbench, Workbench, int],
) -> None:
    ana, ben, claim = two
    seen = ben.claim(claim).version
    ana.set_status(claim, ClaimStatus.IN_PROGRESS, expected_version=seen)
    with pytest.raises(SaveConflict) as caught:
        ben.set_status(claim, ClaimStatus.DONE, expected_version=seen)
    assert caught.value.mine == {"status": "done"}
    assert caught.value.theirs == {"status": "in_progress"}
    assert ana.claim(claim).status is ClaimStatus.IN_PROGRESS
    source_id, _ = ana.add_source(claim, SourceDraft(url="https://ons.example", note="Table 2"))
    (note,) = ben.claim(claim).sources
    ana.update_source(source_id, SourceDraft(url="https://ons.example", note="Table 3"),
                      expected_version=note.version)  # fmt: skip
    with pytest.raises(SaveConflict) as caught:
        ben.update_source(source_id, SourceDraft(url="https://ons.example", note="Table 9"),
                          expected_version=note.version)  # fmt: skip
    assert (caught.value.mine["note"], caught.value.theirs["note"]) == ("Table 9", "Table 3")
    assert ben.claim(claim).sources[0].note == "Table 3"


def test_versions_only_go_up_even_through_undo(two: tuple[Workbench, Workbench, int]) -> None:
    ana, ben, claim = two
    first = ana.claim(claim).version
    ana.set_verdict(claim, _rating(ana, "False"), "Wrong.")
    rated = ana.claim(claim).version
    ana.undo()
    undone = ana.claim(claim)
    assert undone.verdict is None and first < rated < undone.version
    # A save based on the rated version, made before the undo, is stale now.
    with pytest.raises(SaveConflict):
        ben.set_verdict(claim, _rating(ben, "True"), "Right.", expected_version=rated)


def _child(desk: str | Path, claim: int, name: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.services.version_child", str(desk), str(claim), name],
        cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def _line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line, f"the child ended early (exit {child.wait(timeout=30)})"
    return line.strip()


def _say(child: subprocess.Popen[str], text: str) -> None:
    assert child.stdin is not None
    child.stdin.write(text + "\n")
    child.stdin.flush()


def test_two_processes_edit_the_same_claim(
    two: tuple[Workbench, Workbench, int],
) -> None:
    """Two real processes, each with its own engine, save the same claim's verdict."""
    ana, _ben, claim = two
    ana.set_verdict(claim, _rating(ana, "Half true"), "First look.")
    desk = target_of(ana.db)
    first, second = _child(desk, claim, "Carla"), _child(desk, claim, "Dev")
    try:
        read = {_line(first), _line(second)}
        (version_line,) = read  # both read the same version before either saves
        seen = int(version_line.split()[1])
        _say(first, "go Carla: the survey was revised.")
        saved = json.loads(_line(first))
        _say(second, "go Dev: the survey is fine.")
        refused = json.loads(_line(second))
        assert saved == {"saved": seen + 1}
        conflict = refused["conflict"]
        assert (conflict["expected"], conflict["found"]) == (seen, seen + 1)
        assert conflict["mine"]["explanation"] == "Dev: the survey is fine."
        assert conflict["theirs"]["explanation"] == "Carla: the survey was revised."
        assert "Someone else saved this verdict" in conflict["message"]
        # "Keep mine": Dev reads the claim again and saves his text over Carla's.
        _say(second, "reread")
        assert _line(second) == f"read {seen + 1}"
        _say(second, "go Dev: the survey is fine.")
        assert json.loads(_line(second)) == {"saved": seen + 2}
        history = [(h.who, h.old, h.new) for h in ana.history(claim)
                   if h.field is HistoryField.EXPLANATION]  # fmt: skip
        assert history == [
            ("Carla", "First look.", "Carla: the survey was revised."),
            ("Dev", "Carla: the survey was revised.", "Dev: the survey is fine."),
        ]
        # Now both save at the same moment: the database lets exactly one through.
        _say(first, "reread")
        assert _line(first) == f"read {seen + 2}"
        _say(first, "go Carla again")
        _say(second, "go Dev again")
        outcomes = [json.loads(_line(first)), json.loads(_line(second))]
    finally:
        for child in (first, second):
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    assert sorted(next(iter(o)) for o in outcomes) == ["conflict", "saved"]
    winner = next(o for o in outcomes if "saved" in o)
    loser = next(o["conflict"] for o in outcomes if "conflict" in o)
    assert winner["saved"] == seen + 3 and loser["found"] == seen + 3
    stored = ana.claim(claim)
    assert stored.verdict is not None and stored.version == seen + 3
    # The loser's conflict holds the winner's text as theirs: nothing was lost.
    assert loser["theirs"]["explanation"] == stored.verdict.explanation
    assert {stored.verdict.explanation, loser["mine"]["explanation"]} == {
        "Carla again", "Dev again"}


def test_a_save_that_loses_the_race_inside_postgresql_is_a_conflict(
    two: tuple[Workbench, Workbench, int],
) -> None:
    """Another save holds the claim's row when Ben saves: Ben waits, then finds it newer.

    (Ben's save locks the row before it reads it, so the check itself waits and sees the
    committed version; stale_as_conflict stays as the net for an UPDATE that still loses.)
    """
    ana, ben, claim = two
    if ana.db.path is not None:
        pytest.skip("SQLite takes the write lock before a save reads (BEGIN IMMEDIATE)")
    seen = ben.claim(claim).version
    rating = _rating(ben, "True")
    other = create_engine(str(target_of(ana.db)))
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            ben.set_verdict(claim, rating, "Ben's text.", expected_version=seen)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    try:
        with other.connect() as conn:
            tx = conn.begin()  # another checker's save, holding the claim's row lock
            conn.execute(
                text("UPDATE claims SET version = version + 1, status = 'done' WHERE id = :id"),
                {"id": claim},
            )
            saver = threading.Thread(target=save)
            saver.start()
            # Wait until Ben's save waits for that lock.
            waiting = text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            deadline = time.monotonic() + 30
            while not conn.execute(waiting).scalar():
                assert time.monotonic() < deadline and saver.is_alive()
                time.sleep(0.02)
            tx.commit()
            saver.join(timeout=30)
    finally:
        other.dispose()
    (error,) = outcome
    assert isinstance(error, SaveConflict)
    assert (error.expected, error.found) == (seen, seen + 1)
    assert error.mine["explanation"] == "Ben's text." and error.theirs["status"] == "done"
    stored = ben.claim(claim)
    assert stored.verdict is None and stored.status is ClaimStatus.DONE


def test_a_save_holds_the_claim_from_its_check_to_its_commit(
    two: tuple[Workbench, Workbench, int],
) -> None:
    """Once Ben's save has checked the version, nobody changes the claim until it commits.

    Before, the check and the UPDATE could read the row at different moments (the ORM
    loads it again once its first copy has been garbage-collected, at a moment nobody
    chooses), and a save committed in between was written over: the two-process test's
    rare "both saved" on PostgreSQL.
    """
    ana, ben, claim = two
    if ana.db.path is not None:
        pytest.skip("SQLite holds the whole file from a save's first read (BEGIN IMMEDIATE)")
    seen = ben.claim(claim).version
    other = create_engine(str(target_of(ana.db)))
    tried: list[str] = []

    def meanwhile(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if tried or not statement.startswith("UPDATE claims"):
            return
        # Ben's check has passed and his UPDATE is next: another checker saves now.
        try:
            with other.begin() as conn:
                conn.execute(text("SET LOCAL lock_timeout = '300ms'"))
                conn.execute(text("UPDATE claims SET version = version + 1, "
                                  "status = 'done' WHERE id = :id"), {"id": claim})  # fmt: skip
            tried.append("written")
        except OperationalError as exc:
            tried.append("waited" if "lock timeout" in str(exc) else str(exc))

    event.listen(ben.db.engine, "before_cursor_execute", meanwhile)
    try:
        ben.set_verdict(claim, _rating(ben, "True"), "Ben's text.", expected_version=seen)
    finally:
        event.remove(ben.db.engine, "before_cursor_execute", meanwhile)
        other.dispose()
    assert tried == ["waited"]
    stored = ben.claim(claim)
    assert stored.verdict is not None and stored.verdict.explanation == "Ben's text."
    assert stored.version == seen + 1 and stored.status is ClaimStatus.IN_PROGRESS
