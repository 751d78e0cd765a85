"""File → Export on the real window: preview, format choice, missing facts, saved files."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from claimdesk.domain import ArticleMetadata
from claimdesk.gui.dialogs.export_dialog import ExportDialog
from tests.gui.conftest import wait_for_claims
from tests.gui.test_translations import spanish  # noqa: F401 (a fixture)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rated_window(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    wb = window.workbench
    claim = next(c for c in wb.claims(window.article_id) if "25 of 33" in c.text)
    false = next(r for r in wb.rating_scale().ratings if r.name == "Mostly true")
    wb.set_verdict(claim.id, false.id, "Air force count <checked> & confirmed.")
    return window, claim


def choose(dialog: ExportDialog, fmt: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def save(qtbot, dialog: ExportDialog, path: Path) -> Path:
    job = dialog.save_to(path)
    assert job is not None
    qtbot.waitUntil(lambda: dialog.saved == path, timeout=60_000)
    return path


def test_export_preview_and_every_format(qtbot, make_window, seed_path, tmp_path):
    window, _claim = rated_window(qtbot, make_window, seed_path)
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.scope_article.isChecked()
    preview = dialog.preview.toPlainText()
    assert "Air force count <checked> & confirmed." in preview
    assert "Mostly true" in preview

    html = save(qtbot, dialog, tmp_path / "report.html").read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html)
    assert "Air force count <checked> & confirmed." in "".join(parser.parts)
    assert "<checked>" not in html

    choose(dialog, "csv")
    dialog.bom.setChecked(True)
    raw = save(qtbot, dialog, tmp_path / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert any("25 of 33" in " ".join(r.values()) for r in rows)

    choose(dialog, "json")
    data = json.loads(save(qtbot, dialog, tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1

    choose(dialog, "pdf")
    pdf = save(qtbot, dialog, tmp_path / "report.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "25 of 33" in text

    choose(dialog, "claimreview")
    assert "organisation" in dialog.warning.text().lower()
    dialog.review_url.setText("https://factcheck.example.org/drones")
    assert dialog.warning.text() != ""  # still no organisation set
    dialog.save_to(tmp_path / "review.jsonld")
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "knownErrorBox") is not None, timeout=30_000
    )
    assert not (tmp_path / "review.jsonld").exists()


def test_export_says_when_there_is_nothing_to_report(qtbot, make_window, seed_path):
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    dialog = window.dialogs.export_report()
    assert "No claim here has been worked on yet" in dialog.warning.text()
    dialog.all_claims.setChecked(True)
    assert dialog.warning.text() == ""
    assert dialog.data is not None and len(dialog.data.claims) > 5
    dialog.scope_dates.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert "No claim was checked in that period" in dialog.preview.toPlainText()


def test_a_verdict_whose_approval_was_withdrawn_since_the_preview_is_not_saved(
    qtbot, make_window, seed_path, tmp_path
):
    """On a desk that requires review the preview shows an approved verdict; a colleague
    then withdraws the approval (Undo). Saving the old preview would publish a verdict
    that is no longer approved: the dialog shows the new preview and saves nothing."""
    from claimdesk.services.nlp_provider import NlpProvider
    from claimdesk.services.workbench import Workbench
    from claimdesk.storage.db import open_database

    window, claim = rated_window(qtbot, make_window, seed_path)
    wb = window.workbench
    wb.set_review_required(True)
    wb.request_review(claim.id)
    db = wb.db.path
    assert db is not None
    ben = Workbench(open_database(db), NlpProvider())
    try:
        ben.checker = "Ben"
        ben.approve(claim.id)
        dialog = window.dialogs.export_report()
        choose(dialog, "md")
        assert "Air force count" in dialog.preview.toPlainText()
        ben.undo()
        target = tmp_path / "report.md"
        assert dialog.save_to(target) is None
        assert not target.exists()
        assert "changed since" in dialog.warning.text()
        assert "Air force count" not in dialog.preview.toPlainText()
        assert "Air force count" not in save(qtbot, dialog, target).read_text(encoding="utf-8")
    finally:
        ben.db.dispose()


def test_missing_facts_show_an_article_title_with_markup_as_typed(qtbot, make_window, seed_path):
    """The ClaimReview warning names the article: a title holding tags ("<b>…</b>", as a
    saved page's title can) made the label read the whole warning as HTML, so the title
    showed bold, without its tags, or with an image the tags pointed at."""
    window, claim = rated_window(qtbot, make_window, seed_path)
    article = window.workbench.claim(claim.id).article_id
    title = "<b>Drones</b> over <img src='x.png'> Kyiv"
    window.workbench.update_metadata(article, ArticleMetadata(title=title, url=None))
    window.show_article(article)
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    choose(dialog, "claimreview")
    shown = dialog.warning.text()
    assert title in shown and QtGui.Qt.mightBeRichText(shown)
    assert dialog.warning.textFormat() is Qt.TextFormat.PlainText


def saved_lines(dialog: ExportDialog) -> list[QLabel]:
    """The dialog's labels shown now that say a report was saved."""
    return [
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog) and label.text().startswith("Saved ")
    ]


def test_saved_reads_as_news_not_a_warning_and_goes_when_the_choice_changes(
    qtbot, make_window, seed_path, tmp_path
):
    """ "Saved …" was drawn in the warning colour (brown, like "ClaimReview needs …"),
    and a format, scope or review address chosen after it left it standing over a
    preview of a report that was not saved."""
    window, _claim = rated_window(qtbot, make_window, seed_path)
    dialog = window.dialogs.export_report()
    dialog.show()
    warning = dialog.warning.palette().color(QtGui.QPalette.ColorRole.WindowText)

    def saved_as(path: Path) -> QLabel:
        save(qtbot, dialog, path)
        (line,) = saved_lines(dialog)
        assert line.text() == f"Saved {path}"
        line.ensurePolished()
        color = line.palette().color(QtGui.QPalette.ColorRole.WindowText)
        assert color != warning  # the dialog's own text colour: it is no warning
        assert color == dialog.palette().color(QtGui.QPalette.ColorRole.WindowText)
        return line

    saved_as(tmp_path / "report.html")
    choose(dialog, "csv")
    assert not saved_lines(dialog)

    saved_as(tmp_path / "claims.csv")
    dialog.scope_all.setChecked(True)
    assert not saved_lines(dialog)

    choose(dialog, "claimreview")
    saved_as_md = tmp_path / "report.md"
    choose(dialog, "md")
    saved_as(saved_as_md)
    dialog.review_url.setText("https://factcheck.example.org/drones")
    assert not saved_lines(dialog)
    dialog.close()


def test_a_spanish_window_names_the_report_formats_in_spanish(
    spanish, qtbot, make_window, seed_path  # noqa: F811 (the fixture)
) -> None:
    """The export dialog listed "Web page (HTML)", "Spreadsheet (CSV)"… in English in a
    Spanish window: the names come from the core and never met a translator."""
    window = make_window()
    window.open_path(seed_path)
    wait_for_claims(qtbot, window)
    dialog = window.dialogs.export_report()
    names = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert names == [
        "Página web (HTML)", "Documento PDF", "Documento de Word (DOCX)", "Markdown",
        "Hoja de cálculo (CSV)", "Datos (JSON)", "ClaimReview JSON-LD",
    ]  # fmt: skip
    # The choice is still the format's own name, whatever its label says.
    choose(dialog, "csv")
    assert dialog.format.currentText() == "Hoja de cálculo (CSV)"
    dialog.close()
