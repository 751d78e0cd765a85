"""Undo and redo of every kind of edit restore the exact earlier database state."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from claimdesk.domain import (
    ArticleMetadata,
    Claim,
    ClaimStatus,
    SourceDraft,
    SpeakerKind,
    Stance,
)
from claimdesk.errors import KnownError
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.undo import UndoConflict, UndoStack
from claimdesk.services.workbench import Workbench
from claimdesk.storage import repositories as repo
from claimdesk.storage.orm import ClaimRow
from tests.pg import target_of
from tests.services.desk import ARTICLE, add_article, dump, mark, open_workbench


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def rating_id(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def test_each_kind_of_edit_undoes_and_redoes_exactly(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    wb.undo_stack.clear()
    text = wb.article(aid).text
    claim = mark(wb, aid, "Ministers will meet again next week")
    edits = [
        lambda: wb.set_status(claim, ClaimStatus.DONE),
        lambda: wb.set_speaker_kind(claim, SpeakerKind.ORGANISATION),
        lambda: wb.set_verdict(claim, rating_id(wb, "False"), "No meeting is planned."),
        lambda: wb.set_verdict(claim, rating_id(wb, "True"), "It is planned."),
        lambda: wb.add_source(claim, SourceDraft(url="https://gov.example/a", note="Diary")),
        lambda: wb.update_source(
            wb.claim(claim).sources[0].id, SourceDraft(url="", quote="q", stance=Stance.SUPPORTS)
        ),
        lambda: wb.adjust_claim_span(claim, text.index("Ministers"), text.index(" again")),
        lambda: wb.split_claim(claim, text.index(" will")),
        lambda: wb.merge_claims(claim, wb.claims(aid)[-1].id),
        lambda: wb.update_metadata(
            aid, ArticleMetadata(title="Renamed", published=date(2026, 1, 2))
        ),
        lambda: wb.delete_source(wb.claim(claim).sources[0].id),
        lambda: wb.clear_verdict(claim),
        lambda: wb.delete_claim(claim),
    ]
    states = [dump(wb.db)]
    for edit in edits:
        edit()
        states.append(dump(wb.db))
        assert states[-1] != states[-2]
    assert len(wb.undo_stack) == len(edits) + 1  # and the claim itself
    for expected in reversed(states[:-1]):
        wb.undo()
        assert dump(wb.db) == expected
    for expected in states[1:]:
        wb.redo()
        assert dump(wb.db) == expected
    assert not wb.can_redo()


def test_labels_redo_and_a_new_edit_clearing_redo(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    assert wb.undo_label() is None and not wb.can_undo()
    assert wb.undo() == wb.redo()  # nothing to do: no changes, no error
    claim = mark(wb, aid, "Ministers will meet")
    assert wb.undo_label() == "Add claim"
    changes = wb.set_status(claim, ClaimStatus.DONE)
    assert changes.claims == {claim} and changes.library
    assert wb.undo_label() == "Set status to Done"
    wb.set_verdict(claim, rating_id(wb, "False"), "")
    assert wb.undo_label() == "Rate as “False”"
    undone = wb.undo()
    assert undone.claims == {claim}
    assert wb.redo_label() == "Rate as “False”" and wb.can_redo()
    assert wb.claim(claim).verdict is None
    wb.set_status(claim, ClaimStatus.TODO)
    assert not wb.can_redo() and wb.redo_label() is None
    # Setting the same status again changes nothing and is not an edit.
    before = dump(wb.db)
    assert not wb.set_status(claim, ClaimStatus.TODO)
    assert wb.undo_label() == "Set status to To do"
    assert dump(wb.db) == before


def a_minute_ago(wb: Workbench, claim: int) -> None:
    """Move the claim's stored time a minute back, as if its last edit were that old."""
    with wb.db.sessions.begin() as session:
        row = session.get(ClaimRow, claim)
        assert row is not None
        session.execute(
            update(ClaimRow).where(ClaimRow.id == claim)
            .values(updated_at=row.updated_at - timedelta(minutes=1))
        )


def test_the_same_status_a_second_later_is_still_no_edit(wb: Workbench, tmp_path: Path) -> None:
    """Stored times are whole seconds: a status set again later rewrote the claim's time,
    which raised its version and counted as an edit on a loaded machine."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_status(claim, ClaimStatus.DONE)
    a_minute_ago(wb, claim)
    version = wb.claim(claim).version
    assert not wb.set_status(claim, ClaimStatus.DONE)
    assert wb.undo_label() == "Set status to Done" and wb.claim(claim).version == version


def test_the_same_speaker_kind_a_second_later_is_still_no_edit(
    wb: Workbench, tmp_path: Path
) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_speaker_kind(claim, SpeakerKind.ORGANISATION)
    a_minute_ago(wb, claim)
    version = wb.claim(claim).version
    assert not wb.set_speaker_kind(claim, SpeakerKind.ORGANISATION)
    assert wb.undo_label() == "Set speaker kind" and wb.claim(claim).version == version


def test_undo_survives_switching_articles(wb: Workbench, tmp_path: Path) -> None:
    one = add_article(wb, tmp_path, name="one.txt")
    two = add_article(wb, tmp_path, ARTICLE.replace("stadium", "arena"), name="two.txt")
    a = mark(wb, one, "Ministers will meet")
    b = mark(wb, two, "Ministers will meet")
    wb.set_status(a, ClaimStatus.DONE)
    wb.set_status(b, ClaimStatus.IN_PROGRESS)
    assert wb.undo().claims == {b}
    changes = wb.undo()
    assert changes.claims == {a}
    assert wb.claim(a).status is ClaimStatus.TODO
    assert wb.claim(b).status is ClaimStatus.TODO
    assert wb.undo().claim_sets == {two}  # the claim added to article two
    assert wb.undo_label() == "Add claim"
    wb.undo()
    assert wb.claims(one) == [] and wb.claims(two) == []


def _versions(claim: Claim) -> tuple[int, ...]:
    verdict = () if claim.verdict is None else (claim.verdict.version,)
    return (claim.version, *verdict, *(s.version for s in claim.sources))


def _unversioned(claim: Claim) -> Claim:
    verdict = None if claim.verdict is None else replace(claim.verdict, version=0)
    sources = tuple(replace(s, version=0) for s in claim.sources)
    return replace(claim, version=0, verdict=verdict, sources=sources)


def test_deleted_claim_comes_back_with_ids_sources_verdict_and_history(
    wb: Workbench, tmp_path: Path
) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Unemployment fell to 3.9 percent")
    wb.set_verdict(claim, rating_id(wb, "Mostly true"), "Close to the figure.")
    source_id, _ = wb.add_source(claim, SourceDraft(url="https://stats.example", title="ONS"))
    history = wb.history(claim)
    before = wb.claim(claim)
    wb.delete_claim(claim)
    assert wb.undo().claim_sets == {aid}
    again = wb.claim(claim)
    # The same claim, one version up: to another checker's copy, undo is one more save.
    assert _versions(again) == tuple(v + 1 for v in _versions(before))
    assert _unversioned(again) == _unversioned(before)
    assert again.sources[0].id == source_id
    assert [(h.field, h.old, h.new, h.who) for h in wb.history(claim)] == [
        (h.field, h.old, h.new, h.who) for h in history
    ]


def test_explanation_typing_undoes_as_one_step(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    false = rating_id(wb, "False")
    wb.set_verdict(claim, false, "No")
    for text in ("No meeting", "No meeting is", "No meeting is planned."):
        wb.set_verdict(claim, false, text)
    assert wb.undo_label() == "Edit explanation"
    wb.undo()
    verdict = wb.claim(claim).verdict
    assert verdict is not None and verdict.explanation == "No"
    assert wb.undo_label() == "Rate as “False”"


def test_typing_after_a_colleagues_save_undoes_back_to_their_text(
    wb: Workbench, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    """Explanation saves within a minute undo as one step; one that follows a colleague's
    save of the same claim used to join the step before it, so Undo skipped back over
    their text to the checker's older one."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    false = rating_id(wb, "False")
    wb.set_verdict(claim, false, "No")
    wb.set_verdict(claim, false, "No meeting")
    colleague = open_workbench(target_of(wb.db), nlp_provider)
    try:
        colleague.set_verdict(claim, false, "No meeting is in the diary.")
    finally:
        colleague.db.dispose()
    wb.set_verdict(claim, false, "No meeting is in the diary, says the ministry.")
    wb.undo()
    verdict = wb.claim(claim).verdict
    assert verdict is not None and verdict.explanation == "No meeting is in the diary."


def test_changes_made_elsewhere_make_undo_refuse_and_forget(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_status(claim, ClaimStatus.DONE)
    with wb.db.sessions.begin() as session:  # another window deletes the claim
        repo.delete_claim(session, claim)
    before = dump(wb.db)
    with pytest.raises(UndoConflict, match="Set status to Done"):
        wb.undo()
    assert dump(wb.db) == before
    assert not wb.can_undo() and not wb.can_redo()


def test_a_colleagues_save_since_makes_undo_refuse_instead_of_erasing_it(
    wb: Workbench, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    """Undo restores whole rows: over a colleague's later save it would erase that save."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    false = rating_id(wb, "False")
    wb.set_verdict(claim, false, "No meeting is planned.")
    wb.update_metadata(aid, ArticleMetadata(title="Mine"))
    colleague = open_workbench(target_of(wb.db), nlp_provider)
    try:
        colleague.set_verdict(claim, false, "No meeting is planned; the diary says so.")
        colleague.add_source(claim, SourceDraft(url="https://gov.example/diary"))
        colleague.update_metadata(aid, ArticleMetadata(title="Theirs"))
    finally:
        colleague.db.dispose()
    before = dump(wb.db)
    with pytest.raises(UndoConflict, match="properties were changed elsewhere"):
        wb.undo()
    assert dump(wb.db) == before
    wb.set_status(claim, ClaimStatus.DONE)  # a fresh edit, then a colleague's again
    with wb.db.sessions.begin() as session:
        repo.set_claim_status(session, claim, ClaimStatus.IN_PROGRESS)
    before = dump(wb.db)
    with pytest.raises(UndoConflict, match="claim it touched was changed elsewhere"):
        wb.undo()
    assert dump(wb.db) == before
    verdict = wb.claim(claim).verdict
    assert verdict is not None
    assert verdict.explanation == "No meeting is planned; the diary says so."


def test_removed_rating_makes_undo_refuse(wb: Workbench, tmp_path: Path) -> None:
    from claimdesk.domain import RatingDraft

    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_verdict(claim, rating_id(wb, "Misleading"), "")
    wb.clear_verdict(claim)
    wb.save_rating_scale(
        [
            RatingDraft(r.name, r.value, r.color, r.id)
            for r in wb.rating_scale().ratings
            if r.name != "Misleading"
        ]
    )
    with pytest.raises(UndoConflict, match="rating it used was removed"):
        wb.undo()
    assert wb.claim(claim).verdict is None


def test_reextracting_or_deleting_an_article_forgets_only_its_edits(
    wb: Workbench, tmp_path: Path
) -> None:
    one = add_article(wb, tmp_path, name="one.txt")
    two = add_article(wb, tmp_path, ARTICLE.replace("stadium", "arena"), name="two.txt")
    a = mark(wb, one, "Ministers will meet")
    b = mark(wb, two, "Ministers will meet")
    wb.set_status(a, ClaimStatus.DONE)
    wb.set_status(b, ClaimStatus.DONE)
    wb.extract(two)
    assert len(wb.undo_stack) == 2 and wb.undo_label() == "Set status to Done"
    assert wb.claim(b).status is ClaimStatus.DONE  # worked-on claims survive re-extraction
    wb.undo()
    assert wb.claim(a).status is ClaimStatus.TODO
    wb.delete_article(one)
    assert not wb.can_undo() and not wb.can_redo()
    assert wb.claim(b).status is ClaimStatus.DONE


def test_a_deleted_claim_comes_back_after_the_next_article_is_extracted(
    wb: Workbench, tmp_path: Path
) -> None:
    """SQLite gives a new row the highest id + 1: deleting the newest claim, then
    extracting the day's next article, handed the deleted claim's id to a new sentence,
    and Undo refused ("added or removed elsewhere"), losing the verdict and sources."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_verdict(claim, rating_id(wb, "False"), "No meeting is planned.")
    source, _ = wb.add_source(claim, SourceDraft(url="https://gov.example/diary"))
    before = wb.claim(claim)
    wb.delete_claim(claim)  # by mistake
    other = add_article(wb, tmp_path, ARTICLE.replace("stadium", "arena"), name="two.txt")
    wb.extract(other)
    assert claim not in {c.id for c in wb.claims(other)}
    wb.undo()
    again = wb.claim(claim)
    assert again.article_id == aid and again.text == before.text
    assert again.verdict is not None and again.verdict.explanation == "No meeting is planned."
    assert [s.id for s in again.sources] == [source]
    wb.redo()
    wb.extract(aid)  # its own article's extraction forgets its edits: ids may be reused
    assert not wb.can_undo()


def test_a_deleted_claim_comes_back_after_a_claim_marked_elsewhere_is_reextracted(
    wb: Workbench, tmp_path: Path
) -> None:
    """As above, through a claim the checker marks in another article: it took the
    deleted claim's id, and once that article's re-extraction dropped its edits, Undo of
    the deletion found "its" id in use and refused."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_verdict(claim, rating_id(wb, "False"), "No meeting is planned.")
    wb.delete_claim(claim)
    other = add_article(wb, tmp_path, ARTICLE.replace("stadium", "arena"), name="two.txt")
    marked = mark(wb, other, "Fans cheered")
    (_first, second), _ = wb.split_claim(marked, wb.article(other).text.index(" cheered"))
    assert claim not in (marked, second)
    wb.extract(other)
    wb.undo()
    again = wb.claim(claim)
    assert again.verdict is not None and again.verdict.explanation == "No meeting is planned."


def test_a_deleted_claims_verdict_and_notes_come_back_after_another_article_is_rated(
    wb: Workbench, tmp_path: Path
) -> None:
    """The same for the deleted claim's verdict and note ids, taken by a rating and a note
    in another article whose re-extraction then dropped those edits."""
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    wb.set_verdict(claim, rating_id(wb, "False"), "No meeting is planned.")
    wb.add_source(claim, SourceDraft(url="https://gov.example/diary"))
    wb.delete_claim(claim)
    other = add_article(wb, tmp_path, ARTICLE.replace("stadium", "arena"), name="two.txt")
    wb.extract(other)
    elsewhere = wb.claims(other)[0].id
    wb.set_verdict(elsewhere, rating_id(wb, "True"), "Confirmed.")
    wb.add_source(elsewhere, SourceDraft(url="https://other.example"))
    wb.extract(other)
    wb.undo()
    again = wb.claim(claim)
    assert again.verdict is not None and again.verdict.explanation == "No meeting is planned."
    assert [s.url for s in again.sources] == ["https://gov.example/diary"]
    assert wb.claim(elsewhere).verdict is not None


def test_stack_depth_is_limited() -> None:
    from claimdesk.services.changes import Changes
    from claimdesk.services.undo import UndoEntry
    from claimdesk.storage.snapshots import Snapshot

    stack = UndoStack(depth=3)
    for n in range(5):
        snap = Snapshot(n, {})
        stack.push(UndoEntry(f"edit {n}", snap, snap, Changes()))
    assert len(stack) == 3 and stack.undo_label() == "edit 4"
    for _ in range(3):
        stack.undone()
    assert not stack.can_undo() and stack.redo_label() == "edit 2"


# --------------------------------------------------------------------------- property


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, nlp_provider: NlpProvider) -> Path:
    """A database with one article, three claims, a verdict and a source."""
    folder = tmp_path_factory.mktemp("undo-template")
    wb = open_workbench(folder / "template.sqlite3", nlp_provider)
    try:
        aid = add_article(wb, folder)
        first = mark(wb, aid, "The club said ticket prices rose by 40%")
        mark(wb, aid, "Ministers will meet again next week")
        third = mark(wb, aid, "the lowest since 1969")
        wb.set_verdict(first, rating_id(wb, "Half true"), "Up 38%.")
        wb.add_source(third, SourceDraft(url="https://stats.example/1969", quote="lowest"))
    finally:
        wb.db.dispose()
    return folder / "template.sqlite3"


EXPLANATIONS = ("", "Checked.", "Checked against the register.", "Wrong year.")


def _random_edit(wb: Workbench, aid: int, data: st.DataObject) -> str:
    text = wb.article(aid).text
    claims = wb.claims(aid)
    ids = [c.id for c in claims] or [10_000]
    offset = st.integers(0, len(text))
    kind = data.draw(
        st.sampled_from(
            [
                "add",
                "delete",
                "status",
                "verdict",
                "clear",
                "add_source",
                "edit_source",
                "remove_source",
                "adjust",
                "split",
                "merge",
                "metadata",
            ]
        )
    )
    claim = data.draw(st.sampled_from(ids))
    overlap = data.draw(st.booleans())
    if kind == "add":
        start = data.draw(offset)
        end = start + data.draw(st.integers(0, 60))
        wb.add_claim(aid, start, end, allow_overlap=overlap)
    elif kind == "delete":
        wb.delete_claim(claim)
    elif kind == "status":
        wb.set_status(claim, data.draw(st.sampled_from(list(ClaimStatus))))
    elif kind == "verdict":
        rating = data.draw(st.sampled_from(wb.rating_scale().ratings))
        wb.set_verdict(claim, rating.id, data.draw(st.sampled_from(EXPLANATIONS)))
    elif kind == "clear":
        wb.clear_verdict(claim)
    elif kind == "add_source":
        wb.add_source(claim, SourceDraft(url=f"https://e.example/{data.draw(offset)}"))
    elif kind in ("edit_source", "remove_source"):
        sources = [s.id for c in claims for s in wb.claim(c.id).sources] or [10_000]
        source = data.draw(st.sampled_from(sources))
        if kind == "edit_source":
            wb.update_source(
                source, SourceDraft(url="", note=data.draw(st.sampled_from(EXPLANATIONS[1:])))
            )
        else:
            wb.delete_source(source)
    elif kind == "adjust":
        span = next(((c.start, c.end) for c in claims if c.id == claim), (0, 0))
        start = max(0, span[0] + data.draw(st.integers(-15, 15)))
        end = span[1] + data.draw(st.integers(-15, 15))
        wb.adjust_claim_span(claim, start, end, allow_overlap=overlap)
    elif kind == "split":
        span = next(((c.start, c.end) for c in claims if c.id == claim), (0, 0))
        wb.split_claim(claim, data.draw(st.integers(span[0] - 1, span[1] + 1)))
    elif kind == "merge":
        wb.merge_claims(claim, data.draw(st.sampled_from(ids)), allow_overlap=overlap)
    else:
        title = data.draw(st.sampled_from(["", "Budget", "Bridges 🌉"]))
        wb.update_metadata(
            aid, ArticleMetadata(title=title, author=data.draw(st.sampled_from([None, "Ana"])))
        )
    return kind


def _check_spans(wb: Workbench, aid: int) -> None:
    text = wb.article(aid).text
    for c in wb.claims(aid):
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end] == text[c.start : c.end].strip()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_edits_and_undos_restore_every_state(
    template: Path, nlp_provider: NlpProvider, tmp_path: Path, data: st.DataObject
) -> None:
    path = tmp_path / f"run-{data.draw(st.integers(0, 10**9))}.sqlite3"
    shutil.copy(template, path)
    wb = open_workbench(path, nlp_provider)
    try:
        aid = wb.articles()[0].id
        initial = dump(path)
        done: list[dict[str, Any]] = []  # the state before each undoable entry
        undone: list[dict[str, Any]] = []
        for _ in range(data.draw(st.integers(1, 25))):
            move = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
            now = dump(path)
            if move == "undo" and wb.can_undo():
                wb.undo()
                assert dump(path) == done[-1]
                undone.append(now)
                done.pop()
                continue
            if move == "redo" and wb.can_redo():
                wb.redo()
                assert dump(path) == undone[-1]
                done.append(now)
                undone.pop()
                continue
            depth, top = len(wb.undo_stack), wb.undo_stack.next_undo()
            try:
                kind = _random_edit(wb, aid, data)
            except KnownError as exc:
                event(f"refused: {type(exc).__name__}")
                assert dump(path) == now  # a refused edit changes nothing
                assert wb.undo_stack.next_undo() is top
                continue
            event(f"done: {kind}")
            if len(wb.undo_stack) > depth:
                done.append(now)
                undone.clear()
            elif wb.undo_stack.next_undo() is not top:  # merged into the previous entry
                undone.clear()
            else:
                assert dump(path) == now  # an edit that changed nothing
            _check_spans(wb, aid)
        before_undos = dump(path)
        undos = 0
        while wb.can_undo():
            wb.undo()
            undos += 1
        assert dump(path) == initial
        for _ in range(undos):
            wb.redo()
        assert dump(path) == before_undos
    finally:
        wb.db.dispose()
