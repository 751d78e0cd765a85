"""Post-rules over spaCy's entities: money, percentages and quantities whole, clean edges."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING

from claimdesk.nlp.entity_figures import (
    NUMBER,
    PERCENT_WORDS,
    SIGNED_NUMBER,
    SIGNS,
    after_approximators,
    bare_word,
    figure_kind,
    is_figure_token,
    is_number,
    percent_tail,
    rate_end,
    unit_end,
)
from claimdesk.nlp.entity_labels import name_parts
from claimdesk.nlp.entity_words import CURRENCY_SIGNS, CURRENCY_WORDS, MAGNITUDES, PLACES
from claimdesk.nlp.lexicon import (
    DETERMINERS,
    HONORIFICS,
    REPORTING_VERBS,
    ROLE_HEADS,
    words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

Found = tuple[int, int, str]

FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Labels of names: these lose a leading "the", a trailing "’s" and titles (PERSON only).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LAW", "EVENT", "PRODUCT"})
# A digit, or a one-word place name written as a name.
_TRIGGER = re.compile(
    r"\d|\b(?:" + "|".join(sorted((re.escape(p) for p in PLACES if p.istitle() and " " not in p),
                                  key=len, reverse=True)) + r")\b")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# A fiscal year written as one word ("FY2026", "FY25", "FY2024/25"): a date, never a name.
_FISCAL_YEAR = re.compile(r"^FY'?\d{2}(?:\d{2})?(?:[-/–]\d{2,4})?$")

_MONTHS = words("january february march april may june july august september october "
                "november december")
# Words before a month that make it a date ("in May", "last June").
_BEFORE_DATES = words("in since until till by from last next early late mid of during this "
                      "before after on through between")
# Titles spaCy sometimes keeps inside a person's name; peers and royals keep theirs.
_TITLES = (HONORIFICS | ROLE_HEADS | words("broadcaster detective imam journalist reporter")
           ) - words("lord lady king queen pope prince princess sheikh dame sir")
_POSSESSIVES = words("'s ’s ' ’")
# Words that never end an entity (and never start a name).
_EDGE_WORDS = words("to from and or of in by for at on with as than")
# Names spelt "The X" where "The" belongs to the name.
_THE_NAMES = words("guardian times economist hague telegraph independent observer sun "
                   "spectator mirror atlantic beatles who")
# Towns whose name alone is as often their football club, an ORG ("Liverpool beat Leeds").
_CLUB_TOWNS = words("Liverpool Manchester Newcastle Leeds Sheffield Birmingham Bristol")
_ABBREVIATIONS = words("inc ltd co corp jr sr st bros plc")
_TRIM_CHARS = "-–—‐‑−,;:!?'\"“”‘’«»()[]{}*•|/\\."
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def entity_spans(doc: Doc) -> list[Found]:
    """(start_char, end_char, label) of the Doc's entities after the post-rules, in order.

    Offsets index `doc.text`. One pass over the tokens, no second parse: spaCy's spans
    are cut at sentence ends and line breaks, stripped of punctuation, "the", "’s",
    titles and trailing prepositions, split where one figure runs into the next ("0.27
    percentage points to 5.1%"), and widened over currency, magnitude, unit and rate
    ("£3.4m", "3.4 million euros", "2.5 million barrels a day"); figures spaCy missed
    ("R70,000", "72p", "1.5C") are added. A Doc without NER gets nothing.
    """
    if not doc.has_annotation("ENT_IOB"):
        return []
    found: list[Found] = []
    covered = bytearray(len(doc))
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = 1
        for start, end in _within_sentences(doc, ent.start, ent.end):
            found.extend(_refine(doc, start, end, ent.label_))
    found.extend(_missed(doc, covered))
    return _without_overlaps(found)


def refine_doc_ents(doc: Doc) -> None:
    """Set `doc.ents` to the post-rules' spans (widened to whole tokens).

    For rules that read `doc.ents` themselves (speakers, claim types): after this,
    "Jordan said" has a GPE and "£3.4m" is MONEY from "£" to "m". Not wired into
    extraction yet; call it right after parsing, before speakers are attributed.
    """
    spans: list[Span] = []
    for start, end, label in entity_spans(doc):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and (not spans or span.start >= spans[-1].end):
            spans.append(span)
    doc.set_ents(spans, default="outside")


def _within_sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The part of [start, end) in one sentence and one line: the longer part if cut."""
    cuts = [i for i in range(start + 1, end)
            if doc[i].is_sent_start or any(ch in _LINE_BREAKS for ch in doc[i - 1].whitespace_)
            or (doc[i].is_space and any(ch in _LINE_BREAKS for ch in doc[i].text))]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    parts = list(pairwise(bounds))
    return [max(parts, key=lambda p: doc[p[0]:p[1]].end_char - doc[p[0]:p[1]].start_char)]


def _refine(doc: Doc, start: int, end: int, label: str) -> list[Found]:
    if label not in FIGURE_LABELS | {"DATE", "TIME"} and (
            SIGNED_NUMBER.match(doc[start].text) or (
                doc[start].lower_ in CURRENCY_SIGNS and end - start > 1
                and is_number(doc[start + 1]))):
        label = "CARDINAL"  # "−7°C", "JPY 900bn" taken for a person: a figure
    start, end = _trim_tokens(doc, start, end, label)
    if start >= end:
        return []
    if label in FIGURE_LABELS:
        return [f for part in _split_figures(doc, start, end)
                for f in _figure(doc, *part, label)]
    k = start
    while k < end and is_figure_token(doc[k]):
        k += 1
    if k > start:
        # "R70,000" as PERSON, "40.3C" or "95p five years ago" as DATE: the figure is
        # taken out; only a date or time keeps the words after it.
        rest = _chars(doc, k, end, label) if label in {"DATE", "TIME"} else []
        return [*_figure(doc, start, k, label), *rest]
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "in" and doc[k + 1:end].text in PLACES:
            # "Coningsby in Lincolnshire" as one ORG: a place in a place.
            return [*_chars(doc, start, k, "GPE"), *_chars(doc, k + 1, end, "GPE")]
    if (label in {"NORP", "ORG"} and start > 0 and doc[start].lower_ in {"democrat", "democrats"}
            and doc[start - 1].lower_ in {"liberal", "social"}):
        start -= 1  # "Liberal Democrat spokesman": spaCy keeps only "Democrat"
    label = _relabel_name(doc, start, end, label)
    return [f for s, e, part in name_parts(doc, start, end, label) for f in _chars(doc, s, e, part)]


def _trim_tokens(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop punctuation, determiners, titles and prepositions spaCy left at the edges."""
    name = label in NAME_LABELS
    while start < end:
        tok = doc[start]
        low = tok.lower_
        if (tok.is_punct and tok.text not in CURRENCY_SIGNS) or tok.is_space or (
            low in _EDGE_WORDS and end - start > 1 and label not in {"DATE", "TIME"}
        ) or (name and end - start > 1 and (
            (low in DETERMINERS and (tok.text.islower() or _leading_the(doc, start)))
            or (label == "PERSON" and low in _TITLES)
        )):
            start += 1
            continue
        break
    while end > start:
        tok = doc[end - 1]
        low = tok.lower_
        if ((tok.is_punct and tok.text not in PERCENT_WORDS and tok.text not in CURRENCY_SIGNS)
                or tok.is_space or low in _POSSESSIVES or low in _EDGE_WORDS
                or (label == "PERSON" and end - start > 1 and NUMBER.search(tok.text)
                    and not NUMBER.search(doc[start].text))):  # "Leeds 3-1"
            end -= 1
            continue
        break
    return start, end


def _leading_the(doc: Doc, start: int) -> bool:
    """Whether a capital "The" is spaCy's addition rather than part of the name."""
    return bool(doc[start].is_sent_start) and doc[start + 1].lower_ not in _THE_NAMES


def _split_figures(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut "0.27 percentage points to 5.1%" and "by 800,000 to 124 million" in two.

    A range ("5 to 10 per cent") stays whole: the cut needs a complete figure on the
    left (with its unit or currency) or a change before it ("rose by", "from").
    """
    for k in range(start + 1, end - 1):
        low = doc[k].lower_
        if low not in _EDGE_WORDS:
            continue
        left_has_number = any(NUMBER.search(t.text) or t.like_num for t in doc[start:k])
        complete = left_has_number and figure_kind(doc, start, k) is not None
        if low in {"to", "from"} and left_has_number and (
                complete or (start > 0 and doc[start - 1].lower_ in {"by", "from"})):
            return [(start, k), *_split_figures(doc, k + 1, end)]
        if complete and low in {"in", "on", "at", "for", "since"}:
            return [(start, k)]  # "5% in 2023": the date is no part of the figure
        if complete and low == "or" and figure_kind(doc, k + 1, end) is not None:
            # "US$49 million or €36 million": two amounts, one in each currency
            return [(start, k), *_split_figures(doc, k + 1, end)]
    return [(start, end)]


def _figure(doc: Doc, start: int, end: int, label: str) -> list[Found]:
    """Widen a figure over its currency, magnitude, percentage words, unit and rate."""
    n = len(doc)
    start = after_approximators(doc, start, end)
    while start > 0 and doc[start - 1].lower_ in CURRENCY_SIGNS:
        start -= 1
    if (start > 0 and doc[start - 1].text in SIGNS and not doc[start - 1].whitespace_
            and (start == 1 or doc[start - 2].whitespace_)):
        start -= 1  # "–3 °C": the minus sign the tokenizer split off
    if end < n and bare_word(doc[end]) in MAGNITUDES and is_number(doc[end - 1]):
        end += 1
    tail = percent_tail(doc, end)
    if tail:
        end += tail
    elif end < n and bare_word(doc[end]) in CURRENCY_WORDS:
        end += 1
    elif (end + 1 < n and doc[end].is_title and bare_word(doc[end + 1]) in CURRENCY_WORDS
          and is_number(doc[end - 1])):
        end += 2  # "12 billion Swiss francs"
    else:
        end = unit_end(doc, end)
    kind = figure_kind(doc, start, end)
    if kind == "QUANTITY":
        end = rate_end(doc, end)
    if kind is not None:
        label = kind
    elif label in {"QUANTITY", "PERCENT"} or (label and label not in FIGURE_LABELS):
        label = "CARDINAL"  # left after a split, or a bare number spaCy took for a name
    return _chars(doc, start, end, label)


def _relabel_name(doc: Doc, start: int, end: int, label: str) -> str:
    """Months spaCy took for people, people it took for months, places for people."""
    text = doc[start:end].text
    if end - start == 1 and _FISCAL_YEAR.match(text):
        return "DATE"
    if end - start == 1 and text.lower() in _MONTHS:
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end] if end < len(doc) else None
        if label == "PERSON" and (before in _BEFORE_DATES or (after is not None
                                                               and after.like_num)):
            return "DATE"
        if (label == "DATE" and after is not None and after.lower_ in REPORTING_VERBS
                and before not in _BEFORE_DATES):
            return "PERSON"  # "May said": a month says nothing
    if (label in {"PERSON", "NORP"} and text in PLACES) or (
            label == "ORG" and text in PLACES and text not in _CLUB_TOWNS):
        return "GPE"
    return label


def _chars(doc: Doc, start: int, end: int, label: str) -> list[Found]:
    """Character offsets of tokens [start, end), without punctuation glued to the ends."""
    if start >= end:
        return []
    # The span's own text: doc.text would join every token of the Doc on each call.
    base = doc[start].idx
    text = doc[start:end].text
    s, e = 0, len(text)
    while s < e and (text[s] in _TRIM_CHARS or text[s].isspace()) and not (
            label in FIGURE_LABELS and _signs_a_figure(doc, start, text, s)):
        s += 1
    while e > s and (text[e - 1] in _TRIM_CHARS or text[e - 1].isspace()):
        if text[e - 1] == "." and _keeps_full_stop(text[s:e]):
            break
        e -= 1
    for suffix in ("'s", "’s"):
        if label in NAME_LABELS and text.endswith(suffix, s, e) and e - s > len(suffix):
            e -= len(suffix)
    if s < e and any(ch.isalnum() for ch in text[s:e]):
        return [(base + s, base + e, label)]
    return []


def _signs_a_figure(doc: Doc, start: int, text: str, s: int) -> bool:
    """Whether text[s], in the text of tokens from `start`, is a minus sign written on the
    figure after it ("-£4m", "−7°C"): a hyphen, minus or en dash after a space (or the
    Doc's start), before a digit or a currency sign. Between figures ("2%-3%") a dash is
    a range's."""
    if text[s] not in SIGNS or s + 1 >= len(text):
        return False
    after = text[s + 1]
    if s > 0:
        before = text[s - 1]
    elif start > 0:
        before = doc[start - 1].whitespace_[-1:] or doc[start - 1].text[-1:]
    else:
        before = " "
    return (after.isdigit() or after in "£$€¥₹") and (before.isspace() or before in "([")


def _keeps_full_stop(span: str) -> bool:
    """ "U.S." and "Acme Inc." end in a full stop of their own; "1.5C." does not."""
    last = span.rsplit(" ", 1)[-1]
    return bool(_INITIALS.match(last)) or last[:-1].lower() in _ABBREVIATIONS


def _missed(doc: Doc, covered: bytearray) -> list[Found]:
    """Figures spaCy tagged as nothing ("R70,000", "72p", "£22bn"), and lone place names.

    A regex finds the few tokens worth a look (a digit, a place's name), so the Python
    work grows with them, not with every token of the Doc.
    """
    found: list[Found] = []
    n = len(doc)
    starts = doc.to_array("IDX").tolist()
    done = 0
    for match in _TRIGGER.finditer(doc.text):
        i = bisect_right(starts, match.start()) - 1
        if i < done or covered[i]:
            continue
        tok = doc[i]
        if _FISCAL_YEAR.match(tok.text):
            found.append((tok.idx, tok.idx + len(tok.text), "DATE"))
            done = i + 1
        elif match.group().isdigit():
            end = i + 1
            while end < n and not covered[end] and doc[end].like_num:
                end += 1  # "1.5 million"
            # Only a figure whose own words say what it is (a sign, unit, "%") is added.
            found.extend(f for f in _figure(doc, i, end, "") if f[2])
            done = end
        elif tok.text == match.group() and not _in_a_longer_name(doc, i):
            found.append((tok.idx, tok.idx + len(tok.text), "GPE"))
            done = i + 1
    return found


def _in_a_longer_name(doc: Doc, i: int) -> bool:
    """ "Washington Post", "Greater Manchester": a place word inside another name."""
    after = i + 1 < len(doc) and doc[i + 1].is_title
    before = i > 0 and doc[i - 1].is_title and not doc[i - 1].is_stop  # not "In London"
    return after or before


def _without_overlaps(found: list[Found]) -> list[Found]:
    """In text order; where spans overlap, the longer one wins (a widened "£3.4m")."""
    kept: list[Found] = []
    for span in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return kept
