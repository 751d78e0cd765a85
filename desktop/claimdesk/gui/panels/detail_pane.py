"""Detail pane of the current claim: status, verdict editor and source notes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from claimdesk.domain import Claim, ClaimStatus, RatingScale, SpeakerKind
from claimdesk.errors import SaveConflict
from claimdesk.gui.dialogs.source_dialog import SourceDialog
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.i18n import format_datetime, format_number, label, speaker_kind_label
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.checked_before import CheckedBeforeBox
from claimdesk.gui.panels.claim_text import ClaimTextArea
from claimdesk.gui.panels.conflict_saves import ConflictSaves
from claimdesk.gui.panels.evidence_actions import EvidenceActions
from claimdesk.gui.panels.explanation_editor import ExplanationEditor, lines_high
from claimdesk.gui.panels.history_view import HistoryView
from claimdesk.gui.panels.source_edits import SourceNoteEdits
from claimdesk.gui.panels.sources_box import SourcesBox
from claimdesk.gui.write_queue import WriteQueue
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench

#: Typing pauses this long before the explanation is saved (it is also saved on leaving).
SAVE_DELAY_MS = 700


class DetailPane(QWidget):
    """Edits the current claim through the Workbench; every edit is stored at once."""

    changed = Signal(object)  # Changes
    # The claim now shown (or None), after every show_claim: the matcher follows it.
    shown = Signal(object)
    #: A short note for the status bar (e.g. where a discarded text went).
    notice = Signal(str)
    #: The checker chose a rating for this claim; heard before the rating is saved.
    ratingChosen = Signal(int)

    def __init__(
        self,
        workbench: Workbench,
        errors: ErrorReporter,
        writes: WriteQueue,
        parent: QWidget | None = None,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.workbench = workbench
        self.errors = errors
        self.writes = writes
        self.claim: Claim | None = None
        self.scale: RatingScale = workbench.rating_scale()
        self._loading = False
        #: Writes carrying the editor's text that have not finished (queued ones).
        self._text_writes = 0
        #: Verdict and source saves on the version shown; conflicts open a dialog.
        self.conflicts = ConflictSaves(self)
        self.source_edits = SourceNoteEdits(self)

        self.header = QLabel(objectName="claimHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.claim_text = ClaimTextArea()

        # The speaker with its kind, which the checker corrects when extraction got it wrong.
        self.speaker_name = QLabel(objectName="speakerName")
        self.speaker_name.setTextFormat(Qt.TextFormat.PlainText)
        self.speaker_kind = QComboBox(objectName="speakerKindCombo")
        self.speaker_kind.setToolTip(self.tr("What sort of speaker this is"))
        self.speaker_kind.addItem("—", None)
        for kind in SpeakerKind:
            self.speaker_kind.addItem(speaker_kind_label(kind), kind.value)
        self.speaker_kind.activated.connect(self._speaker_kind_chosen)
        speaker_label = QLabel(self.tr("Speaker:"))
        speaker_label.setBuddy(self.speaker_kind)
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(speaker_label)
        speaker_row.addWidget(self.speaker_name, 1)
        speaker_row.addWidget(self.speaker_kind)

        self.status = QComboBox(objectName="statusCombo")
        for status in ClaimStatus:
            self.status.addItem(label(status.label), status.value)
        self.status.activated.connect(self._status_chosen)

        self.rating = QComboBox(objectName="ratingCombo")
        for combo in (self.status, self.rating):  # long translated names must not widen the pane
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(18)
        self._fill_ratings()
        self.rating.activated.connect(self._rating_chosen)
        self.explanation = ExplanationEditor(objectName="verdictExplanation")
        self.explanation.setPlaceholderText(
            self.tr("Why this rating? What does the evidence show?")
        )
        self.explanation.textChanged.connect(self._explanation_edited)
        # Three lines at least, the history and the notes list give way first (at
        # 1024×700 the editor was left one line); it asks for five, and takes what is spare.
        self.explanation.setMinimumHeight(lines_high(self.explanation, 3))
        self.verdict_meta = QLabel(objectName="verdictMeta", wordWrap=True)
        self.verdict_meta.setStyleSheet("color: palette(mid);")
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_explanation)

        # Mnemonics here leave the menu bar's letters (F, E, A, C, V, R, H) free.
        verdict_box = QGroupBox(self.tr("Verd&ict"))
        form = QFormLayout(verdict_box)
        # In a narrow pane the field goes under its label rather than cutting the rating.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Rating:"), self.rating)
        form.addRow(self.explanation)
        form.addRow(self.verdict_meta)

        # Attaching runs on the window's JobRunner (its own only when built alone).
        self.evidence = EvidenceActions(
            workbench, jobs or JobRunner(errors.report, self), errors, self
        )
        self.evidence.changed.connect(self.changed.emit)
        sources_box = SourcesBox(self.evidence, self.source_edits)
        self.sources, self.sources_model = sources_box.view, sources_box.model
        self.add_source_button = sources_box.add_button
        self.edit_source_button = sources_box.edit_button
        self.remove_source_button = sources_box.remove_button

        # Filled by the window's matcher (gui/windows/checked_before.py), off the GUI thread.
        self.checked_before = CheckedBeforeBox()

        self.history = HistoryView()
        self.history_box = QGroupBox(self.tr("Hi&story"))
        self.history_box.setObjectName("historyBox")
        self.history_box.setCheckable(True)
        self.history_box.setChecked(True)
        history_layout = QVBoxLayout(self.history_box)
        history_layout.setContentsMargins(4, 4, 4, 4)
        history_layout.addWidget(self.history)
        self.history_box.toggled.connect(self.history.setVisible)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.claim_text)
        layout.addLayout(speaker_row)
        layout.addWidget(verdict_box, 3)
        layout.addWidget(sources_box, 1)
        layout.addWidget(self.checked_before)  # its stretch is its own (MATCHES_STRETCH)
        layout.addWidget(self.history_box, 1)
        self.show_claim(None)

    # ------------------------------------------------------------------ display

    def _fill_ratings(self) -> None:
        self.rating.clear()
        self.rating.addItem(self.tr("— not rated —"), None)
        for r in self.scale.ratings:
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(r.color))
            self.rating.addItem(swatch, label(r.name), r.id)

    def set_scale(self, scale: RatingScale) -> None:
        """Offer an edited scale; the shown claim is re-read so its rating shows renamed."""
        self.scale = scale
        self._fill_ratings()
        if self.claim is not None:
            self.show_claim(self.workbench.claim(self.claim.id))

    def typing(self) -> bool:
        """The checker is mid-typing: an autosave is pending or still on its way."""
        return self._save_timer.isActive() or self._text_writes > 0

    def show_claim(self, claim: Claim | None) -> None:
        """Show `claim` (with its sources); leaving a claim saves its pending explanation.

        The explanation editor is reloaded from the stored text only when
        - another claim (or none) is shown, or the claim has no verdict any more, or
        - it is the same claim, the checker is not mid-typing (`typing()`: no autosave
          pending, none queued) and the stored explanation differs from the editor's
          text as it would be stored (trimmed): an undo, a redo, a bundle import.
        So the refresh that follows the checker's own autosave never touches the editor,
        its text or its cursor, and typing on after a pause lands where the cursor is.
        """
        same = claim is not None and self.claim is not None and claim.id == self.claim.id
        if not same and self._save_timer.isActive():
            self.save_explanation()
        self._loading = True
        try:
            self.claim = claim
            enabled = claim is not None
            for w in (self.status, self.rating, self.sources, self.add_source_button):
                w.setEnabled(enabled)
            if claim is None:
                self.header.setText("<b>" + self.tr("No claim selected") + "</b>")
                self.claim_text.setText(
                    self.tr("Select a row of the table or click a highlighted sentence.")
                )
                # Blank, not the last claim's values: nothing is selected.
                self.status.setCurrentIndex(-1)
                self.rating.setCurrentIndex(-1)
                self.speaker_name.setText("—")
                self.speaker_kind.setCurrentIndex(-1)
                self.speaker_kind.setEnabled(False)
                self.explanation.setPlainText("")
                self.explanation.setEnabled(False)
                self.verdict_meta.setText("")
                self.sources_model.reload([])
                self.source_edits.update_buttons()
                self.history.clear()
                self.conflicts.rebase(None, in_sync=True)
                self.shown.emit(None)
                return
            bits = ["<b>" + self.tr("Claim {number}").format(number=claim.number) + "</b>"]
            if claim.types:
                bits.append(", ".join(label(t.label) for t in claim.types))
            if claim.score is not None:
                bits.append(self.tr("score {score}").format(score=format_number(claim.score)))
            self.header.setText(" · ".join(bits))
            self.claim_text.setText(claim.text)
            self.speaker_name.setText(claim.speaker or "—")
            kind = claim.speaker_kind.value if claim.speaker_kind else None
            self.speaker_kind.setCurrentIndex(self.speaker_kind.findData(kind))
            # A kind without a speaker would describe no one.
            self.speaker_kind.setEnabled(bool(claim.speaker))
            self.status.setCurrentIndex(list(ClaimStatus).index(claim.status))
            verdict = claim.verdict
            self.rating.setCurrentIndex(self.rating.findData(verdict.rating.id) if verdict else 0)
            stored = verdict.explanation if verdict else ""
            if verdict is None:
                self._save_timer.stop()
            reload = (
                not same
                or verdict is None
                or (not self.typing() and stored != self.explanation.toPlainText().strip())
            )
            if reload:
                self.explanation.setPlainText(stored)
            # Saves rest on this version only once the editor shows what is stored.
            self.conflicts.rebase(claim, in_sync=reload or not self.typing())
            if verdict is None and self.explanation.hasFocus():
                # Disabling the focused editor would leave the keyboard nowhere (Alt+Down
                # from the editor to an unrated claim): its rating is what comes first.
                self.rating.setFocus(Qt.FocusReason.OtherFocusReason)
            self.explanation.setEnabled(verdict is not None)
            self.verdict_meta.setText(
                self.tr("Rated by {checker}, {when}").format(
                    checker=verdict.checker or self.tr("unknown"),
                    when=format_datetime(verdict.updated_at),
                )
                if verdict
                else self.tr("Choose a rating to write the explanation.")
            )
            self.sources_model.reload(claim.sources)
            self.source_edits.update_buttons()
            self.history.show_history(self.workbench.history(claim.id))
        finally:
            self._loading = False
        self.shown.emit(claim)

    def focus_verdict(self) -> None:
        (self.explanation if self.explanation.isEnabled() else self.rating).setFocus()

    # ------------------------------------------------------------------ edits

    def _apply(self, call: Callable[[], Changes]) -> None:
        self.write(call)

    def write(
        self,
        call: Callable[[], Changes],
        *,
        carries_text: bool = False,
        saved: Callable[[Changes], None] | None = None,
        conflict: Callable[[SaveConflict], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Write through the window's queue (at once, or in order once the lock is free).

        `saved` hears a success before the views refresh; a SaveConflict goes to
        `conflict` (the dialog) instead of the error box, any other error to `failed`
        (default: the error box).
        """
        if carries_text:
            self._text_writes += 1

        def settle() -> None:
            if carries_text:
                self._text_writes -= 1

        def done(changes: Changes) -> None:
            settle()
            if saved is not None:
                saved(changes)
            self.changed.emit(changes)

        def refused(exc: BaseException) -> None:
            settle()
            if conflict is not None and isinstance(exc, SaveConflict):
                conflict(exc)
            else:
                (failed or self.errors.report)(exc)

        self.writes.submit(call, done, refused)

    def text_writes(self) -> int:
        return self._text_writes

    def set_editor_text(self, text: str) -> None:
        """Put `text` in the editor as the text being saved (no autosave of its own)."""
        self._save_timer.stop()
        self._loading = True
        try:
            self.explanation.setPlainText(text)
        finally:
            self._loading = False

    def reload_editor(self) -> None:
        """Show the stored verdict again, dropping the editor's text ("take theirs")."""
        if self.claim is None:
            return
        claim = self.workbench.claim(self.claim.id)
        self.set_editor_text(claim.verdict.explanation if claim.verdict else "")
        self.show_claim(claim)

    def _status_chosen(self, index: int) -> None:
        if self.claim is None or self._loading:
            return
        status = ClaimStatus(self.status.itemData(index))
        claim_id = self.claim.id
        self._apply(lambda: self.workbench.set_status(claim_id, status))

    def _speaker_kind_chosen(self, index: int) -> None:
        if self.claim is None or self._loading:
            return
        value = self.speaker_kind.itemData(index)
        kind = SpeakerKind(value) if value else None
        if kind is self.claim.speaker_kind:
            return
        claim_id = self.claim.id
        self._apply(lambda: self.workbench.set_speaker_kind(claim_id, kind))

    def set_status(self, status: ClaimStatus) -> None:
        """The status keys (Ctrl+1 …): nothing happens while no claim is shown."""
        if self.claim is None:
            return
        self.status.setCurrentIndex(list(ClaimStatus).index(status))
        self._status_chosen(self.status.currentIndex())

    def _rating_chosen(self, index: int) -> None:
        if self.claim is None or self._loading:
            return
        rating_id = self.rating.itemData(index)
        claim_id = self.claim.id
        self.ratingChosen.emit(claim_id)
        if rating_id is None:
            self._apply(lambda: self.workbench.clear_verdict(claim_id))
        else:
            text = self.explanation.toPlainText()
            self._save_timer.stop()
            self.conflicts.save_verdict(claim_id, rating_id, text)

    def _explanation_edited(self) -> None:
        if not self._loading and self.claim is not None and self.claim.verdict is not None:
            self._save_timer.start()

    def save_explanation(self) -> None:
        """Store the explanation now (called by the timer, on leaving a claim and on close)."""
        self._save_timer.stop()
        claim = self.claim
        if claim is None or claim.verdict is None:
            return
        text = self.explanation.toPlainText()
        if text.strip() == claim.verdict.explanation:
            return
        self.conflicts.save_verdict(claim.id, claim.verdict.rating.id, text)

    def explanation_text(self) -> str:
        """What the editor holds for the shown claim's verdict ("" when it has none)."""
        if self.claim is None or self.claim.verdict is None:
            return ""
        return self.explanation.toPlainText()

    # ------------------------------------------------------------------ sources

    def add_source(self, url: str = "") -> SourceDialog | None:
        return self.source_edits.add_source(url)

    def edit_source(self) -> SourceDialog | None:
        return self.source_edits.edit_source()

    def remove_source(self) -> None:
        self.source_edits.remove_source()
