"""Garbage holding Qt objects is collected on the GUI thread, never by a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from claimdesk.gui.collector import GuiCollector


class Cyclic(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_a_worker_thread_never_collects_the_windows_garbage(qtbot, make_window) -> None:
    make_window()
    assert QApplication.instance().findChild(GuiCollector, "guiCollector") is not None
    assert not gc.isenabled()

    garbage = Cyclic()
    gone = weakref.ref(garbage)
    del garbage
    collected_by: list[bool] = []

    def allocate() -> None:
        # Far past generation 0's threshold: automatic collection would run here.
        keep = [[i] for i in range(200_000)]
        for item in keep:
            item.append(item)  # cycles, as a parser's objects make
        collected_by.append(gone() is None)

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert collected_by == [False]  # the worker thread freed nothing of ours
    qtbot.waitUntil(lambda: gone() is None, timeout=5_000)  # the GUI thread's timer did
    assert QThread.currentThread() is QApplication.instance().thread()
