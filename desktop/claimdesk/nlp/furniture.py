"""Article furniture (headlines, bylines, datelines, list and quote markers), kept out of claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from claimdesk.nlp.lexicon import words as word_set
from claimdesk.nlp.segments import Segment

#: A line without final punctuation of more words than this is a sentence, not a title.
HEADLINE_MAX_WORDS = 16
#: A list item of fewer words, without final punctuation, is a label ("• Background").
MIN_ITEM_WORDS = 2
#: Lines at the top of an article that may stack as headline, kicker and standfirst.
TOP_TITLE_LINES = 3

# List and quote markers at a line start; each needs white space after it, so "-5%",
# "*Note*" and "2.5 million" are left alone. Lower-case letters and roman numerals only,
# because "A. Smith" starts with an initial, not a list letter.
_MARKER = re.compile(
    r"(?:>+|[•▪◦‣●■□▸►▶✓✔✗·∙○◆◇★*+]|[-–—]{1,2}"
    r"|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|\([A-Za-z]\)|[A-Z]\))(?=\s)\s*"
)
_QUOTE_MARKER = re.compile(r">+(?:\s+|$)")
_MD_HEADING = re.compile(r"#{1,6}\s+")
# "LONDON (Reuters) -", "WASHINGTON —", "KYIV, Ukraine (AP) —", "NEW YORK, Sept 7 -",
# "Moscow, Sept 7 (Reuters) -": a capitalised place, then a dash, at a paragraph start.
_CAPS_PLACE = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_PLACE = r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}"
_DETAIL = r"(?:,\s*[A-Z0-9][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3})?"
_AGENCY = r"\s*\([A-Z][\w .&'’-]{1,30}\)"
_DASH = r"(?:\s+-{1,2}\s+|\s*[—–]\s*)"
_DATELINE = re.compile(
    rf"(?:{_CAPS_PLACE}{_DETAIL}(?:{_AGENCY})?|{_PLACE}{_DETAIL}{_AGENCY}){_DASH}"
    r"(?=[\"“‘'A-Z0-9]|$)"
)
_BARE_DATELINE = re.compile(rf"(?:{_CAPS_PLACE}|{_PLACE}){_DETAIL}{_AGENCY}")
_ENDED = re.compile(r"[.!?…。！？][\"'”’»)\]*_]*$")
# Links and tags that end a post ("… rising. #jobs https://t.co/x"); a line with one is
# no title, and they do not hide the full stop before them.
_WEB = re.compile(r"(?<![\w@#&])[#@]\w+|https?://\S+|www\.\S+|pic\.twitter\.com/\S+")
_TRAILING_WEB = re.compile(rf"(?:\s*(?:{_WEB.pattern}))+$")
# A line that ends like this runs on into the next one: no title ends so.
_RUNS_ON = re.compile(r"[,;:(\[/&+-]$")
_RUN_ON_WORDS = word_set(
    "a an the and or but nor of to in on at by for from with as that which who whose "
    "than into onto is are was were be been has have had will would not since until after "
    "before about over under if when while because"
)
# Words of a byline besides names: joiners and the usual job titles.
_BYLINE_WORDS = word_set(
    "and by in for of the at & de van von der den da di la le du bin al el y "
    "editor correspondent reporter writer columnist contributor staff analyst producer "
    "journalist chief bureau presenter political economics business health science "
    "diplomatic foreign home security technology environment senior deputy associate "
    "international national chief news sports"
)
_ROLE_WORDS = word_set(
    "editor correspondent reporter writer columnist contributor staff analyst producer "
    "journalist bureau presenter"
)
_BYLINE_START = re.compile(
    r"\(?(?:By|BY|(?:Additional )?(?:[Rr]eporting|Writing|Editing|Edited|Compiled|Written|Words"
    r"|Report) by)\s+(?=[A-Z])"
)
_TIMESTAMP_START = re.compile(
    r"(?:Updated|UPDATED|Published|PUBLISHED|Posted|Last updated|First published|"
    r"Last modified|Modified|Date)\b:?\s*"
)
_DATE_WORD = re.compile(
    r"(?:\d[\d:./-]*(?:st|nd|rd|th|am|pm|h)?|a\.m\.|p\.m\.|am|pm|gmt|bst|utc|cet|cest|est|edt|"
    r"pst|pdt|et|pt|ago|on|at|hours?|hrs?|minutes?|mins?|days?|weeks?|just|now|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?|"
    r"[|•·,–—-]+)",
    re.IGNORECASE,
)
_BYLINE_SEPARATOR = re.compile(r"\s*(?:[,|–—]|\s-\s)\s*")
_SIGNATURE = re.compile(r"[—–-]{1,2}\s*[^()\n]{1,60}\(@\w{1,30}\)(?:\s+.{0,40})?")
_UNDERLINE = re.compile(r"(?:=[ \t]*){3,}|(?:-[ \t]*){3,}")
_WORD = re.compile(r"[^\W_][\w'’.-]*")


class LineKind(Enum):
    """What a line of article text is; only TEXT lines are searched for claims."""

    TEXT = "text"
    HEADLINE = "headline"
    BYLINE = "byline"
    DATELINE = "dateline"
    #: "— Jane Doe (@jdoe) September 7, 2023" under an embedded post: who posted the line
    #: above, for the speaker rules; no claim itself.
    SIGNATURE = "signature"


@dataclass(frozen=True, slots=True)
class Line:
    """One trimmed line of article text: [start, end), its kind, and where its text begins.

    `body` is past any quote, list or heading marker and any dateline ("LONDON (Reuters) -"),
    so a claim found in the line never includes them.
    """

    start: int
    end: int
    kind: LineKind
    body: int


# "ISLAMABAD:" as a sentence of its own: a colon dateline (spaCy cuts it off its line),
# or a transcript label left alone; either way no claim.
_BARE_LABEL = re.compile(rf"{_CAPS_PLACE}\s*:")


def is_bare_label(sentence: str) -> bool:
    """Whether a candidate sentence is only a capitalised place or name and a colon."""
    return _BARE_LABEL.fullmatch(sentence) is not None


def line_body(line: str) -> tuple[int, str]:
    """How many leading characters of `line` are markers, and which: "list", "heading" or "".

    Quote markers ("> "), list markers ("• ", "- ", "1. ", "a) ") and Markdown heading
    marks ("## ") may nest; a dateline after them is skipped too. (A transcript's "NAME:"
    would be one more prefix of the same kind.)
    """
    i, marker = 0, ""
    while True:
        match = _QUOTE_MARKER.match(line, i) or _MARKER.match(line, i)
        if match is not None:
            marker = marker or "list"
        elif not marker:
            match = _MD_HEADING.match(line, i)
            marker = "heading" if match is not None else ""
        if match is None or match.end() == i:
            break
        i = match.end()
    dateline = _DATELINE.match(line, i)
    if dateline is not None:
        i = dateline.end()
    return i, marker


def classify_lines(text: str, segments: list[Segment]) -> list[Line]:
    """The lines that `segments` (from paragraph_segments) come from, each with its kind."""
    spans: list[tuple[int, int]] = []
    last = -1
    for segment in segments:
        if segment.paragraph == last:
            spans[-1] = (spans[-1][0], segment.end)
        else:
            spans.append((segment.start, segment.end))
            last = segment.paragraph
    shapes = [_shape(text[start:end]) for start, end in spans]
    kinds = [shape.kind for shape in shapes]
    _mark_titles(shapes, kinds)
    return [Line(start, end, kind, start + shape.body)
            for (start, end), shape, kind in zip(spans, shapes, kinds, strict=True)]


def content_segments(text: str, segments: list[Segment]) -> list[Segment]:
    """`segments` without furniture lines, each line's first chunk starting past its markers."""
    lines = classify_lines(text, segments)
    kept: list[Segment] = []
    k, last = -1, -1
    for segment in segments:
        if segment.paragraph != last:
            k, last = k + 1, segment.paragraph
        line = lines[k]
        if line.kind is not LineKind.TEXT or segment.end <= line.body:
            continue
        start = max(segment.start, line.body)
        while start < segment.end and text[start].isspace():
            start += 1
        kept.append(Segment(start, segment.end, segment.paragraph))
    return kept


@dataclass(frozen=True, slots=True)
class _Shape:
    """What one line looks like on its own, before its neighbours are considered."""

    kind: LineKind
    body: int
    #: Ends with sentence punctuation, is too long to be a title or is a list item: body text.
    prose: bool
    #: Could be a headline: short, unpunctuated, capitalised, not running on.
    title: bool
    #: A Markdown heading ("## …") that does not end like a sentence.
    heading: bool = False
    #: A line of "===" or "---" that underlines the heading above it (Markdown's other form).
    underline: bool = False


def _shape(line: str) -> _Shape:
    if _UNDERLINE.fullmatch(line):
        return _Shape(LineKind.TEXT, len(line), False, False, underline=True)
    if _SIGNATURE.fullmatch(line):
        return _Shape(LineKind.SIGNATURE, len(line), False, False)
    body, marker = line_body(line)
    rest = line[body:]
    words = _WORD.findall(rest)
    ended = bool(_ENDED.search(_TRAILING_WEB.sub("", rest)))
    if body > 0 and not rest.strip() and _DATELINE.match(line):
        return _Shape(LineKind.DATELINE, len(line), False, False)
    if _BARE_DATELINE.fullmatch(line):
        return _Shape(LineKind.DATELINE, len(line), False, False)
    if _is_byline(rest, words):
        return _Shape(LineKind.BYLINE, len(line), False, False)
    if marker == "list":
        # A list item is body text unless it is a bare label ("• Background").
        if ended or len(words) >= MIN_ITEM_WORDS:
            return _Shape(LineKind.TEXT, body, True, False)
        return _Shape(LineKind.HEADLINE, len(line), False, False)
    prose = ended or len(words) > HEADLINE_MAX_WORDS
    first = next((ch for ch in rest if ch.isalnum()), "")
    title = (
        not prose and bool(words) and not first.islower() and not _WEB.search(rest)
        and not _RUNS_ON.search(rest) and words[-1].lower() not in _RUN_ON_WORDS
    )
    return _Shape(LineKind.TEXT, body, prose, title, marker == "heading" and not ended)


def _is_byline(rest: str, words: list[str]) -> bool:
    """ "By Jane Doe", "Jane Doe, Political Editor", "Updated 12:30 GMT", "Thu 7 Sep 2023"."""
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    stamp = _TIMESTAMP_START.match(rest)
    tail = rest[stamp.end():] if stamp else rest
    tokens = tail.split()
    if tokens and all(_DATE_WORD.fullmatch(t.strip("(),")) for t in tokens) and (
        stamp or any(ch.isdigit() for ch in tail)
    ):
        return True
    if stamp and not tokens:
        return False
    if _ENDED.search(rest) and not re.search(r"\b[A-Z]\.$", rest):
        return False
    start = _BYLINE_START.match(rest)
    if start is not None:
        names = _WORD.findall(rest[start.end():])
        return all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in names)
    named = all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words)
    # "Jane Doe, Political Editor": a name, a separator, then a job title.
    parts = _BYLINE_SEPARATOR.split(rest, maxsplit=1)
    if len(parts) < 2 or not named:
        return False
    name, role = parts[0], parts[-1]
    return 2 <= len(name.split()) <= 4 and any(
        w.lower().strip(".") in _ROLE_WORDS for w in role.split())


def _mark_titles(shapes: list[_Shape], kinds: list[LineKind]) -> None:
    """Mark headlines: title-shaped lines at the top of the text, or between paragraphs.

    A title line needs prose after it (a headline heads something): a text of short
    unpunctuated lines, such as a list of claims without full stops, keeps them all.
    """
    n = len(shapes)
    furniture = [k is not LineKind.TEXT for k in kinds]
    for i, shape in enumerate(shapes):
        # A line underlined with "===" or "---" is a heading (Markdown's other form).
        if shape.heading or (shape.title and i + 1 < n and shapes[i + 1].underline):
            kinds[i] = LineKind.HEADLINE
    # The top of the article: up to TOP_TITLE_LINES titles (headline, kicker, standfirst)
    # among bylines and datelines, before the first paragraph of prose.
    first_prose = next((i for i, s in enumerate(shapes) if s.prose and not furniture[i]), None)
    if first_prose is not None:
        top = [i for i in range(first_prose) if not furniture[i] and not shapes[i].underline]
        if len(top) <= TOP_TITLE_LINES and all(shapes[i].title or shapes[i].heading
                                               for i in top):
            for i in top:
                kinds[i] = LineKind.HEADLINE
    # Subheads: one title line between paragraphs (or furniture) and before prose.
    for i in range(1, n - 1):
        if kinds[i] is not LineKind.TEXT or not shapes[i].title:
            continue
        before, after = shapes[i - 1], shapes[i + 1]
        if (before.prose or kinds[i - 1] is not LineKind.TEXT) and (
                after.prose or kinds[i + 1] in {LineKind.BYLINE, LineKind.DATELINE}):
            kinds[i] = LineKind.HEADLINE
