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


def test_loading_the_language_model_leaves_automatic_collection_off(qtbot, make_window) -> None:
    """spaCy reads its model through srsly, whose msgpack loads switch automatic collection
    off and back on whatever it was: after a load (on a worker thread, in the app) any
    thread could collect the window's garbage again."""
    from claimdesk.nlp.pipeline import load_pipeline

    make_window()
    assert not gc.isenabled()
    loaded = load_pipeline()
    assert not loaded.limited  # the real model, read from its msgpack files
    assert not gc.isenabled()


def test_outside_a_window_loading_the_model_leaves_collection_as_it_was() -> None:
    import subprocess
    import sys

    code = (
        "import gc; from claimdesk.nlp.pipeline import load_pipeline; "
        "load_pipeline(); print(gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, check=True).stdout  # fmt: skip
    assert out.split() == ["True"]
