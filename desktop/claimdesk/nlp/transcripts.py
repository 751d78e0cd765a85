"""Speakers the line itself gives: transcript turns ("SMITH: …"), embedded posts ("— Name (@x)")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from claimdesk.nlp.lexicon import PERSON_NOUNS, words
from claimdesk.nlp.segments import Segment

_HONORIFIC = (
    r"(?:MR|MRS|MS|MISS|DR|PROF|SEN|SENATOR|REP|REPRESENTATIVE|GOV|GOVERNOR|PRESIDENT"
    r"|VICE\ PRESIDENT|CHAIRMAN|CHAIRWOMAN|SECRETARY|GENERAL|GEN|ADMIRAL|ADM|JUDGE|JUSTICE"
    r"|AMBASSADOR|MAYOR|THE)"
)
_CAPS_WORD = r"(?:Mc|Mac)?[A-Z][A-Z'’-]*[A-Z]"
_TITLE_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# "SMITH:", "MR. OBAMA:", "BARACK OBAMA:", "Hillary Clinton:" (debates, interviews), and
# "Chris Wallace: (01:20)" alone on its line, as online transcripts give turns. Broadcast
# transcripts add a role in capitals ("ALISON KEMP, CNN ANCHOR:") and a short note in
# lower case or a time in brackets ("KEMP (voice-over):", "RAY DUNNE (through translator):").
_ROLE = r"(?:,\s[A-Z][A-Z0-9.'’&-]*(?:\s[A-Z0-9.'’&-]+){0,6})"
_NOTE = r"(?:\s\((?:[a-z][a-z'’-]*(?:\s[a-z'’-]+){0,2}|\d{1,2}:\d{2}(?::\d{2})?)\))"
_COLON = re.compile(
    rf"(?P<title>(?:[A-Z][a-z]+\s){{0,2}}(?i:{_HONORIFIC})\.?\s+)?"
    rf"(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,2}}|{_TITLE_WORD}(?:\s{_TITLE_WORD}){{1,2}})"
    rf"{_ROLE}?{_NOTE}?"
    r"\s?:(?:[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?\))?(?:[ \t]+(?=\S)|$)"
)
# "Chairman GRASSLEY.", "Mr. SMITH." (congressional hearing records).
_PERIOD = re.compile(
    rf"(?P<title>(?i:{_HONORIFIC})\.?\s+)(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,2}})"
    r"\.[ \t]+(?=\S)"
)
# "— Rishi Sunak (@RishiSunak) March 14, 2024": the signature under an embedded post. A
# bracket after the name ("Harbour News (UK)") is no part of it.
_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^()@\n]{2,60}?)\s*(?:\([^()@\n]{1,20}\)\s*)?\(@[\w.]{1,60}\)")
# UK Hansard turns: "Karen Lee (Lincoln) (Lab):", "Sir Edward Leigh (Gainsborough) (Con) [V]:"
# and a minister by office, "The Secretary of State for Health (Wes Streeting):". The seat,
# party, "[V]" (virtual) and office are no part of the speaker's name.
# Older Hansard writes the styles with a full stop ("Mr. Christopher Chope (Christchurch)
# (Con):") and opens a tabled question with its number ("10. Dr. Vincent Cable (Twickenham):").
# Members who held a rank sit by it in older Hansard ("Lieut.-Colonel Moore-Brabazon:",
# "Captain Crookshank:", "Vice-Admiral Taylor:").
_RANK = (r"(?:(?:Lieut|Lieutenant)\.?-(?:Colonel|Commander|General)|(?:Major|Brigadier)-General"
         r"|(?:Rear|Vice)-Admiral|Air\sCommodore|Brigadier|Colonel|Commander|Captain|Major)")
_STYLE = rf"(?:(?:Mr|Mrs|Ms|Miss|Madam|Dr|Sir|Dame|Lord|Lady|Baroness)\.?|{_RANK})"
_NUMBER = r"(?:\d{1,3}\.\s+)?"
_MEMBER = re.compile(
    rf"{_NUMBER}(?:(?P<style>{_STYLE})\s+)?(?P<name>{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,3}})"
    r"(?:\s\([^()\n:]{2,60}\)){1,3}(?:\s\[V\])?\s?:[ \t]+(?=\S)"
)
_OFFICE = re.compile(
    rf"{_NUMBER}The\s(?P<office>[A-Z][^():\n]{{2,140}}?)\s\((?:(?P<style>{_STYLE})\s+)?"
    rf"(?P<name>{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,3}})\)(?:\s\[V\])?\s?:[ \t]+(?=\S)"
)
# A later turn by style and surname, or by office alone: "Mr. Dobson:", "Mr Speaker:",
# "The Secretary of State for Health:" (the office's holder, if a turn named them).
# Older pages give initials and the tabled question's number ("31. Mr. A. Edward Davies:"),
# and now and then lose the space after a style ("Lieut.-ColonelMoore-Brabazon:"),
# and peers sit by their title ("Earl of Dalkeith:", "Lord Hunt of Kings Heath:").
_INITIALS = r"(?:[A-Z]\.\s?)*"
_STYLED = re.compile(
    rf"{_NUMBER}(?P<style>{_STYLE})\s*(?P<name>{_INITIALS}{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}"
    rf"(?:\sof\s{_TITLE_WORD}(?:\s{_TITLE_WORD})?)?)\s?:[ \t]+(?=\S)"
)
_PEER = re.compile(
    rf"{_NUMBER}(?P<name>(?:Earl|Viscount|Marquess|Marquis|Duke|Countess)\sof\s{_TITLE_WORD}"
    rf"(?:\s{_TITLE_WORD})?)\s?:[ \t]+(?=\S)"
)
_OFFICE_ONLY = re.compile(
    r"The\s(?P<office>(?:Prime|Deputy|Secretary|Minister|Chancellor|Attorney|Solicitor|Leader"
    r"|Parliamentary|Financial|Chief|Economic|Exchequer|Home|Foreign)[A-Za-z ,'’-]{0,100}?)"
    r"\s?:[ \t]+(?=\S)"
)
# "Speaker 1 (00:00:01):", "Speaker 2:": a machine transcript's turn, its speaker unnamed.
_NUMBERED = re.compile(
    r"(?i:speaker)\s?\d{1,2}(?:\s\(\d{1,2}:\d{2}(?::\d{2})?\))?\s?:(?:[ \t]+(?=\S)|$)")
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


# "Q Thanks. Can you say…" / "Q: …": a reporter's question in a briefing transcript, its
# asker unnamed. It counts as a turn only in a text that other prefixes show is a transcript.
_QUESTION = re.compile(r"Q(?::|\.)?[ \t]+(?=\S)")

# Words of a label that describes a speaker without naming them ("Unnamed Senate Aide:").
_UNNAMED_WORDS = words("unnamed anonymous unidentified senior")

# A prefix of words in title case only ("Hillary Clinton:"), the weaker sign of a transcript.
_TITLED = re.compile(rf"{_TITLE_WORD}(?:\s{_TITLE_WORD}){{1,2}}\s?:")


@dataclass(frozen=True, slots=True)
class LineSpeakers:
    """Segments with transcript prefixes cut off, and the speaker each paragraph has."""

    segments: list[Segment]
    speakers: dict[int, str]
    #: Paragraphs of a turn whose speaker is unnamed (a reporter's "Q"): nobody's claims.
    unnamed: frozenset[int] = frozenset()
    #: A block quotation's credit, from the line below it ("– USCG dispatcher, CNN"):
    #: the paragraph's sentences no rule gives a speaker are the credited one's.
    credits: dict[int, str] = field(default_factory=dict)


def _proper(word: str) -> str:
    """ "SMITH" → "Smith", "McCAIN"/"MCCAIN" → "McCain", "O'ROURKE" → "O'Rourke"."""
    if not word.isupper() and not (word[:2] == "Mc" and word[2:].isupper()):
        return word
    low = word.lower()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return re.sub(r"[a-z]+", lambda m: m.group().capitalize(), low)


def hansard_speaker(line: str) -> tuple[int, str] | None:
    """(length of the prefix, speaker) when `line` opens with a Hansard turn."""
    match = _MEMBER.match(line) or _OFFICE.match(line)
    if match is None:
        styled = _STYLED.match(line)
        if styled is not None and not set(styled.group("name").lower().split()) & (
                _NOT_NAMES - {"of"}):
            return styled.end(), f"{styled.group('style')} {styled.group('name')}"
        peer = _PEER.match(line)
        if peer is not None:
            return peer.end(), peer.group("name")
        office = _OFFICE_ONLY.match(line)
        return (office.end(), office.group("office")) if office is not None else None
    groups = re.findall(r"\(([^()]*)\)", line[:match.end()])
    if match.re is _MEMBER and len(groups) == 1 and "," in groups[0] and not match.group("style"):
        # "Springfield Airport (Springfield, Ill.):" is a place note, no seat; "Mr. Max
        # Madden (Bradford, West):" is a member for a seat with a comma.
        return None
    words = match.group("name").split()
    if any(w.lower() in _NOT_NAMES for w in words):
        return None
    if len(words) == 1:
        # "Mr Hammond (Runnymede) (Con):" keeps its "Mr" so the name stays a person's;
        # one word with no title before brackets is prose ("Inflation (CPI): …").
        if not match.group("style"):
            return None
        words = [match.group("style"), *words]
    return match.end(), " ".join(words)


def line_speaker(line: str) -> tuple[int, str] | None:
    """(length of the prefix, speaker) when `line` opens with a transcript prefix; the
    speaker is "" when the label describes someone without naming them."""
    hansard = hansard_speaker(line)
    if hansard is not None:
        return hansard
    numbered = _NUMBERED.match(line)
    if numbered is not None:
        return numbered.end(), ""
    match = _COLON.match(line) or _PERIOD.match(line)
    if match is None:
        return None
    words = match.group("name").split()
    if any(w.lower().strip("'’") in _NOT_NAMES for w in words):
        return None
    if len(words) == 1 and len(words[0]) <= 3 and not match.group("title"):
        return None  # "Q:", "UK:", "BBC:" are labels, not speakers
    lowered = [w.lower() for w in words]
    if set(lowered) & _UNNAMED_WORDS or (len(words) >= 2 and lowered[-1] in PERSON_NOUNS):
        return match.end(), ""  # "Unnamed Senate Aide:" names nobody: a turn of no one's
    return match.end(), " ".join(_proper(w) for w in words)


def line_speakers(text: str, segments: list[Segment], kept: list[Segment]) -> LineSpeakers:
    """Cut transcript prefixes off `kept` and name the speaker of each paragraph.

    `segments` are all the text's segments, `kept` those left once headlines and other
    furniture are gone: a turn alone on its line ("Chris Wallace: (01:20)") and a post's
    signature are read from the first, claims come from the second.
    Prefixes count only in a transcript: a text with a Hansard turn ("Karen Lee (Lincoln)
    (Lab):"), two capitalised or titled prefixes ("SMITH:", "Mr. SMITH."), two that
    include its first line of prose, or three of any kind. One "ISLAMABAD: The minister
    said…" is a dateline, one "Boris Johnson: the rise and fall" a headline. In a
    transcript a paragraph without a prefix goes on with the last turn; a reporter's "Q"
    line is a turn of nobody's (in `unnamed`), prefix cut, up to the next named one. The paragraph
    before an embedded post's signature
    is the post: its author is its speaker.
    """
    found: dict[int, tuple[int, str]] = {}
    questions: dict[int, int] = {}  # paragraph → length of its "Q " prefix
    starts: dict[int, int] = {}
    # A line's text starts past its markers ("• ", a dateline) where furniture cut them.
    text_starts: dict[int, int] = {}
    for seg in kept:
        text_starts.setdefault(seg.paragraph, seg.start)
    speakers: dict[int, str] = {}
    credits: dict[int, str] = {}
    credit_lines: set[int] = set()
    line_ends: dict[int, int] = {}
    holders: dict[str, str] = {}  # office → the name a turn gave its holder
    strong = plain = 0
    previous: int | None = None
    for seg in segments:
        if seg.paragraph in starts:
            continue
        starts[seg.paragraph] = text_starts.get(seg.paragraph, seg.start)
        line = text[starts[seg.paragraph]:seg.end]
        prefix = line_speaker(line)
        if prefix is not None and (seg.paragraph in text_starts or prefix[0] >= len(line)):
            # A headline ("Boris Johnson: the rise and fall") is no turn; a turn alone
            # on its line is, though furniture drops such short lines.
            office = _OFFICE.match(line)
            if office is not None:
                holders[office.group("office")] = prefix[1]
            elif (only := _OFFICE_ONLY.match(line)) is not None:
                # "The Secretary of State for Health:" after a turn that named the holder.
                prefix = (prefix[0], holders.get(only.group("office"), prefix[1]))
            found[seg.paragraph] = prefix
            if _MEMBER.match(line) or _OFFICE.match(line):
                strong += 2
            elif _TITLED.match(line) or _STYLED.match(line) or _OFFICE_ONLY.match(line):
                plain += 1  # "Mr. Dobson:", "The Prime Minister:" alone make no transcript
            else:
                strong += 1
        elif seg.paragraph in text_starts and (
                question := _QUESTION.match(text, seg.start, seg.end)) is not None:
            # Read on the whole line: furniture may have cut the "Q " off the text already,
            # and then there is nothing left to cut.
            questions[seg.paragraph] = max(question.end() - starts[seg.paragraph], 0)
        signature = _SIGNATURE.match(line)
        if signature is not None and previous is not None and previous not in found:
            speakers[previous] = signature.group("name").strip()
        elif previous is not None and (credit := block_credit(
                text[text.rfind("\n", 0, seg.start) + 1:seg.end])) is not None:
            # Read on the whole line: the dash is a marker the segments leave out.
            credits[previous] = credit
            # A quotation of several paragraphs after "X rejected this argument:" is
            # all the credited one's.
            order = list(starts)[:-1]
            opened = next((k for k in range(len(order) - 2, max(len(order) - 5, -1), -1)
                           if text[:line_ends.get(order[k], 0)].rstrip().endswith(":")), None)
            for earlier in order[opened + 1:-1] if opened is not None else ():
                credits[earlier] = credit
            credit_lines.add(seg.paragraph)  # furniture: the credit is no claim itself
        previous = seg.paragraph
        line_ends[seg.paragraph] = max(line_ends.get(seg.paragraph, 0), seg.end)
    # A text whose first line of prose is a turn, and has another, is a transcript too.
    opens = bool(kept) and kept[0].paragraph in found
    transcript = strong >= 2 or len(found) >= 3 or (opens and len(found) >= 2)
    unnamed: set[int] = set()
    if transcript:
        turn: str | None = None
        asking = False  # in a reporter's question, which runs on to the next named turn
        for paragraph in starts:
            if paragraph in found:
                turn = found[paragraph][1] or None
                asking = turn is None
            elif paragraph in questions:
                turn, asking = None, True
            if turn is not None:
                speakers[paragraph] = turn
            elif asking:
                unnamed.add(paragraph)
        found.update({p: (n, "") for p, n in questions.items()})
    out: list[Segment] = []
    for seg in kept:
        if seg.paragraph in credit_lines:
            continue
        prefix = found.get(seg.paragraph) if transcript else None
        start = seg.start
        if prefix is not None:
            start = max(start, starts[seg.paragraph] + prefix[0])
            while start < seg.end and text[start].isspace():
                start += 1
            if start >= seg.end:
                continue
        out.append(replace(seg, start=start))
    return LineSpeakers(out, speakers, frozenset(unnamed), credits)


#: "– European Court of Justice", "— USCG dispatcher, CNN": a dash, then a name or a body
#: and an unnamed official of it, then the outlet that relayed the words.
_CREDIT_LINE = re.compile(
    r"[—–]\s*(?P<name>[^\n,.!?:;\"“”()\d]{2,60})"
    r"(?:,\s*(?:[^\n.!?:;\"“”]{1,40}|[\"“][^\"“”\n]{1,60}[\"”]))?"  # , "Decision and Order"
)


def block_credit(line: str) -> str | None:
    """The name a credit line below a block quotation gives, else None. The name is title-
    case words with at most a joining word ("of", "for") and a last common noun for an
    unnamed official ("dispatcher"); a list item ("– more buses on rural routes") is none."""
    match = _CREDIT_LINE.fullmatch(line.strip())
    if match is None:
        return None
    words = match.group("name").split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    body = words[:-1] if len(words) > 1 and words[-1].islower() else words
    if not all(w[:1].isupper() or w in {"of", "for", "and", "the"} for w in body):
        return None
    return " ".join(words)

