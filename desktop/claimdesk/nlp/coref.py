"""Roles and pronouns: "the Tory leader" is Michael Howard, "he" the man in focus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.names import NameBook, clean_name, name_start, person_entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: The longest title or apposition read as a role, in tokens.
MAX_ROLE = 7
_STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def role_key(words: list[str]) -> frozenset[str]:
    """The words of a role phrase that tell roles apart, one spelling each (tory → conservative)."""
    key = set()
    for word in words:
        low = word.lower().strip(".,")
        for part in lx.ROLE_SYNONYMS.get(low, low).split():
            if part not in lx.ROLE_FILLERS and any(ch.isalpha() for ch in part):
                key.add(part)
    return frozenset(key)


def is_role(key: frozenset[str]) -> bool:
    return bool(key & lx.ROLE_HEADS)


class RoleBook:
    """Role → person, learnt from titles before names and from appositions, in text order."""

    def __init__(self) -> None:
        self._roles: list[tuple[frozenset[str], str]] = []

    def learn(self, ent: Span, name: str) -> None:
        """Note the roles written around one PERSON entity whose full name is `name`."""
        for words in (_title_inside(ent), _title_before(ent), _apposition_after(ent),
                      _apposition_before(ent)):
            key = role_key(words)
            if is_role(key):
                self._roles.append((key, name))

    def find(self, words: list[str]) -> str | None:
        """The person a role phrase ("the Culture Secretary") stands for, if only one fits.

        A role fits when all its words are in a learnt role ("the secretary of state" fits
        "US secretary of state"); of several people, the one named with exactly these words
        most recently wins, else nobody.
        """
        key = role_key(words)
        if not is_role(key):
            return None
        fits = [(k, name) for k, name in self._roles
                if key <= k and not (k - key) & lx.ROLE_MARKERS]
        if len({name for _, name in fits}) == 1:
            return fits[0][1]
        exact = [name for k, name in fits if k == key]
        return exact[-1] if exact else None

    def may_be(self, name: str, words: list[str]) -> bool:
        """Whether `name` may hold the role: no role is known for them, or one that fits.

        Here a government's secretary is its minister ("Foreign Secretary X" is "the
        foreign minister" in the next sentence), as translations of the office differ.
        """
        key = _office(role_key(words))
        theirs = [_office(k) for k, who in self._roles if who == name]
        return not theirs or any(key <= k and not (k - key) & lx.ROLE_MARKERS for k in theirs)


def _office(key: frozenset[str]) -> frozenset[str]:
    return key - {"secretary"} | {"minister"} if "secretary" in key and "state" not in key else key


def role_words(head: Token) -> list[str]:
    """The words of the noun phrase headed by `head`, with its "of"/"for" complement."""
    doc = head.doc
    left = head.left_edge.i
    words = [t.text for t in doc[left:head.i + 1] if t.dep_ != "poss" or t.i == head.i]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
            if child.right_edge.i - head.i <= MAX_ROLE:
                words += [t.text for t in doc[child.i:child.right_edge.i + 1]]
            break
    return words


def _role_token(tok: Token) -> bool:
    if tok.is_punct or tok.lower_ in lx.DETERMINERS or tok.ent_type_ in _STOP_ENTS:
        return False
    if tok.lower_ in {"of", "for"}:
        return True
    return tok.pos_ in {"NOUN", "PROPN", "ADJ"} or tok.is_title


def _title_inside(ent: Span) -> list[str]:
    """ "Culture Secretary Tessa Jowell" tagged as one entity: its first two words."""
    return [t.text for t in ent.doc[ent.start:name_start(ent)]]


def _title_before(ent: Span) -> list[str]:
    """ "Tory leader Michael Howard": the words right before the name."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and ent.start - i <= MAX_ROLE and _role_token(doc[i]):
        if doc[i].ent_type_ == "PERSON":
            break
        i -= 1
    return [t.text for t in doc[i + 1:ent.start]]


def _apposition_after(ent: Span) -> list[str]:
    """ "Michael Howard, the Conservative leader, …": the phrase between the commas."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return []
    words: list[str] = []
    for tok in doc[ent.end + 1:ent.end + 2 + MAX_ROLE]:
        if tok.text in {",", ".", ";", ")", "–", "—"}:
            return words
        if tok.pos_ in {"VERB", "AUX", "PRON"} or tok.ent_type_ == "PERSON":
            return []  # "Michael Howard, who said…", "X, Y and Z"
        words.append(tok.text)
    return words if ent.end + 2 + MAX_ROLE >= len(doc) else []


def _apposition_before(ent: Span) -> list[str]:
    """ "The Conservative leader, Michael Howard, said": the phrase before the comma."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return []
    i = ent.start - 2
    while i >= 0 and ent.start - i <= MAX_ROLE + 1 and _role_token(doc[i]):
        i -= 1
    if i >= 0 and not (doc[i].lower_ in lx.DETERMINERS or doc[i + 1].is_sent_start):
        return []
    return [t.text for t in doc[i + 1:ent.start - 1]]


@dataclass(slots=True)
class Seen:
    """People named (outside quotations) in one earlier sentence."""

    paragraph: int
    people: list[str]
    speaker: str | None
    #: The person who is the subject of the sentence: the one in focus after it.
    subject: str | None
    #: People who are the subject of some clause of it ("X reported that Y had met Z": Y).
    agents: tuple[str, ...] = ()


def choose_person(
    recent: Sequence[Seen], names: NameBook, gender: str | None, *, only_one: bool = False
) -> str | None:
    """The person a pronoun stands for, from the sentences before it, nearest first.

    The nearest sentence that names someone who fits decides: its only such person (or
    the only one whose gender is known to fit), else its speaker, else its subject.
    `only_one` (a role phrase): that sentence must name just one person, as subject or
    speaker.
    """
    for seen in recent:
        people = [n for n in seen.people if gender is None or names.gender(n) in {None, gender}]
        if only_one and people:
            # "…,” said co-author Ann Lee. The professor added…": the one named was the
            # subject, or spoke (an inverted "said X" after a quotation has no subject).
            return people[0] if people in ([seen.subject], [seen.speaker]) else None
        sure = [n for n in people if gender and names.gender(n) == gender]
        if len(people) == 1 or len(sure) == 1:
            return (sure or people)[0]
        if people:
            chosen = next((c for c in (seen.speaker, seen.subject) if c in people), None)
            agents = [n for n in seen.agents if n in people]
            # Else the one who did something over the one it was done to or with.
            return chosen or (agents[0] if len(agents) == 1 else None)
    return None


def clause_subjects(
    sent: Span, names: NameBook, quoted: Callable[[Token], bool]
) -> tuple[str, ...]:
    """The people named outside quotations as the subject of a clause of `sent`."""
    found = [names.full(clean_name(ent)) for ent in sent.ents
             if ent.root.dep_ in {"nsubj", "nsubjpass"} and person_entity(ent)
             and not quoted(ent[0])]
    return tuple(dict.fromkeys(found))
