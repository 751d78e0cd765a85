"""The main window's menus: every action with its name, text, handler and keys, in one table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from claimdesk.domain import ClaimStatus, RatingScale
from claimdesk.gui.menus import Act, MenuSpec
from claimdesk.gui.panels.claims_panel import ClaimsPanel
from claimdesk.gui.panels.detail_pane import DetailPane
from claimdesk.gui.windows.article_opener import ArticleOpener
from claimdesk.gui.windows.bundle_actions import BundleActions
from claimdesk.gui.windows.commands import RATING_KEYS, Commands
from claimdesk.gui.windows.dialog_opener import Dialogs


def main_menus(
    *,
    files: ArticleOpener,
    bundles: BundleActions,
    commands: Commands,
    dialogs: Dialogs,
    panel: ClaimsPanel,
    detail: DetailPane,
    quit_app: Callable[[], object],
    reextract: Callable[[], None],
) -> MenuSpec:
    """The menu bar's table; the Rating menu's scale entries come from `set_rating_actions`."""
    status_acts = [
        Act(
            f"status_{st.value}",
            f"Mark as {st.label.lower()}",
            _status_key(detail, st),
            f"Ctrl+{i}",
        )
        for i, st in enumerate(ClaimStatus, start=1)
    ]
    return [
        ("&File", [
            Act("openAction", "&Open…", files.choose_files, QKeySequence.StandardKey.Open),
            Act("importFolderAction", "Import &folder…", files.choose_folder, "Ctrl+Shift+O"),
            Act("exportAction", "&Export report…", dialogs.export_report, "Ctrl+Shift+E"),
            None,
            Act("exportBundleAction", "Export case &bundle…", bundles.choose_export),
            Act("importBundleAction", "&Import case bundle…", bundles.choose_import),
            None,
            Act("restoreBackupAction", "&Restore from backup…", dialogs.restore_backup),
            None,
            Act("quitAction", "&Quit", quit_app, QKeySequence.StandardKey.Quit),
        ]),
        ("&Edit", [
            Act("undoAction", "&Undo", commands.undo, QKeySequence.StandardKey.Undo),
            Act("redoAction", "&Redo", commands.redo, "Ctrl+Shift+Z"),
            None,
            Act("searchAction", "&Search the desk…", dialogs.open_search, "Ctrl+Shift+F"),
            None,
            Act("settingsAction", "Se&ttings…", dialogs.open_settings, "Ctrl+,"),
        ]),
        ("&Article", [
            Act("articlePropertiesAction", "&Properties…", dialogs.edit_metadata, "Ctrl+I"),
            Act("reextractAction", "Find claims &again", reextract),
        ]),
        ("&Claim", [
            Act("nextClaimAction", "&Next claim", lambda: panel.step(1), "Alt+Down"),
            Act("previousClaimAction", "&Previous claim", lambda: panel.step(-1), "Alt+Up"),
            Act("nextUncheckedAction", "Next &unchecked claim", commands.next_unchecked, "Ctrl+J"),
            None,
            *status_acts,
            Act("focusVerdictAction", "Edit &verdict", detail.focus_verdict, "Ctrl+E"),
            Act("addSourceAction", "Add &source…", detail.add_source, "Ctrl+Shift+N"),
            Act("clipboardSourceAction", "Add source from &clipboard URL",
                commands.add_source_from_clipboard, "Ctrl+Shift+V"),
            None,
            Act("addClaimAction", "&Add claim from selection",
                commands.add_claim_from_selection, "Ctrl+M"),
            Act("adjustSpanAction", "Ad&just claim to selection", commands.adjust_span,
                "Ctrl+Shift+M"),
            Act("splitClaimAction", "Sp&lit claim at cursor", commands.split_at_cursor,
                "Ctrl+Shift+K"),
            Act("mergeClaimAction", "&Merge with next claim", commands.merge_with_next,
                "Ctrl+Shift+J"),
            Act("deleteClaimAction", "&Delete claim…", commands.delete_claim, "Ctrl+Delete"),
        ]),
        ("&View", [
            Act("showAllAction", "Show &every sentence", panel.show_all.setChecked,
                "Ctrl+Shift+A", checkable=True),
            Act("filterAction", "&Filter claims", panel.focus_filter,
                QKeySequence.StandardKey.Find),
        ]),
        ("&Rating", [
            Act("clearRatingAction", "&Not rated", lambda: commands.rate(0), "Alt+0"),
        ]),
        ("&Help", [
            Act("shortcutsAction", "&Keyboard shortcuts", dialogs.show_shortcuts, "F1"),
            Act("aboutAction", "&About ClaimDesk", dialogs.show_about),
        ]),
    ]  # fmt: skip


def _status_key(detail: DetailPane, status: ClaimStatus) -> Callable[[], None]:
    return lambda: detail.set_status(status)


def set_rating_actions(
    window: QMainWindow,
    actions: dict[str, QAction],
    scale: RatingScale,
    rate: Callable[[int], None],
) -> None:
    """Alt+1 … Alt+9 give the current claim the scale's ratings, in scale order."""
    menu = window.menuBar().findChild(QMenu, "menuRating")
    assert menu is not None, "the Rating menu is declared in main_menus"
    for name in [n for n in actions if n.startswith("rateAction")]:
        action = actions.pop(name)
        menu.removeAction(action)
        window.removeAction(action)
        action.deleteLater()
    for number, rating in enumerate(scale.ratings[:RATING_KEYS], start=1):
        action = QAction(rating.name, window)
        action.setObjectName(f"rateAction{number}")
        action.setShortcut(QKeySequence(f"Alt+{number}"))
        action.triggered.connect(lambda _c=False, n=number: rate(n))
        menu.addAction(action)
        window.addAction(action)
        actions[action.objectName()] = action
