"""A click never freezes the window while a bundle merge or another program holds the lock."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from claimdesk.gui.write_queue import SAVING_AFTER_IMPORT, SAVING_AFTER_OTHER
from claimdesk.storage.writer import WAITING
from tests.gui.conftest import wait_for_claims

HOLD_S = 3.0
#: The longest the event loop may stand still (a 50 ms timer must keep ticking). A click
#: that waited for the held lock would stop it for about HOLD_S; half of that tells the
#: two apart even on a loaded machine, where redrawing after the merge once took 0.52 s.
MAX_GAP_S = HOLD_S / 2


class Ticks:
    """A 50 ms timer on the GUI thread; its largest gap shows whether the loop froze."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer(interval=50)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def largest_gap(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in zip(self.times, self.times[1:], strict=False))


def opened(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    window.claims_panel.step(1)
    return window, window.claims_panel.current_claim_id()


def choose_rating(qtbot, window, name: str) -> None:
    """Pick `name` in the rating combo with the keyboard, as a checker would."""
    combo = window.detail.rating
    combo.setFocus()
    target = combo.findText(name)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def rating_of(window, claim_id) -> str | None:
    verdict = window.workbench.claim(claim_id).verdict
    return verdict.rating.name if verdict else None


def hold_in_process(window, seconds: float) -> tuple[threading.Thread, threading.Event]:
    """Hold the database's write lock from a thread, as a bundle merge does."""
    held = threading.Event()

    def merge() -> None:
        with window.workbench.db.write_lock:
            held.set()
            time.sleep(seconds)

    thread = threading.Thread(target=merge)
    thread.start()
    held.wait()
    return thread, held


def test_a_click_during_a_bundle_merge_does_not_freeze_and_is_saved(
    qtbot, make_window, seed_path
):
    window, claim_id = opened(qtbot, make_window, seed_path)
    ticks = Ticks()
    merge, _held = hold_in_process(window, HOLD_S)
    started = time.monotonic()

    choose_rating(qtbot, window, "Mostly true")
    choose_rating(qtbot, window, "Half true")  # a second click while still held
    assert time.monotonic() - started < 1.0  # both clicks returned at once
    assert window.statusBar().currentMessage() == SAVING_AFTER_IMPORT
    assert window.writes.pending() >= 1
    assert rating_of(window, claim_id) is None  # not yet: the merge holds the lock

    qtbot.waitUntil(lambda: not merge.is_alive(), timeout=10_000)
    qtbot.waitUntil(lambda: window.writes.pending() == 0, timeout=10_000)
    assert ticks.largest_gap() < MAX_GAP_S
    assert rating_of(window, claim_id) == "Half true"  # in order: the second click wins
    assert window.detail.rating.currentText() == "Half true"
    assert [line for line in window.detail.history.lines() if "Half true" in line]


def test_a_click_while_another_program_writes_does_not_freeze(qtbot, make_window, seed_path):
    window, claim_id = opened(qtbot, make_window, seed_path)
    ticks = Ticks()
    other = sqlite3.connect(window.workbench.db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(HOLD_S, lambda: (other.execute("COMMIT"), other.close()))
    release.start()
    try:
        choose_rating(qtbot, window, "Mostly true")
        choose_rating(qtbot, window, "Mostly false")
        assert window.statusBar().currentMessage() in (SAVING_AFTER_OTHER, WAITING)
        assert rating_of(window, claim_id) is None
        qtbot.waitUntil(lambda: window.writes.pending() == 0, timeout=HOLD_S * 1000 + 10_000)
    finally:
        release.join()
    assert ticks.largest_gap() < MAX_GAP_S
    assert rating_of(window, claim_id) == "Mostly false"
    assert window.detail.rating.currentText() == "Mostly false"


def test_typing_while_the_lock_is_held_loses_nothing(qtbot, make_window, seed_path):
    """Explanation saves queue behind the rating; the editor keeps what is typed."""
    window, claim_id = opened(qtbot, make_window, seed_path)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    merge, _held = hold_in_process(window, HOLD_S)
    editor = window.detail.explanation
    editor.setFocus()
    qtbot.keyClicks(editor, "First part.")
    qtbot.wait(1000)  # the autosave is queued
    qtbot.keyClicks(editor, " Second part.")
    qtbot.waitUntil(lambda: not merge.is_alive(), timeout=10_000)
    qtbot.waitUntil(
        lambda: window.writes.pending() == 0 and not window.detail.typing(), timeout=10_000
    )
    assert window.workbench.claim(claim_id).verdict.explanation == "First part. Second part."
    assert editor.toPlainText() == "First part. Second part."
    assert editor.textCursor().position() == len("First part. Second part.")


def test_closing_waits_for_queued_writes(qtbot, make_window, seed_path):
    window, claim_id = opened(qtbot, make_window, seed_path)
    merge, _held = hold_in_process(window, 1.5)
    choose_rating(qtbot, window, "False")  # one write per step down the list
    assert window.writes.pending() >= 1

    assert not window.close()  # not yet: the rating is still to be saved
    assert window.isVisible()
    assert "closes when they are saved" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    merge.join()
    assert rating_of(window, claim_id) == "False"


def test_settings_save_while_held_keeps_the_dialog_and_saves_on_the_next_click(
    qtbot, make_window, seed_path
):
    window, _claim_id = opened(qtbot, make_window, seed_path)
    dialog = window.dialogs.open_settings()
    qtbot.keyClicks(dialog.checker_name, "Ana Checker")
    merge, _held = hold_in_process(window, HOLD_S)
    started = time.monotonic()
    assert not dialog.save()
    assert time.monotonic() - started < MAX_GAP_S
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and "click Save again" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.checker_name.text() == "Ana Checker"
    merge.join()
    assert dialog.save()
    assert window.workbench.settings().checker_name == "Ana Checker"


def test_article_properties_saved_while_held_are_queued(qtbot, make_window, seed_path):
    window, _claim_id = opened(qtbot, make_window, seed_path)
    dialog = window.dialogs.edit_metadata()
    dialog.title_edit.setText("Renamed while a merge ran")
    merge, _held = hold_in_process(window, 1.5)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert window.writes.pending() == 1
    merge.join()
    qtbot.waitUntil(lambda: window.writes.pending() == 0, timeout=10_000)
    assert window.workbench.article(window.article_id).title == "Renamed while a merge ran"
    assert window.windowTitle().startswith("Renamed while a merge ran")


def test_undo_of_a_queued_edit_waits_its_turn(qtbot, make_window, seed_path):
    """Ctrl+Z right after a queued rating undoes that rating, once it is saved."""
    window, claim_id = opened(qtbot, make_window, seed_path)
    assert not window.workbench.can_undo()
    merge, _held = hold_in_process(window, 1.5)
    choose_rating(qtbot, window, "True")
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    merge.join()
    qtbot.waitUntil(lambda: window.writes.pending() == 0, timeout=10_000)
    assert rating_of(window, claim_id) is None
    assert window.statusBar().currentMessage() == "Undone: Rate as “True”"
    assert window.detail.rating.currentIndex() == 0
