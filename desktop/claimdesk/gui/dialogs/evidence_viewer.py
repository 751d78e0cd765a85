"""Viewing an attached file safely: images decoded within a memory limit, text as plain text."""

from __future__ import annotations

import functools
import itertools
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from claimdesk.domain.evidence import Attachment, copy_name
from claimdesk.errors import KnownError
from claimdesk.gui.i18n import format_datetime, format_number
from claimdesk.gui.screen_fit import resize_within_screen
from claimdesk.services.workbench import Workbench

# Megabytes Qt may allocate to decode one image (100 megapixels × 4 bytes is 400 MB;
# the attach check already refused more pixels than that).
IMAGE_ALLOCATION_MB = 512
# Types a browser opens as a live page (scripts run, remote pictures load).
LIVE_PAGES = frozenset({"text/html", "multipart/related"})
# Characters of text the viewer shows: laying out 20 M characters on one line (a JSON
# dump) held the window for 7 s; 2 M take about half a second.
VIEW_CHARS = 2_000_000
# The preview's longest side; the full image opens in the system viewer.
PREVIEW_SIDE = 1600


def decoded_image(data: bytes) -> QImage | None:
    """The image scaled to the preview size, or None if Qt cannot decode it safely.

    A QImage, not a pixmap: it is made on a worker thread (ImageDecode)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(IMAGE_ALLOCATION_MB)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > PREVIEW_SIDE:
        keep = Qt.AspectRatioMode.KeepAspectRatio
        reader.setScaledSize(size.scaled(PREVIEW_SIDE, PREVIEW_SIDE, keep))
    image = reader.read()
    if image.isNull():
        return None
    if image.hasAlphaChannel():
        # On paper: a screenshot of dark text on a transparent background could not be
        # read on the dark theme's window colour (nor light text on the light one's).
        paper = QImage(image.size(), QImage.Format.Format_RGB32)
        paper.setDevicePixelRatio(image.devicePixelRatio())
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        image = paper
    return image


class _Decoded(QObject):
    """Carries a decoded preview from the worker back to the window's thread."""

    ready = Signal(int, object)  # request number, QImage | None


_requests = itertools.count(1)


@functools.cache
def decoded_carrier() -> _Decoded:
    """The one carrier, made on the window's thread and kept for the process: a worker
    may still emit on it after the viewer that asked has gone."""
    return _Decoded()


class ImageDecode(QRunnable):
    """Decodes one preview on the thread pool: an 81-megapixel PNG takes a second and
    more, which the window's thread spent frozen while the viewer opened."""

    def __init__(self, data: bytes, request: int, carrier: _Decoded) -> None:
        super().__init__()
        self.data = data
        self.request = request
        self.carrier = carrier

    def run(self) -> None:
        try:
            image = decoded_image(self.data)
        except Exception:  # any failure is "could not be shown", as a null image is
            image = None
        self.carrier.ready.emit(self.request, image)


class EvidenceViewer(QDialog):
    """Shows one attachment: an image preview, or the text read from it as plain text.

    A saved page or archive is never rendered: its text (what desk search indexes) is
    shown in a QTextBrowser as plain text, so no script runs and no remote reference is
    loaded. "Open with the system viewer" writes a temporary copy for another program.
    """

    def __init__(self, workbench: Workbench, attachment: Attachment, parent: QWidget | None = None):
        # Read first: a stored copy that fails its checksum raises before any widget
        # exists (built first, a hidden half-made viewer stayed in its parent each time).
        data = workbench.attachment_bytes(attachment.id)
        super().__init__(parent)
        self.setObjectName("evidenceViewer")
        self.workbench = workbench
        self.attachment = attachment
        self.setWindowTitle(attachment.file_name)
        resize_within_screen(self, 760, 620)
        layout = QVBoxLayout(self)
        facts = QLabel(objectName="evidenceFacts", wordWrap=True)
        facts.setTextFormat(Qt.TextFormat.PlainText)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.setText(
            self.tr("{type} · {size} bytes · captured {when}\nsha256 {sha}").format(
                type=attachment.media_type,
                size=format_number(attachment.size),
                when=format_datetime(attachment.captured_at),
                sha=attachment.sha256,
            )
        )
        layout.addWidget(facts)
        self.image: QLabel | None = None
        self.text: QTextBrowser | None = None
        self._request = 0
        self._listening = False
        if attachment.is_image:
            # "Loading…" until the worker has decoded it (ImageDecode).
            self.image = QLabel(self.tr("Loading…"), objectName="evidenceImage")
            self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            scroll = QScrollArea()
            scroll.setWidget(self.image)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll, 1)
            self.show_image(data)
        else:
            self.text = QTextBrowser(objectName="evidenceText")
            self.text.setOpenLinks(False)
            self.text.setOpenExternalLinks(False)
            shown = workbench.attachment_text(attachment.id)
            if not shown:
                shown = self._no_text()
            elif len(shown) > VIEW_CHARS:
                shown = shown[:VIEW_CHARS] + "\n\n" + self.tr(
                    "[Shown: the first {shown} of {total} characters. Open the file with "
                    "the system viewer for the rest; desk search finds words in all of it.]"
                ).format(shown=format_number(VIEW_CHARS), total=format_number(len(shown)))
            self.text.setPlainText(shown)
            layout.addWidget(self.text, 1)
        self._data = data
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(
            self.tr("&Open with the system viewer"), objectName="openEvidenceButton"
        )
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.temporary: Path | None = None

    def show_image(self, data: bytes) -> None:
        """Decode `data` off the window's thread; a result of an earlier call is dropped."""
        if not self._listening:
            decoded_carrier().ready.connect(self._decoded)
            self._listening = True
        self._request = next(_requests)
        QThreadPool.globalInstance().start(ImageDecode(data, self._request, decoded_carrier()))

    def _decoded(self, request: int, image: QImage | None) -> None:
        if request != self._request or self.image is None or not isValid(self.image):
            return  # another viewer's, or an earlier one decoded after a newer request
        decoded_carrier().ready.disconnect(self._decoded)
        self._listening = False
        if image is None:
            self.image.setText(self._no_text())
            self.image.setWordWrap(True)
        else:
            self.image.setPixmap(QPixmap.fromImage(image))

    def _no_text(self) -> str:
        """What is shown instead of text, by type: a page with no main text is no scan."""
        kind = self.attachment.media_type
        if self.attachment.is_image:
            return self.tr("This image could not be shown here.")
        if kind == "application/pdf":
            return self.tr(
                "No text layer was found in this PDF: it is a scan, or its text is sealed "
                "with a password. Open it with the system viewer to see it."
            )
        if kind in LIVE_PAGES:
            return self.tr(
                "No main text was found in this saved page (it may hold only pictures, or "
                "build its text with scripts, which are never run here)."
            )
        if kind in ("application/warc", "application/wacz"):
            return self.tr("No page text was found in this web archive.")
        return self.tr("No text was found in this file.")

    def open_clicked(self) -> QMessageBox | None:
        """Open the copy; a saved page only once the checker agrees (returns the question).

        The viewer never loads anything, but the browser that opens a saved page runs
        its scripts and fetches its remote pictures, which tells the site the page was
        opened (and when, and from where): a checker should know before that happens.
        """
        if self.attachment.media_type not in LIVE_PAGES:
            self.open_externally()
            return None
        ask = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Open the saved page?"),
            self.tr(
                "Your browser will run this page's scripts and may load its pictures from "
                "the web, which tells the site that the page was opened. Its text is shown "
                "here without any of that."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        ask.setObjectName("openPageQuestion")
        go = ask.addButton(self.tr("&Open in the browser"), QMessageBox.ButtonRole.AcceptRole)
        ask.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ask.setEscapeButton(QMessageBox.StandardButton.Cancel)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if ask.clickedButton() is go:
                self.open_externally()

        ask.finished.connect(answered)
        ask.open()
        return ask

    def open_externally(self) -> Path:
        """Write a temporary copy (named as attached, ending as its type does) and hand
        it to the system viewer.

        The name is shortened to what a file system takes (a name from a bundle can be
        longer); a copy that cannot be written (a full disk) is one line, not a crash.
        """
        try:
            folder = Path(tempfile.mkdtemp(prefix="claimdesk-evidence-"))
            copy = folder / copy_name(
                self.attachment.file_name, media_type=self.attachment.media_type
            )
            copy.write_bytes(self._data)
        except OSError as exc:
            raise KnownError(
                self.tr("Cannot write a copy of {name} to open: {reason}.").format(
                    name=self.attachment.file_name, reason=exc.strerror or exc
                )
            ) from None
        self.temporary = copy
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.temporary)))
        return self.temporary
