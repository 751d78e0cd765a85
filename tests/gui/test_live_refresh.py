"""Others' saves reach the window: rows refresh, the selection and the typed text stay."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from claimdesk.gui.models.claims_model import COL_STATUS
from claimdesk.services.change_feed import ChangeFeed
from claimdesk.services.presence import Presence
from claimdesk.storage.db import open_database
from tests.conftest import REPO
from tests.gui.conftest import wait_for_claims
from tests.pg import PgServer, target_of

FEED_MS = 15_000


def _other_checker_saves(window, claim_id: int, text: str) -> None:  # type: ignore[no-untyped-def]
    subprocess.run(
        [sys.executable, "-m", "tests.services.feed_child", str(target_of(window.workbench.db)),
         str(claim_id), "Ben", text],
        cwd=REPO, check=True, timeout=120,
    )  # fmt: skip


def _two_claims(qtbot, window, seed_path: Path) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    rows = window.claims_panel.model.rows()
    assert len(rows) >= 2
    return rows[0].id, rows[1].id


def test_another_checkers_save_refreshes_the_row_and_keeps_the_selection(
    qtbot, make_window, seed_path
) -> None:
    window = make_window()
    mine, theirs = _two_claims(qtbot, window, seed_path)
    window.select_claim(mine)
    assert window.detail.claim.id == mine
    _other_checker_saves(window, theirs, "Ben checked it.")
    model = window.claims_panel.model
    qtbot.waitUntil(lambda: model.row_at(model.row_of(theirs)).verdict is not None, timeout=FEED_MS)
    assert model.row_at(model.row_of(theirs)).verdict.explanation == "Ben checked it."
    assert window.claims_panel.current_claim_id() == mine
    assert window.detail.claim.id == mine and not window.live.notice.isVisible()


def test_typed_text_stays_when_another_checker_saves_the_same_claim(
    qtbot, make_window, seed_path
) -> None:
    window = make_window()
    claim, _ = _two_claims(qtbot, window, seed_path)
    window.select_claim(claim)
    detail = window.detail
    detail.rating.setCurrentIndex(1)
    detail.rating.activated.emit(1)  # Ana rates it: the explanation opens
    qtbot.waitUntil(lambda: detail.claim.verdict is not None and not detail.typing())
    based_on = detail.claim.version
    detail._save_timer.setInterval(600_000)
    detail.explanation.setFocus()
    qtbot.keyClicks(detail.explanation, "Ana is half way")
    assert detail.typing()
    _other_checker_saves(window, claim, "Ben's whole reading.")
    qtbot.waitUntil(window.live.notice.isVisible, timeout=FEED_MS)
    assert window.live.notice.text() == "Ben saved this claim; your save will ask how to merge."
    assert detail.explanation.toPlainText() == "Ana is half way"
    assert detail.claim.version == based_on  # her save meets Ben's as a conflict
    assert window.claims_panel.current_claim_id() == claim
    model = window.claims_panel.model
    assert model.row_at(model.row_of(claim)).verdict.explanation == "Ben's whole reading."
    detail._save_timer.stop()


@pytest.fixture(autouse=True)
def _quick_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's feed looks at a desk file every 0.2 s here (1 s in use)."""
    original = ChangeFeed.__init__

    def init(self, db, *, interval: float = 0.2) -> None:  # type: ignore[no-untyped-def]
        original(self, db, interval=interval)

    monkeypatch.setattr(ChangeFeed, "__init__", init)


@pytest.fixture
def shared(
    qtbot, make_window, seed_path, pg_server: PgServer, pg_desk_template: str
) -> Iterator[tuple]:
    """Ana's window on a fresh shared desk, Ben's presence beside it, a claim of the seed."""
    name = pg_server.create_database(template=pg_desk_template)
    other = None
    try:
        window = make_window(pg_server.url(name))
        claim, _ = _two_claims(qtbot, window, seed_path)
        other = open_database(pg_server.url(name))
        feed = ChangeFeed(other)
        ben = Presence(feed, "Ben", origin="ben")
        yield window, claim, feed, ben
        ben.close()
        feed.stop()
    finally:
        if other is not None:
            other.dispose()
        pg_server.drop_database(name)


def test_a_claim_another_checker_edits_is_marked(qtbot, shared) -> None:  # type: ignore[no-untyped-def]
    window, claim, _feed, ben = shared
    assert window.live.presence.enabled
    ben.editing(claim)
    model = window.claims_panel.model
    index = model.index(model.row_of(claim), COL_STATUS)
    qtbot.waitUntil(lambda: "✍ Ben" in str(model.data(index)), timeout=FEED_MS)
    assert "Ben" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    ben.done(claim)
    qtbot.waitUntil(lambda: "✍" not in str(model.data(index)), timeout=FEED_MS)
    window.close()
    assert not window.live.feed.running


def test_a_source_note_dialog_marks_its_claim_for_the_others(qtbot, shared) -> None:  # type: ignore[no-untyped-def]
    """Writing a note takes a while too: the others see the claim being edited meanwhile."""
    window, claim, feed, ben = shared
    feed.start(ben.observe)
    window.claims_panel.select_claim(claim)
    qtbot.waitUntil(lambda: window.detail.claim is not None and window.detail.claim.id == claim)
    dialog = window.detail.add_source()
    assert dialog is not None
    qtbot.waitUntil(lambda: ben.editors(claim) != [], timeout=FEED_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ben.editors(claim) == [], timeout=FEED_MS)
    window.close()


def _heard(feed: ChangeFeed, ben: Presence) -> list[tuple[str, int | None, str]]:
    """Start Ben's feed; the list fills with (kind, claim, table) of what Ben hears."""
    heard: list[tuple[str, int | None, str]] = []

    def hear(change) -> None:  # type: ignore[no-untyped-def]
        # Ana's window is in this process too (`own`): Ben's origin tells his own apart.
        if change.origin != ben.origin:
            heard.append((change.kind, change.claim_id, change.table))
        ben.observe(change)

    feed.start(hear)
    return heard


def _show(qtbot, window, claim: int) -> None:  # type: ignore[no-untyped-def]
    window.claims_panel.select_claim(claim)
    qtbot.waitUntil(lambda: window.detail.claim is not None and window.detail.claim.id == claim)


# The offscreen plugin cannot grab the keyboard for a popup list; it is not ours.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)
def test_the_rating_list_open_marks_its_claim_and_the_chosen_rating_ends_it(
    qtbot: QtBot, shared: tuple[Any, ...]
) -> None:
    """Choosing a rating is editing the verdict too: the others see it while the list is
    open, and it ends, as typing does, once the chosen rating is stored."""
    window, claim, feed, ben = shared
    heard = _heard(feed, ben)
    _show(qtbot, window, claim)
    rating = window.detail.rating
    rating.setFocus()
    rating.showPopup()
    qtbot.waitUntil(lambda: ben.editors(claim) != [], timeout=FEED_MS)
    assert ben.editors(claim) == [window.workbench.checker_name()]
    qtbot.keyClick(rating.view(), Qt.Key.Key_Escape)  # closed unchosen: the mark goes
    qtbot.waitUntil(lambda: ben.editors(claim) == [], timeout=FEED_MS)
    assert window.detail.claim.verdict is None
    rating.showPopup()
    qtbot.waitUntil(lambda: ben.editors(claim) != [], timeout=FEED_MS)
    view = rating.view()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the first rating of the scale
    qtbot.waitUntil(lambda: window.detail.claim.verdict is not None)
    qtbot.waitUntil(lambda: ben.editors(claim) == [], timeout=FEED_MS)
    assert [k for k, c, _ in heard if c == claim][-1:] == ["done"]  # after the save
    window.close()


def test_a_rating_chosen_from_the_keyboard_is_announced_before_it_is_saved(
    qtbot: QtBot, shared: tuple[Any, ...]
) -> None:
    window, claim, feed, ben = shared
    heard = _heard(feed, ben)
    _show(qtbot, window, claim)
    window.detail.rating.setFocus()
    qtbot.keyClick(window.detail.rating, Qt.Key.Key_Down)  # no list: the next rating at once
    qtbot.waitUntil(lambda: window.detail.claim.verdict is not None)
    last = lambda: [k for k, c, _ in heard if c == claim][-1:]  # noqa: E731
    qtbot.waitUntil(lambda: last() == ["done"], timeout=FEED_MS)
    kinds = [(k, t) for k, c, t in heard if c == claim]
    # Announced first, then the verdict's own change, then done, as a typed explanation is.
    assert kinds[0] == ("editing", "claims") and kinds[-1] == ("done", "claims")
    assert any(t == "verdicts" for _, t in kinds[1:-1]), kinds
    assert ben.editors(claim) == []
    window.close()
