"""Word (.docx) report with python-docx: real headings, lists, links and right-to-left runs."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from claimdesk.domain.clock import local_day, local_text
from claimdesk.reports.model import (
    ReportData,
    article_meta,
    attachment_line,
    claim_context,
    close_bidi,
    is_rtl,
    printable,
    safe_color,
    safe_link,
    source_label,
    speaker_label,
    types_label,
)

# Characters XML 1.0 cannot hold; python-docx would raise on them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINK_COLOR = "0563C1"
_LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


def _clean(text: str) -> str:
    return close_bidi(_NOT_XML.sub("", printable(text)))


def _set_rtl(paragraph: Any) -> None:
    """Lay the paragraph out right to left (Word's w:bidi)."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.append(OxmlElement("w:bidi"))


def _run(
    paragraph: Any, text: str, *, bold: bool = False, italic: bool = False, color: str | None = None
) -> Any:
    run = paragraph.add_run(_clean(text))
    run.bold = bold or None
    run.italic = italic or None
    if color:
        run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
    if is_rtl(text):
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))
    return run


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A clickable external link; python-docx has no public API for writing one."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), _LINK_COLOR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    if is_rtl(text):
        rpr.append(OxmlElement("w:rtl"))
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = _clean(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _text_or_link(paragraph: Any, text: str, url: str | None) -> None:
    target = safe_link(url or "")
    if target:
        _hyperlink(paragraph, text, target)
    else:
        _run(paragraph, text)


def _paragraph(doc: Any, text: str = "", style: str | None = None, **run_args: Any) -> Any:
    paragraph = doc.add_paragraph(style=style)
    if text:
        _run(paragraph, text, **run_args)
    if is_rtl(text):
        _set_rtl(paragraph)
    return paragraph


def _add_logo(doc: Any, path: str) -> None:
    file = Path(path).expanduser() if path else None
    if file is None or file.suffix.lower() not in _LOGO_TYPES or not file.is_file():
        return
    try:
        doc.add_picture(str(file), height=Mm(15))
    except Exception:
        return


def _header(doc: Any, data: ReportData) -> None:
    org = data.organisation
    _add_logo(doc, org.logo)
    if org.name or org.url:
        p = doc.add_paragraph()
        if org.name:
            _run(p, org.name, bold=True)
        if org.url:
            _run(p, " · " if org.name else "")
            _text_or_link(p, org.url, org.url)
    heading = doc.add_heading(level=0)
    _run(heading, data.title)
    if is_rtl(data.title):
        _set_rtl(heading)
    total = len(data.claims)
    line = f"Generated {local_text(data.generated_at)}"
    p = _paragraph(doc, line)
    if data.checker:
        _run(p, " by ")
        _run(p, data.checker)
    n = len(data.articles)
    _run(p, f" · {total} claim{'' if total == 1 else 's'} in {n} article{'' if n == 1 else 's'}")


def _summary(doc: Any, data: ReportData) -> None:
    doc.add_heading("Summary of verdicts", level=1)
    counts = data.verdict_counts()
    if not counts:
        _paragraph(doc, "No claims in this report.")
        return
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Verdict"
    table.rows[0].cells[1].text = "Claims"
    for c in counts:
        cells = table.add_row().cells
        _run(cells[0].paragraphs[0], c.name, bold=True, color=safe_color(c.color))
        cells[1].text = str(c.count)


def _claims(doc: Any, data: ReportData) -> None:
    for part in data.articles:
        article = part.article
        heading = doc.add_heading(level=1)
        _run(heading, article.title)
        if is_rtl(article.title):
            _set_rtl(heading)
        for key, value, link in article_meta(article):
            p = doc.add_paragraph()
            _run(p, f"{key}: ", bold=True)
            _text_or_link(p, value, link)
        if not part.claims:
            _paragraph(doc, "No claims selected in this article.")
        for claim in part.claims:
            verdict = claim.verdict
            heading = doc.add_heading(level=2)
            _run(heading, f"Claim {claim.number} · ")
            if verdict:
                _run(heading, verdict.rating.name, color=safe_color(verdict.rating.color))
            else:
                _run(heading, "Not rated")
            before, after = claim_context(article, claim)
            quote = doc.add_paragraph(style="Quote")
            _run(quote, before, italic=True, color="#666666")
            _run(quote, claim.text, bold=True)
            _run(quote, after, italic=True, color="#666666")
            if is_rtl(before + claim.text):
                _set_rtl(quote)
            p = doc.add_paragraph()
            _run(p, "Type: ", bold=True)
            _run(p, types_label(claim) or "—")
            _run(p, " · Speaker: ", bold=True)
            _run(p, speaker_label(claim.speaker, claim.speaker_kind) or "—")
            _run(p, " · Status: ", bold=True)
            _run(p, claim.status.label)
            if verdict:
                _paragraph(doc, verdict.explanation or "No explanation given.")
                p = doc.add_paragraph()
                _run(p, "Checked", italic=True)
                if verdict.checker:
                    _run(p, " by ", italic=True)
                    _run(p, verdict.checker, italic=True)
                _run(p, f" on {local_day(verdict.updated_at).isoformat()}", italic=True)
            if claim.sources:
                _paragraph(doc, "Sources", bold=True)
            for s in claim.sources:
                p = doc.add_paragraph(style="List Number")
                _text_or_link(p, source_label(s), s.url)
                if s.publisher:
                    _run(p, ", " + s.publisher)
                if s.accessed:
                    _run(p, f" (accessed {s.accessed.isoformat()})")
                _run(p, f", {s.stance.label.lower()}", italic=True)
                if s.title.strip() and s.url.strip():
                    _run(p, "\n" + s.url.strip())
                if s.quote:
                    _run(p, "\n“" + s.quote + "”")
                if s.note:
                    _run(p, "\n" + s.note)
                for f in s.attachments:
                    _run(p, "\nAttached: " + attachment_line(f))
                if is_rtl(source_label(s)):
                    _set_rtl(p)


def render_docx(data: ReportData) -> bytes:
    """The report as the bytes of a .docx file."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    props = doc.core_properties
    props.title = _clean(data.title)[:255]
    props.author = _clean(data.organisation.name or data.checker)[:255]
    props.comments = "Made with ClaimDesk"
    props.created = data.generated_at
    _header(doc, data)
    _summary(doc, data)
    _claims(doc, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
