"""Article furniture (headlines, bylines, datelines, list and quote markers), kept out of claims."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimdesk.domain.spans import is_blank
from claimdesk.nlp.lexicon import words
from claimdesk.nlp.line_shapes import (
    CAPTION_MAX_WORDS,
    HEADLINE_MAX_WORDS,
    LEAD_DATELINE,
    LineKind,
    Shape,
    is_bare_label,
    line_body,
    line_shape,
)
from claimdesk.nlp.segments import Segment

__all__ = ["Line", "LineKind", "classify_lines", "content_segments", "is_bare_label",
           "line_body", "trim_asides"]

#: Lines at the top of an article that may stack as headline, kicker and standfirst.
TOP_TITLE_LINES = 3
#: A deck, the unpunctuated lines between a headline and the story, is no longer.
DECK_MAX_WORDS = 60
#: A one-sentence summary under a headline is no longer (a lead paragraph often is).
SUMMARY_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class Line:
    """One trimmed line of article text: [start, end), its kind, and where its text begins.

    `body` is past any quote, list or heading marker and any dateline ("LONDON (Reuters) -"),
    and `tail` before the links that trail its last sentence, so a claim found in the line
    never includes them.
    """

    start: int
    end: int
    kind: LineKind
    body: int
    tail: int


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
    shapes = [line_shape(text[start:end]) for start, end in spans]
    # A blank line before a line: pages that part paragraphs so set their top block apart.
    blank = [i > 0 and _blank_between(text, spans[i - 1][1], start)
             for i, (start, _) in enumerate(spans)]
    _mark_wrapped(text, spans, shapes, blank)
    kinds = [shape.kind for shape in shapes]
    _mark_captions(shapes, kinds, blank)
    _mark_titles(shapes, kinds)
    _mark_top(shapes, kinds, blank)
    _mark_cited(shapes, kinds)
    bodies = _lead_dateline(text, spans, shapes, kinds)
    _question_markers(text, spans, kinds, bodies)
    return [Line(start, end, kind, start + body, start + shape.tail)
            for (start, end), shape, kind, body in zip(spans, shapes, kinds, bodies, strict=True)]


def content_segments(text: str, segments: list[Segment]) -> list[Segment]:
    """`segments` without furniture lines, each line's chunks cut to its text between markers."""
    lines = classify_lines(text, segments)
    kept: list[Segment] = []
    k, last = -1, -1
    for segment in segments:
        if segment.paragraph != last:
            k, last = k + 1, segment.paragraph
        line = lines[k]
        if line.kind is not LineKind.TEXT or segment.end <= line.body or segment.start >= line.tail:
            continue
        start, end = max(segment.start, line.body), min(segment.end, line.tail)
        while start < end and is_blank(text[start]):
            start += 1
        while end > start and is_blank(text[end - 1]):
            end -= 1
        if start < end:
            kept.append(Segment(start, end, segment.paragraph))
    return kept


# A sentence's edge that is a stage direction: "(Laughter.)", "[Interruption.]", and as
# transcription services write them, "(APPLAUSE)", "[crosstalk]", "[inaudible 00:14:02]".
_ASIDE_START = re.compile(r"[(\[](?P<words>[^()\[\]\n]{1,80}?)[)\]]\s*")
_ASIDE_END = re.compile(r"\s*[(\[](?P<words>[^()\[\]\n]{1,80}?)[)\]]$")
_ASIDE_SENTENCE = re.compile(r"[A-Z].*[.!?]")
_ASIDE_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_CAPITALS = re.compile(r"[A-Z][A-Z'’-]*")
#: What a room does, in the words transcripts write it down in lower case.
_ROOM_WORDS = words(
    "applause laughter laughs laughing crosstalk cross-talk inaudible unintelligible "
    "indiscernible cheers cheering booing boos jeers silence pause music sighs coughs "
    "chuckles gasps overlapping interruption interjection clapping audio video clip tape "
    "videotape begin end start off-mic break commercial on off camera voice-over voiceover "
    "through translator translation"
)
#: A stage direction in an article is a word or three ("(Applause.)"); in a transcript it
#: may describe the room ("(A cellphone disrupts the briefing.)").
ASIDE_WORDS, TRANSCRIPT_ASIDE_WORDS = 3, 8


def _aside(words_: str, most: int, *, after_stop: bool) -> bool:
    """Whether the bracketed `words_` are what the room did: a sentence of its own, or
    noise words without a full stop (in capitals only after a sentence's end, since
    "(EU)" closing a clause is an abbreviation)."""
    tokens = words_.split()
    if not 1 <= len(tokens) <= most:
        return False
    if _ASIDE_SENTENCE.fullmatch(words_):
        return True
    named = [t for t in tokens if not _ASIDE_TIME.fullmatch(t)]
    if not named:
        return True  # a time code: "[00:03:14]"
    if all(t.lower() in _ROOM_WORDS for t in named):
        return True
    return after_stop and all(_CAPITALS.fullmatch(t) and len(t) > 1 for t in named)


def trim_asides(text: str, start: int, end: int, *, transcript: bool) -> tuple[int, int]:
    """[start, end) of a sentence without the stage directions at its edges (maybe empty).

    A bracketed sentence of its own at a sentence's start or end ("Hi. (Laughter.)",
    "(Laughs.) Close your ears.") is what the room did, not what was said; so are the
    room's noises ("(APPLAUSE)", "[crosstalk]").
    """
    most = TRANSCRIPT_ASIDE_WORDS if transcript else ASIDE_WORDS
    first = start
    while start < end:
        match = _ASIDE_START.match(text, start, end)
        if match is None or not _aside(match.group("words"), most,
                                       after_stop=_after_stop(text, first, start)):
            break
        start = match.end()
    while start < end:
        match = _ASIDE_END.search(text, start, end)
        if match is None or not _aside(match.group("words"), most,
                                       after_stop=_after_stop(text, start, match.start())):
            break
        end = match.start()
    return start, end


def _after_stop(text: str, start: int, at: int) -> bool:
    """Whether text[start:at] is nothing, or ends like a sentence (closing marks aside)."""
    before = text[start:at].rstrip().rstrip("\"'”’)]")
    return not before or before[-1] in ".!?…"


def _mark_wrapped(text: str, spans: list[tuple[int, int]], shapes: list[Shape],
                  blank: list[bool]) -> None:
    """Mark the lines of a paragraph wrapped at a fixed width (an e-mail, a PDF): a line
    that does not end like a sentence, directly above a line without a marker that goes
    on in lower case. Both are prose, neither a title: such a paragraph is no headline."""
    for i in range(len(shapes) - 1):
        above, below = shapes[i], shapes[i + 1]
        if (blank[i + 1] or above.ended or above.kind is not LineKind.TEXT or above.underline
                or below.kind is not LineKind.TEXT or below.body > 0):
            continue
        start, end = spans[i + 1]
        first = next((ch for ch in text[start:end] if ch.isalnum()), "")
        # A dateline a CMS wrote in lower case ("washington — The …") starts a story.
        if first.islower() and LEAD_DATELINE.match(text, start, end) is None:
            for k in (i, i + 1):
                shapes[k] = replace(shapes[k], prose=True, title=False, title_case=False,
                                    wrapped=True)


def _blank_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return sum(gap.count(ch) for ch in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029") - gap.count(
        "\r\n") >= 2


def _mark_titles(shapes: list[Shape], kinds: list[LineKind]) -> None:
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


def _mark_captions(shapes: list[Shape], kinds: list[LineKind], blank: list[bool]) -> None:
    """A short line directly above a line that is only a photo credit is the photo's caption."""
    for i in range(1, len(shapes)):
        above = shapes[i - 1]
        if (shapes[i].credit and not blank[i] and kinds[i - 1] is LineKind.TEXT
                and above.words <= CAPTION_MAX_WORDS and not above.underline):
            kinds[i - 1] = LineKind.FURNITURE


def _mark_top(shapes: list[Shape], kinds: list[LineKind], blank: list[bool]) -> None:
    """The headline and deck above the story, when the page's layout says where it starts.

    The story starts at its first line that ends like a sentence (or a list item). Above
    it, up to TOP_TITLE_LINES lines are headline and deck when they begin with a title
    (a short unpunctuated line, or one in Title Case) and the rest do not end like
    sentences; a long first line without a full stop also counts when a byline, date or
    dateline follows it. A page that parts its paragraphs with blank lines but not its
    first lines sets them apart as headline and summary, ended or not.
    """
    n = len(shapes)
    lines = [i for i in range(n) if kinds[i] in {LineKind.TEXT, LineKind.HEADLINE}
             and not shapes[i].underline]
    story = next((i for i in lines if kinds[i] is LineKind.TEXT and (
        shapes[i].ended or shapes[i].cited or shapes[i].wrapped
        or (shapes[i].prose and shapes[i].body > 0))), None)
    if story is None:
        return
    top = [i for i in lines if i < story]
    if 1 <= len(top) <= TOP_TITLE_LINES:
        head = shapes[top[0]]
        anchored = shapes[story].dated or any(
            kinds[i] in {LineKind.BYLINE, LineKind.DATELINE} for i in range(top[0], story))
        opens = head.title or head.heading or (head.title_case and not head.ended) or (
            anchored and not head.ended and head.words <= 2 * HEADLINE_MAX_WORDS)
        decks = all(not shapes[i].ended and shapes[i].words <= DECK_MAX_WORDS for i in top[1:])
        if opens and decks:
            for i in top:
                kinds[i] = LineKind.HEADLINE
    # Headline and summary as one block above blank-line paragraphs. The summary is one
    # short sentence and no dated line: a lead paragraph glued to its headline stays.
    first = lines[0]
    block = [i for i in lines if not any(blank[first + 1:i + 1])]
    after = [i for i in lines if i > block[-1]]
    if (2 <= len(block) <= TOP_TITLE_LINES and len(after) >= 2 and blank[after[0]]
            and sum(blank[i] for i in after) * 2 >= len(after)
            and (shapes[first].title or shapes[first].title_case)
            and all(k is LineKind.TEXT or k is LineKind.HEADLINE
                    for k in kinds[first:block[-1] + 1])
            and not any(shapes[i].sentences or shapes[i].dated
                        or shapes[i].words > SUMMARY_MAX_WORDS for i in block)):
        for i in block:
            kinds[i] = LineKind.HEADLINE if kinds[i] is LineKind.TEXT else kinds[i]


def _mark_cited(shapes: list[Shape], kinds: list[LineKind]) -> None:
    """A list of "Outlet: Headline" items, most of them title-shaped, is cited coverage."""
    i, n = 0, len(shapes)
    while i < n:
        j = i
        while j < n and shapes[j].cited and kinds[j] is LineKind.TEXT:
            j += 1
        run = range(i, j)
        if len(run) >= 2 and sum(shapes[k].cited_title for k in run) * 2 > len(run):
            for k in run:
                kinds[k] = LineKind.HEADLINE
        i = max(j, i + 1)


def _lead_dateline(text: str, spans: list[tuple[int, int]], shapes: list[Shape],
                   kinds: list[LineKind]) -> list[int]:
    """Each line's body; the story's first paragraph may start with a weaker dateline."""
    bodies = [shape.body for shape in shapes]
    lead = next((i for i, k in enumerate(kinds) if k is LineKind.TEXT and shapes[i].ended), None)
    if lead is not None and not shapes[lead].dated:
        start = spans[lead][0]
        match = LEAD_DATELINE.match(text, start + bodies[lead], spans[lead][1])
        if match is not None:
            bodies[lead] = match.end() - start
    return bodies


# A briefing transcript prints a reporter's turn as a bare "Q " ("Q Why not today?"), an
# interview as "Q: " or "Q. ", and its answers as "A: ".
_QUESTION = re.compile(r"Q(?:[:.]\s*|\s+)(?=[\"“‘'A-Z])")
_ANSWER = re.compile(r"A:\s*(?=[\"“‘'A-Z])")


def _question_markers(text: str, spans: list[tuple[int, int]], kinds: list[LineKind],
                      bodies: list[int]) -> None:
    """Move `bodies` past "Q " (and an interview's "A: ") on lines of a text that has two
    or more questions.

    One line starting "Q Street was closed" is prose; a page of them is a Q&A.
    """
    found: list[tuple[int, int]] = []
    answers: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        if kinds[i] is not LineKind.TEXT:
            continue
        match = _QUESTION.match(text, start + bodies[i], end)
        if match is not None:
            found.append((i, match.end() - start))
        elif (answer := _ANSWER.match(text, start + bodies[i], end)) is not None:
            answers.append((i, answer.end() - start))
    if len(found) >= 2:
        for i, body in found + answers:
            bodies[i] = body
