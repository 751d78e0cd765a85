"""What one line of article text looks like alone: markers, datelines, bylines, titles, credits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from claimdesk.nlp.lexicon import words as word_set


def _upper_letters() -> str:
    """A character class of the upper-case letters of Latin, Greek, Cyrillic and Armenian
    (with Latin Extended Additional: Vietnamese)."""
    ranges: list[tuple[int, int]] = []
    for code in [*range(0x590), *range(0x1E00, 0x2000)]:
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                         for a, b in ranges) + "]"


#: A line without final punctuation of more words than this is a sentence, not a title.
HEADLINE_MAX_WORDS = 16
#: A list item of fewer words, without final punctuation, is a label ("• Background").
MIN_ITEM_WORDS = 2
#: A headline in Title Case may be longer ("Vice President Harris Rejects Isolationism, …").
TITLE_CASE_MAX_WORDS = 40
#: A photo caption before or above its credit ("Marchers in town. Photo: Jane Roe.").
CAPTION_MAX_WORDS = 30
#: A credit ("Image: John Lubbock (flickr).") names no more words than this.
CREDIT_MAX_WORDS = 6

# List and quote markers at a line start; each needs white space after it, so "-5%",
# "*Note*" and "2.5 million" are left alone. Lower-case letters and roman numerals only,
# because "A. Smith" starts with an initial, not a list letter.
# A task list's box ("- [ ] ", "- [x] "), an emoji used as a bullet ("✅ ", "👉🏽 ") and a
# transcript's time code ("[18:00:05] ") are markers too.
_EMOJI = r"[\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff][\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
_MARKER = re.compile(
    r"(?:>+|[•▪◦‣●■□▸►▶✓✔✗·∙○◆◇★*+]\ufe0f?|[-–—]{1,2}|\[[ xX]\]"
    r"|\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}(?::\d{2})?\)"
    rf"|\(?(?:\d{{1,3}}|[a-z]|[ivx]{{1,4}})[.)]|\([A-Za-z]\)|[A-Z]\)|{_EMOJI})(?=\s)\s*"
)
# Time zones, after a live blog's entry time ("11:20 GMT").
_ZONE = (r"(?:GMT|BST|UTC|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST"
         r"|AEST|AEDT|MSK)")
# A report's numbered section ("1.1 ", "2.3.1. "), before a capital: "1.5 million" is a
# figure, "09.15 BST" a time.
_SECTION = re.compile(rf"\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}\.?\s+(?!{_ZONE}\b)(?=[\"“‘'(A-Z])")
#: A colour swatch of block characters opening a legend's key ("██ Government-held").
_SWATCH = re.compile(r"[\u2580-\u259f]+\s")
_QUOTE_MARKER = re.compile(r">+(?:\s+|$)")
_MD_HEADING = re.compile(r"#{1,6}\s+")
# "LONDON (Reuters) -", "WASHINGTON —", "KYIV, Ukraine (AP) —", "NEW YORK, Sept 7 -",
# "Moscow, Sept 7 (Reuters) -": a capitalised place, then a dash, at a paragraph start.
# Places in Latin, Greek or Cyrillic ("MÜNCHEN", "BOGOTÁ", "İSTANBUL", "Łódź"); on ASCII text
# these are [A-Z] and [A-Za-z].
_UP = _upper_letters()
_LETTER = r"(?:[^\W\d_]|[.'’-])"
_CAPS_PLACE = rf"{_UP}(?:{_UP}|[.'’-]){{2,}}(?:\s+{_UP}(?:{_UP}|[.'’-])+){{0,3}}"
_PLACE = rf"{_UP}{_LETTER}+(?:\s+{_UP}{_LETTER}+){{0,3}}"
# Press releases add a state and a date ("DENVER, Colo., June 9, 2025"), a wire's name in
# slashes, brackets or dashes ("/PRNewswire/ --", "(GLOBE NEWSWIRE) --", "--(BUSINESS
# WIRE)--"), the date in brackets ("(June 9, 2025) –"), or after the dash ("– 9 June 2025 –").
# EFE writes the month in lower case before its name: "MADRID, 5 mar (EFE).-".
_DETAIL = (r"(?:,\s*[A-Z0-9][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*|\s+[a-z]{3,4}\.?(?=\s*\())"
           r"{0,3}){0,3}")
# German agencies write their names in lower case: "BERLIN (dpa) -", "(dpa-AFX)", "(epd)".
_LOWER_AGENCY = r"(?:dpa(?:-[A-Za-z]+)?|epd|kna|dts)"
_AGENCY = rf"\s*\((?:[A-Z][\w .&'’-]{{1,30}}|{_LOWER_AGENCY})\)"
_WIRE = (rf"(?:\s*\((?:[A-Z][\w .,&'’-]{{1,30}}|{_LOWER_AGENCY})\)|\s+/[A-Z][\w .&'’-]{{1,30}}/"
         r"|--\([A-Z][\w .&'’-]{1,30}\)(?=--))")
# "(EFE).-": Spanish agencies close with ".-" (only after the bracket: "U.S.-China").
_DASH = r"(?:\s+-{1,2}\s+|\s*[—–]\s*|--|(?<=\))\.[-–—]\s*)"
_DATE_AFTER = (r"(?:(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},)\s+\d{4}"
               rf"{_DASH})?")
# TASS: "МОСКВА, 5 марта. /ТАСС/." (the agency between slashes, after the date).
_SLASHED_AGENCY = rf"{_CAPS_PLACE},\s*\d{{1,2}}\s+[^\W\d_]+\.\s*/[^\W\d_]{{2,12}}/\.\s*"
# Scripts without capitals: an Arabic or Hebrew place and its agency in brackets
# ("القاهرة (رويترز) -"), the Japanese paper's bracketed place ("【東京】"), Yonhap's
# "(서울=연합뉴스) 김민수 기자 = " and Xinhua's "新华社北京3月9日电（记者 王希）".
_RTL_WORD = r"[\u0590-\u05ff\u0600-\u06ff]+"
_UNCASED_DATELINE = (rf"{_RTL_WORD}(?:\s+{_RTL_WORD}){{0,2}}\s*\([^()\n]{{2,30}}\){_DASH}"
                     r"|【[^】\n]{1,20}】\s*"
                     r"|\([^()=\n]{1,10}=[^()=\n]{1,20}\)\s*(?:[^\s=]{1,10}\s+){0,3}기자\s*=\s*"
                     r"|\([^()=\n]{1,10}=[^()=\n]{1,20}\)\s*"
                     r"|[^\s，。]{1,12}?[社网網]\S{0,10}?\d{1,2}日电(?:（[^）\n]{1,30}）)?\s*")
_DATELINE = re.compile(
    rf"(?:(?:{_CAPS_PLACE}{_DETAIL}(?:{_WIRE})?|{_PLACE}{_DETAIL}{_AGENCY}){_DASH}{_DATE_AFTER}"
    rf"|{_SLASHED_AGENCY})(?=[\"“‘'«„¿¡0-9]|{_UP}|$)|{_UNCASED_DATELINE}"
)
_BARE_DATELINE = re.compile(rf"(?:{_CAPS_PLACE}|{_PLACE}){_DETAIL}{_AGENCY}")
# Weaker forms, trusted only at the start of a story's lead paragraph: "Gaborone, Botswana —"
# (a place and its country, no agency) and a place a CMS wrote in lower case ("washington —").
LEAD_DATELINE = re.compile(
    rf"(?:{_PLACE},\s*{_PLACE}|[a-z]{{3,}}(?:\s+[a-z]{{3,}})?)\s*[—–]\s*(?=[\"“‘'A-Z0-9])"
)
# A live blog's entry time before the entry ("11:20 GMT: The …", "09:30 Ministers …",
# "2.15pm Pickets …"). A time with a full stop needs a zero, "am"/"pm" or a zone, so that
# "9.15 million people" stays a figure; the entry must start with a capital.
_AM_PM = r"\s?[ap]\.?m\.?"
_TIME_STAMP = re.compile(
    rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:{_AM_PM})?(?:\s+{_ZONE})?"
    rf"|(?:[01]?\d|2[0-3])\.[0-5]\d(?:{_AM_PM}(?:\s+{_ZONE})?|\s+{_ZONE})|0\d\.[0-5]\d)"
    rf"(?:\s*[:|]|\s+[-–—])?\s+(?!{_ZONE}\b)(?=[\"“‘'A-Z])"
)
# A news label that flags the line for the reader ("BREAKING: …", "Update — …", "LIVE: …").
_NEWS_LABEL = re.compile(
    r"(?i:breaking(?:\s+news)?|updated?|live|latest|exclusive|developing|just\s+in|watch|listen"
    r"|analysis|opinion|correction|clarification|editor['’]?s\s+note)"
    r"(?:\s*:|\s+[—–-])\s+(?=\S)"
)
# A label set in bold or italics in Markdown ("**Fact check:** …", "__Note__: …").
_EMPHASIS_LABEL = re.compile(
    r"(?P<mark>\*\*|__|\*|_)[^*_:\n]{1,40}(?::(?P=mark)|(?P=mark):)\s+(?=\S)")
_ENDED = re.compile(r"[.!?…。！？][\"'”’»)\]*_]*$")
# Links and tags that end a post ("… rising. #jobs https://t.co/x"); a line with one is
# no title, and they do not hide the full stop before them.
_WEB = re.compile(r"(?<![\w@#&])[#@]\w+|https?://\S+|www\.\S+|pic\.twitter\.com/\S+")
_TRAILING_WEB = re.compile(rf"(?:\s*(?:{_WEB.pattern}))+$")
# A bracket after the line's last full stop ("… this year. (APPLAUSE)", "[Cheers]"), or
# figures without a letter ("… in May. 14:40"): the room's noise, an editor's note or a
# time, which does not hide that the sentence ended.
_TRAILING_ASIDE = re.compile(
    r"(?<=[.!?…\"”’])\s+(?:[(\[][^()\[\]\n]{1,80}[)\]]|[\d\W_]*\d[\d\W_]*)$")
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
# "— Jane Doe (@jdoe) September 7, 2023"; the name may carry a bracket ("Harbour News (UK)")
# and the handle dots (Bluesky's "@jdoe.bsky.social").
_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*[^()\n]{1,60}(?:\([^()@\n]{1,20}\)\s*)?\(@[\w.]{1,60}\)(?:\s+.{0,40})?")
_UNDERLINE = re.compile(r"(?:=[ \t]*){3,}|(?:-[ \t]*){3,}")
_WORD = re.compile(r"[^\W_][\w'’.-]*")
# A sentence ends inside the line and another begins.
_INNER_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"“‘'(]?[A-Z]")
# "U.S." ends a title-case headline without ending a sentence.
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
# A photo credit at the end of a line, alone or after its caption.
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?”\"’)]\s))(?:Photo credit|Image|Photo|Photograph|Picture|Illustration"
    r"|Credit)s?:\s+(?P<name>[^\s:][^:\n]{0,80})$"
)
# The same credit in brackets, after a caption or alone: "Sirhan in 1969 (Image: CDCR)".
_BRACKETED_CREDIT = re.compile(
    r"(?:^|(?<=\s))\((?:Photo credit|Image|Photo|Photograph|Picture|Illustration|Credit)s?:"
    r"\s+(?P<name>[^\s:()][^:()\n]{0,80})\)\s*$"
)
# A pull quote printed in a table box: the cell borders trail it.
_BOX = re.compile(r"\s\|[\s|]*$")
# A wire credit: "Some information for this report was provided by AFP.", "The Associated
# Press contributed to this report." (a line without figures that names this report).
_AGENCY_CREDIT = re.compile(r"\b(?:contributed|provided|compiled|supplied|used)\b")
_THIS_REPORT = re.compile(r"\b(?:this|the) (?:report|story|article)\b")
# Links after the end of a line's last sentence: the post's media, no claim text.
_TRAILING_LINKS = re.compile(
    r"(?<=[.!?…\"”’)])(?:\s+(?:https?://\S+|www\.\S+|pic\.twitter\.com/\S+))+\s*$"
)
# "- Bloomberg: Goldman Says …", "- KAIT-TV (Jonesboro, AR): Gas prices drop": an outlet and
# the headline it ran, in a list of coverage.
_CITED = re.compile(
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z&][\w.&'’-]*){0,5})(?:\s*\([^()\n]{1,40}\))?:\s+"
    r"(?=[A-Z])"
)


# A page's foot: a copyright notice ("© 2025 …", "Copyright 2025 …", "All rights reserved."),
# a page number from a PDF ("Page 3 of 12"), and a teaser for another story ("Related: …",
# "READ MORE: …"), which names that story's headline.
_COPYRIGHT = re.compile(
    r"^(?:\([cC]\)\s|Copyright\s+(?:©\s*)?\d{4}\b)|©|\b[Aa]ll rights reserved\b")
_PAGE = re.compile(r"[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?")
_TEASER = re.compile(
    r"(?i:related|read more|see also|also read|read next|more on this(?: story)?|recommended)"
    r"\s*:\s+\S")


class LineKind(Enum):
    """What a line of article text is; only TEXT lines are searched for claims."""

    TEXT = "text"
    HEADLINE = "headline"
    BYLINE = "byline"
    DATELINE = "dateline"
    #: "— Jane Doe (@jdoe) September 7, 2023" under an embedded post: who posted the line
    #: above, for the speaker rules; no claim itself.
    SIGNATURE = "signature"
    #: The page's other furniture: photo captions and credits, pull-quote boxes, wire credits.
    FURNITURE = "furniture"


# "ISLAMABAD:" as a sentence of its own: a colon dateline (spaCy cuts it off its line),
# or a transcript label left alone; either way no claim.
_BARE_LABEL = re.compile(rf"{_CAPS_PLACE}\s*:")


def is_bare_label(sentence: str) -> bool:
    """Whether a candidate sentence is only a capitalised place or name and a colon."""
    return _BARE_LABEL.fullmatch(sentence) is not None


def line_body(line: str) -> tuple[int, str]:
    """How many leading characters of `line` are markers, and which: "list", "heading" or "".

    Quote markers ("> "), list markers ("• ", "- ", "1. ", "a) ") and Markdown heading
    marks ("## ") may nest, and a report's section numbers ("2.3 "); a live blog's time
    stamp, a news label ("BREAKING: ", "**Note:**") and a dateline after them are skipped
    too. (A transcript's "NAME:" would be one more prefix of the same kind.)
    """
    i, marker = 0, ""
    while True:
        match = _QUOTE_MARKER.match(line, i) or _MARKER.match(line, i)
        if match is not None:
            marker = marker or "list"
        else:
            # A section number makes no list item: "2.3 Funding for schools" is a heading.
            match = _SECTION.match(line, i)
            if match is None and not marker:
                match = _MD_HEADING.match(line, i)
                marker = "heading" if match is not None else ""
        if match is None or match.end() == i:
            break
        i = match.end()
    stamp = _TIME_STAMP.match(line, i)
    if stamp is not None:
        i = stamp.end()
    label = _NEWS_LABEL.match(line, i) or _EMPHASIS_LABEL.match(line, i)
    if label is not None:
        i = label.end()
    dateline = _DATELINE.match(line, i)
    if dateline is not None:
        i = dateline.end()
    return i, marker


@dataclass(frozen=True, slots=True)
class Shape:
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
    #: Where the line's text ends: before links that trail its last sentence.
    tail: int = 0
    #: Ends like a sentence (a title-case line's "U.S." does not).
    ended: bool = False
    words: int = 0
    #: Every long word capitalised, as headlines are set ("Minister Hails Record Exports").
    title_case: bool = False
    #: Starts with a dateline ("LONDON (Reuters) -"): the story has begun.
    dated: bool = False
    #: Only a photo credit ("Image: Jane Roe (flickr)."): the line above is its caption.
    credit: bool = False
    #: A list item "Outlet: Headline", and whether its headline is title-shaped.
    cited: bool = False
    cited_title: bool = False
    #: More than one sentence: a paragraph of the story, never a one-sentence summary.
    sentences: bool = False
    #: Part of a paragraph wrapped at a fixed width: it runs on into the next line, or on
    #: from the one before, in lower case (set by the furniture rules, which see both).
    wrapped: bool = False


def line_shape(line: str) -> Shape:
    end = len(line)
    if _UNDERLINE.fullmatch(line):
        return Shape(LineKind.TEXT, end, False, False, underline=True, tail=end)
    if _SIGNATURE.fullmatch(line):
        return Shape(LineKind.SIGNATURE, end, False, False, tail=end)
    body, marker = line_body(line)
    rest = line[body:]
    words = _WORD.findall(rest)
    ended = bool(_ENDED.search(_TRAILING_ASIDE.sub("", _TRAILING_WEB.sub("", rest))))
    if body > 0 and not rest.strip() and _DATELINE.match(line):
        return Shape(LineKind.DATELINE, end, False, False, tail=end)
    if _BARE_DATELINE.fullmatch(line):
        return Shape(LineKind.DATELINE, end, False, False, tail=end)
    if _is_byline(rest, words):
        return Shape(LineKind.BYLINE, end, False, False, tail=end)
    furniture = _furniture(rest, words, ended)
    if furniture is not None:
        return Shape(LineKind.FURNITURE, end, True, False, tail=end, credit=furniture)
    links = _TRAILING_LINKS.search(line, body)
    tail = links.start() if links is not None else end
    if marker == "list":
        cited = _CITED.match(rest)
        tease = rest[cited.end():] if cited else ""
        tease_words = _WORD.findall(tease)
        cited_title = bool(tease_words) and not _RUNS_ON.search(tease) and (
            _title_case(tease_words) or (
                not _ENDED.search(tease) and len(tease_words) <= HEADLINE_MAX_WORDS))
        # A list item is body text unless it is a bare label ("• Background").
        if ended or len(words) >= MIN_ITEM_WORDS:
            return Shape(LineKind.TEXT, body, True, False, tail=tail, ended=ended,
                          words=len(words), cited=cited is not None, cited_title=cited_title)
        return Shape(LineKind.HEADLINE, end, False, False, tail=end)
    title_case = _title_case(words) and not _RUNS_ON.search(rest)
    if title_case and ended and _ABBREVIATION_END.search(rest):
        ended = False
    prose = ended or len(words) > (TITLE_CASE_MAX_WORDS if title_case else HEADLINE_MAX_WORDS)
    first = next((ch for ch in rest if ch.isalnum()), "")
    title = (
        not prose and bool(words) and not first.islower() and not _WEB.search(rest)
        and not _RUNS_ON.search(rest) and words[-1].lower() not in _RUN_ON_WORDS
    )
    dated = _DATELINE.match(line, _marker_end(line)) is not None
    return Shape(LineKind.TEXT, body, prose, title, marker == "heading" and not ended,
                  tail=tail, ended=ended, words=len(words), title_case=title_case, dated=dated,
                  sentences=_INNER_STOP.search(rest) is not None)


def _marker_end(line: str) -> int:
    """Where `line`'s markers end (line_body without its dateline)."""
    i = 0
    while True:
        match = _QUOTE_MARKER.match(line, i) or _MARKER.match(line, i) or _SECTION.match(
            line, i) or (_MD_HEADING.match(line, i) if i == 0 else None)
        if match is None or match.end() == i:
            return i
        i = match.end()


def _title_case(words: list[str]) -> bool:
    """Whether every word of four letters or more starts with a capital (or a digit)."""
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 4 and all(w[0].isupper() or w[0].isdigit() for w in long)


def _furniture(rest: str, words: list[str], ended: bool) -> bool | None:
    """None for a line that is no caption, credit or box; else whether it is only a credit."""
    credit = _CREDIT.search(rest) or _BRACKETED_CREDIT.search(rest)
    if credit is not None and len(_WORD.findall(re.sub(r"\([^()]*\)", "", credit.group(
            "name")))) <= CREDIT_MAX_WORDS and len(words) <= CAPTION_MAX_WORDS + CREDIT_MAX_WORDS:
        return credit.start() == 0
    if _BOX.search(rest) and len(words) <= CAPTION_MAX_WORDS:
        return False
    if (_COPYRIGHT.search(rest) and len(words) <= CAPTION_MAX_WORDS) or _PAGE.fullmatch(rest) or (
            _TEASER.match(rest) and len(words) <= HEADLINE_MAX_WORDS + 3):
        return False
    if _SWATCH.match(rest) and len(words) <= CAPTION_MAX_WORDS:
        return False  # a map's or chart's legend: "██ Rebel-held areas"
    if (ended and len(words) <= HEADLINE_MAX_WORDS + 4 and not any(ch.isdigit() for ch in rest)
            and _THIS_REPORT.search(rest) and _AGENCY_CREDIT.search(rest)):
        return False
    return None


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

