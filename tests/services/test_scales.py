"""Editing the rating scale: claims keep their rating, ratings in use cannot be removed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimdesk.domain import RatingDraft, RatingScale
from claimdesk.errors import StaleReference
from claimdesk.services.desk_settings import ScaleChanged, SettingsError
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import DEFAULT_RATINGS, open_database
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def drafts(scale: RatingScale) -> list[RatingDraft]:
    return [RatingDraft(r.name, r.value, r.color, r.id) for r in scale.ratings]


def test_rename_recolour_reorder_revalue_and_add(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet")
    scale = wb.rating_scale()
    false = next(r for r in scale.ratings if r.name == "False")
    wb.set_verdict(claim, false.id, "No.")
    edited = [
        RatingDraft("Pants on fire", 0, "#ff0000"),
        *(
            RatingDraft("Wrong", 1, "#aa0000", false.id) if d.id == false.id else d
            for d in reversed(drafts(scale))
        ),
    ]
    changes = wb.save_rating_scale(edited)
    assert changes.library and changes.claim_sets == {aid}
    new = wb.rating_scale()
    assert [r.name for r in new.ratings] == [
        "Pants on fire",
        "Unverifiable",
        "Misleading",
        "Wrong",
        "Mostly false",
        "Half true",
        "Mostly true",
        "True",
    ]
    assert [r.position for r in new.ratings] == list(range(8))
    verdict = wb.claim(claim).verdict
    assert verdict is not None
    assert (verdict.rating.id, verdict.rating.name, verdict.rating.color) == (
        false.id,
        "Wrong",
        "#aa0000",
    )
    other = open_database(target_of(wb.db))  # stored, not cached
    try:
        stored = Workbench(other, wb.nlp).rating_scale()
        assert stored.ratings[0].name == "Pants on fire"
    finally:
        other.dispose()


def test_removing_a_rating_in_use_is_refused_with_the_count(wb: Workbench, tmp_path: Path) -> None:
    aid = add_article(wb, tmp_path)
    scale = wb.rating_scale()
    half = next(r for r in scale.ratings if r.name == "Half true")
    for needle in ("Ministers will meet", "Fans cheered"):
        wb.set_verdict(mark(wb, aid, needle), half.id, "")
    without_half = [d for d in drafts(scale) if d.id != half.id]
    with pytest.raises(SettingsError, match="“Half true” is the rating of 2 claims"):
        wb.save_rating_scale(without_half)
    assert wb.rating_scale() == scale
    without_unused = [d for d in drafts(scale) if d.name != "Unverifiable"]
    wb.save_rating_scale(without_unused)
    assert [r.name for r in wb.rating_scale().ratings] == [
        name for name, _, _ in DEFAULT_RATINGS if name != "Unverifiable"
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda ds: [], "at least one rating"),
        (lambda ds: [RatingDraft("  ", 1, "#000000"), *ds], "needs a name"),
        (lambda ds: [*ds, RatingDraft("true", 3, "#000000")], "Two ratings are called"),
        # Names that show nothing, or show the same as another rating's name on screen
        # (zero-width and direction marks, full-width letters, decomposed accents).
        (lambda ds: [RatingDraft("\u200b\u202e\u2066", 1, "#000000"), *ds], "needs a name"),
        (lambda ds: [*ds, RatingDraft("False\u200b", 3, "#000000")], "Two ratings are called"),
        (lambda ds: [*ds, RatingDraft("\u200eＦＡＬＳＥ", 3, "#000000")], "Two ratings are"),
        (lambda ds: [RatingDraft("Vérifié", 2, "#000000"),
                     RatingDraft("Ve\u0301rifie\u0301 ", 1, "#000000")], "Two ratings are"),
        (lambda ds: [RatingDraft("Odd", 2, "red"), *ds], "must look like #c62828"),
        (lambda ds: [RatingDraft("Big", 101, "#123456"), *ds], "whole number from 0"),
        (lambda ds: [RatingDraft("Zero", 0, "#123")], "value above 0"),
        (lambda ds: [*ds, ds[0]], "appears twice|Two ratings"),
    ],
)
def test_bad_scales_are_refused_and_change_nothing(
    wb: Workbench, edit: Callable[[list[RatingDraft]], list[RatingDraft]], message: str
) -> None:
    scale = wb.rating_scale()
    with pytest.raises(SettingsError, match=message):
        wb.save_rating_scale(edit(drafts(scale)))
    assert wb.rating_scale() == scale


def test_a_rating_removed_meanwhile_is_a_stale_reference(wb: Workbench) -> None:
    scale = wb.rating_scale()
    with pytest.raises(StaleReference):
        wb.save_rating_scale([*drafts(scale), RatingDraft("Ghost", 2, "#010101", 9999)])
    assert wb.rating_scale() == scale


def test_a_scale_saved_elsewhere_meanwhile_is_not_overwritten(
    wb: Workbench, tmp_path: Path
) -> None:
    """Two checkers (or two windows) edit the scale from what each read: the later save
    must not undo the earlier one's renames or silently drop the rating it added."""
    opened = drafts(wb.rating_scale())  # what my Settings dialog shows
    other = open_workbench(target_of(wb.db), wb.nlp)
    try:
        theirs = drafts(other.rating_scale())
        theirs[0] = replace(theirs[0], name="Correct")
        other.save_rating_scale([*theirs, RatingDraft("Satire", 0, "#7b1fa2")])
    finally:
        other.db.dispose()
    stored = wb.rating_scale()
    mine = [replace(d, name="Wrong") if d.name == "False" else d for d in opened]
    with pytest.raises(ScaleChanged, match=r"changed .* since"):
        wb.save_rating_scale(mine, based_on=opened)
    assert wb.rating_scale() == stored
    wb.save_rating_scale(
        [replace(d, name="Wrong") if d.name == "False" else d for d in drafts(stored)],
        based_on=drafts(stored),
    )
    names = [r.name for r in wb.rating_scale().ratings]
    assert names[0] == "Correct" and "Wrong" in names and names[-1] == "Satire"


def test_a_fault_in_a_long_scale_says_which_row(wb: Workbench) -> None:
    """With 200 ratings, "Every rating needs a name" left the editor to search the list:
    the message names the row (the editor numbers its rows from 1)."""
    scale = wb.rating_scale()
    extra = (RatingDraft(f"Level {i}", i % 100 + 1, "#123456") for i in range(193))
    long = [*drafts(scale), *extra]
    blank = list(long)
    blank[136] = replace(blank[136], name=" \u200b ")
    with pytest.raises(SettingsError, match="Rating 137 needs a name"):
        wb.save_rating_scale(blank)
    twice = list(long)
    twice[150] = replace(twice[150], name="level 20 ")
    twice_called = r"Two ratings are called “level 20” \(rows 28 and 151\)"
    with pytest.raises(SettingsError, match=twice_called):
        wb.save_rating_scale(twice)
    wb.save_rating_scale(long)
    assert len(wb.rating_scale().ratings) == 200


def test_two_scale_saves_at_the_same_moment_do_not_both_pass_the_check(wb: Workbench) -> None:
    """On a shared desk each checker's save reads the scale, compares it with what its
    editor read, then writes: without a lock both read the old scale while the other's
    save was under way, and the later one reverted the earlier one's rename."""
    if not wb.db.is_server:
        pytest.skip("a file desk's writes take the file one at a time (BEGIN IMMEDIATE)")
    opened = drafts(wb.rating_scale())
    engine = create_engine(str(target_of(wb.db)))
    try:
        with engine.connect() as theirs:  # a colleague's save, still under way
            theirs.execute(text("SELECT id FROM rating_scales FOR UPDATE"))
            theirs.execute(text("UPDATE ratings SET name = 'Correct' WHERE name = 'True'"))
            outcome: list[BaseException | None] = []

            def save_mine() -> None:
                try:
                    mine = [replace(d, name="Wrong") if d.name == "False" else d for d in opened]
                    wb.save_rating_scale(mine, based_on=opened)
                    outcome.append(None)
                except BaseException as exc:  # reported below
                    outcome.append(exc)

            worker = threading.Thread(target=save_mine)
            worker.start()
            worker.join(1.0)
            theirs.commit()
        worker.join(30)
    finally:
        engine.dispose()
    assert len(outcome) == 1 and isinstance(outcome[0], ScaleChanged), outcome
    names = [r.name for r in wb.rating_scale().ratings]
    assert "Correct" in names and "Wrong" not in names
