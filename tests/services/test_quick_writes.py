"""The window's quick writes: a brief write by another thread of this process is waited
out; a long one (a bundle merge) hands the write to the background writer at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from claimdesk.domain import ClaimStatus
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.write_path import WriteBusy
from tests.services.desk import add_article, mark, open_workbench


def hold_write_lock(lock: threading.Lock, seconds: float) -> threading.Thread:
    """Another thread of this process writing for `seconds` (a fact-check vector store
    after a verdict takes a few milliseconds; a bundle merge takes seconds)."""
    held = threading.Event()

    def run() -> None:
        with lock:
            held.set()
            time.sleep(seconds)

    thread = threading.Thread(target=run)
    thread.start()
    held.wait()
    return thread


def test_a_quick_write_waits_out_a_brief_write_of_this_process(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    wb = open_workbench(tmp_path / "desk.sqlite3", nlp_provider)
    try:
        cid = mark(wb, add_article(wb, tmp_path), "ticket prices rose")
        thread = hold_write_lock(wb.db.write_lock, 0.03)
        with wb.quick():
            wb.set_status(cid, ClaimStatus.DONE)  # saved at once, not handed on
        thread.join()
        assert wb.claim(cid).status is ClaimStatus.DONE
    finally:
        wb.db.dispose()


def test_a_quick_write_hands_on_at_once_during_a_long_write(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    wb = open_workbench(tmp_path / "desk.sqlite3", nlp_provider)
    try:
        cid = mark(wb, add_article(wb, tmp_path), "ticket prices rose")
        thread = hold_write_lock(wb.db.write_lock, 2.0)
        started = time.monotonic()
        with pytest.raises(WriteBusy), wb.quick():
            wb.set_status(cid, ClaimStatus.DONE)
        waited = time.monotonic() - started
        thread.join()
        assert waited < 1.0  # the window is never held for the length of a merge
        assert wb.claim(cid).status is not ClaimStatus.DONE
    finally:
        wb.db.dispose()
