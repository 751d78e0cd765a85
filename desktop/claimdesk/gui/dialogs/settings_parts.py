"""Pieces of the Settings dialog: its messages, file filters, URL check and page builders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from claimdesk.domain import Theme
from claimdesk.gui.dialogs.scale_editor import named
from claimdesk.gui.i18n import QT_TRANSLATE_NOOP
from claimdesk.gui.theme import apply_theme

# Strings keep the "SettingsDialog" context: translators see them with the dialog's own.
#: Save found the write lock taken (a bundle import, another ClaimDesk writing).
BUSY_MESSAGE = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "ClaimDesk is still saving other work (a bundle import or another ClaimDesk). "
    "Your settings are kept here: click Save again in a moment.",
)

DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "SettingsDialog", "ClaimDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"
)
IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Images (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp);;All files (*)"
)


def error_label(name: str) -> QLabel:
    """An inline error message; SettingsDialog recolours it when the theme changes."""
    return named(QLabel(wordWrap=True), name)


def url_problem(text: str) -> str:
    """What is wrong with an organisation's web address ("" when fine or empty)."""
    text = text.strip()
    if not text:
        return ""
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    if url.scheme().lower() not in ("http", "https"):
        return QCoreApplication.translate(
            "SettingsDialog",
            "The address must start with http:// or https://, e.g. https://example.org",
        )
    if not url.isValid() or not url.host() or " " in text:
        return QCoreApplication.translate(
            "SettingsDialog",
            "That is not a complete web address; it should look like https://example.org",
        )
    return ""


def without_mnemonic(text: str) -> str:
    """`text` as a screen reader should say it: "&&" is "&", a lone "&" marks a letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def side_by_side(*widgets: QWidget, stretch: bool = False) -> QWidget:
    """Widgets side by side; the first is the row's focus proxy (and its label's buddy)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == 0 and not stretch else 0)
    if stretch:
        layout.addStretch()
    row.setFocusProxy(widgets[0])
    return row


def form_page(rows: list[tuple[str, QWidget] | QWidget]) -> QWidget:
    """One tab of the dialog: labelled rows (text, field) and full-width widgets."""
    page = QWidget()
    form = QFormLayout(page)
    for row in rows:
        if isinstance(row, tuple):
            text, field = row
            label = QLabel(text)
            # A row of widgets takes no focus itself: the & mnemonic goes to its first.
            proxy = field.focusProxy()
            label.setBuddy(proxy or field)
            if proxy is not None:
                # Qt names a field after a label beside it, not one outside its row.
                proxy.setAccessibleName(without_mnemonic(text))
            form.addRow(label, field)
        else:
            form.addRow(row)
    return page


def file_dialog(
    parent: QWidget, name: str, caption: str, folder: Path, filters: str
) -> QFileDialog:
    """A non-modal picker for one existing file; `filters` is one of the filters above."""
    translated = QCoreApplication.translate("SettingsDialog", filters)
    dialog = named(QFileDialog(parent, caption, str(folder), translated), name)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def apply_now(theme: Theme) -> None:
    """Show `theme` at once (a preview while the dialog is open)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, theme)
