"""People's names: dropping titles, and expanding "Mr Blinken" to the full name used before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdesk.nlp.lexicon import DETERMINERS, HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Span

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def clean_name(span: Span) -> str:
    """The name in `span` without a leading "the", titles ("Mr", "President") or "’s"."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in DETERMINERS):
        start += 1
    while end - start > 1 and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end].text.strip()


class NameBook:
    """The people an article has named so far, by surname."""

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = {}
        self._people: set[str] = set()

    def add(self, name: str) -> None:
        if not name:
            return
        self._people.add(name)
        words = name.split()
        if len(words) >= 2:
            self._by_surname.setdefault(words[-1].lower(), set()).add(name)

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
