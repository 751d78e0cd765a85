"""Who published the figures and reports an article cites: "the report" speaks for its author."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp import speaker_syntax as syn
from claimdesk.nlp.names import Who

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose subject made the document they take as object ("X released a report").
_PUBLISHING = lx.words(
    """
    publish publishes published release releases released issue issues issued produce
    produces produced compile compiles compiled commission commissions commissioned
    file files filed
    """
)
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "its", "their"})


class Publishers:
    """The publisher of each kind of document the article has named so far.

    "A report released by the Senate committee", "The committee released a summary",
    "figures from the ONS": later "the report", "the summary", "the figures" speak for
    that body. A document of a kind not yet tied to anyone ("the released documents")
    is the last publisher's. Only organisations are remembered, and people who spoke in
    the document ("X said in a statement").
    """

    def __init__(self) -> None:
        self._by_kind: dict[str, Who] = {}
        self._last: Who | None = None

    def learn(self, doc: Doc, speaker: Callable[[Token], Who | None]) -> None:
        """Remember who published the documents `doc` mentions; `speaker` names a token."""
        if not doc.has_annotation("DEP"):
            return
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.lower_ not in lx.DATA_NOUNS:
                continue
            source = syn.source(tok)
            if source is tok and tok.dep_ == "dobj" and tok.head.lower_ in _PUBLISHING:
                source = next((c for c in tok.head.children if c.dep_ == "nsubj"), tok)
            said_in = source is tok and _said_in(tok)
            if said_in:
                # "Ford said in a filing…", "X, in a statement, announced…": the speaker's.
                source = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), tok)
            who = speaker(source) if source is not tok else None
            person = who is not None and who.kind is SpeakerKind.PERSON
            if who is not None and (said_in or not person) and who.name[:1].isupper():
                self._by_kind[tok.lemma_.lower()] = who
                self._last = who

    def find(self, tok: Token) -> Who | None:
        """The publisher of "the report" (a definite document), if the article named one."""
        if tok.lower_ not in lx.DATA_NOUNS or not any(c.lower_ in _DEFINITE for c in tok.lefts):
            return None
        return self._by_kind.get(tok.lemma_.lower()) or self._last


def _said_in(doc_noun: Token) -> bool:
    """Whether `doc_noun` is the document a reporting verb's subject spoke in ("said in a
    filing", "in a statement, announced")."""
    prep = doc_noun.head
    return (doc_noun.dep_ == "pobj" and prep.lower_ == "in" and prep.dep_ == "prep"
            and prep.head.lower_ in lx.REPORTING_VERBS and prep.head.pos_ == "VERB")
