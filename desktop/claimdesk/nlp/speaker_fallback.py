"""Speakers without the parser (the blank fallback pipeline): capitalised words beside the
reporting verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.names import NameBook, Who, clean_name, name_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_JOINERS = frozenset({"of", "for", "and", "&"})


def lexical_speaker(doc: Doc, verb: Token, names: NameBook) -> Who | None:
    """Without a parser: the capitalised name or plain noun next to the verb."""
    if verb.lower_ == "according":
        first = verb.i + 2
        if first < len(doc) and doc[first].lower_ in lx.DETERMINERS:
            first += 1
        run = capitalised_run(doc, first, forward=True)
        return _guess(clean_name(run), names) if run is not None else None
    i = verb.i - 1
    while i >= 0 and doc[i].lower_.endswith("ly") and doc[i].is_alpha:
        i -= 1  # "Romania belatedly acknowledged"
    if i >= 0 and doc[i].is_alpha:
        run = capitalised_run(doc, i, forward=False)
        if run is not None and run.text.lower() not in lx.PERSONAL_PRONOUNS:
            titled = run.start > 0 and doc[run.start - 1].lower_ in lx.HONORIFICS
            return _guess(clean_name(run), names, titled=titled)
        word = doc[i]
        if not word.is_stop and not word.is_title and word.lower_ not in lx.GROUP_PRONOUNS:
            return Who(word.text, SpeakerKind.PERSON if word.lower_ in lx.PERSON_NOUNS
                       else SpeakerKind.ORGANISATION)
        return None
    # "…,” said Kamala Harris: the last capitalised run before the clause ends.
    best: Span | None = None
    for j in range(verb.i + 1, min(len(doc), verb.i + 9)):
        if doc[j].is_punct and doc[j].text not in {"-", "–"}:
            break  # "vice-president" goes on, a comma or full stop ends the clause
        if doc[j].is_title and (best is None or best.end < j):
            best = capitalised_run(doc, j, forward=True)
    return None if best is None else _guess(clean_name(best), names)


def _guess(name: str, names: NameBook, *, titled: bool = False) -> Who | None:
    """A kind for a name without NER: people have titles or two words; else unsure."""
    if not name:
        return None
    full = names.full(name)
    kind = name_kind(full)
    if kind is SpeakerKind.PERSON and not (titled or len(full.split()) >= 2):
        kind = SpeakerKind.ORGANISATION  # "Ukraine said": a single word is rarely a person
    return Who(full, kind)


def capitalised_run(doc: Doc, i: int, *, forward: bool) -> Span | None:
    """The run of capitalised words that starts (forward) or ends (backward) at token i."""
    if i < 0 or i >= len(doc) or not _capitalised(doc[i]):
        return None
    j = i
    step = 1 if forward else -1
    while 0 <= j + step < len(doc):
        if _capitalised(doc[j + step]):
            j += step
        elif (forward and doc[j + step].lower_ in _NAME_JOINERS and j + 2 < len(doc)
              and _capitalised(doc[j + 2])):
            j += 2  # "Office for National Statistics", "Bank of England"
        else:
            break
    return doc[min(i, j):max(i, j) + 1]


def _capitalised(tok: Token) -> bool:
    # "But Ukraine said": a capitalised stop word is not part of a name.
    return tok.is_alpha and (tok.is_title or tok.is_upper) and not tok.is_stop
