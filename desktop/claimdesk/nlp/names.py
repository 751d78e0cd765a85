"""People's names: dropping titles, expanding "Mr Blinken" to the full name, and speaker kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Lower-case words inside people's names: "Jose Eduardo dos Santos", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
                        "la", "le", "van", "von", "bin", "ibn", "al", "ter", "ten"})
_TITLES = lx.HONORIFICS | lx.ROLE_HEADS
_GIVEN = lx.FEMALE_NAMES | lx.MALE_NAMES
#: The kind of speaker each spaCy entity label stands for.
ENTITY_KINDS = {
    "PERSON": SpeakerKind.PERSON,
    "ORG": SpeakerKind.ORGANISATION,
    "NORP": SpeakerKind.ORGANISATION,  # "the Tories", "Democrats"
    "FAC": SpeakerKind.ORGANISATION,  # "Downing Street said", "the White House"
    "GPE": SpeakerKind.PLACE,
    "LOC": SpeakerKind.PLACE,
}


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker's name and what sort of speaker it is."""

    name: str
    kind: SpeakerKind


def name_start(span: Span) -> int:
    """Index of the first token of the name in `span`, after "the" and any titles.

    "Culture Secretary Tessa Jowell" as one entity starts its name at "Tessa".
    """
    start, end = span.start, span.end
    doc = span.doc
    last_title = max((t.i for t in span[:-1] if t.lower_ in _TITLES), default=-1)
    if last_title >= start:
        start = last_title + 1
    while end - start > 1 and (doc[start].lower_ in _TITLES or doc[start].lower_ in lx.DETERMINERS
                               or (doc[start].lower_ in lx.OCCUPATIONS and end - start > 2)):
        start += 1  # "Broadcaster Piers Morgan": an occupation, capitalised to open a sentence
    if start == span.start and start > 0 and doc[start - 1].lower_ in {"of", "for"}:
        # "First Minister of Scotland Nicola Sturgeon": the office's place ends where a
        # given name begins.
        given = next((t.i for t in doc[start + 1:end - 1] if t.lower_ in _GIVEN), None)
        start = given if given is not None else start
    return start


def glued_person(span: Span) -> Span | None:
    """The person in "President of [Ukraine Petro Kovalenko]", "Senator from [Vermont Jo
    Hale]": the tagger glued the office's place or body to the name, as one non-person
    entity. The name starts at a given name, else it is the last two words."""
    doc = span.doc
    if span.label_ == "PERSON" or len(span.text.split()) < 3 or span.start < 2:
        return None
    if span[0].lower_ in lx.DETERMINERS:
        return None  # "a spokesperson for the Red Cross": a body, named as bodies are
    titles = [t for t in doc[max(span.start - 4, 0):span.start - 1] if t.lower_ in _TITLES]
    if doc[span.start - 1].lower_ not in {"of", "from", "for"} or not titles:
        return None
    start = next((t.i for t in span[1:] if t.lower_ in _GIVEN), None)
    if start is None and (len(span.text.split()) >= 4 or titles[-1].is_title):
        # The last two words ("Man-kei Tam" is one), after a place or body of two words or
        # after an office written as a title ("President of Ukraine Petro Kovalenko");
        # "the president of Warner Bros Discovery" is a company, not "Bros Discovery".
        starts = [t.i for t in span[1:] if doc[t.i - 1].whitespace_]
        start = starts[-2] if len(starts) >= 2 else None
    if start is None or span.end - start < 2:
        return None
    rest = doc[start:span.end]
    if any(t.is_alpha and t.lower_ in lx.ORG_WORDS for t in rest):
        return None
    words = rest.text.split()
    return rest if len(words) >= 2 and all(w[:1].isupper() for w in words) else None


def clean_name(span: Span) -> str:
    """The name in `span` without a leading "the", titles ("Mr", "President") or "’s"."""
    doc = span.doc
    if (glued := glued_person(span)) is not None:
        return glued.text
    start, end = (name_start(span) if span.label_ == "PERSON" else span.start), span.end
    # "Justice" and "General" open titles, but also "Justice Department", "General Motors".
    titles = lx.HONORIFICS if not {t.lower_ for t in span} & lx.ORG_WORDS else frozenset()
    while end - start > 1 and (doc[start].lower_ in titles or doc[start].lower_ in lx.DETERMINERS):
        start += 1
    # "World Health Organization (WHO": the tagger took the opening of the short form.
    end = next((t.i for t in doc[start + 1:end] if t.text == "("), end)
    while end - start > 1 and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct
                               or (end - start > 2 and doc[end - 1].text in POSTNOMINALS)):
        end -= 1  # "Kama Melly QC": the letters after a name are no part of it
    return doc[start:end].text.strip()


#: Letters after a person's name: honours, silk, seats.
POSTNOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "MS", "AM", "OBE", "CBE", "MBE",
                          "KBE", "DBE", "JP", "PhD"})
#: A regnal number after a name: "Elizabeth II", "Maha Vajiralongkorn X".
REGNAL = re.compile(r"[IVX]{1,5}")


def titled_person(span: Span) -> str | None:
    """The person in a span the tagger did not call one: "Mayor Ana Ruiz" (ORG),
    "First Minister of Wales Sarah Lloyd": the title-case words after the last title."""
    if span.label_ == "PERSON":
        return None
    if (glued := glued_person(span)) is not None:
        return glued.text
    tokens = list(span)
    last = max((k for k, t in enumerate(tokens[:-1]) if t.lower_ in _TITLES), default=-1)
    if last < 0:
        return None
    rest = tokens[last + 1:]
    while len(rest) > 2 and rest[-1].text in POSTNOMINALS:
        rest = rest[:-1]  # "Prosecutor Kama Melly QC"
    if rest and rest[0].lower_ in {"of", "for"}:
        given = next((k for k, t in enumerate(rest) if t.lower_ in _GIVEN), None)
        rest = rest[given:] if given is not None else []
    if len(rest) < 2 or not all(t.is_title or REGNAL.fullmatch(t.text) for t in rest):
        return None
    if {t.lower_ for t in rest} & lx.ORG_WORDS:
        return None  # "President of the Board of Trade"
    return span.doc[rest[0].i:rest[-1].i + 1].text


def entity_kind(span: Span, name: str) -> SpeakerKind:
    """The kind of a named speaker: by its entity label, unless its words say organisation."""
    parts = name.lower().split()
    if set(parts) & lx.ORG_WORDS:
        return SpeakerKind.ORGANISATION
    if 2 <= len(parts) <= 3 and (parts[0] in lx.FEMALE_NAMES or parts[0] in lx.MALE_NAMES):
        return SpeakerKind.PERSON  # "Vince Cable" tagged ORG: a given name says person
    return ENTITY_KINDS.get(span.label_, SpeakerKind.ORGANISATION)


#: Styles a peer sits by, whose names have an "of": people all the same.
_PEERAGE = frozenset({"lord", "lady", "baroness", "baron", "earl", "countess", "viscount",
                      "viscountess", "marquess", "marquis", "marchioness", "duke", "duchess"})


def name_kind(name: str) -> SpeakerKind:
    """The kind of a bare name (a post's author, a transcript line): a person unless an org."""
    parts = name.split()
    if parts and parts[0].lower() in _PEERAGE:
        return SpeakerKind.PERSON  # "Earl of Dalkeith", "Lord Hunt of Kings Heath"
    words = {w.lower().strip(".,") for w in parts}
    # "Transport for London", "Bank of England": people's names have no "for" or "of".
    organisation = words & lx.ORG_WORDS or words & {"for", "of", "the", "and", "&"}
    return SpeakerKind.ORGANISATION if organisation else SpeakerKind.PERSON


def noun_kind(head: str) -> SpeakerKind:
    """The kind of a speaker named by a common noun: "officials" are people, "police" not."""
    low = head.lower()
    person = low in lx.PERSON_NOUNS or (low.endswith("s") and low[:-1] in lx.PERSON_NOUNS)
    return SpeakerKind.PERSON if person else SpeakerKind.ORGANISATION


class NameBook:
    """The people an article has named so far, by surname, with what shows their gender."""

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = {}
        self._people: set[str] = set()
        self._gender: dict[str, str] = {}

    def add(self, name: str, title: str = "") -> None:
        """Note a person's name; `title` is the word before it ("Mrs", "Sir"), if any."""
        if not name:
            return
        self._people.add(name)
        words = name.split()
        if len(words) >= 2:
            self._by_surname.setdefault(words[-1].lower(), set()).add(name)
        title = title.lower()
        if title in lx.FEMALE_TITLES or title in lx.MALE_TITLES:
            self._gender.setdefault(self.full(name), "f" if title in lx.FEMALE_TITLES else "m")

    def full(self, name: str) -> str:
        """The one full name that ends in `name`, else `name` unchanged (ambiguous or new)."""
        words = name.split()
        if len(words) == 1:
            known = self._by_surname.get(name.lower(), set())
            if len(known) == 1:
                return next(iter(known))
        return name

    def is_person(self, name: str) -> bool:
        return name in self._people or self.full(name) in self._people

    def gender(self, name: str) -> str | None:
        """ "f", "m", or None when neither a title nor the given name tells."""
        name = self.full(name)
        if name in self._gender:
            return self._gender[name]
        first = name.split()[0].lower() if len(name.split()) >= 2 else ""
        if first in lx.FEMALE_NAMES:
            return "f"
        return "m" if first in lx.MALE_NAMES else None


def _role_apposed(span: Span) -> bool:
    """ "Gáspár Maróth, the government commissioner for defence", the name tagged a body or
    a place: a name of two or three capitalised words set off by a person's role is a person's."""
    if span.label_ == "PERSON" or not 2 <= len(span) <= 3 or span[0].lower_ in lx.DETERMINERS:
        return False
    if any(not t.is_title or not t.is_alpha or t.lower_ in lx.ORG_WORDS for t in span):
        return False
    return any(c.dep_ == "appos" and c.i >= span.end and c.tag_ == "NN"
               and c.lower_ in lx.PERSON_NOUNS for c in span.root.children)


def person_entity(ent: Span) -> bool:
    """A person's name, even when the tagger calls it a place ("Kemi Badenoch", GPE)."""
    if ent.label_ == "PERSON" or glued_person(ent) is not None or _role_apposed(ent):
        return True
    return ent.label_ in ENTITY_KINDS and entity_kind(ent, ent.text) is SpeakerKind.PERSON


def entity_speaker(ent: Span, tok: Token, names: NameBook, short: dict[str, str]) -> Who | None:
    """The speaker a named entity gives: a person by their full name, else the body or
    place under the name the article defined for it (`short`: "ONS" → its full name)."""
    if ent.label_ == "PERSON":
        # "Sadiq Khan" with only "Khan" tagged: the given name the tagger left out.
        given = ent.doc[ent.start - 1] if ent.start > 0 and len(ent) == 1 else None
        if (given is not None and given.dep_ == "compound" and given.is_title
                and not given.ent_type_ and given.lower_ not in _TITLES
                and given.head.i == ent.start):
            return Who(names.full(clean_name(ent.doc[given.i:ent.end])), SpeakerKind.PERSON)
        return Who(names.full(clean_name(_after_office_place(ent))), SpeakerKind.PERSON)
    if (person := titled_person(ent)) is not None:
        names.add(person)
        return Who(names.full(person), SpeakerKind.PERSON)  # "Mayor Ana Ruiz" tagged ORG
    doc = tok.doc
    start = ent.start
    # "The Liberal Democrats": the tagger may leave "Liberal" out of the entity.
    # "The Lost 52 Project": a name with a number inside it, its words hung on the head.
    while (start > 0 and doc[start - 1].head.i in range(ent.start, ent.end) and (
            (doc[start - 1].dep_ in {"compound", "nmod"} and doc[start - 1].is_title
             and doc[start - 1].lower_ not in _TITLES)
            or (doc[start - 1].dep_ == "nummod" and doc[start - 1].is_digit))):
        start -= 1
    while start < ent.start and doc[start].is_digit:
        start += 1  # "52 Project" alone is a count of projects
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and ent.label_ == "ORG":
        # "Progressive Party" + "of Working People", the rest left untagged.
        rest = 0
        while (end + 1 + rest < len(doc) and rest < 3 and doc[end + 1 + rest].is_title
               and not doc[end + 1 + rest].ent_type_):
            rest += 1
        if rest and not (end + 1 + rest < len(doc) and doc[end + 1 + rest].is_title):
            end += 1 + rest
    name = clean_name(doc[start:end] if (start, end) != (ent.start, ent.end) else ent)
    name = short.get(name) or short.get(name.split()[-1] if name else "", name)
    if ent[-1].text in POSTNOMINALS and len(ent) >= 3 and name:
        names.add(name)  # "Kama Melly QC" tagged a body: a barrister's letters
        return Who(names.full(name), SpeakerKind.PERSON)
    if names.is_person(name) and not set(name.lower().split()) & lx.ORG_WORDS:
        return Who(names.full(name), SpeakerKind.PERSON)  # "Biden" tagged ORG after "Joe Biden"
    kind = entity_kind(ent, name) if name else None
    if kind is SpeakerKind.PERSON:
        names.add(name)
    return Who(name, kind) if name and kind else None


def _after_office_place(ent: Span) -> Span:
    """ "Mayor of Koszalin Piotr Jedlinski", tagged as one person with the town the tagger
    did not know: the name after the office's place."""
    doc = ent.doc
    if (len(ent) >= 3 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lower_ in _TITLES and ent[0].is_title):
        return ent[1:]
    return ent


def joined_entities(doc: Doc) -> list[Span]:
    """The doc's entities, with a person's name the tagger cut at a particle joined again:
    "Jose Eduardo" + "dos" + "Santos" is one person, "Jose Eduardo dos Santos"; and an
    organisation's edition for a country ("CNN" + "Indonesia", one noun phrase) one body."""
    out: list[Span] = []
    for ent in doc.ents:
        last = out[-1] if out else None
        if (last is not None and last.label_ == "PERSON" and ent.label_ == "PERSON"
                and 0 < ent.start - last.end <= 2
                and all(t.lower_ in NAME_PARTICLES for t in doc[last.end:ent.start])):
            out[-1] = doc.char_span(last.start_char, ent.end_char, label="PERSON") or last
            continue
        if (last is not None and last.label_ == "PERSON" and ent.start == last.end
                and len(last) >= 2 and last[-1].lower_ in NAME_PARTICLES
                and len(ent) == 1 and ent[0].is_title):
            # "Ursula von der" + "Leyen" (tagged a place): the particle ends no name.
            out[-1] = doc.char_span(last.start_char, ent.end_char, label="PERSON") or last
            continue
        if (last is not None and last.label_ == "ORG" and ent.label_ == "GPE"
                and ent.start == last.end and last.root.dep_ == "compound"
                and last.root.head.i in range(ent.start, ent.end)):
            out[-1] = doc.char_span(last.start_char, ent.end_char, label="ORG") or last
            continue
        between = [t.lower_ for t in doc[last.end:ent.start]] if last is not None else []
        if (last is not None and last.label_ == "ORG" and ent.label_ in {"GPE", "LOC"}
                and between in (["and"], ["and", "the"]) and len(ent) <= 2
                and any(t.lower_ == "of" for t in last[1:]) and last[-1].is_title
                and ent[-1].is_title and (ent.end == len(doc) or not doc[ent.end].is_title)):
            # "the Islamic State of Iraq" + "and the" + "Levant", "the High Court of England"
            # + "and" + "Wales": the tagger cut one body's name at "and".
            out[-1] = doc.char_span(last.start_char, ent.end_char, label="ORG") or last
            continue
        if (last is not None and last.label_ == "ORG" and ent.label_ == "GPE"
                and ent.start == last.end + 1 and doc[last.end].text == ","
                and last[-2:-1].text == "of" and last.root.lower_ == "university"):
            # "the University of California, Los Angeles": one campus, one body.
            out[-1] = doc.char_span(last.start_char, ent.end_char, label="ORG") or last
            continue
        out.append(ent)
    return out
