"""Speakers named by a common noun: unnamed people, spokespeople, pseudonyms, bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.names import REGNAL, glued_person, person_entity
from claimdesk.nlp.speaker_fallback import capitalised_run

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.tokens import Span, Token

#: How far a person's name may stand from the office it holds ("Minister for Exports Lord
#: Offord").
_REACH = 8
_NAME_JOINERS = frozenset({"of", "for", "and", "&"})
_TITLE_WORDS = lx.HONORIFICS | lx.ROLE_HEADS
_GIVEN = lx.FEMALE_NAMES | lx.MALE_NAMES
#: Determiners and numbers that leave a person unnamed: "a shop owner", "one MP",
#: "another parent", "several residents", "a number of councillors", "the two leaders".
_UNNAMED_DETS = frozenset({"a", "an", "one", "another", "some", "several", "many", "any",
                           "each", "every", "both", "few", "numerous"})
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople",
                          "spokespersons", "spokesmen", "spokeswomen", "representative",
                          "representatives", "source", "sources"})


def unnamed(tok: Token) -> bool:
    """Whether the common noun `tok` is someone the article does not name ("a shop owner",
    "one teacher", "the two ministers"): no reader can check such a speaker's words."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return False
    if tok.lower_ in lx.DATA_NOUNS:
        return False  # "a report by the committee found" speaks for the committee
    return any((c.dep_ in {"det", "nummod", "quantmod", "amod"} and c.lower_ in _UNNAMED_DETS)
               or (c.dep_ == "nummod" and c.like_num) for c in tok.lefts)


#: Nouns for someone who speaks for the body named with them ("an official from X").
#: An outlet's unnamed journalist speaks for the outlet: "an Al Jazeera reporter noted…".
_SPEAKS_FOR = SPOKESPEOPLE | {"official", "officials", "reporter", "reporters",
                              "correspondent", "correspondents"}


def spoken_for(tok: Token, ents: dict[int, Span]) -> Span | None:
    """The body an unnamed spokesperson speaks for: "a Home Office spokesperson", "a
    spokesman for the Bank of England" give the organisation named with them."""
    if tok.lower_ not in _SPEAKS_FOR:
        return None
    near = [c for c in tok.lefts if c.dep_ in {"compound", "nmod", "poss", "amod"}]
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at", "from"}:
            near += [c for c in prep.children if c.dep_ == "pobj"]
    # "Danish officials" are officials of no body a reader could name.
    kept = {"ORG"} if tok.lower_ not in SPOKESPEOPLE else None
    for word in near:
        ent = ents.get(word.i)
        if ent is not None and ent.label_ != "PERSON" and (kept is None or ent.label_ in kept):
            return ent
    for word in near:
        if (kept is None and word.dep_ == "pobj" and word.lower_ in _GOVERNMENTS
                and any(c.ent_type_ in {"NORP", "GPE"} for c in word.lefts)):
            # "the spokesperson for the German government": no entity, yet named.
            first = next(c for c in word.lefts if c.ent_type_ in {"NORP", "GPE"})
            return word.doc[first.i:word.i + 1]
    return None


_GOVERNMENTS = frozenset({"government", "ministry", "embassy", "presidency", "army", "navy"})


#: A research team, which speaks for the institution it comes from.
RESEARCHERS = frozenset({"researchers", "researcher", "scientists", "scientist", "team",
                         "authors", "investigators"})


def research_body(tok: Token, ents: dict[int, Span]) -> Span | None:
    """ "scientists from China's Tsinghua University", "a team of researchers at the
    University of Montreal": the first institution the team comes from."""
    if tok.lower_ not in RESEARCHERS:
        return None
    for word in tok.subtree:
        if word.i - tok.i > 12:
            break
        ent = ents.get(word.i)
        if (word.dep_ == "pobj" and word.head.lower_ in {"from", "at", "of"}
                and ent is not None and ent.label_ in {"ORG", "FAC"}):
            return ent
    return None


#: Words beside a group that leave it unnamed: "German officials", "US officials".
_NATIONAL = frozenset({"NORP", "GPE"})
_WHEN = frozenset({"DATE", "TIME"})


def unnamed_group(tok: Token) -> bool:
    """Whether `tok` is a group the article does not name: "officials", "some reports",
    "local residents", "Danish officials", "police" (which force, the caller decides).
    A group with a name beside it ("Officials at the Northfield Council", "the firm's
    lawyers", "Health Ministry officials") is not."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or (
            tok.tag_ != "NNS" and tok.lower_ not in lx.COLLECTIVE_NOUNS):
        return False
    if tok.head.lower_ in {"by", "from"} and tok.head.head.lower_ in lx.DATA_NOUNS:
        return False  # "estimates by event organisers": the authors of a document
    for child in tok.children:
        if child.dep_ in {"poss", "appos"}:
            return False
        named = child.pos_ == "PROPN" or (child.ent_type_ and child.ent_type_ not in _NATIONAL)
        if child.dep_ in {"compound", "nmod", "amod"} and named:
            return False
        if child.dep_ == "compound" and child.lower_ not in lx.PERSON_NOUNS:
            return False  # "health officials", "industry sources" (not "witness accounts")
        if child.dep_ == "prep" and any(
                (t.pos_ == "PROPN" or t.ent_type_) and t.ent_type_ not in _WHEN
                for t in child.subtree):
            return False  # "officials at the Northfield Council" (not "officials on Saturday")
    return True


def outlet_again(tok: Token) -> bool:
    """ "The newspaper", "the industry publication": an outlet named before, come back to
    with "the" and no name or owner of its own."""
    return tok.lower_ in lx.OUTLET_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
        c.dep_ in {"poss", "prep", "appos"} or c.pos_ == "PROPN" or c.ent_type_
        for c in tok.children)


_MEMBER_PREPS = frozenset({"including", "like"})


def first_member(tok: Token, ents: dict[int, Span]) -> Span | None:
    """ "Several carmakers including Volvo, Ford and Fiat": a group with its members named
    speaks through the first of them, as a sentence with several speakers does."""
    if tok.tag_ != "NNS":
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _MEMBER_PREPS:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ent = ents.get(obj.i) if obj is not None else None
            if ent is not None and ent.label_ in {"ORG", "GPE", "PERSON"}:
                return ent
    return None


def body_named_before(tok: Token, orgs: Mapping[str, str]) -> str | None:
    """ "Government officials stated", "the government statement": the body the article
    named before by that word ("the government of Burundi"), speaking through its people
    or its documents."""
    if tok.lower_ not in _SPEAKS_FOR and tok.lower_ not in lx.DATA_NOUNS:
        return None
    word = tok.doc[tok.i - 1] if tok.i > 0 else None
    if word is None or word.dep_ != "compound" or word.head.i != tok.i or word.pos_ != "NOUN":
        return None
    return orgs.get(word.lower_)


def unnamed_body(tok: Token) -> str | None:
    """ "Defence ministry sources": a body without a name the tagger saw, by its noun."""
    if tok.lower_ not in SPOKESPEOPLE:
        return None
    words = [c for c in tok.lefts if c.dep_ in {"compound", "amod"}]
    if not words or words[-1].lower_ not in lx.ORG_WORDS or words[-1].i != tok.i - 1:
        return None
    return tok.doc[words[0].left_edge.i:tok.i].text


def definite_spokesperson(tok: Token) -> bool:
    """ "The spokesperson added": one already introduced, with no body named here."""
    return (tok.lower_ in SPOKESPEOPLE and any(c.lower_ == "the" for c in tok.lefts)
            and not any(c.dep_ in {"compound", "poss", "prep"} for c in tok.children))


_SPOKESPERSON = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def lone_spokesperson(tok: Token) -> bool:
    """ "A spokesperson told the paper" with no body named: the body the article last
    heard from, whose spokesperson it will be (not "a source", who may be anyone's)."""
    return tok.lower_ in _SPOKESPERSON and not any(
        c.dep_ in {"compound", "poss", "prep", "amod", "appos"} for c in tok.children)


_ALIAS_NOUNS = frozenset({"pseudonym", "name", "alias", "nickname"})


def pseudonym(tok: Token) -> str | None:
    """ "a nurse using the pseudonym Maya", "a resident named Tom Hale": the name given."""
    if tok.pos_ != "NOUN":
        return None
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ not in {"acl", "relcl"}:
            continue
        words = list(doc[child.i:min(child.right_edge.i + 1, child.i + 6)])
        for k, word in enumerate(words[:-1]):
            if word.lower_ in _ALIAS_NOUNS or (k == 0 and word.lower_ in {"named", "called"}):
                run = capitalised_run(doc, words[k + 1].i, forward=True)
                if run is not None:
                    return run.text
    return None


#: Endings of nouns for people by what they do.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def can_speak(tok: Token) -> bool:
    """Whether a common noun can be the speaker of a statement: a person ("officials"),
    a body ("the council", "the paper") or a document ("the report"), not "tax returns"."""
    if tok.pos_ != "NOUN":
        return True
    if tok.is_upper and tok.is_alpha and len(tok) >= 3:
        return True  # "UNICEF reported…", tagged a common noun: an acronym is a body's name
    low = tok.lower_
    stem = low[:-1] if low.endswith("s") else low
    if stem.endswith(_AGENT_ENDINGS):
        return True  # "forecasters", "economists", "physicians", "participants"
    if tok.is_title and any(c.dep_ == "appos" and any(d.lower_ in {"a", "an"} for d in c.children)
                            for c in tok.children):
        return True  # "Planetracks, a database of jets, states": a name the tagger missed
    return any(w in lx.PERSON_NOUNS or w in lx.ORG_WORDS or w in lx.BODY_NOUNS
               or w in lx.DATA_NOUNS for w in (low, stem))


def appositive_person(tok: Token, ents: dict[int, Span], reach: int) -> Span | None:
    """A person set off by commas inside the subject phrase: "The institute's director,
    Dr. Ann Lee, said", "(According to agency X,) the judge of Lagos, Grace Obi, said",
    which the parser may hang on the body. Not one inside a clause ("The party, whose
    leader, Michael Howard, was absent, said" is the party)."""
    doc = tok.doc
    for child in tok.subtree:
        ent = ents.get(child.i)
        if child.dep_ != "appos" or ent is None or not person_entity(ent):
            continue
        # A long role may put the name further off when it closes the subject: "The
        # then-manager of X and Director of Y, David Clay, called it…".
        closes = ent.end + 1 < len(doc) and doc[ent.end].text == "," and (
            doc[ent.end + 1].i == tok.head.i > tok.i)
        if not (0 < child.i - tok.i <= reach or (closes and child.i > tok.i)):
            continue
        path = child.head
        while path.i != tok.i and path.pos_ not in {"VERB", "AUX"}:
            path = path.head
        if path.i == tok.i:
            return ent
    # "According to Greenfield's mayor, Paul Ardent, …" with the name hung elsewhere: a
    # person right after the noun, between commas.
    if tok.pos_ == "NOUN" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        ent = ents.get(tok.i + 2)
        if ent is not None and ent.start == tok.i + 2 and person_entity(ent) and (
                ent.end == len(doc) or doc[ent.end].text == ","):
            return ent
    return None


_OFFICIALS = lx.ROLE_HEADS | {"officer", "officers", "official", "officials"}


def official_of(tok: Token, ents: dict[int, Span]) -> Span | None:
    """The organisation an unnamed official speaks for: "the Red Cross's chief medical
    officer", like its spokesperson (a country's minister is a person, not the country)."""
    if tok.lower_ not in _OFFICIALS:
        return None
    for child in tok.children:
        ent = ents.get(child.i)
        if child.dep_ == "poss" and ent is not None and ent.label_ == "ORG":
            return ent
    return None


def office_holder(tok: Token, ents: dict[int, Span]) -> Span | None:
    """The person in "Minister for Exports Lord Offord said", which parses as a minister
    "for" the person: a capitalised office without "the", then of/for, capitalised words
    and a person's name. "The lawyer for John Smith said" is the lawyer, no one named.
    """
    if not tok.is_title or any(c.dep_ == "det" for c in tok.children):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "from", "to"}:
            continue  # "Senator from Kansas Robert Hale", "Ambassador to the UN Ann Lee"
        for obj in prep.subtree:
            ent = ents.get(obj.i)
            person = ent is not None and (ent.label_ == "PERSON" or glued_person(ent) is not None)
            if ent is not None and person and obj.i - tok.i <= _REACH:
                between = tok.doc[prep.i + 1:ent.start]
                if all(w.is_title or w.lower_ in _NAME_JOINERS for w in between):
                    return ent
        if (name := _untagged_name(prep, ents)) is not None:
            return name
    return None


def _untagged_name(prep: Token, ents: dict[int, Span]) -> Span | None:
    """ "Ambassador to the European Union Helen Clarke" with the name left untagged, or
    tagged as a second body right after the first: the object's last title-case words,
    from a given name or from the end of the body's name, none of them a body's word."""
    from spacy.tokens import Span

    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN":
        return None
    doc = obj.doc
    start = next((t.i for t in doc[prep.i + 1:obj.i] if t.is_title and t.lower_ in _GIVEN), None)
    ent = ents.get(obj.i)
    if start is None and ent is not None and ent.start > prep.i + 1:
        before = ents.get(ent.start - 1)
        start = ent.start if before is not None and before is not ent else None
    if start is None or not 2 <= obj.i + 1 - start <= 3:
        return None
    name = doc[start:obj.i + 1]
    if not all(t.is_title for t in name) or any(t.lower_ in lx.ORG_WORDS for t in name):
        return None
    return Span(doc, start, obj.i + 1, label="PERSON")


def titled_name(tok: Token) -> str | None:
    """ "Cardinal Luca Ferrant (of the Holy See) said" with the name untagged or tagged as
    a place: the title-case words after the title that opens the subject's name."""
    if tok.pos_ != "PROPN":
        return None
    # "the United Kingdom's Queen Elizabeth II": the place's possessive is no part of it.
    lefts = list(tok.lefts)
    lefts = lefts[1:] if lefts and lefts[0].dep_ == "poss" else lefts
    if not lefts or any(c.dep_ != "compound" for c in lefts):
        return None
    doc = tok.doc
    words = list(doc[lefts[0].left_edge.i:tok.i + 1])
    titles = [k for k, w in enumerate(words[:-2]) if w.lower_ in _TITLE_WORDS]
    if not titles or titles[0] != 0 or not words[0].is_title:
        return None
    rest = words[titles[-1] + 1:]
    if len(rest) < 2 or not all((w.is_title and w.is_alpha) or REGNAL.fullmatch(w.text)
                                for w in rest):
        return None
    if any(w.lower_ in lx.ORG_WORDS or w.lower_ in _TITLE_WORDS for w in rest):
        return None
    return doc[rest[0].i:tok.i + 1].text


def member_of(ent: Span, ents: dict[int, Span]) -> Span | None:
    """The person named right before a body they belong to, when the parser made the body
    the subject: "Jo Anne Van Tilburg of the University of California, Los Angeles
    disagreed" is her."""
    if ent.label_ != "ORG":
        return None
    doc, i = ent.doc, ent.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in {"of", "at", "from"}:
        return None
    person = ents.get(i - 1)
    return person if person is not None and person_entity(person) and person.end == i else None
