"""The Settings dialog: checker, organisation, rating scale, threshold, theme, database."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import DeskSettings, Theme
from claimdesk.errors import KnownError
from claimdesk.gui.dialogs.review_setting import ReviewRequiredBox
from claimdesk.gui.dialogs.scale_editor import (
    RatingScaleEditor,
    drafts_of,
    named,
    note,
    shown_alike,
)
from claimdesk.gui.dialogs.settings_parts import (
    BUSY_MESSAGE,
    DATABASE_FILTER,
    IMAGE_FILTER,
    apply_now,
    error_label,
    file_dialog,
    form_page,
    side_by_side,
    url_problem,
    without_mnemonic,
)
from claimdesk.gui.dialogs.shared_desk import shared_desk_button
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.i18n import LANGUAGES, label, store_language, stored_language
from claimdesk.gui.theme import is_dark
from claimdesk.services import backups, desk_settings
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench
from claimdesk.services.write_path import WriteBusy

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)
TAB_ORGANISATION = 1
TAB_SCALE = 2


class SettingsDialog(QDialog):
    """Edits the DeskSettings and the rating scale; Save stores both or neither.

    Save checks everything first (inline for the web address, otherwise through the
    services' own pure checks), then stores the scale, the one step the Workbench can
    still refuse (a removed rating in use), and only then the settings. The theme is
    previewed when picked and put back on Cancel.
    """

    settingsChanged = Signal(object)  # Changes of the save
    deskSettingsSaved = Signal(object)  # DeskSettings as stored
    ratingScaleChanged = Signal(object)  # RatingScale, only when the scale was saved
    openDatabaseRequested = Signal(object)  # Path of a database to open, or a server address
    newDatabaseRequested = Signal(object)  # Path of a database file to create

    ERROR_COLORS = ("#c62828", "#ff8a80")  # on light, on dark windows

    def __init__(
        self, parent: QWidget | None, workbench: Workbench, errors: ErrorReporter,
        database_path: Path, ui_settings: QSettings | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(640, 480)
        self.workbench, self.errors = workbench, errors
        self.database_path = Path(database_path)
        self._stored = workbench.settings()
        self._stored_scale = drafts_of(workbench.rating_scale())

        self.checker_name = named(QLineEdit(), "settingsCheckerName")
        self.checker_name.setPlaceholderText(desk_settings.os_user() or self.tr("Your name"))
        checker = form_page([
            (self.tr("Your &name:"), self.checker_name),
            note(self.tr("Recorded on verdicts, notes and in each claim's history. Left "
                         "empty, your login name (on a shared desk: your database user) "
                         "is used.")),
        ])  # fmt: skip

        self.org_name = named(QLineEdit(), "settingsOrgName")
        self.org_url = named(QLineEdit(placeholderText="https://…"), "settingsOrgUrl")
        self.org_url_error = error_label("settingsOrgUrlError")
        self.org_logo = named(QLineEdit(), "settingsOrgLogo")
        self.org_logo.setPlaceholderText(self.tr("An image file for reports (optional)"))
        self.logo_preview = named(QLabel(minimumHeight=64), "settingsOrgLogoPreview")
        choose_logo = named(QPushButton(self.tr("C&hoose…")), "settingsOrgLogoChoose")
        clear_logo = named(QPushButton(self.tr("Cl&ear")), "settingsOrgLogoClear")
        organisation = form_page([
            (self.tr("&Name:"), self.org_name),
            (self.tr("&Web address:"), self.org_url),
            ("", self.org_url_error),
            (self.tr("&Logo:"), side_by_side(self.org_logo, choose_logo, clear_logo)),
            ("", self.logo_preview),
            note(self.tr("Reports and ClaimReview exports name the organisation as the "
                         "author.")),
        ])  # fmt: skip

        self.scale = RatingScaleEditor(self._stored_scale)

        self.threshold = named(QDoubleSpinBox(), "settingsThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.review_required = ReviewRequiredBox(workbench)
        claims = form_page([
            (self.tr("Check-worthiness &threshold:"), side_by_side(self.threshold, stretch=True)),
            note(self.tr("Sentences scoring below this stay out of the claims list until you "
                         "choose View → Show every sentence; claims you have worked on are "
                         "always listed.")),
            self.review_required,
            self.review_required.last_change,
        ])  # fmt: skip

        self.theme = named(QComboBox(), "settingsTheme")
        for theme in Theme:
            self.theme.addItem(label(theme.value.capitalize()), theme.value)
        self.ui_settings = ui_settings
        self.language = named(QComboBox(), "settingsLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(QCoreApplication.translate("Language", name), code)
        self.language.setEnabled(ui_settings is not None)
        self.language_note = named(note(""), "settingsLanguageNote")
        appearance = form_page([
            (self.tr("&Theme:"), side_by_side(self.theme, stretch=True)),
            note(self.tr("System follows your desktop's light or dark setting.")),
            (self.tr("Interface &language:"), side_by_side(self.language, stretch=True)),
            self.language_note,
        ])  # fmt: skip

        self.database_label = named(QLabel(str(self.database_path)), "settingsDatabasePath")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_db = named(QPushButton(self.tr("Open &another database…")), "settingsOpenDatabase")
        new_db = named(QPushButton(self.tr("&New database…")), "settingsNewDatabase")
        self.database_error = error_label("settingsDatabaseError")
        self.backups_keep = named(QSpinBox(), "settingsBackupsKeep")
        self.backups_keep.setRange(1, backups.MAX_KEEP)
        database = form_page([
            (self.tr("Current database:"), self.database_label),
            side_by_side(open_db, new_db, shared_desk_button(self, self.openDatabaseRequested),
                         stretch=True),
            self.database_error,
            (self.tr("&Backups to keep:"), side_by_side(self.backups_keep, stretch=True)),
            note(self.tr("The file is copied once a day and before upgrades and bundle "
                         "imports; older copies beyond this number are deleted. File → "
                         "Restore from backup… brings one back.")),
            note(self.tr("Articles, claims, verdicts, sources and these settings live in the "
                         "database file. Switching closes this dialog without saving changes "
                         "made here.")),
        ])  # fmt: skip

        self.tabs = named(QTabWidget(), "settingsTabs")
        self.tabs.setAccessibleName(self.windowTitle())
        # Every tab shows: in Spanish the row was wider than the dialog, and the last
        # tabs hid behind scroll arrows ("Base d…").
        self.tabs.setUsesScrollButtons(False)
        for page, title in (
            (checker, self.tr("&Checker")), (organisation, self.tr("&Organisation")),
            (self.scale, self.tr("&Rating scale")), (claims, self.tr("Clai&ms")),
            (appearance, self.tr("A&ppearance")), (database, self.tr("&Database")),
        ):  # fmt: skip
            self.tabs.addTab(page, title)
        self.scale.view.setAccessibleName(without_mnemonic(self.tabs.tabText(2)))  # its page
        self.buttons = named(QDialogButtonBox(), "settingsButtons")
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        # The set minimum would otherwise win over the row of tabs the layout needs.
        self.setMinimumWidth(max(640, layout.minimumSize().width()))

        self._color_errors()
        self.load(self._stored)
        # Keyboard first: the dialog opens in its first field, not on the row of tabs.
        self.checker_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.org_url.textChanged.connect(self._check_url)
        self.org_logo.textChanged.connect(self._show_logo)
        choose_logo.clicked.connect(self.choose_logo)
        clear_logo.clicked.connect(self.org_logo.clear)
        open_db.clicked.connect(self.choose_database)
        new_db.clicked.connect(self.choose_new_database)
        self.theme.currentIndexChanged.connect(lambda: apply_now(self.chosen_theme()))
        self.language.currentIndexChanged.connect(self._language_note)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._color_errors()
        super().changeEvent(event)

    def _color_errors(self) -> None:
        color = self.ERROR_COLORS[is_dark(self.palette())]
        for error in (self.org_url_error, self.database_error):
            error.setStyleSheet(f"color: {color};")

    # ------------------------------------------------------------------ values

    def load(self, settings: DeskSettings) -> None:
        self.checker_name.setText(settings.checker_name)
        self.org_name.setText(settings.org_name)
        self.org_url.setText(settings.org_url)
        self.org_logo.setText(settings.org_logo)
        self.threshold.setValue(settings.threshold)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme.value)))
        self.backups_keep.setValue(settings.backups_keep)
        if self.ui_settings is not None:
            self.language.setCurrentIndex(
                max(0, self.language.findData(stored_language(self.ui_settings)))
            )
        self._language_note()
        self._check_url()
        self._show_logo()

    def desk_settings(self) -> DeskSettings:
        """The settings as the dialog shows them (not yet stored)."""
        return DeskSettings(
            checker_name=self.checker_name.text(),
            org_name=self.org_name.text(),
            org_url=self.org_url.text(),
            org_logo=self.org_logo.text(),
            threshold=round(self.threshold.value(), 2),
            theme=self.chosen_theme(),
            backups_keep=self.backups_keep.value(),
        )

    def chosen_theme(self) -> Theme:
        return Theme(self.theme.currentData())

    def chosen_language(self) -> str:
        return str(self.language.currentData() or "")

    def _language_note(self) -> None:
        # The window is built in one language; switching it live is not worth the risk
        # of half-translated widgets, so a changed choice applies at the next start.
        stored = stored_language(self.ui_settings) if self.ui_settings is not None else ""
        later = self.chosen_language() != stored
        self.language_note.setText(
            self.tr("The new language applies after ClaimDesk restarts.")
            if later
            else self.tr("Dates and numbers follow the interface language.")
        )

    def _check_url(self) -> bool:
        problem = url_problem(self.org_url.text())
        self.org_url_error.setText(problem)
        self.org_url_error.setVisible(bool(problem))
        return not problem

    def _show_logo(self) -> None:
        path = self.org_logo.text().strip()
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        if not pixmap.isNull():
            self.logo_preview.setPixmap(pixmap.scaled(
                160, 64, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ))  # fmt: skip
        elif not path:
            self.logo_preview.setText(self.tr("No logo"))
        elif not Path(path).is_file():
            self.logo_preview.setText(self.tr("There is no file at that path."))
        else:
            self.logo_preview.setText(self.tr("That file is not an image ClaimDesk can read."))

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Store everything, or show what is wrong and store nothing; True when saved."""
        if not self._check_url():
            self.tabs.setCurrentIndex(TAB_ORGANISATION)
            self.org_url.setFocus()
            return False
        settings = self.desk_settings()
        drafts = self.scale.model.drafts()
        alike = shown_alike(drafts) if drafts != self._stored_scale else None
        if alike is not None:  # a bundle's verdicts could take the one that is not meant
            name, first, second = alike
            self.tabs.setCurrentIndex(TAB_SCALE)
            self.errors.known(
                self.tr(
                    "Two ratings read “{name}” in this language (rows {first} and {second}); "
                    "give each its own name."
                ).format(name=name, first=first, second=second)
            )
            return False
        changes = Changes()
        try:
            desk_settings.normalised(settings)  # pure: refuses before anything is written
            # Never wait on the GUI thread: while the lock is taken the dialog stays open
            # with its values and asks for another click (gui/write_queue.py's rule).
            with self.workbench.quick():
                if drafts != self._stored_scale:
                    changes |= self.workbench.save_rating_scale(drafts, self._stored_scale)
                    scale = self.workbench.rating_scale()
                    self._stored_scale = drafts_of(scale)
                    self.scale.model.reload(self._stored_scale)  # new ratings now have ids
                    self.ratingScaleChanged.emit(scale)
                changes |= self.workbench.save_settings(settings)
                changes |= self.review_required.save()
        except WriteBusy:
            if changes:
                self.settingsChanged.emit(changes)
            self.errors.known(self.tr(BUSY_MESSAGE))
            return False
        except KnownError as exc:
            if changes:  # only a failing disk gets here after the scale was stored
                self.settingsChanged.emit(changes)
            if isinstance(exc, desk_settings.ScaleChanged):  # show the scale as it is now
                scale = self.workbench.rating_scale()
                self._stored_scale = drafts_of(scale)
                self.scale.model.reload(self._stored_scale)
                self.ratingScaleChanged.emit(scale)
            self.errors.report(exc)
            return False
        self._stored = self.workbench.settings()
        if self.ui_settings is not None:
            try:
                store_language(self.ui_settings, self.chosen_language())
            except KnownError as exc:  # the desk's settings are saved: say it, close
                self.errors.report(exc)
        self.deskSettingsSaved.emit(self._stored)
        self.settingsChanged.emit(changes)
        self.accept()
        return True

    def reject(self) -> None:
        if self.chosen_theme() is not self._stored.theme:
            apply_now(self._stored.theme)
        super().reject()

    # ------------------------------------------------------------------ files

    def choose_logo(self) -> QFileDialog:
        """Ask for the logo image (non-blocking; returns the open dialog)."""
        folder = Path(self.org_logo.text().strip() or Path.home() / "-").parent
        dialog = file_dialog(
            self, "settingsLogoDialog", self.tr("Organisation logo"), folder, IMAGE_FILTER
        )
        dialog.fileSelected.connect(self.org_logo.setText)
        dialog.open()
        return dialog

    def choose_database(self) -> QFileDialog:
        dialog = file_dialog(
            self, "settingsOpenDatabaseDialog", self.tr("Open another database"),
            self.database_path.parent, DATABASE_FILTER,
        )  # fmt: skip
        dialog.fileSelected.connect(lambda path: self.request_open(Path(path)))
        dialog.open()
        return dialog

    def choose_new_database(self) -> QFileDialog:
        dialog = file_dialog(
            self, "settingsNewDatabaseDialog", self.tr("New database"), self.database_path.parent,
            DATABASE_FILTER,
        )  # fmt: skip
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite3")
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # request_new refuses it
        dialog.fileSelected.connect(lambda path: self.request_new(Path(path)))
        dialog.open()
        return dialog

    def request_open(self, path: Path) -> bool:
        """Close the dialog (unsaved edits are dropped) and ask for `path` to be opened."""
        path = path.expanduser().resolve()
        if not path.is_file():
            self.database_error.setText(
                self.tr("There is no database file at {path}.").format(path=path)
            )
            return False
        if path == self.database_path.expanduser().resolve():
            self.database_error.setText(self.tr("That database is the one open now."))
            return False
        self.reject()
        self.openDatabaseRequested.emit(path)
        return True

    def request_new(self, path: Path) -> bool:
        """Close the dialog and ask for a new, empty database at `path`."""
        path = path.expanduser().resolve()
        if path.exists():
            self.database_error.setText(
                self.tr(
                    "{name} already exists: open it with “Open another database…”, or give "
                    "the new database another name."
                ).format(name=path.name)
            )
            return False
        self.reject()
        self.newDatabaseRequested.emit(path)
        return True
