"""Evidence in the window: paste a screenshot, drop files, attach in the source dialog, view."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QThreadPool, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
)
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from claimdesk.app import build_services
from claimdesk.domain import SourceDraft
from claimdesk.errors import KnownError
from claimdesk.gui.application import RunningWindow
from claimdesk.gui.dialogs.evidence_viewer import EvidenceViewer
from claimdesk.gui.windows.main_window import MainWindow
from claimdesk.services.changes import Changes
from tests.gui.conftest import EXTRACTION_TIMEOUT_MS
from tests.gui.test_translations import english, spanish  # noqa: F401 (fixtures)
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf
from tests.storage.dbfiles import rows

TEXT = "The harbour handled 12 million tonnes of cargo in 2024. Ministers will meet again."
WAIT_MS = 20_000


class Opened(QObject):
    """Stands in for the system viewer: records the files it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[Path] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.paths.append(Path(url.toLocalFile()))


def window_with_a_source(qtbot, make_window, tmp_path: Path) -> tuple[MainWindow, int]:
    """A window showing a claim with one source note; returns it and the note's id."""
    window = make_window()
    wb = window.workbench
    article = tmp_path / "harbour.txt"
    article.write_text(TEXT, encoding="utf-8")
    aid = wb.open_file(article).article_id
    window.show_article(aid)
    # Extraction forgets the article's undo history when it ends: let it end first.
    qtbot.waitUntil(lambda: not window.extraction.busy(), timeout=EXTRACTION_TIMEOUT_MS)
    claim, _ = wb.add_claim(aid, 0, TEXT.index(" Ministers"), allow_overlap=True)
    source, _ = wb.add_source(claim, SourceDraft(url="https://example.org/port"))
    window.apply_changes(Changes(claim_sets=frozenset({aid})))
    window.detail.show_claim(wb.claim(claim))
    window.detail.sources.setCurrentIndex(window.detail.sources_model.index(0, 0))
    return window, source


def test_pasting_a_screenshot_attaches_it_as_png(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    QGuiApplication.clipboard().setImage(image)
    window.detail.sources.setFocus()
    qtbot.waitUntil(window.detail.sources.hasFocus)
    qtbot.keyClick(window.detail.sources, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.workbench.attachments(source)) == 1, timeout=WAIT_MS)
    (attached,) = window.workbench.attachments(source)
    assert attached.media_type == "image/png" and attached.file_name.startswith("screenshot-")
    pasted = QImage.fromData(window.workbench.attachment_bytes(attached.id))
    assert (pasted.width(), pasted.height()) == (64, 48)
    # The list shows the note now holds a file, and Undo takes it away again.
    qtbot.waitUntil(lambda: "· 1 file" in window.detail.sources_model.index(0, 0).data())
    window.workbench.undo()
    assert window.workbench.attachments(source) == []


def _drop(view, mime: QMimeData) -> None:
    target = view.viewport()
    point = QPointF(view.visualRect(view.model().index(0, 0)).center())
    enter = QDragEnterEvent(
        point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, drop)


# Qt 6 has only the QPoint constructor that PySide marks as deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_files_onto_a_note_attaches_them_and_refuses_a_hostile_one(
    qtbot, make_window, tmp_path
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    pdf = tmp_path / "ledger.pdf"
    pdf.write_bytes(build_pdf([["The dropped ledger mentions frobnicated tonnage."]]))
    svg = tmp_path / "evil.svg"
    svg.write_bytes(make.SVG)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf)), QUrl.fromLocalFile(str(svg))])
    _drop(window.detail.sources, mime)
    qtbot.waitUntil(lambda: not window.detail.evidence.busy(), timeout=WAIT_MS)
    assert [f.file_name for f in window.workbench.attachments(source)] == ["ledger.pdf"]
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and "Cannot attach evil.svg: SVG images" in box.text()
    assert "\n" not in box.text()
    box.close()


def test_the_source_dialog_attaches_views_and_opens_a_copy(qtbot, make_window, tmp_path):
    window, _source = window_with_a_source(qtbot, make_window, tmp_path)
    dialog = window.detail.edit_source()
    assert dialog is not None
    page = tmp_path / "saved.html"
    page.write_bytes(make.page("Flibbertigibbet"))
    dialog.attach([page])
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    dialog.files.setCurrentRow(0)
    viewer = dialog.view_selected()
    assert isinstance(viewer, EvidenceViewer) and viewer.text is not None
    shown = viewer.text.toPlainText()
    # The page's main text as plain text: its script and remote image are not loaded.
    assert "Flibbertigibbet" in shown and "fetch(" not in shown
    assert viewer.text.document().resource(1, QUrl("https://remote.example/pixel.png")) is None

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        copy = viewer.open_externally()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.paths == [copy]
    assert copy.read_bytes() == page.read_bytes() and copy.name == "saved.html"
    viewer.close()
    dialog.files.setCurrentRow(0)
    dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.files.count() == 0, timeout=WAIT_MS)
    dialog.reject()


def test_an_image_previews_within_a_memory_limit(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    from claimdesk.gui.panels.evidence_actions import png_bytes

    attached, _ = window.workbench.attach_bytes(source, png_bytes(image), "shot.png")
    viewer = EvidenceViewer(window.workbench, attached, window)
    qtbot.addWidget(viewer)
    assert viewer.image is not None
    qtbot.waitUntil(lambda: viewer.image.pixmap().width() == 40)
    assert hashlib.sha256(viewer._data).hexdigest() == attached.sha256


def test_a_new_note_gets_its_chosen_files_once_saved(qtbot, make_window, tmp_path):
    window, _source = window_with_a_source(qtbot, make_window, tmp_path)
    claim_id = window.detail.claim.id
    dialog = window.detail.add_source()
    assert dialog is not None
    dialog.title_edit.setText("Port statistics")
    text = tmp_path / "notes.txt"
    text.write_text("Phone notes: the quayside gauge read 4 metres.", encoding="utf-8")
    dialog.attach([text])
    assert dialog.files.count() == 1 and window.workbench.claim(claim_id).sources[-1].title == ""
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(s.attachments for s in window.workbench.claim(claim_id).sources),
        timeout=WAIT_MS,
    )
    note = window.workbench.claim(claim_id).sources[-1]
    assert note.title == "Port statistics" and note.attachments[0].file_name == "notes.txt"


def test_opening_a_desk_in_the_window_drops_files_no_attachment_names(
    qtbot, tmp_path, monkeypatch
):
    """Bytes kept for an earlier window's undo go when the window next opens the desk."""
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "desk.sqlite3"
    first = build_services(path)
    wb = first.workbench
    article = tmp_path / "harbour.txt"
    article.write_text(TEXT, encoding="utf-8")
    aid = wb.open_file(article).article_id
    claim, _ = wb.add_claim(aid, 0, 10)
    source, _ = wb.add_source(claim, SourceDraft(url="https://example.org/port"))
    kept, _ = wb.attach_bytes(source, make.png(), "kept.png")
    gone, _ = wb.attach_bytes(source, make.jpeg(), "gone.jpg")
    wb.remove_attachment(gone.id)
    first.close()
    assert len(rows(path, "SELECT sha256 FROM evidence_blobs")) == 2
    running = RunningWindow(QApplication.instance(), build_services(path), None)
    qtbot.addWidget(running.window)
    try:
        assert rows(path, "SELECT sha256 FROM evidence_blobs") == [(kept.sha256,)]
    finally:
        running.window.jobs.wait(30_000)
        running.window.close()
        running.services.close()


def test_the_export_dialog_copies_attached_files_beside_an_html_report(
    qtbot, make_window, tmp_path
):
    from claimdesk.gui.dialogs.export_dialog import ExportDialog

    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    shot = make.png()
    window.workbench.attach_bytes(source, shot, "shot.png")
    window.dialogs.export_report()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.copy_files.isVisible() and dialog.copy_files.isChecked()

    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    assert dialog.save_to(report) is not None
    qtbot.waitUntil(lambda: dialog.saved == report, timeout=WAIT_MS)
    (copy,) = (tmp_path / "out" / "report_files").iterdir()
    assert copy.read_bytes() == shot and copy.name.endswith("_shot.png")
    assert f'href="report_files/{copy.name}"' in report.read_text(encoding="utf-8")

    # Unticked: the report lists the file by its checksum, and nothing is copied.
    dialog.copy_files.setChecked(False)
    plain = tmp_path / "plain" / "report.html"
    plain.parent.mkdir()
    dialog.save_to(plain)
    qtbot.waitUntil(lambda: dialog.saved == plain, timeout=WAIT_MS)
    assert not (tmp_path / "plain" / "report_files").exists()
    assert hashlib.sha256(shot).hexdigest() in plain.read_text(encoding="utf-8")
    # A report that cannot be written leaves no copies behind.
    dialog.copy_files.setChecked(True)
    locked = tmp_path / "locked" / "report.html"
    locked.parent.mkdir()
    locked.write_text("an earlier report", encoding="utf-8")
    locked.chmod(0o444)
    reported: list[str] = []
    dialog.errors.report = lambda exc: reported.append(str(exc))  # type: ignore[method-assign]
    dialog.save_to(locked)
    qtbot.waitUntil(lambda: bool(reported), timeout=WAIT_MS)
    assert "read-only" in reported[0]
    assert locked.read_text(encoding="utf-8") == "an earlier report"
    assert not (tmp_path / "locked" / "report_files").exists()
    # Other formats have no folder to fill.
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert not dialog.copy_files.isVisible()
    dialog.close()


class Swallow(QObject):
    """A "file" URL handler that opens nothing."""

    @Slot(QUrl)
    def handle(self, _url: QUrl) -> None:
        pass


@pytest.mark.parametrize(
    ("stored", "copied"),
    [("ž" * 200 + ".txt", None), ("..", "attachment.txt"), ("folder/..", "attachment.txt")],
)
def test_a_name_from_elsewhere_still_opens_with_the_system_viewer(
    qtbot, make_window, tmp_path, stored, copied
):
    # A bundle or another system can bring any name: 400 bytes, or one that is a folder.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attachment, _ = window.workbench.attach_bytes(source, b"Plain notes of the call.", stored)
    viewer = EvidenceViewer(window.workbench, attachment, window)
    swallow = Swallow()
    QDesktopServices.setUrlHandler("file", swallow, "handle")
    try:
        copy = viewer.open_externally()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert copy.read_bytes() == b"Plain notes of the call." and copy.is_file()
    assert copy.parent.name.startswith("claimdesk-evidence-")
    assert len(copy.name.encode("utf-8")) <= 255
    assert copy.name == copied or (copy.name.startswith("žžž") and copy.suffix == ".txt")
    viewer.close()


def test_a_copy_that_cannot_be_written_is_one_line(qtbot, make_window, tmp_path, monkeypatch):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attachment, _ = window.workbench.attach_bytes(source, b"Plain notes.", "call.txt")
    viewer = EvidenceViewer(window.workbench, attachment, window)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the temporary folder should be", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(blocked))
    with pytest.raises(KnownError, match=r"^Cannot write a copy of call\.txt to open: ") as info:
        viewer.open_externally()
    assert "\n" not in str(info.value) and viewer.temporary is None
    viewer.close()


@pytest.mark.parametrize(
    ("name", "data", "copied"),
    [
        ("notes.html", b"Call log <script>alert(1)</script><img src=https://remote.example/p.png>",
         "notes.html.txt"),
        ("photo.html", make.png(), "photo.html.png"),
        ("scan.PDF", build_pdf([["Annex two."]]), "scan.PDF"),
    ],
)
def test_a_copy_opens_as_what_it_was_attached_as(qtbot, make_window, tmp_path, name, data, copied):
    # The system opens a copy by its name: plain text or a PNG named .html would open in
    # a browser as a live page, running its script and loading its remote image.
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    path = tmp_path / name
    path.write_bytes(data)
    attachment, _ = window.workbench.attach_file(source, path)
    viewer = EvidenceViewer(window.workbench, attachment, window)
    swallow = Swallow()
    QDesktopServices.setUrlHandler("file", swallow, "handle")
    try:
        copy = viewer.open_externally()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert copy.name == copied and copy.read_bytes() == data
    viewer.close()


def test_a_large_image_is_decoded_off_the_window_thread(qtbot, make_window, tmp_path):
    # An 81-megapixel PNG took about a second to decode on the window's thread: the
    # window froze while the viewer opened.
    from tests.gui.test_write_queue import Ticks

    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attached, _ = window.workbench.attach_bytes(source, make.png(9000, 9000), "scan.png")
    ticks = Ticks()
    qtbot.wait(200)
    viewer = EvidenceViewer(window.workbench, attached, window)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.image is not None and viewer.image.text() == "Loading…"
    qtbot.waitUntil(lambda: not viewer.image.pixmap().isNull(), timeout=WAIT_MS)
    assert viewer.image.pixmap().width() == 1600 and viewer.image.text() == ""
    # Reading the bytes and checking their sha256 stay on this thread (a few tens of ms);
    # the decode, a second and more, does not.
    assert ticks.largest_gap() < 0.5
    viewer.close()


def test_a_viewer_closed_before_its_preview_is_decoded_takes_no_late_result(
    qtbot, make_window, tmp_path
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attached, _ = window.workbench.attach_bytes(source, make.png(4000, 4000), "scan.png")
    viewer = EvidenceViewer(window.workbench, attached, window)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    viewer.close()
    with qtbot.capture_exceptions() as raised:
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0,
                        timeout=WAIT_MS)
        qtbot.wait(100)
    assert raised == []


@pytest.mark.qt_log_ignore("Invalid JPEG file structure", extend=True)  # Qt says why it fails
def test_an_image_qt_cannot_decode_says_so_in_place_of_the_preview(qtbot, make_window, tmp_path):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attached, _ = window.workbench.attach_bytes(source, make.jpeg(), "frame.jpg")  # no pixels
    viewer = EvidenceViewer(window.workbench, attached, window)
    qtbot.addWidget(viewer)
    assert viewer.image is not None
    qtbot.waitUntil(lambda: viewer.image.text() == "This image could not be shown here.")


def test_a_preview_decoded_after_a_newer_one_was_asked_for_is_dropped(
    qtbot, make_window, tmp_path
):
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attached, _ = window.workbench.attach_bytes(source, make.png(40, 30), "small.png")
    viewer = EvidenceViewer(window.workbench, attached, window)
    qtbot.addWidget(viewer)
    assert viewer.image is not None
    viewer.show_image(make.png(4000, 3000))  # slow to decode
    viewer.show_image(make.png(40, 30))  # asked for last, ready first
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0,
                    timeout=WAIT_MS)
    qtbot.wait(100)  # the late result's queued call has run
    assert viewer.image.pixmap().width() == 40


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_notes_files_are_counted_in_words_its_font_can_draw(
    request, qtbot, make_window, tmp_path, language
):
    """The sources list counted a note's files with 📎 (U+1F4CE), a character none of the
    fonts the .deb depends on (DejaVu, Liberation, Noto core) has: at 1024×700 the row
    read "Ukrainian Air Force · ▯ 1", and the tooltip put the box before each file name."""
    from PySide6.QtGui import QFontMetrics

    # Either language installed as at start-up: English from its plural forms' .qm.
    request.getfixturevalue("spanish" if language == "es" else "english")
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    for name in ("statement.txt", "count.txt"):
        (tmp_path / name).write_text(f"The {name} of the air force.", encoding="utf-8")
        window.workbench.attach_file(source, tmp_path / name)
    window.detail.show_claim(window.workbench.claim(window.detail.claim.id))
    index = window.detail.sources_model.index(0, 0)
    row, tip = index.data(), index.data(Qt.ItemDataRole.ToolTipRole)
    assert row.endswith(" · 2 archivos" if language == "es" else " · 2 files"), row
    assert ("Archivo: " if language == "es" else "File: ") + "count.txt" in tip
    metrics = QFontMetrics(window.detail.sources.font())
    missing = {ch for ch in row + tip if ch.isprintable() and not metrics.inFontUcs4(ord(ch))}
    assert not missing


@pytest.mark.parametrize("language", ["en", "es"])
def test_file_sizes_are_grouped_as_the_language_writes_numbers(
    request, qtbot, make_window, tmp_path, language
):
    """"25,000 bytes" in a Spanish window reads as twenty-five bytes: the viewer's header
    and the source dialog's file list wrote sizes with English grouping in every language."""
    from PySide6.QtCore import QLocale

    request.getfixturevalue("spanish" if language == "es" else "english")
    # Spanish groups with a point; English as the system writes it ("25,000", or "25000"
    # in the C locale a machine with no locale set has).
    size = "25.000" if language == "es" else QLocale().toString(25_000)
    window, source = window_with_a_source(qtbot, make_window, tmp_path)
    attached, _ = window.workbench.attach_bytes(source, b"x" * 25_000, "log.txt")
    viewer = EvidenceViewer(window.workbench, attached, window)
    qtbot.addWidget(viewer)
    facts = viewer.findChild(QLabel, "evidenceFacts")
    assert facts is not None and f"· {size} bytes ·" in facts.text()
    dialog = window.detail.edit_source()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=WAIT_MS)
    assert dialog.files.item(0).text().endswith(f", {size} B)")
    dialog.reject()
