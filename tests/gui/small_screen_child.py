"""Every window and dialog on a 1024×700 screen, in the dark theme: prints one JSON line.

Run by tests/gui/test_small_screen.py as
`python -m tests.gui.small_screen_child FOLDER SEED [QM_FOLDER]` (with QM_FOLDER, in Spanish)
with QT_QPA_PLATFORM="offscreen:configfile=…" describing that screen (the test session's
own offscreen screen is 800×800 and cannot be changed once Qt runs).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

from claimdesk.app import assemble
from claimdesk.domain import ClaimStatus, Theme
from claimdesk.errors import SaveConflict
from claimdesk.exchange.merge import Conflict, Work
from claimdesk.gui.dialogs.bundle_conflicts import BundleConflictsDialog
from claimdesk.gui.dialogs.save_conflict import SaveConflictDialog
from claimdesk.gui.dialogs.shared_desk import SharedDeskDialog
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.i18n import install
from claimdesk.gui.theme import apply_theme
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.paths import app_paths
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.storage.db import open_database


def wait_until(check: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        pause(0.02)


def pause(seconds: float) -> None:
    # time.sleep lets the window's jobs run (QTest.qWait kept the GIL from them).
    QApplication.processEvents()
    time.sleep(seconds)
    QApplication.processEvents()


def dump(path: Path) -> list[str]:
    """The desk's whole content, read by a connection of its own."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def placed(widget: QWidget) -> dict[str, object]:
    frame = widget.frameGeometry()
    return {"frame": [frame.x(), frame.y(), frame.width(), frame.height()]}


def cut_off(dialog: QWidget) -> list[str]:
    """Texts of the buttons and labels shown cut short, or not wholly inside `dialog`."""
    cut = []
    inside = dialog.rect()
    for w in dialog.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QLabel)):
            continue
        if w.window() is not dialog or not w.isVisibleTo(dialog) or not w.text():
            continue
        wraps = isinstance(w, QLabel) and w.wordWrap()
        need = w.heightForWidth(w.width()) if wraps else w.sizeHint().height()
        short = need > w.height() + 1 or (not wraps and w.sizeHint().width() > w.width() + 1)
        where = QRect(w.mapTo(dialog, QPoint(0, 0)), w.size())
        if short or (isinstance(w, QAbstractButton) and not inside.contains(where)):
            cut.append(w.text())
    return cut


def text_room(widget: QLineEdit | QComboBox) -> int:
    """How wide a text the line edit (its placeholder) or the combo (its item) shows whole."""
    style = widget.style()
    if isinstance(widget, QLineEdit):
        frame = QStyleOptionFrame()
        widget.initStyleOption(frame)
        contents = style.subElementRect(QStyle.SubElement.SE_LineEditContents, frame, widget)
        margins = widget.textMargins()
        buttons = sum(b.width() + 4 for b in widget.findChildren(QAbstractButton) if b.isVisible())
        # Qt keeps 2 px either side of the text.
        return contents.width() - margins.left() - margins.right() - buttons - 4
    option = QStyleOptionComboBox()
    widget.initStyleOption(option)
    field = style.subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
    )
    return field.width() - 2  # the label is drawn 1 px in from either side


def filter_bar(window: MainWindow) -> dict[str, object]:
    """The claims filter bar with every filter shown: what is cut short or out of reach."""
    panel = window.claims_panel
    panel.more.setChecked(True)
    pause(0.05)
    search = panel.search
    cut = []
    if text_room(search) < search.fontMetrics().horizontalAdvance(search.placeholderText()):
        cut.append(search.placeholderText())
    inside = panel.rect()
    shown: list[QWidget] = [
        panel.search, panel.status, panel.threshold, panel.threshold_label, panel.show_all,
        panel.more, panel.count_label, panel.queue, panel.rating, panel.claim_type,
        panel.speaker, panel.sources, panel.checked, panel.max_score,
    ]  # fmt: skip
    shown += [w for w in panel.findChildren(QLabel) if w.buddy() is panel.threshold]
    for w in shown:
        where = QRect(w.mapTo(panel, QPoint(0, 0)), w.size())
        if not w.isVisible() or not inside.contains(where):
            cut.append(w.objectName())
        elif isinstance(w, QComboBox):
            if text_room(w) < w.fontMetrics().horizontalAdvance(w.currentText()):
                cut.append(w.currentText())
        elif isinstance(w, (QLabel, QAbstractButton)) and w.width() < w.sizeHint().width():
            cut.append(w.text())
        elif w.width() < w.minimumSizeHint().width():
            cut.append(w.objectName())
    return {"size": [window.width(), window.height()], "cut": cut}


def main(folder: Path, seed: Path, spanish: str | None) -> None:
    app = QApplication([])
    if spanish is not None:
        assert install(app, "es", spanish) == "es"
    apply_theme(app, Theme.DARK)
    desk = folder / "desk.sqlite3"
    db = open_database(desk)
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    nlp = NlpProvider()
    window = MainWindow(assemble(app_paths(folder / "data"), db, nlp), settings)
    window.show()
    pause(0.05)
    out: dict[str, object] = {
        "screen": list(app.primaryScreen().availableGeometry().getRect()),
        "first start": placed(window),
    }
    window.open_path(seed)
    wait_until(lambda: window.article_id is not None and not window.extraction.busy())
    wait_until(lambda: window.claims_panel.model.rowCount() > 0)
    window.claims_panel.step(1)
    wait_until(lambda: window.writes.pending() == 0)
    before = dump(desk)

    conflict = SaveConflict(
        "verdict",
        {"status": "done", "rating": "False", "explanation": "mine " * 60},
        {"status": "in_progress", "rating": "True", "explanation": "theirs " * 60},
        1,
        2,
    )
    mine = Work(ClaimStatus.DONE, "False", "a long explanation " * 10, ("a",))
    theirs = Work(ClaimStatus.IN_PROGRESS, "True", "other " * 20, ())
    conflicts = [Conflict(i, "t", f"claim {i} " * 12, mine, theirs, "ana") for i in range(9)]
    openers: dict[str, Callable[[], QWidget | None]] = {
        "metadata": window.dialogs.edit_metadata,
        "export": window.dialogs.export_report,
        "settings": window.dialogs.open_settings,
        "search": window.dialogs.open_search,
        "shortcuts": window.dialogs.show_shortcuts,
        "about": window.dialogs.show_about,
        "restore": window.dialogs.restore_backup,
        "source": lambda: SourceDialog(window.detail, evidence=window.detail.evidence),
        "shared desk": lambda: SharedDeskDialog(window),
        "save conflict": lambda: SaveConflictDialog(conflict, "explanation", window),
        "bundle conflicts": lambda: BundleConflictsDialog(window, "case.cdbundle", conflicts),
    }
    dialogs: dict[str, object] = {}
    for name, opener in openers.items():
        dialog = opener()
        assert dialog is not None, name
        dialog.show()
        dialog.activateWindow()
        wait_until(lambda d=dialog: d.isVisible() and QApplication.activeWindow() is d, 10)
        pause(0.05)
        seen = placed(dialog)
        seen["cut off"] = cut_off(dialog)
        tabs = getattr(dialog, "tabs", None)
        for page in range(tabs.count() if isinstance(tabs, QTabWidget) else 0):
            tabs.setCurrentIndex(page)
            pause(0.02)
            seen["cut off"] += cut_off(dialog)
        dialog.grab().save(str(folder / f"{name}.png"))  # to look at after a failure
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        pause(0.05)
        seen["closed by esc"] = not isValid(dialog) or not dialog.isVisible()
        dialogs[name] = seen
    box = window.errors.bug(RuntimeError("boom"), "traceback")
    pause(0.05)
    dialogs["error box"] = placed(box)
    box.close()
    wait_until(lambda: window.writes.pending() == 0)
    window.jobs.wait(10_000)
    out["dialogs"] = dialogs
    out["desk unchanged"] = dump(desk) == before
    out["filter bar"] = [filter_bar(window)]  # as the window first opened on this screen
    window.resize(1024, 700)
    pause(0.1)
    out["filter bar"].append(filter_bar(window))
    window.close()
    db.dispose()
    print(json.dumps(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
