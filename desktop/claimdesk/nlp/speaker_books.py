"""What an article has named so far: people and their roles, organisations, short forms."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp import speaker_syntax as syn
from claimdesk.nlp.coref import RoleBook, role_words
from claimdesk.nlp.names import NameBook, Who, clean_name, name_kind, person_entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from claimdesk.nlp.quote_verbs import Context

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_TITLE_WORDS = lx.HONORIFICS | lx.ROLE_HEADS


@dataclass(slots=True)
class Books:
    """The names an article has given so far, learnt paragraph after paragraph."""

    names: NameBook = field(default_factory=NameBook)
    roles: RoleBook = field(default_factory=RoleBook)
    #: Organisations by each word of their name ("the bank", "the force").
    orgs: dict[str, str] = field(default_factory=dict)
    #: Short forms the article defined: "Office for National Statistics (ONS)".
    short: dict[str, str] = field(default_factory=dict)

    def learn(self, ctx: Context) -> None:
        """Add the paragraph's people and their roles to the books; list who each sentence names."""
        starts = [s.start_char for s in ctx.sentences]
        ctx.people_here = [[] for _ in ctx.sentences]
        for ent in ctx.spans:
            if ent.label_ in _NAMED and ent.label_ != "PERSON" and not ctx.quoted(ent[0]):
                org = clean_name(ent)
                if (short := syn.short_form(ent)) is not None:
                    self.short[short] = org
                for word in org.lower().split():
                    if word in lx.ORG_WORDS:
                        self.orgs.update(dict.fromkeys((word, *lx.ORG_ALIASES.get(word, ())), org))
            if not person_entity(ent) and not (ent.label_ in {"GPE", "ORG"} and len(ent) == 1
                                                and self.names.is_person(ent.text)):
                continue  # but "Kidston" tagged a place after "Jarrod Kidston" is him
            name = clean_name(ent)
            before = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if ent[0].lower_ in lx.FEMALE_TITLES | lx.MALE_TITLES:
                before = ent[0].lower_  # "Prince Karim Aziz" tagged with the title
            self.names.add(name, before)
            full = self.names.full(name)
            self.roles.learn(ent, full)
            if not ctx.quoted(ent[0]) and ctx.sentences:
                here = ctx.people_here[max(bisect_right(starts, ent.start_char) - 1, 0)]
                if full not in here:
                    here.append(full)
        for tok in ctx.doc:
            defined = _defined_name(tok, ctx.ents)
            if defined is not None and not ctx.quoted(tok):
                name = defined.text
                self.short[tok.doc[tok.i + 1].text] = name
                ctx.defined.update(dict.fromkeys(range(defined.start, defined.end), name))
            expanded = _expanded_name(tok)
            if expanded is not None and not ctx.quoted(tok):
                self.short.setdefault(tok.text, expanded)  # "AEW (All Elite Wrestling)"
            if (body := _untagged_body(tok, ctx.ents)) is not None and not ctx.quoted(tok):
                for word in body.lower().split():
                    if word in lx.ORG_WORDS:
                        self.orgs[word] = body
            if (body := _body_of_place(tok)) is not None and not ctx.quoted(tok):
                self.orgs.update(dict.fromkeys((tok.lower_, *lx.ORG_ALIASES.get(tok.lower_, ())),
                                               body))

    def credited(self, credit: str) -> Who:
        """The speaker a block quotation's credit line names: "USCG dispatcher" (a body and
        an unnamed official of it) is the body, under the name its short form stands for."""
        words = credit.split()
        if len(words) > 1 and words[-1].islower():
            body = " ".join(words[:-1])
            return Who(self.short.get(body, body), SpeakerKind.ORGANISATION)
        titled = [i for i, w in enumerate(words[:-1]) if w.lower() in _TITLE_WORDS]
        if titled and len(words) - titled[-1] > 2:
            # "United States District Judge Victor Marrero": the judge's name.
            name = " ".join(words[titled[-1] + 1:])
            return Who(self.names.full(name), SpeakerKind.PERSON)
        name = self.short.get(credit, credit)
        kind = name_kind(name)
        return Who(self.names.full(name) if kind is SpeakerKind.PERSON else name, kind)

    def focus(self, ctx: Context, sent: Span) -> str | None:
        """The person who is the subject of the sentence's main verb, named or by role."""
        for child in sent.root.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or ctx.quoted(child):
                continue
            ent = ctx.ents.get(child.i)  # "Branson" tagged GPE after "Richard Branson": his
            if ent is not None and (person_entity(ent) or self.names.is_person(clean_name(ent))):
                return self.names.full(clean_name(ent))
            if (ent is None and (child.pos_ == "PROPN" or child.is_title)
                    and self.names.is_person(child.text)):
                # "Waseem appeared…", the surname untagged (or tagged a common noun)
                return self.names.full(child.text)
            if child.pos_ in {"NOUN", "PROPN"}:
                return self.roles.find(role_words(child))  # "The Conservative leader will…"
        return None


def _body_of_place(tok: Token) -> str | None:
    """ "the government of Samoa", "the ministry of Finance": a body the tagger has no
    entity for, named by its common noun and its place; "the government" is it later."""
    if tok.pos_ != "NOUN" or tok.lower_ not in lx.ORG_WORDS or not any(
            c.lower_ == "the" for c in tok.lefts):
        return None
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is not None and place.ent_type_ in {"GPE", "ORG"}:
                return tok.doc[tok.i:place.i + 1].text
    return None


_JOINERS = frozenset({"of", "for", "from", "and", "the", "on", "in"})


def _untagged_body(tok: Token, ents: dict[int, Span]) -> str | None:
    """ "North Wales Fire and Rescue Service" with no entity tagged on it, or only its end:
    title-case words (and small words between them) that end in an organisation's noun."""
    doc = tok.doc
    ent = ents.get(tok.i)
    if not tok.is_title or tok.lower_ not in lx.ORG_WORDS or (ent is not None and (
            ent.end != tok.i + 1 or ent.label_ not in {"ORG", "FAC"})) or (
            tok.i + 1 < len(doc) and doc[tok.i + 1].is_title):
        return None
    start = tok.i
    while start > 0 and tok.i - start < 8 and doc[start - 1].ent_type_ != "PERSON" and (
            doc[start - 1].is_title or doc[start - 1].lower_ in _JOINERS - {"the"}) and not (
            doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN"):
        start -= 1
    while start < tok.i and not doc[start].is_title:
        start += 1
    words = doc[start:tok.i + 1]
    if len(words) < 3 or (ent is not None and ent.start <= start):
        return None  # "Fire Service" alone may be any; a whole entity is learnt as one
    return words.text


def _expanded_name(short: Token) -> str | None:
    """ "AEW (All Elite Wrestling)": the name in brackets after a short form, if the
    initials of its title-case words (with or without the small words) spell it."""
    doc = short.doc
    text = short.text
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 6) or (
            short.i + 3 >= len(doc) or doc[short.i + 1].text != "("):
        return None
    close = next((t.i for t in doc[short.i + 2:short.i + 12] if t.text == ")"), None)
    words = doc[short.i + 2:close] if close is not None else None
    if words is None or len(words) < 2 or not words[0].is_title or not all(
            t.is_title or t.lower_ in _JOINERS for t in words):
        return None
    return words.text if _spells(text, words) else None


def _defined_name(paren: Token, ents: dict[int, Span]) -> Span | None:
    """ "Notes from Poland (NFP)" with no entity tagged on the name: the title-case words
    before "(" whose initials (with or without the small words) spell the short form."""
    doc = paren.doc
    if paren.text != "(" or paren.i + 2 >= len(doc) or doc[paren.i + 2].text != ")":
        return None
    short = doc[paren.i + 1].text
    if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 6):
        return None
    start = paren.i
    while start > 0 and paren.i - start < 8 and (
            doc[start - 1].is_title or doc[start - 1].lower_ in _JOINERS):
        start -= 1
    while start < paren.i and not doc[start].is_title:
        start += 1  # "the" and "of" do not open the name
    words = doc[start:paren.i]
    if len(words) < 2 or any(t.i in ents for t in words[:1]):
        return None
    return words if _spells(short, words) else None


def _spells(short: str, words: Span) -> bool:
    """Whether the initials of `words` spell `short`, with or without the small words."""
    capitals = "".join(t.text[0] for t in words if t.is_title)
    every = "".join(t.text[0].upper() for t in words)
    return short in {capitals, every}
