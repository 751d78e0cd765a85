"""Labels of names fixed after spaCy: time zones, "Name (ACRONYM)", surnames named in full.

Only the entities shown with a claim change here; the speaker rules read spaCy's own
`doc.ents`, so none of this moves a speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claimdesk.nlp.entity_words import PLACES
from claimdesk.nlp.lexicon import HONORIFICS, ROLE_HEADS, words
from claimdesk.nlp.names import NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from claimdesk.domain.models import Entity

# Time zones spaCy tags as organisations ("14:30 UTC"); a time of day is not labelled.
TIME_ZONES = words("UTC GMT BST CET CEST EET EST EDT CST CDT MST MDT PST PDT IST JST AEST AEDT")
# Capitalised common nouns spaCy takes for an organisation when they stand alone ("the
# Government", "her Budget"); a legislature named alone ("Parliament", "the Senate") stays.
_GENERIC_BODIES = words("government budget committee court department administration board "
                        "chamber ministry council agency commission office executive authority")
# Last words of newspaper names, which keep their "The" ("The Westbury Herald").
_NEWSPAPER_WORDS = words("times post herald sun telegraph guardian journal economist "
                         "independent observer mirror tribune gazette chronicle verge atlantic "
                         "standard express mail star globe inquirer bulletin examiner courier")
# Diseases and their viruses, which spaCy tags as organisations ("COVID-19").
_DISEASE = re.compile(r"^(?:COVID|SARS|MERS|Ebola|EVD|HIV|AIDS|Zika|H\dN\d)\b|(?:Syndrome|virus)$",
                      re.IGNORECASE)
# Roles spaCy runs into the name after them ("Detective Constable Tomas Quenby").
_ROLES = HONORIFICS | ROLE_HEADS | words("detective constable representative broadcaster")
# Words that make a run of capitals an organisation rather than a person.
_ORG_WORDS = words("party administration committee institute university college school court "
                   "council agency department ministry office union league association "
                   "organization organisation corporation company bank group service "
                   "services commission board authority foundation house senate congress "
                   "parliament assembly army police guard force forces news network "
                   "airlines airways hospital station fund trust society club centre center "
                   "inc ltd plc corp")
# Social networks and video sites: spaCy often takes "on Twitter" for a person.
_PLATFORMS = words("Twitter Facebook Instagram YouTube TikTok WhatsApp Telegram Snapchat "
                   "LinkedIn Reddit Weibo WeChat Threads Bluesky")
# Labels a lone surname gets by mistake once the person was named in full.
_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP"})


def name_parts(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Token spans and labels for one name: "UTC" is a TIME, "Name (ACR" two ORGs.

    A lone "Government" or the "State" of "Secretary of State" is no organisation at
    all; a newspaper takes back the "the" before it.
    """
    if end - start == 1 and doc[start].text in _PLATFORMS:
        return [(start, end, "ORG")]
    if label in {"PERSON", "ORG"} and not any(
            ch.isupper() or ch.isdigit() or ch == "." for ch in doc[start:end].text):
        return []  # "the van", "congress", "fentanyl": a name has a capital somewhere
    if label != "ORG":
        return [(start, end, label)]
    if _DISEASE.search(doc[start:end].text) and not any(
            t.lower_ in _ORG_WORDS for t in doc[start:end]):
        return []  # "COVID-19", but not the "AIDS Healthcare Foundation"
    if end - start == 1:
        tok = doc[start]
        if tok.text in TIME_ZONES:
            return [(start, end, "TIME")]
        if (tok.lower_ in _GENERIC_BODIES and tok.is_title) or (
                start >= 2 and doc[start - 2].lower_ == "secretary"
                and doc[start - 1].lower_ == "of"):
            return []
    split = _person_after(doc, start, end)
    if split is not None:
        return split
    if doc[end - 1].lower_ in _NEWSPAPER_WORDS and start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    else:
        for k in range(start + 1, end - 1):
            if (doc[k].text == "(" and _acronym(doc[k + 1])
                    and all(t.text == ")" for t in doc[k + 2:end])):
                # "World Health Organization (WHO": spaCy runs the name into its acronym.
                return [(start, k, label), (k + 1, k + 2, label)]
    return [(start, end, label)]


def _person_after(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """A place or a role spaCy ran into the person after it, as one ORG, split.

    "(First Minister of) Scotland Harriet Quenby" is a place and a person, "Detective
    Constable Tomas Quenby" a person; "Scotland Fisheries Board" (an organisation word)
    and "London Stock Exchange" (no role before the place) stay whole.
    """
    for k in range(start + 1, end - 1):
        if not _person_like(doc[k:end]):
            continue
        head = k
        while head > start and doc[head - 1].lower_ in _ROLES:
            head -= 1
        if doc[start:head].text in PLACES and (head < k or _after_role_of(doc, start)):
            return [(start, head, "GPE"), (k, end, "PERSON")]
        if head < k and all(t.is_title or t.lower_ in _ROLES for t in doc[start:head]):
            return [(k, end, "PERSON")]
    return None


def _after_role_of(doc: Doc, start: int) -> bool:
    """ "President of Ukraine …", "Senator from Vermont …": a role's place before a name."""
    return (start >= 2 and doc[start - 1].lower_ in {"of", "from"}
            and doc[start - 2].lower_ in _ROLES)


def _person_like(span: Span) -> bool:
    toks = list(span)
    return (len(toks) >= 2 and toks[0].is_title and not toks[0].is_stop and toks[-1].is_title
            and all((t.is_title or t.lower_ in NAME_PARTICLES) and t.lower_ not in _ORG_WORDS
                    and t.text not in PLACES and t.lower_ not in _ROLES for t in toks))


def _acronym(tok: Token) -> bool:
    text = tok.text
    return (len(text) >= 2 and text[0].isupper() and text.isalpha()
            and sum(ch.isupper() for ch in text) >= 2)


class KnownNames:
    """Surnames of the people an article has named in full, so far.

    "Quenby" alone is often an ORG or a place to spaCy; once "Harriet Quenby" was a
    PERSON in the same article, the lone "Quenby" is that person. (The same memory for
    places, an ORG the article used as a place elsewhere, gained as many places as it
    lost on the development set: spaCy's place tags are wrong too often to lean on.)
    """

    def __init__(self) -> None:
        self._surnames: set[str] = set()

    def relabel(self, entities: list[Entity]) -> list[Entity]:
        """`entities` of one stretch of text, lone surnames of known people as PERSON."""
        for ent in entities:
            parts = ent.text.split()
            if ent.label == "PERSON" and len(parts) >= 2 and parts[-1][:1].isupper():
                self._surnames.add(parts[-1])
        return [replace(ent, label="PERSON")
                if (ent.label in _NOT_PEOPLE and ent.text in self._surnames
                    and ent.text not in PLACES) else ent
                for ent in entities]
