"""The window's languages: a complete Spanish .ts, no string left out, real Spanish widgets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox

from claimdesk.domain import (
    ClaimStatus,
    ClaimType,
    Queue,
    ReviewState,
    SpeakerKind,
    Stance,
    Theme,
)
from claimdesk.gui.i18n import (
    LABELS,
    format_date,
    format_datetime,
    format_number,
    install,
    locale_for,
    resolve,
    stored_language,
)
from claimdesk.storage.db import DEFAULT_RATINGS
from tests.gui.conftest import wait_for_claims
from tests.gui.test_keyboard_focus import menu_mnemonics, widget_mnemonics

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "claimdesk_es.ts"
#: English is the source language: its .ts holds only the plural forms of the %n strings.
TS_EN = REPO / "resources" / "translations" / "claimdesk_en.ts"
GUI = REPO / "desktop" / "claimdesk" / "gui"
#: What a translation must carry over unchanged: {name} fields, %n counts, %1 arguments.
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d+")
#: A mnemonic: "&" before a letter ("Cause & effect" has none).
MNEMONIC = re.compile(r"&(?=\w)")
Key = tuple[str, str]


def _tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel, beside this Python (the venv's bin folder)."""
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} comes with PySide6; install the project's dependencies"
    return path


def compiled_and_installed(app: QApplication, tmp_path: Path, ts: Path, language: str) -> Path:
    """`ts` compiled into tmp_path/qm as claimdesk_<language>.qm and installed for
    `language` as at start-up; the folder."""
    folder = tmp_path / "qm"
    folder.mkdir()
    qm = folder / f"claimdesk_{language}.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert install(app, language, str(folder)) == language
    return folder


def messages(ts: Path) -> dict[Key, ET.Element]:
    """(context, source) → <message> of the current (not obsolete) strings of a .ts file."""
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = message.find("translation")
            if kind is not None and kind.get("type") in ("obsolete", "vanished"):
                continue
            out[(name, message.findtext("source") or "")] = message
    return out


def test_every_string_has_a_complete_spanish_translation() -> None:
    found = messages(TS)
    assert len(found) > 300
    problems = []
    for (context, source), message in found.items():
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        assert translation is not None, where
        if translation.get("type") == "unfinished":
            problems.append(f"{where} is unfinished")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if len(forms) != 2:  # Spanish: one, other
                problems.append(f"{where} has {len(forms)} plural forms, not 2")
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: {form!r} changes the placeholders")
            if len(MNEMONIC.findall(form)) != len(MNEMONIC.findall(source)):
                problems.append(f"{where}: {form!r} loses or adds a keyboard mnemonic")
    assert not problems, "\n".join(problems)


def test_lupdate_over_the_sources_finds_no_string_the_ts_lacks(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code, in_ts = set(messages(fresh)), set(messages(TS))
    assert len(in_code) > 300
    assert not in_code - in_ts, f"run `make translations` and translate: {in_code - in_ts}"
    assert not in_ts - in_code, f"gone from the code, run `make translations`: {in_ts - in_code}"
    # A context of "" means lupdate misread a call (e.g. an alias of translate as `tr`).
    assert "" not in {context for context, _ in in_code}


def test_the_label_table_covers_every_label_the_core_shows() -> None:
    shown = {s.label for s in ClaimStatus} | {t.label for t in ClaimType}
    shown |= {s.label for s in Stance} | {t.value.capitalize() for t in Theme}
    shown |= {name for name, _value, _color in DEFAULT_RATINGS}
    shown |= {k.value.capitalize() for k in SpeakerKind}  # speaker_kind_label
    shown |= {r.label for r in ReviewState} | {q.label for q in Queue}
    assert shown - set(LABELS) == set()


# ------------------------------------------------------------------ English plurals


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """English installed as at start-up, its plural forms compiled here from the .ts."""
    yield compiled_and_installed(qapp, tmp_path, TS_EN, "en")
    install(qapp, "en")


def _conflict_intro(qtbot, count: int) -> str:
    from PySide6.QtWidgets import QLabel

    from claimdesk.exchange.merge import Conflict, Work
    from claimdesk.gui.dialogs.bundle_conflicts import BundleConflictsDialog

    mine = Work(ClaimStatus.IN_PROGRESS, "False", "Mine.", ())
    theirs = Work(ClaimStatus.TODO, None, "", ())
    conflicts = [Conflict(n, "Ports", "The port grew.", mine, theirs, "Ana") for n in range(count)]
    dialog = BundleConflictsDialog(None, "case.claimdesk", conflicts)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    return next(text for text in texts if text.startswith("case.claimdesk"))


def test_the_english_window_counts_in_english(english, qtbot) -> None:
    """"case.claimdesk has different work on 1 claim(s)": an English window read "(s)"
    wherever Qt counts, as English had no plural forms of its own."""
    assert _conflict_intro(qtbot, 1).startswith("case.claimdesk has different work on 1 claim ")
    assert _conflict_intro(qtbot, 2).startswith("case.claimdesk has different work on 2 claims ")


def test_the_spanish_window_keeps_its_own_plurals(spanish, qtbot) -> None:
    assert "sobre 1 afirmación en la que" in _conflict_intro(qtbot, 1)
    assert "sobre 2 afirmaciones en las que" in _conflict_intro(qtbot, 2)


def test_the_english_ts_has_both_forms_of_every_count_and_nothing_else(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    lupdate = [_tool("pyside6-lupdate"), "-locations", "none", "-pluralonly"]
    subprocess.run(
        [*lupdate, *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code, found = set(messages(fresh)), messages(TS_EN)
    assert in_code, "no %n string found in the window's code"
    assert in_code == set(found), "run `make translations` and write the English forms"
    problems = []
    for (context, source), message in found.items():
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        assert translation is not None, where
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if translation.get("type") == "unfinished" or len(forms) != 2:  # English: one, other
            problems.append(f"{where} is unfinished or lacks its singular and plural")
        for form in forms:
            if "(s)" in form or sorted(PLACEHOLDER.findall(form)) != sorted(
                PLACEHOLDER.findall(source)
            ):
                problems.append(f"{where}: {form!r}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ the window in Spanish


@pytest.fixture
def spanish(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Spanish installed as at start-up, from the .ts compiled here; English again after."""
    yield compiled_and_installed(qapp, tmp_path, TS, "es")
    install(qapp, "en")


def _mnemonics(texts: list[str]) -> list[str]:
    return [m.group(0)[1].casefold() for t in texts if (m := re.search(r"&\w", t))]


def test_spanish_menus_table_headers_and_message_box(spanish, make_window) -> None:
    window = make_window()
    bar = window.menuBar().actions()
    titles = [a.text() for a in bar]
    assert titles == [
        "&Archivo", "&Editar", "A&rtículo", "A&firmación", "&Ver", "&Calificación", "A&yuda",
    ]  # fmt: skip
    assert len(set(_mnemonics(titles))) == len(titles)
    # Alt+letter of a menu must open it, not go to a button or box of the window.
    clashes = {k: v for k, v in widget_mnemonics(window).items() if k in menu_mnemonics(window)}
    assert not clashes
    for top in bar:
        menu = top.menu()
        assert isinstance(menu, QMenu)
        letters = _mnemonics([a.text() for a in menu.actions() if not a.isSeparator()])
        assert len(set(letters)) == len(letters), f"{top.text()} repeats a mnemonic: {letters}"
    actions = window.menu_actions
    assert actions["openAction"].text() == "&Abrir…"
    assert actions["status_done"].text() == "Marcar como terminada"
    assert actions["rateAction1"].text() == "Verdadero"  # the default scale's "True"
    # Object names stay English in every language: tests and scripts find widgets by them.
    assert window.menuBar().findChild(QMenu, "menuRating") is not None

    model = window.claims_panel.table.model()
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert headers == [
        "#", "Afirmación", "Tipo", "Hablante", "Puntuación", "Veredicto", "Estado", "Fuentes",
        "Verificada antes",
    ]  # fmt: skip
    library = window.library.model()
    assert library.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Artículo"
    )
    assert window.article_view.placeholderText().startswith("Abra un artículo")

    box = window.errors.bug(RuntimeError("boom"), "traceback")
    assert box.windowTitle() == "ClaimDesk: error inesperado"
    assert box.text().startswith("Algo ha fallado dentro de ClaimDesk.")
    # Qt's own strings come from qtbase_es.qm.
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Aceptar"
    box.close()


def test_spanish_settings_dialog_and_language_setting(spanish, make_window) -> None:
    window = make_window()
    dialog = window.dialogs.open_settings()
    assert dialog.windowTitle() == "Configuración"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "&Verificador", "&Organización", "&Escala de calificación", "A&firmaciones",
        "A&pariencia", "&Base de datos",
    ]  # fmt: skip
    themes = [dialog.theme.itemText(i) for i in range(dialog.theme.count())]
    assert themes == ["Sistema", "Claro", "Oscuro"]
    languages = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert languages == ["Sistema", "English", "Español"]
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "Guardar"
    assert (
        dialog.language_note.text() == "Las fechas y los números siguen el idioma de la interfaz."
    )

    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert (
        dialog.language_note.text() == "El nuevo idioma se aplica después de reiniciar ClaimDesk."
    )
    assert dialog.save()
    assert stored_language(window.settings) == "en"


def test_english_by_default_and_a_chosen_language_is_stored(make_window, tmp_path: Path) -> None:
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Article", "&Claim", "&View", "&Rating", "&Help"]
    model = window.claims_panel.table.model()
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Claim"

    dialog = window.dialogs.open_settings()
    assert dialog.windowTitle() == "Settings"
    assert dialog.language.currentData() == ""  # System, until the checker chooses
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.language_note.text() == "The new language applies after ClaimDesk restarts."
    assert dialog.save()
    # Read back from the file, as the next start does before building the window.
    again = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert stored_language(again) == "es"


def test_a_language_that_cannot_be_stored_is_said(make_window, tmp_path: Path) -> None:
    window = make_window()
    (tmp_path / "ui.ini").mkdir()  # a shared machine's odd ui.ini: Qt cannot write it
    dialog = window.dialogs.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.save()
    boxes = [b for b in window.findChildren(QMessageBox, "knownErrorBox") if b.isVisible()]
    assert len(boxes) == 1, "the choice was dropped without a word"
    assert str(tmp_path / "ui.ini") in boxes[0].text()
    boxes[0].close()


def test_cancel_keeps_the_stored_language(make_window) -> None:
    window = make_window()
    dialog = window.dialogs.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.reject()
    assert stored_language(window.settings) == ""


# ------------------------------------------------------------------ locale formats

WHEN = datetime(2026, 3, 7, 14, 5, 9)


@pytest.mark.parametrize(
    ("locale", "when", "seconds", "day", "number"),
    [
        ("es_ES", "7/3/26 14:05", "7/3/26 14:05:09", "7/3/26", "1234,50"),
        ("en_US", "3/7/26 2:05 PM", "3/7/26 2:05:09 PM", "3/7/26", "1,234.50"),
        # The C locale states no preference: ISO dates, as before translation existed.
        ("C", "2026-03-07 14:05", "2026-03-07 14:05:09", "2026-03-07", "1234.50"),
    ],
)
def test_dates_and_numbers_follow_the_locale(
    locale: str, when: str, seconds: str, day: str, number: str
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:

        def plain(text: str) -> str:  # CLDR puts a narrow no-break space before "PM"
            return text.replace("\u202f", " ")

        assert plain(format_datetime(WHEN)) == when
        assert plain(format_datetime(WHEN, seconds=True)) == seconds
        assert format_date(date(2026, 3, 7)) == day
        assert format_number(1234.5) == number
    finally:
        QLocale.setDefault(before)


def test_the_spanish_window_formats_dates_the_spanish_way(spanish) -> None:
    assert format_datetime(WHEN) == "7/3/26 14:05"
    assert format_number(0.55) == "0,55"


def test_which_language_and_locale_a_choice_gives() -> None:
    mexico, germany = QLocale("es_MX"), QLocale("de_DE")
    assert resolve("", mexico) == "es"  # System follows a Spanish desktop
    assert resolve("", germany) == "en"  # no German translation: English
    assert resolve("es", germany) == "es"
    assert locale_for("es", mexico).name() == "es_MX"  # a Mexican desktop keeps its formats
    assert locale_for("es", germany).name() == "es_ES"
    assert locale_for("en", germany).name() == "en_US"
    assert locale_for("", germany).name() == "de_DE"


def test_lang_option_overrides_the_setting_for_one_run() -> None:
    from claimdesk.cli import _gui_parser

    assert _gui_parser().parse_args(["--lang", "es"]).lang == "es"
    assert _gui_parser().parse_args([]).lang is None  # None: the Settings choice is used


def test_a_missing_qm_leaves_the_window_in_english_and_says_so(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import QCoreApplication

    try:
        assert install(qapp, "es", str(tmp_path)) == "es"
        assert QCoreApplication.translate("Menus", "&File") == "&File"
        assert "no translation claimdesk_es" in caplog.text
        assert install(qapp, "en", str(tmp_path)) == "en"
        assert "no translation claimdesk_en" in caplog.text  # the counts read "claim(s)"
    finally:
        install(qapp, "en")


def _rated_long_claim(qtbot, make_window, seed_path, size: tuple[int, int],
                      explanation: str, *, show: bool = True):
    """A window of `size` on the seed article, its long "25 of 33" claim rated with
    `explanation` and shown in the detail pane (and another claim rated, so that the
    Checked before list has the desk's own entry)."""
    window = make_window()
    window.resize(*size)
    if show:
        window.show()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    wb = window.workbench
    claims = wb.claims(window.article_id)
    claim = next(c for c in claims if "25 of 33" in c.text)
    wb.set_verdict(claim.id, wb.rating_scale().ratings[1].id, explanation)
    other = next(c for c in claims if "huge mistake" in c.text)
    wb.set_verdict(other.id, wb.rating_scale().ratings[2].id, "A forecast.")
    window.show_article(window.article_id)
    window.select_claim(claim.id)
    qtbot.wait(300)
    return window


def test_the_spanish_detail_pane_draws_nothing_over_the_editor(
    spanish, qtbot, make_window, seed_path
) -> None:
    """At 1024×700 the longer Spanish header and the long claim squeezed the verdict box
    under its minimum: "Calificada por …" was drawn over the explanation."""
    window = _rated_long_claim(qtbot, make_window, seed_path, (1024, 700), "Explicación.",
                               show=False)  # fmt: skip
    detail = window.detail
    assert window.height() <= 700
    editor = detail.explanation
    assert editor.height() >= 3 * editor.fontMetrics().lineSpacing()
    bottom = editor.mapTo(detail, QPoint(0, editor.height())).y()
    assert detail.verdict_meta.mapTo(detail, QPoint(0, 0)).y() >= bottom
    for combo in (detail.status, detail.rating):
        assert combo.height() >= combo.minimumSizeHint().height()


def test_with_room_to_spare_the_claim_is_shown_whole(qtbot, make_window, seed_path) -> None:
    """The claim gives way only when the window is short of room: at 1440×860 the long
    seed claim was cut to four lines behind a scroll bar while the Checked before list
    below it stood half empty."""
    window = _rated_long_claim(qtbot, make_window, seed_path, (1440, 860),
                               "Two lines\nof explanation.")  # fmt: skip
    area = window.detail.claim_text
    assert window.height() <= 860 and area.isVisible()
    assert not area.verticalScrollBar().isVisible()
    assert area.viewport().height() >= area.label.heightForWidth(area.viewport().width())


def test_a_short_window_scrolls_the_detail_pane_instead_of_overlapping(
    qtbot, make_window, seed_path
) -> None:
    """At 1024×700 with a rated long claim, "Rated by …" was drawn over a three-line
    explanation: the pane's widgets were squeezed under their minimums. Now the pane
    scrolls, and every widget keeps its minimum and its place."""
    window = _rated_long_claim(
        qtbot, make_window, seed_path, (1024, 700),
        "Ukraine's air force statement gives 25 of 33; Russia's ministry did not publish "
        "a count.",
    )  # fmt: skip
    detail = window.detail
    assert window.height() <= 700
    assert window.detail_scroll.verticalScrollBar().isVisible()
    editor = detail.explanation
    bottom = editor.mapTo(detail, QPoint(0, editor.height())).y()
    assert detail.verdict_meta.mapTo(detail, QPoint(0, 0)).y() >= bottom
    for widget in (detail.claim_text, detail.status, detail.rating, editor,
                   detail.checked_before):  # fmt: skip
        assert widget.height() >= widget.minimumSizeHint().height()


def test_the_spanish_shortcuts_sheet_shows_every_action_whole(spanish, make_window) -> None:
    """Spanish action names are longer: the sheet widens to show them, not "…del por…"."""
    from claimdesk.gui.dialogs.shortcuts_sheet import show_shortcuts
    from claimdesk.gui.menus import shortcut_rows

    window = make_window()
    sheet = show_shortcuts(window, shortcut_rows(window.menu_actions))
    tree = sheet.tree
    sheet.show()
    QApplication.processEvents()
    metrics = tree.fontMetrics()
    room = tree.columnWidth(0) - tree.indentation()
    cut = [
        item.text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if metrics.horizontalAdvance((item := tree.topLevelItem(i).child(j)).text(0)) > room
    ]
    assert cut == []
    sheet.close()


def test_the_spanish_conflict_dialog_names_ratings_and_statuses_in_spanish(
    spanish, qtbot
) -> None:
    """The cells read "False (In progress): …" in a Spanish window, where the rating menu,
    the claims table and the detail pane all say "Falso" and "En curso"."""
    from claimdesk.exchange.merge import Conflict, Work
    from claimdesk.gui.dialogs.bundle_conflicts import (
        COL_BUNDLE,
        COL_LOCAL,
        BundleConflictsDialog,
    )

    mine = Work(ClaimStatus.IN_PROGRESS, "False", "Mine.", ())
    theirs = Work(ClaimStatus.TODO, None, "", ("https://example.org/a",))
    dialog = BundleConflictsDialog(
        None, "case.claimdesk", [Conflict(7, "Ports", "The port grew.", mine, theirs, "Ana")]
    )
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, COL_LOCAL).text() == "Falso (En curso): Mine."
    assert dialog.table.item(0, COL_BUNDLE).text() == "sin veredicto (Pendiente) [notas: 1]"


def test_the_desks_own_earlier_verdict_shows_its_rating_in_spanish(
    spanish, make_window, seed_path, qtbot
) -> None:
    """"Unverifiable · esta redacción": the desk's own verdict is rated on its scale, which
    the window shows in Spanish everywhere else; a publisher's own rating stays as written."""
    from claimdesk.domain.factchecks import FactCheck, FactCheckMatch, FactCheckSource
    from claimdesk.gui.models.claims_model import COL_CHECKED
    from claimdesk.gui.panels.checked_before import MatchesModel

    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    own = FactCheck(
        id=1, url=None, claim="Earlier claim.", rating="Unverifiable", rating_value=0.0,
        publisher="", published=date(2026, 12, 3), language="en",
        source=FactCheckSource.DESK, claim_id=1,
    )  # fmt: skip
    theirs = FactCheck(
        id=2, url="https://checks.example/1", claim="Earlier claim.", rating="False",
        rating_value=1.0, publisher="Checks", published=None, language="en",
        source=FactCheckSource.IMPORTED,
    )  # fmt: skip
    model = window.claims_panel.model
    claim = model.rows()[0]
    display = Qt.ItemDataRole.DisplayRole
    for check, shown in ((own, "No verificable"), (theirs, "False")):
        match = FactCheckMatch(check, 0.8, 0.01, 1, 2)
        model.set_checked({claim.id: match})
        cell = model.data(model.index(model.row_of(claim.id), COL_CHECKED), display)
        assert cell.startswith(f"✓ {shown} ·"), cell
        matches = MatchesModel()
        matches.reload([match])
        assert matches.data(matches.index(0, 0), display).startswith(shown + " · ")
