"""Markdown report (CommonMark + GFM tables) with every user-written string escaped."""

from __future__ import annotations

import re

from claimdesk.domain.clock import local_day, local_text
from claimdesk.reports.model import (
    ReportData,
    article_meta,
    attachment_line,
    claim_context,
    close_bidi,
    printable,
    safe_link,
    source_label,
    speaker_label,
    types_label,
)

# Characters that mean something wherever they stand (CommonMark lets any ASCII
# punctuation be backslash-escaped, so escaping too much is harmless).
_ALWAYS = re.compile(r"([\\`*_\[\]<>#|~&!])")
# At the start of a line they would open a list, a setext heading or a thematic break.
_LINE_START = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_markdown(text: str, prefix: str = "") -> str:
    """`text` as literal Markdown; line breaks become hard breaks continued with `prefix`.

    Leading white space of continuation lines is dropped (Markdown would read four spaces
    as code); callers strip a field that starts a line themselves.
    """
    lines = []
    raw_lines = close_bidi(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, raw in enumerate(raw_lines):
        line = _ALWAYS.sub(r"\\\1", raw.lstrip(" \t") if i else raw)
        line = _LINE_START.sub(r"\\\1", line)
        line = _ORDERED.sub(r"\1\\\2", line)
        lines.append(line)
    # Empty lines would end the paragraph (or the list item); keep them as hard breaks.
    return ("\\\n" + prefix).join(lines)


def escape_line(text: str) -> str:
    """`text` as literal Markdown on one line, for a heading or a table cell: a line
    break there would end the heading or the table row, so runs of white space become
    one space."""
    return escape_markdown(" ".join(text.split()))


def _link_destination(url: str) -> str:
    return "<" + re.sub(r"([<>\\])", r"\\\1", url) + ">"


def _link(label: str, url: str, prefix: str = "") -> str:
    target = safe_link(url)
    text = escape_markdown(label, prefix)
    return f"[{text}]({_link_destination(target)})" if target else text


def render_markdown(data: ReportData) -> str:
    """The report as Markdown text."""
    out: list[str] = [f"# {escape_line(data.title)}", ""]
    org = data.organisation
    if org.name or org.url:
        parts = [f"**{escape_markdown(org.name)}**"] if org.name else []
        if org.url:
            parts.append(_link(org.url, org.url))
        out += [" · ".join(parts), ""]
    total = len(data.claims)
    line = f"Generated {local_text(data.generated_at)}"
    if data.checker:
        line += f" by {escape_markdown(data.checker)}"
    line += f" · {total} claim{'' if total == 1 else 's'} in {len(data.articles)} article"
    line += "" if len(data.articles) == 1 else "s"
    out += [line, "", "## Summary of verdicts", ""]
    counts = data.verdict_counts()
    if counts:
        out += ["| Verdict | Claims |", "| --- | ---: |"]
        out += [f"| {escape_line(c.name)} | {c.count} |" for c in counts]
    else:
        out.append("No claims in this report.")
    out.append("")
    for part in data.articles:
        article = part.article
        out += [f"## {escape_line(article.title)}", ""]
        for key, value, link in article_meta(article):
            shown = _link(value, link, "  ") if link else escape_markdown(value, "  ")
            out.append(f"- **{key}:** {shown}")
        out.append("")
        if not part.claims:
            out += ["No claims selected in this article.", ""]
        for claim in part.claims:
            verdict = claim.verdict
            rating = escape_line(verdict.rating.name) if verdict else "Not rated"
            out += [f"### Claim {claim.number} · {rating}", ""]
            before, after = claim_context(article, claim)
            quote = escape_markdown(before, "> ")
            quote += f"**{escape_markdown(claim.text, '> ')}**"
            quote += escape_markdown(after, "> ")
            out += ["> " + quote, ""]
            out.append(f"- **Type:** {escape_markdown(types_label(claim)) or '—'}")
            speaker = escape_markdown(speaker_label(claim.speaker, claim.speaker_kind))
            out.append(f"- **Speaker:** {speaker or '—'}")
            out.append(f"- **Status:** {claim.status.label}")
            if verdict:
                by = f" by {escape_markdown(verdict.checker, '  ')}" if verdict.checker else ""
                out.append(f"- **Checked:**{by} on {local_day(verdict.updated_at).isoformat()}")
                out += ["", escape_markdown(verdict.explanation.strip() or "No explanation given.")]
            out.append("")
            if claim.sources:
                out += ["**Sources**", ""]
            for i, s in enumerate(claim.sources, start=1):
                pad = " " * (len(str(i)) + 2)
                item = f"{i}. {_link(source_label(s), s.url, pad)}"
                if s.publisher:
                    item += f", {escape_markdown(s.publisher.strip(), pad)}"
                if s.accessed:
                    item += f" (accessed {s.accessed.isoformat()})"
                item += f", {s.stance.label.lower()}"
                if s.title.strip() and s.url.strip():
                    item += "\\\n" + pad + escape_markdown(s.url.strip(), pad)
                if s.quote:
                    item += "\\\n" + pad + "“" + escape_markdown(s.quote.strip(), pad) + "”"
                if s.note:
                    item += "\\\n" + pad + escape_markdown(s.note.strip(), pad)
                for f in s.attachments:
                    item += "\\\n" + pad + "Attached: " + escape_markdown(attachment_line(f), pad)
                out.append(item)
            if claim.sources:
                out.append("")
    out += ["---", "", "Made with ClaimDesk."]
    return printable("\n".join(out)) + "\n"
