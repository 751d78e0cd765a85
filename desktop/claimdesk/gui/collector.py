"""Python's cycle collector runs on the GUI thread only, so Qt objects die where they live.

A collection runs on whichever thread happens to allocate when a threshold is crossed:
a background job (loading the language model, an import) could then free a window's
widgets or models caught in a reference cycle from its own thread, and Qt crashes
(seen as a segmentation fault "Garbage-collecting" inside such a job). Automatic
collection is switched off in the window's process and the same generational checks
run from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from claimdesk.nlp import collection

#: How often the GUI thread looks whether a collection is due.
INTERVAL_MS = 250


def collect_due() -> int:
    """What automatic collection would have done by now, done on this thread."""
    limit0, limit1, limit2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= limit0:
        return 0
    if count1 > limit1 and count2 > limit2:
        return gc.collect(2)
    if count1 > limit1:
        return gc.collect(1)
    return gc.collect(0)


class GuiCollector(QObject):
    """The timer that collects on the GUI thread; one per application."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("guiCollector")
        self.timer = QTimer(self)
        self.timer.timeout.connect(collect_due)
        self.timer.start(INTERVAL_MS)


def install() -> None:
    """Once per application (later calls do nothing): collection only on this thread."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(GuiCollector, "guiCollector") is not None:
        return
    GuiCollector(app)
    collection.keep_off()  # and no library's read switches it back on (nlp/collection.py)
