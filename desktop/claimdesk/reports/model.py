"""What every report writer reads: a frozen snapshot of articles, claims, sources and settings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from claimdesk.domain import Article, Claim, RatingScale, SourceNote, SpeakerKind
from claimdesk.domain.clock import local
from claimdesk.domain.evidence import Attachment
from claimdesk.domain.text import STRAY_CONTROLS
from claimdesk.domain.urls import safe_url

#: Characters of article text shown on each side of a claim ("text in context").
CONTEXT_CHARS = 160
NOT_RATED = "Not rated"
NOT_RATED_COLOR = "#9e9e9e"
# C0 and C1 control characters other than tab and line breaks. Imported articles are
# cleaned of them, but a verdict, note or title typed or pasted in, or stored by an
# older ClaimDesk, may hold NUL, ESC or BEL: HTML calls them parse errors, spreadsheets
# cut a cell at NUL, a terminal obeys ESC sequences printed by `export -o -`.
_CONTROL = re.compile(f"[{STRAY_CONTROLS}]")
# Controls that meant a line or page break; a space keeps the words apart.
_BREAK_CONTROL = re.compile("[\x0b\x0c\x85]")


@dataclass(frozen=True, slots=True)
class Organisation:
    """The fact-checking organisation that publishes the report (from settings)."""

    name: str = ""
    url: str = ""
    #: Path of a local image file; empty when no logo is set.
    logo: str = ""


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """One article and the claims of it that the report covers (with their sources)."""

    article: Article
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class VerdictCount:
    """One line of the summary: how many claims got this rating."""

    name: str
    count: int
    color: str


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report shows; writers are pure functions of it."""

    title: str
    articles: tuple[ArticleReport, ...]
    scale: RatingScale
    generated_at: datetime
    organisation: Organisation = field(default_factory=Organisation)
    #: Who produced the report (the checker name in settings); each verdict names its own.
    checker: str = ""
    #: The desk publishes only approved verdicts: the others were left out of the claims.
    reviewed_only: bool = False

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for a in self.articles for c in a.claims)

    def verdict_counts(self) -> list[VerdictCount]:
        """Counts per rating in scale order, then the unrated claims (zeros left out)."""
        counts: dict[int, int] = {}
        unrated = 0
        for claim in self.claims:
            if claim.verdict is None:
                unrated += 1
            else:
                counts[claim.verdict.rating.id] = counts.get(claim.verdict.rating.id, 0) + 1
        rows = [
            VerdictCount(r.name, counts.pop(r.id), r.color)
            for r in sorted(self.scale.ratings, key=lambda r: r.position)
            if r.id in counts
        ]
        # A rating from another scale (not expected, but never drop a verdict silently).
        seen = {c.verdict.rating.id: c.verdict.rating for c in self.claims if c.verdict}
        rows += [VerdictCount(seen[i].name, n, seen[i].color) for i, n in counts.items()]
        if unrated:
            rows.append(VerdictCount(NOT_RATED, unrated, NOT_RATED_COLOR))
        return rows


def claim_context(article: Article, claim: Claim, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Article text around the claim, within its paragraph, cut at word boundaries.

    The claim's own text is always `claim.text` (stored beside the span); if the stored
    article text no longer holds it at those offsets, no context is shown.
    """
    text = article.text
    if text[claim.start : claim.end] != claim.text:
        return "", ""
    start = max(0, claim.start - width)
    end = min(len(text), claim.end + width)
    before = text[start : claim.start]
    after = text[claim.end : end]
    # Context stays inside the claim's paragraph.
    if (cut := before.rfind("\n\n")) >= 0:
        before, start = before[cut + 2 :], 0
    if (cut := after.find("\n\n")) >= 0:
        after, end = after[:cut], len(text)
    if start > 0:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < len(before) - 1 else before)
    if end < len(text):
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return before, after


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def printable(text: str) -> str:
    """`text` without control characters (tab, CR and LF stay; VT, FF, NEL become spaces).

    Every writer passes what it writes through this, so a control character that slipped
    into the database is never carried into a report or a spreadsheet cell.
    """
    return _CONTROL.sub("", _BREAK_CONTROL.sub(" ", text))


# Bidirectional embeddings and overrides (LRE RLE LRO RLO, closed by PDF) and isolates
# (LRI RLI FSI, closed by PDI).
_BIDI_OPEN = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
              "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}


def close_bidi(text: str) -> str:
    """`text` with every bidirectional override, embedding or isolate it opens closed.

    Left open, a right-to-left override (U+202E) in a source's title runs on to the end
    of the line or paragraph it is written in: the stance, date or verdict printed after
    it would read backwards ("stcidartnoC"). Closing it keeps the user's text as it is
    and confines its effect to that text.
    """
    if not any(ch in _BIDI_OPEN or ch in "\u202c\u2069" for ch in text):
        return text
    stack: list[str] = []
    for ch in text:
        if ch in _BIDI_OPEN:
            stack.append(_BIDI_OPEN[ch])
        elif ch == "\u202c" and stack and stack[-1] == "\u202c":
            stack.pop()
        elif ch == "\u2069" and "\u2069" in stack:
            # A PDI closes its isolate and every embedding opened inside it.
            while stack.pop() != "\u2069":
                pass
    return text + "".join(reversed(stack))


def safe_link(url: str | None) -> str | None:
    """`url` percent-encoded if it is safe to make a clickable link of (web or mail), else None.

    Every writer takes its link targets from here, never from the stored text: a database
    edited behind ClaimDesk's back must not put ")" into Qt's PDF strings either.
    """
    return safe_url(url)


def safe_color(color: str, default: str = NOT_RATED_COLOR) -> str:
    """`color` if it is a plain #rgb/#rrggbb hex colour (it goes into style attributes)."""
    c = color.strip()
    if len(c) in (4, 7) and c[0] == "#" and all(ch in "0123456789abcdefABCDEF" for ch in c[1:]):
        return c
    return default


def types_label(claim: Claim) -> str:
    return ", ".join(t.label for t in claim.types)


def speaker_label(speaker: str | None, kind: SpeakerKind | None) -> str:
    """The speaker as a report shows it, e.g. "Ukraine (place)"; "" when there is none."""
    name = (speaker or "").strip()
    return f"{name} ({kind.value})" if name and kind else name


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def attachment_line(f: Attachment) -> str:
    """How a report lists an attached file: name, type, size, checksum, capture time.

    The whole sha256 is printed: it is what lets a reader prove later that a copy of the
    file is the one the verdict rests on.
    """
    return (
        f"{f.file_name} ({f.media_type}, {file_size(f.size)}) · sha256 {f.sha256} · "
        f"captured {local(f.captured_at):%Y-%m-%d %H:%M}"
    )


def source_label(source: SourceNote) -> str:
    """What a source is called in a report: its title, else its URL."""
    return source.title.strip() or source.url.strip() or "Untitled source"


def article_meta(article: Article) -> list[tuple[str, str, str | None]]:
    """(label, value, link or None) rows describing where an article came from."""
    rows: list[tuple[str, str, str | None]] = []
    if article.publisher:
        rows.append(("Source", article.publisher, None))
    if article.author:
        rows.append(("Author", article.author, None))
    if article.published:
        rows.append(("Published", article.published.isoformat(), None))
    if article.url:
        rows.append(("URL", article.url, safe_link(article.url)))
    rows.append(("File", f"{article.file_name} ({article.format})", None))
    rows.append(("Imported", f"{local(article.imported_at):%Y-%m-%d %H:%M}", None))
    rows.append(("SHA-256", article.sha256, None))
    return rows
