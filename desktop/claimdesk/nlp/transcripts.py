"""Speakers the line itself gives: transcript turns ("SMITH: …"), embedded posts ("— Name (@x)")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimdesk.nlp.lexicon import words
from claimdesk.nlp.segments import Segment

_HONORIFIC = (
    r"(?:MR|MRS|MS|MISS|DR|PROF|SEN|SENATOR|REP|REPRESENTATIVE|GOV|GOVERNOR|PRESIDENT"
    r"|VICE\ PRESIDENT|CHAIRMAN|CHAIRWOMAN|SECRETARY|GENERAL|GEN|ADMIRAL|ADM|JUDGE|JUSTICE"
    r"|AMBASSADOR|MAYOR|THE)"
)
_CAPS_WORD = r"(?:Mc|Mac)?[A-Z][A-Z'’-]*[A-Z]"
_TITLE_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# "SMITH:", "MR. OBAMA:", "BARACK OBAMA:", "Hillary Clinton:" (debates, interviews), and
# "Chris Wallace: (01:20)" alone on its line, as online transcripts give turns.
_COLON = re.compile(
    rf"(?P<title>(?i:{_HONORIFIC})\.?\s+)?"
    rf"(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,2}}|{_TITLE_WORD}(?:\s{_TITLE_WORD}){{1,2}})"
    r"\s?:(?:[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?\))?(?:[ \t]+(?=\S)|$)"
)
# "Chairman GRASSLEY.", "Mr. SMITH." (congressional hearing records).
_PERIOD = re.compile(
    rf"(?P<title>(?i:{_HONORIFIC})\.?\s+)(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,2}})"
    r"\.[ \t]+(?=\S)"
)
# "— Rishi Sunak (@RishiSunak) March 14, 2024": the signature under an embedded post.
_SIGNATURE = re.compile(r"[—–-]{1,2}\s*(?P<name>[^()@\n]{2,60}?)\s*\(@[\w.]{1,60}\)")
# Labels that end in a colon but are no speaker ("UPDATE:", "Read more:").
_NOT_NAMES = words(
    """
    update updated note breaking watch read more see also related exclusive analysis
    opinion comment editor editors correction clarification photo photos picture video
    live source sources warning spoiler plus timeline fact check claim verdict listen
    follow click sign share image caption credit pictured last first next key q a the
    in on at and but or if to from by with for of this that what why how when where who
    background summary context question answer tl dr
    """
)


# A prefix of words in title case only ("Hillary Clinton:"), the weaker sign of a transcript.
_TITLED = re.compile(rf"{_TITLE_WORD}(?:\s{_TITLE_WORD}){{1,2}}\s?:")


@dataclass(frozen=True, slots=True)
class LineSpeakers:
    """Segments with transcript prefixes cut off, and the speaker each paragraph has."""

    segments: list[Segment]
    speakers: dict[int, str]


def _proper(word: str) -> str:
    """ "SMITH" → "Smith", "McCAIN"/"MCCAIN" → "McCain", "O'ROURKE" → "O'Rourke"."""
    if not word.isupper() and not (word[:2] == "Mc" and word[2:].isupper()):
        return word
    low = word.lower()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return re.sub(r"[a-z]+", lambda m: m.group().capitalize(), low)


def line_speaker(line: str) -> tuple[int, str] | None:
    """(length of the prefix, speaker) when `line` opens with a transcript prefix."""
    match = _COLON.match(line) or _PERIOD.match(line)
    if match is None:
        return None
    words = match.group("name").split()
    if any(w.lower().strip("'’") in _NOT_NAMES for w in words):
        return None
    if len(words) == 1 and len(words[0]) <= 3 and not match.group("title"):
        return None  # "Q:", "UK:", "BBC:" are labels, not speakers
    return match.end(), " ".join(_proper(w) for w in words)


def line_speakers(text: str, segments: list[Segment]) -> LineSpeakers:
    """Cut transcript prefixes off `segments` and name the speaker of each paragraph.

    Prefixes count only in a transcript: a text with two capitalised or titled prefixes
    ("SMITH:", "Mr. SMITH.") or three of any kind. One "ISLAMABAD: The minister said…"
    is a dateline, one "Boris Johnson: the rise and fall" a headline. In a transcript a
    paragraph without a prefix goes on with the last turn. The paragraph before an
    embedded post's signature is the post: its author is its speaker.
    """
    found: dict[int, tuple[int, str]] = {}
    first: set[int] = set()
    for k, seg in enumerate(segments):
        if k == 0 or segments[k - 1].paragraph != seg.paragraph:
            first.add(k)
            prefix = line_speaker(text[seg.start:seg.end])
            if prefix is not None:
                found[k] = prefix
    plain = sum(1 for k in found if _TITLED.match(text, segments[k].start))
    transcript = len(found) - plain >= 2 or len(found) >= 3
    out: list[Segment] = []
    speakers: dict[int, str] = {}
    turn: str | None = None
    for k, whole in enumerate(segments):
        seg = whole
        prefix = found.get(k)
        if prefix is not None and transcript:
            length, turn = prefix
            speakers[seg.paragraph] = turn
            seg = replace(whole, start=whole.start + length)
            if seg.start >= seg.end:
                continue
        elif k in first and transcript and turn is not None:
            speakers[seg.paragraph] = turn
        signature = _SIGNATURE.match(text, seg.start, seg.end) if k in first else None
        if signature is not None and out and out[-1].paragraph not in speakers:
            speakers[out[-1].paragraph] = signature.group("name").strip()
        out.append(seg)
    return LineSpeakers(out, speakers)
