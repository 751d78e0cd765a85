"""File → Export: choose what and how, preview the report, then save it off the GUI thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from claimdesk.errors import KnownError
from claimdesk.gui.errors import ErrorReporter
from claimdesk.gui.i18n import label
from claimdesk.gui.jobs import Job, JobRunner
from claimdesk.gui.report_pdf import register_pdf
from claimdesk.gui.screen_fit import resize_within_screen
from claimdesk.gui.theme import WARNING_COLORS, MessageLabel, paper_palette
from claimdesk.reports.claimreview import missing_facts
from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.reports.html import render_html
from claimdesk.reports.model import ReportData
from claimdesk.reports.output import write_atomic
from claimdesk.services.reporting import Reporting

SCOPE_ARTICLE, SCOPE_ALL, SCOPE_DATES = range(3)


def render_bytes(
    data: ReportData,
    fmt: str,
    *,
    bom: bool,
    review_url: str | None,
    attachment_links: dict[int, str] | None = None,
) -> bytes:
    """The file's bytes in `fmt` (every format renders itself; gui registers PDF)."""
    options = ExportOptions(
        csv_bom=bom, review_url=review_url, attachment_links=attachment_links
    )
    return FORMATS[fmt].render_bytes(data, options)


def has_attachments(data: ReportData | None) -> bool:
    return data is not None and any(s.attachments for c in data.claims for s in c.sources)


class ExportDialog(QDialog):
    """Builds a ReportData from the choices, previews it, and writes the chosen format."""

    def __init__(
        self,
        parent: QWidget,
        reporting: Reporting,
        jobs: JobRunner,
        errors: ErrorReporter,
        article_id: int | None,
    ) -> None:
        super().__init__(parent)
        register_pdf()  # the one format the core cannot draw: Qt lays it out
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export report"))
        resize_within_screen(self, 900, 680)
        self.reporting = reporting
        self.jobs = jobs
        self.errors = errors
        self.article_id = article_id
        self.data: ReportData | None = None
        self.saved: Path | None = None

        self.scope = QButtonGroup(self)
        self.scope_article = QRadioButton(self.tr("&This article"), objectName="scopeArticle")
        self.scope_all = QRadioButton(self.tr("&All articles"), objectName="scopeAll")
        self.scope_dates = QRadioButton(self.tr("Checked &between"), objectName="scopeDates")
        for i, button in enumerate((self.scope_article, self.scope_all, self.scope_dates)):
            self.scope.addButton(button, i)
        self.scope_article.setEnabled(article_id is not None)
        (self.scope_article if article_id is not None else self.scope_all).setChecked(True)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7), objectName="dateFrom")
        self.date_to = QDateEdit(today, objectName="dateTo")
        self.date_from.setAccessibleName(self.tr("Checked from"))
        self.date_to.setAccessibleName(self.tr("Checked until"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        scope_row = QHBoxLayout()
        for w in (
            self.scope_article,
            self.scope_all,
            self.scope_dates,
            self.date_from,
            QLabel(self.tr("and")),
            self.date_to,
        ):
            scope_row.addWidget(w)
        scope_row.addStretch()
        self.all_claims = QCheckBox(
            self.tr("&Include claims nobody has worked on"), objectName="allClaims"
        )

        self.format = QComboBox(objectName="exportFormat")
        for fmt in FORMATS.values():
            self.format.addItem(label(fmt.label), fmt.name)
        self.bom = QCheckBox(self.tr("Byte-order &mark for Excel"), objectName="csvBom")
        # Evidence files travel with an HTML report as checked copies in a folder beside
        # it, linked from the page (the same copies as `claimdesk export --copy-attachments`).
        self.copy_files = QCheckBox(
            self.tr("&Copy attached files into a folder beside the report"),
            objectName="copyAttachments",
        )
        self.copy_files.setChecked(True)
        self.review_url = QLineEdit(objectName="reviewUrl")
        self.review_url.setPlaceholderText(
            self.tr("https://… the page where this fact-check is published")
        )
        self.warning = MessageLabel(WARNING_COLORS, objectName="exportWarning")
        self.warning.setWordWrap(True)
        # "Saved …" is news, not a warning: the dialog's own text colour, and only until
        # the checker chooses something else (it would speak of a report not yet saved).
        self.saved_line = QLabel(objectName="exportSaved")
        self.saved_line.setTextFormat(Qt.TextFormat.PlainText)  # a path is no markup
        self.saved_line.setWordWrap(True)
        self.saved_line.hide()

        self.preview = QTextBrowser(objectName="exportPreview")
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview"))
        # A page of the report as it will print: dark text on white in every theme.
        self.preview.setPalette(paper_palette(self.preview.palette()))
        self.save_button = QPushButton(self.tr("&Save…"), objectName="exportSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Report on:"), scope_row)
        form.addRow("", self.all_claims)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.bom)
        form.addRow("", self.copy_files)
        form.addRow(self.tr("Review &URL:"), self.review_url)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.saved_line)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

        self._enable_dates()
        self.scope.idToggled.connect(self._scope_toggled)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_changed)
        self.all_claims.toggled.connect(lambda _on: self.refresh())
        self.format.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bom.toggled.connect(lambda _on: self.refresh())
        self.review_url.textChanged.connect(lambda _t: self._review_url_edited())
        self.refresh()

    # ------------------------------------------------------------------ choices

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._enable_dates()
            self.refresh()

    def _enable_dates(self) -> None:
        """The dates count only for "Checked between": otherwise no Tab stops on them."""
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(self.scope_dates.isChecked())

    def _dates_changed(self, _date: QDate) -> None:
        if self.scope_dates.isChecked():
            self.refresh()

    def fmt(self) -> str:
        return str(self.format.currentData())

    def build(self) -> ReportData:
        all_claims = self.all_claims.isChecked()
        scope = self.scope.checkedId()
        if scope == SCOPE_ARTICLE and self.article_id is not None:
            return self.reporting.build([self.article_id], all_claims=all_claims)
        if scope == SCOPE_DATES:
            return self.reporting.build(
                checked_from=_date(self.date_from.date()),
                checked_to=_date(self.date_to.date()),
                all_claims=all_claims,
            )
        return self.reporting.build(None, all_claims=all_claims)

    def refresh(self) -> None:
        """Rebuild the report from the choices and show its preview."""
        self._say_saved(None)
        fmt = self.fmt()
        self.bom.setVisible(fmt == "csv")
        self.copy_files.setVisible(False)
        self.review_url.setEnabled(fmt == "claimreview")
        try:
            self.data = self.build()
        except KnownError as exc:
            self.data = None
            self.preview.setPlainText(str(exc))
            self.save_button.setEnabled(False)
            self.warning.setText("")
            return
        self.save_button.setEnabled(True)
        self.copy_files.setVisible(fmt == "html" and has_attachments(self.data))
        if fmt in ("html", "pdf", "docx"):
            self.preview.setHtml(render_html(self.data))
        else:
            try:
                text = FORMATS[fmt].render(
                    self.data,
                    ExportOptions(review_url=self._review_url() or "https://example.invalid/"),
                )
            except KnownError as exc:
                text = str(exc)
            self.preview.setPlainText(text if isinstance(text, str) else "")
        self._update_warning()

    def _review_url_edited(self) -> None:
        self._say_saved(None)
        self._update_warning()

    def _say_saved(self, path: Path | None) -> None:
        self.saved_line.setText(self.tr("Saved {path}").format(path=path) if path else "")
        self.saved_line.setVisible(path is not None)

    def _review_url(self) -> str | None:
        return self.review_url.text().strip() or None

    def _update_warning(self) -> None:
        if self.data is not None and not self.data.claims:
            self.warning.setText(
                self.tr(
                    "No claim here has been worked on yet. Tick “Include claims nobody has "
                    "worked on” to list every candidate."
                )
            )
            return
        if self.data is None or self.fmt() != "claimreview":
            self.warning.setText("")
            return
        gaps = missing_facts(self.data, self._review_url())
        # The missing facts are named by the reports layer, in English.
        self.warning.setText(
            self.tr("ClaimReview needs facts that are not set yet: {facts}.").format(
                facts="; ".join(gaps)
            )
            if gaps
            else ""
        )

    # ------------------------------------------------------------------ saving

    def choose_file(self) -> None:
        fmt = FORMATS[self.fmt()]
        title = self.data.title if self.data else "report"
        suggested = str(Path.home() / (_safe_name(title) + fmt.suffix))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), suggested, f"{label(fmt.label)} (*{fmt.suffix})"
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> Job | None:
        """Render and write the chosen format to `path` in the background.

        What is saved is what the preview shows, and only if the desk still says so: a
        verdict approved, sent back to review or edited since the preview (by a colleague
        on a shared desk) would otherwise be published as it no longer stands. Then the
        preview is shown anew and nothing is written.
        """
        data = self.data
        if data is None:
            return None
        if not self._still_current(data):
            self.refresh()
            self.warning.setText(self.tr(
                "The desk changed since this preview (a verdict was edited, approved or sent "
                "back to review). Check the new preview, then save again."
            ))  # fmt: skip
            return None
        fmt = self.fmt()
        bom = self.bom.isChecked()
        review_url = self._review_url()
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(FORMATS[fmt].suffix)
        copy = self.copy_files.isChecked() and fmt == "html" and has_attachments(data)
        reporting = self.reporting
        self.save_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)

        def work(_job: Job) -> Path:
            if not copy:
                return write_atomic(target, render_bytes(data, fmt, bom=bom,
                                                         review_url=review_url))
            # The copies go again if the report itself cannot be written.
            with reporting.attachments_copied(data, target) as links:
                payload = render_bytes(
                    data, fmt, bom=bom, review_url=review_url, attachment_links=links
                )
                return write_atomic(target, payload)

        def done(written: Path) -> None:
            self.unsetCursor()
            self.save_button.setEnabled(True)
            self.saved = written
            self._say_saved(written)

        def failed(exc: BaseException) -> None:
            self.unsetCursor()
            self.save_button.setEnabled(True)
            self.errors.report(exc)

        return self.jobs.run(f"export {fmt}", work, done, failed, owner=self)

    def _still_current(self, data: ReportData) -> bool:
        try:
            fresh = self.build()
        except KnownError:
            return False
        return replace(fresh, generated_at=data.generated_at) == data


def _date(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def _safe_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:60] or "report"
