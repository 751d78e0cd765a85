"""Every control the keyboard stops on has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QTabWidget, QWidget

from claimdesk.domain import ClaimStatus
from claimdesk.errors import SaveConflict
from claimdesk.exchange.merge import Conflict, Work
from claimdesk.gui.dialogs.bundle_conflicts import BundleConflictsDialog
from claimdesk.gui.dialogs.save_conflict import SaveConflictDialog
from claimdesk.gui.dialogs.shared_desk import SharedDeskDialog
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from tests.gui.conftest import wait_for_claims


def unnamed(top: QWidget) -> list[str]:
    """Object names of `top`'s Tab stops whose accessible name is empty."""
    found = []
    for w in top.findChildren(QWidget):
        if w.window() is not top or not w.isVisibleTo(top):
            continue
        if not w.focusPolicy() & w.focusPolicy().TabFocus:
            continue
        if isinstance(w.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own line edit: the box carries the name
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name):
            found.append(w.objectName() or type(w).__name__)
    return found


def test_the_window_and_its_dialogs_name_every_tab_stop(qtbot, make_window, seed_path) -> None:
    """The claim filter, score slider, claims table, article text, library, the desk
    search's box and results, the shortcut filter and list, and the export dates and
    preview were announced only as "edit", "slider", "table": no label named them."""
    window = make_window()
    window.resize(1024, 700)
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.step(1)
    export = window.dialogs.export_report()
    export.scope_dates.setChecked(True)  # the dates are Tab stops only then
    windows = [window, export, window.dialogs.open_search(), window.dialogs.show_shortcuts()]
    missing = {top.objectName(): unnamed(top) for top in windows}
    assert missing == {top.objectName(): [] for top in windows}
    for top in windows[1:]:
        top.close()


def test_every_dialog_names_every_tab_stop(qtbot, make_window, seed_path) -> None:
    """Fields inside a row (the logo path, the threshold, the backups to keep, the
    publication date, the attachments), the rating scale, the licence texts and the
    conflict tables and texts were unnamed too."""
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    window.claims_panel.step(1)
    conflict = SaveConflict("verdict", {"status": "done", "explanation": "mine"},
                            {"status": "todo", "explanation": "theirs"}, 1, 2)  # fmt: skip
    work = Work(ClaimStatus.DONE, "False", "why", ())
    dialogs = [
        window.dialogs.edit_metadata(),
        window.dialogs.open_settings(),
        window.dialogs.show_about(),
        window.dialogs.restore_backup(),
        SourceDialog(window.detail, evidence=window.detail.evidence),
        SharedDeskDialog(window),
        SaveConflictDialog(conflict, "explanation", window),
        BundleConflictsDialog(window, "case.cdbundle", [Conflict(1, "t", "c", work, work, "ana")]),
    ]
    missing: dict[str, list[str]] = {}
    for dialog in dialogs:
        dialog.show()
        tabs = dialog.findChild(QTabWidget)
        for page in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(page)
            if found := unnamed(dialog):
                missing[f"{dialog.objectName()} {page}"] = found
        dialog.reject()
    assert not missing
