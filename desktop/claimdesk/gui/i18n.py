"""The interface language: the stored choice, Qt translators, locale formats, core labels."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from claimdesk.domain import SpeakerKind
from claimdesk.domain.clock import local
from claimdesk.domain.factchecks import FactCheck, FactCheckSource
from claimdesk.errors import KnownError
from claimdesk.paths import resource_path

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Marks `text` for lupdate in `context`; it is translated where it is shown.

    PySide6's own marker is typed as returning object; this one keeps str for mypy.
    """
    return text


#: Where ui.ini keeps the choice: a per-user preference like the window geometry, not
#: data that travels with the database file (a shared desk may have readers of both).
LANGUAGE_KEY = "interface/language"
#: Stored value and the name shown in the Settings dialog; "" follows the system.
#: Language names are written in their own language so a lost user can find theirs.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("", QT_TRANSLATE_NOOP("Language", "System")),
    ("en", "English"),
    ("es", "Español"),
)
#: Languages with a claimdesk_<code>.qm (English is the source language).
TRANSLATED = ("es",)
# The source language's claimdesk_en.qm holds only the plural forms of the %n strings, so
# that an English window reads "1 claim" and "2 claims", not "claim(s)". (Plain comments
# here: lupdate would file a "#:" one as a translator's note on the next marked string.)
SOURCE_LANGUAGE = "en"
_INSTALLED = "_claimdesk_translators"


def stored_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in {code for code, _ in LANGUAGES} else ""


def store_language(settings: QSettings, code: str) -> None:
    """Keep the choice for the next start; a ui.ini Qt cannot write is a KnownError."""
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise KnownError(
            f"The interface language could not be kept in {settings.fileName()}, so the "
            "next start keeps the present one. Check that this file and its folder can "
            "be written."
        )


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language the window will speak: the choice, or the system's when translated."""
    if choice:
        return choice
    code = (system or QLocale.system()).name().split("_")[0]
    return code if code in TRANSLATED else "en"


def locale_for(choice: str, system: QLocale | None = None) -> QLocale:
    """Dates and numbers: the system's conventions when they are in the chosen language."""
    system = system or QLocale.system()
    language = resolve(choice, system)
    if not choice or system.name().split("_")[0] == language:
        return system
    if language == "en" and system.language() == QLocale.Language.C:
        return system
    return QLocale(language)


def install(app: QCoreApplication, choice: str, folder: str | None = None) -> str:
    """Install the translators for `choice` (before any window is built); the language.

    `folder` holds claimdesk_<code>.qm (default: the bundled resources/translations,
    compiled there by make); a missing file leaves the window in English and logs it
    (in English, a missing claimdesk_en.qm leaves the counts as "claim(s)").
    """
    for old in getattr(app, _INSTALLED, []):
        app.removeTranslator(old)
    language = resolve(choice)
    QLocale.setDefault(locale_for(choice))
    installed: list[QTranslator] = []
    # Ours: a translation, or for English (SOURCE_LANGUAGE) its plural forms.
    wanted = [(f"claimdesk_{language}", [folder or str(resource_path("translations"))])]
    if language in TRANSLATED:
        # Qt's own strings: standard buttons, file dialogs, context menus.
        wanted.append((f"qtbase_{language}", _qt_translation_folders()))
    for name, places in wanted:
        translator = QTranslator(app)
        if any(translator.load(name, where) for where in places):
            app.installTranslator(translator)
            installed.append(translator)
        elif language == SOURCE_LANGUAGE:
            log.warning("no translation %s in %s; counts read as 'claim(s)'", name, places)
        else:
            log.warning("no translation %s in %s; that part stays in English", name, places)
    setattr(app, _INSTALLED, installed)  # kept on the app, not in a global
    return language


def _qt_translation_folders() -> list[str]:
    """Where Qt's own .qm files are: Qt's configured path, else beside the PySide6 package."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / "Qt" / "translations"  # the frozen app's copy
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(bundled)]


# ------------------------------------------------------------------ formats


def _iso_wanted() -> bool:
    # The C/POSIX locale states no preference: ISO dates, as before translation existed.
    return QLocale().language() == QLocale.Language.C


def format_datetime(when: datetime, seconds: bool = False) -> str:
    """A stored time (naive UTC, domain/clock.py) in this machine's local zone, in the
    interface locale's short format."""
    when = local(when)
    if _iso_wanted():
        return f"{when:%Y-%m-%d %H:%M:%S}" if seconds else f"{when:%Y-%m-%d %H:%M}"
    locale = QLocale()
    fmt = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt:
        fmt = fmt.replace(":mm", ":mm:ss", 1)
    return locale.toString(QDateTime(when), fmt)


def format_date(day: date) -> str:
    if _iso_wanted():
        return day.isoformat()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def format_number(value: int | float, decimals: int = 2) -> str:
    """A count (int) or a score (float) with the locale's digit grouping and decimal mark."""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


# ------------------------------------------------------------------ labels from the core

#: English labels the core (domain, storage) hands the window, marked for lupdate and
#: translated when shown. Free-form KnownError sentences stay English (see README).
LABELS = (
    # ClaimStatus
    QT_TRANSLATE_NOOP("Labels", "To do"),
    QT_TRANSLATE_NOOP("Labels", "In progress"),
    QT_TRANSLATE_NOOP("Labels", "Done"),
    # ClaimType
    QT_TRANSLATE_NOOP("Labels", "Quantity"),
    QT_TRANSLATE_NOOP("Labels", "Quote"),
    QT_TRANSLATE_NOOP("Labels", "Prediction"),
    QT_TRANSLATE_NOOP("Labels", "Cause & effect"),
    QT_TRANSLATE_NOOP("Labels", "Comparison"),
    QT_TRANSLATE_NOOP("Labels", "Rules & laws"),
    QT_TRANSLATE_NOOP("Labels", "Personal experience"),
    QT_TRANSLATE_NOOP("Labels", "Date & time"),
    # Stance
    QT_TRANSLATE_NOOP("Labels", "Supports"),
    QT_TRANSLATE_NOOP("Labels", "Contradicts"),
    QT_TRANSLATE_NOOP("Labels", "Context"),
    # SpeakerKind (shown by speaker_kind_label)
    QT_TRANSLATE_NOOP("Labels", "Person"),
    QT_TRANSLATE_NOOP("Labels", "Organisation"),
    QT_TRANSLATE_NOOP("Labels", "Place"),
    # ReviewState and Queue (domain/review.py)
    QT_TRANSLATE_NOOP("Labels", "Draft"),
    QT_TRANSLATE_NOOP("Labels", "Needs review"),
    QT_TRANSLATE_NOOP("Labels", "Approved"),
    QT_TRANSLATE_NOOP("Labels", "Mine"),
    QT_TRANSLATE_NOOP("Labels", "Unassigned"),
    QT_TRANSLATE_NOOP("Labels", "Needs my review"),
    # Theme
    QT_TRANSLATE_NOOP("Labels", "System"),
    QT_TRANSLATE_NOOP("Labels", "Light"),
    QT_TRANSLATE_NOOP("Labels", "Dark"),
    # The default rating scale (storage/db.py); renamed ratings are shown as typed.
    QT_TRANSLATE_NOOP("Labels", "True"),
    QT_TRANSLATE_NOOP("Labels", "Mostly true"),
    QT_TRANSLATE_NOOP("Labels", "Half true"),
    QT_TRANSLATE_NOOP("Labels", "Mostly false"),
    QT_TRANSLATE_NOOP("Labels", "False"),
    QT_TRANSLATE_NOOP("Labels", "Misleading"),
    QT_TRANSLATE_NOOP("Labels", "Unverifiable"),
    # Report formats (reports/export.py FORMATS), as the export dialog lists them.
    QT_TRANSLATE_NOOP("Labels", "Web page (HTML)"),
    QT_TRANSLATE_NOOP("Labels", "PDF document"),
    QT_TRANSLATE_NOOP("Labels", "Word document (DOCX)"),
    QT_TRANSLATE_NOOP("Labels", "Spreadsheet (CSV)"),
    QT_TRANSLATE_NOOP("Labels", "Data (JSON)"),
)


def label(text: str) -> str:
    """A core label (status, claim type, stance, theme, default rating) for display."""
    return QCoreApplication.translate("Labels", text)


def checked_rating(check: FactCheck) -> str:
    """An earlier check's rating for display: the desk's own verdict is rated on the desk's
    scale (its default names shown translated, like the rating menu); a publisher's
    rating is shown as the publisher wrote it."""
    return label(check.rating) if check.source is FactCheckSource.DESK else check.rating


def speaker_kind_label(kind: SpeakerKind) -> str:
    """"Person", "Organisation" or "Place", translated."""
    return label(kind.value.capitalize())
