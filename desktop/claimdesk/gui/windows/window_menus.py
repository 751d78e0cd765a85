"""The main window's menus: every action with its name, text, handler and keys, in one table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from claimdesk.domain import ClaimStatus, RatingScale
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP, label
from claimdesk.gui.menus import Act, MenuSpec, plain
from claimdesk.gui.panels.checked_before import ACCEPT_KEYS
from claimdesk.gui.panels.claims_panel import ClaimsPanel
from claimdesk.gui.panels.detail_pane import DetailPane
from claimdesk.gui.windows.article_opener import ArticleOpener
from claimdesk.gui.windows.bundle_actions import BundleActions
from claimdesk.gui.windows.checked_before import CheckedBefore
from claimdesk.gui.windows.commands import RATING_KEYS, Commands
from claimdesk.gui.windows.dialog_opener import Dialogs
from claimdesk.gui.windows.factcheck_import import FactCheckImporter
from claimdesk.gui.windows.review_actions import (
    APPROVE_KEYS,
    ASSIGN_KEYS,
    REQUEST_KEYS,
    ReviewActions,
)


def main_menus(
    *,
    files: ArticleOpener,
    factchecks: FactCheckImporter,
    checked: CheckedBefore,
    bundles: BundleActions,
    commands: Commands,
    dialogs: Dialogs,
    panel: ClaimsPanel,
    detail: DetailPane,
    review: ReviewActions,
    quit_app: Callable[[], object],
    reextract: Callable[[], None],
) -> MenuSpec:
    """The menu bar's table; the Rating menu's scale entries come from `set_rating_actions`."""
    status_acts = [
        Act(f"status_{st.value}", _MARK_AS[st], _status_key(detail, st), f"Ctrl+{i}")
        for i, st in enumerate(ClaimStatus, start=1)
    ]
    return [
        (QT_TRANSLATE_NOOP("Menus", "&File"), [
            Act("openAction", QT_TRANSLATE_NOOP("Menus", "&Open…"),
                files.choose_files, QKeySequence.StandardKey.Open),
            Act("importFolderAction", QT_TRANSLATE_NOOP("Menus", "Import &folder…"),
                files.choose_folder, "Ctrl+Shift+O"),
            Act("exportAction", QT_TRANSLATE_NOOP("Menus", "&Export report…"),
                dialogs.export_report, "Ctrl+Shift+E"),
            Act("importFactChecksAction", QT_TRANSLATE_NOOP("Menus", "Import fact-&checks…"),
                factchecks.choose_files),
            None,
            Act("exportBundleAction", QT_TRANSLATE_NOOP("Menus", "Export case &bundle…"),
                bundles.choose_export),
            Act("importBundleAction", QT_TRANSLATE_NOOP("Menus", "&Import case bundle…"),
                bundles.choose_import),
            None,
            Act("restoreBackupAction", QT_TRANSLATE_NOOP("Menus", "&Restore from backup…"),
                dialogs.restore_backup),
            None,
            Act("quitAction", QT_TRANSLATE_NOOP("Menus", "&Quit"),
                quit_app, QKeySequence.StandardKey.Quit),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&Edit"), [
            Act("undoAction", QT_TRANSLATE_NOOP("Menus", "&Undo"),
                commands.undo, QKeySequence.StandardKey.Undo),
            Act("redoAction", QT_TRANSLATE_NOOP("Menus", "&Redo"), commands.redo, "Ctrl+Shift+Z"),
            None,
            Act("searchAction", QT_TRANSLATE_NOOP("Menus", "&Search the desk…"),
                dialogs.open_search, "Ctrl+Shift+F"),
            None,
            Act("settingsAction", QT_TRANSLATE_NOOP("Menus", "Se&ttings…"),
                dialogs.open_settings, "Ctrl+,"),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&Article"), [
            Act("articlePropertiesAction", QT_TRANSLATE_NOOP("Menus", "&Properties…"),
                dialogs.edit_metadata, "Ctrl+I"),
            Act("reextractAction", QT_TRANSLATE_NOOP("Menus", "Find claims &again"), reextract),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&Claim"), [
            Act("nextClaimAction", QT_TRANSLATE_NOOP("Menus", "&Next claim"),
                lambda: panel.step(1), "Alt+Down"),
            Act("previousClaimAction", QT_TRANSLATE_NOOP("Menus", "&Previous claim"),
                lambda: panel.step(-1), "Alt+Up"),
            Act("nextUncheckedAction", QT_TRANSLATE_NOOP("Menus", "Next &unchecked claim"),
                commands.next_unchecked, "Ctrl+J"),
            None,
            *status_acts,
            Act("focusVerdictAction", QT_TRANSLATE_NOOP("Menus", "Edit &verdict"),
                detail.focus_verdict, "Ctrl+E"),
            Act("addSourceAction", QT_TRANSLATE_NOOP("Menus", "Add &source…"),
                detail.add_source, "Ctrl+Shift+N"),
            Act("clipboardSourceAction",
                QT_TRANSLATE_NOOP("Menus", "Add source from &clipboard URL"),
                commands.add_source_from_clipboard, "Ctrl+Shift+V"),
            Act("acceptMatchAction",
                QT_TRANSLATE_NOOP("Menus", "Accep&t checked-before match as source"),
                checked.accept_selected, ACCEPT_KEYS),
            None,
            Act("assignAction", QT_TRANSLATE_NOOP("Menus", "Assi&gn to…"),
                review.assign_to, ASSIGN_KEYS),
            Act("requestReviewAction", QT_TRANSLATE_NOOP("Menus", "Re&quest review"),
                review.request_review, REQUEST_KEYS),
            Act("approveAction", QT_TRANSLATE_NOOP("Menus", "Appr&ove verdict"),
                review.approve, APPROVE_KEYS),
            None,
            Act("addClaimAction", QT_TRANSLATE_NOOP("Menus", "&Add claim from selection"),
                commands.add_claim_from_selection, "Ctrl+M"),
            Act("adjustSpanAction", QT_TRANSLATE_NOOP("Menus", "Ad&just claim to selection"),
                commands.adjust_span, "Ctrl+Shift+M"),
            Act("splitClaimAction", QT_TRANSLATE_NOOP("Menus", "Sp&lit claim at cursor"),
                commands.split_at_cursor, "Ctrl+Shift+K"),
            Act("mergeClaimAction", QT_TRANSLATE_NOOP("Menus", "&Merge with next claim"),
                commands.merge_with_next, "Ctrl+Shift+J"),
            Act("deleteClaimAction", QT_TRANSLATE_NOOP("Menus", "&Delete claim…"),
                commands.delete_claim, "Ctrl+Delete"),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&View"), [
            Act("showAllAction", QT_TRANSLATE_NOOP("Menus", "Show &every sentence"),
                panel.show_all.setChecked,
                "Ctrl+Shift+A", checkable=True),
            Act("filterAction", QT_TRANSLATE_NOOP("Menus", "&Filter claims"), panel.focus_filter,
                QKeySequence.StandardKey.Find),
            Act("columnsAction", QT_TRANSLATE_NOOP("Menus", "Table &columns…"),
                panel.show_column_menu),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&Rating"), [
            Act("clearRatingAction", QT_TRANSLATE_NOOP("Menus", "&Not rated"),
                lambda: commands.rate(0), "Alt+0"),
        ]),
        (QT_TRANSLATE_NOOP("Menus", "&Help"), [
            Act("shortcutsAction", QT_TRANSLATE_NOOP("Menus", "&Keyboard shortcuts"),
                dialogs.show_shortcuts, "F1"),
            Act("aboutAction", QT_TRANSLATE_NOOP("Menus", "&About ClaimDesk"), dialogs.show_about),
        ]),
    ]  # fmt: skip


_MARK_AS = {
    ClaimStatus.TODO: QT_TRANSLATE_NOOP("Menus", "Mark as to do"),
    ClaimStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Menus", "Mark as in progress"),
    ClaimStatus.DONE: QT_TRANSLATE_NOOP("Menus", "Mark as done"),
}


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
        action = QAction(plain(label(rating.name)), window)
        action.setObjectName(f"rateAction{number}")
        action.setShortcut(QKeySequence(f"Alt+{number}"))
        action.triggered.connect(lambda _c=False, n=number: rate(n))
        menu.addAction(action)
        window.addAction(action)
        actions[action.objectName()] = action
