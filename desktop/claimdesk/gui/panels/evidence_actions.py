"""Attaching evidence files off the GUI thread: from paths, drops and pasted screenshots."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMimeData,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QListView

from claimdesk.errors import KnownError
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.services.changes import Changes
from claimdesk.services.evidence import AttachmentRefused
from claimdesk.services.workbench import Workbench


def png_bytes(image: QImage) -> bytes:
    """The image as PNG (a pasted screenshot keeps every pixel)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drop or paste carries (remote URLs are never fetched)."""
    if not mime.hasUrls():
        return []
    return [local_path(u) for u in mime.urls() if u.isLocalFile()]


def local_path(url: QUrl) -> Path:
    """The file a file:// URL names, byte for byte.

    A file manager percent-encodes a name's bytes; toLocalFile() reads them as UTF-8,
    so a name that is not (an old Latin-1 "café") came back with U+FFFD in it and the
    file was refused as missing. On POSIX the bytes go to the file system as they are.
    """
    if os.name == "posix" and not url.host():
        encoded = url.path(QUrl.ComponentFormattingOption.FullyEncoded)
        return Path(os.fsdecode(unquote_to_bytes(encoded)))
    return Path(url.toLocalFile())


class EvidenceActions(QObject):
    """Attaches files to source notes on the window's JobRunner; `changed` on success.

    Reading, checking and hashing a 50 MB file takes a moment, so the whole attach runs
    on a worker (the Workbench is its one writer); the window stays responsive. Each
    refused file gets its own line in one message; the others are attached.
    """

    changed = Signal(object)  # Changes
    # Emitted on the GUI thread when an attach job ends (success or not).
    finished = Signal()

    def __init__(
        self,
        workbench: Workbench,
        jobs: JobRunner,
        errors: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.jobs = jobs
        self.errors = errors
        self._running = 0

    def busy(self) -> bool:
        return self._running > 0

    def attach_paths(self, source_id: int, paths: Sequence[Path]) -> Job | None:
        files = [Path(p) for p in paths]
        if not files:
            return None
        # The files of one drop or choice undo as one step, not one Undo per file.
        batch = object() if len(files) > 1 else None

        def work(job: Job) -> tuple[Changes, list[str]]:
            changes, refused = Changes(), []
            for i, path in enumerate(files):
                if job.is_cancelled():
                    break
                try:
                    changes |= self.workbench.attach_file(source_id, path, batch)[1]
                except AttachmentRefused as exc:
                    refused.append(str(exc))
                job.report(i + 1, len(files))
            return changes, refused

        return self._run(work)

    def remove(self, attachment_id: int) -> Job:
        """Remove one attachment (undoable, like any edit)."""

        def work(_job: Job) -> tuple[Changes, list[str]]:
            return self.workbench.remove_attachment(attachment_id), []

        return self._run(work)

    def take_back(self, source_id: int, since: int) -> Job | None:
        """Undo the file edits a cancelled note dialog made (those after `since`).

        An attach still running when Cancel was pressed ends first, then goes too.
        """
        if self.busy():

            def later() -> None:
                if not self.busy():
                    self.finished.disconnect(later)
                    self.take_back(source_id, since)

            self.finished.connect(later)
            return None
        if self.workbench.undo_mark() == since:
            return None  # nothing was attached or removed since the dialog opened

        def work(_job: Job) -> tuple[Changes, list[str]]:
            changes, complete = self.workbench.take_back_files(source_id, since)
            if complete:
                return changes, []
            return changes, [
                self.tr(
                    "Some file changes of the cancelled note stay: other edits came after "
                    "them; use Edit → Undo to take them back."
                )
            ]

        return self._run(work, self.tr("Taking back files"))

    def attach_image(self, source_id: int, image: QImage) -> Job:
        """Attach a pasted image as `screenshot-<time>.png`.

        The PNG is made on the worker too: a 5K screenshot took half a second to encode
        (a photo nearly two), and the window did not answer meanwhile.
        """
        name = f"screenshot-{datetime.now():%Y%m%d-%H%M%S}.png"
        image = image.copy()  # the clipboard's image may change while the worker reads

        def work(_job: Job) -> tuple[Changes, list[str]]:
            data = png_bytes(image)
            try:
                return self.workbench.attach_bytes(source_id, data, name)[1], []
            except AttachmentRefused as exc:
                return Changes(), [str(exc)]

        return self._run(work)

    def attach_mime(self, source_id: int, mime: QMimeData) -> Job | None:
        """Attach what a paste or drop carries: local files, else an image; None if neither."""
        files = local_files(mime)
        if files:
            return self.attach_paths(source_id, files)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return self.attach_image(source_id, image)
        return None

    def _run(self, work, name: str = "") -> Job:  # type: ignore[no-untyped-def]
        self._running += 1

        def done(result: tuple[Changes, list[str]]) -> None:
            self._running -= 1
            changes, refused = result
            if changes:
                self.changed.emit(changes)
            if refused:
                self.errors.report(KnownError("\n".join(refused)))
            self.finished.emit()

        def failed(exc: BaseException) -> None:
            self._running -= 1
            self.errors.report(exc)
            self.finished.emit()

        return self.jobs.run(name or self.tr("Attaching files"), work, done, failed)


class SourcesDropTarget(QObject):
    """Makes a list of source notes take dropped files and pasted screenshots.

    A drop goes to the note under the pointer (else the current one); a paste (Ctrl+V
    with the list focused) to the current note. With no note to hold them, the checker
    is told to add one first.
    """

    def __init__(
        self,
        view: QListView,
        source_at: Callable[[int], int | None],
        evidence: EvidenceActions,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.source_at = source_at
        self.evidence = evidence
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, view)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # In no menu: the shortcuts sheet lists it under this description (menus.py).
        self.paste_shortcut.setWhatsThis(self.tr("Paste files onto the selected source note"))
        self.paste_shortcut.activated.connect(self.paste)

    @staticmethod
    def _usable(mime: QMimeData | None) -> bool:
        return mime is not None and (bool(local_files(mime)) or mime.hasImage())

    def _target(self, row: int) -> int | None:
        source = self.source_at(row) if row >= 0 else None
        if source is None:
            source = self.source_at(self.view.currentIndex().row())
        if source is None:
            self.evidence.errors.known(
                self.tr("Add a source note first, then drop or paste files onto it.")
            )
        return source

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = cast(QDragMoveEvent, event)
            if self._usable(drag.mimeData()):
                drag.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            drop = cast(QDropEvent, event)
            if self._usable(drop.mimeData()):
                row = self.view.indexAt(drop.position().toPoint()).row()
                source = self._target(row)
                if source is not None:
                    self.evidence.attach_mime(source, drop.mimeData())
                drop.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def paste(self) -> Job | None:
        mime = QGuiApplication.clipboard().mimeData()
        if not self._usable(mime):
            return None
        source = self._target(-1)
        return None if source is None else self.evidence.attach_mime(source, mime)
