"""The paragraph a speaker rule reads, and the reporting verbs next to its quotations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdesk.nlp import speaker_syntax as syn
from claimdesk.nlp.segments import Quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Tokens allowed between a closing quotation mark and its reporting verb ("…,” Liberal
#: Democrat home affairs spokesman Mark Oaten said"); another verb on the way ends the search.
AFTER_QUOTE = 12


@dataclass(slots=True)
class Context:
    """What the rules need to know about the paragraph being attributed."""

    doc: Doc
    sentences: Sequence[Span]
    quotations: list[Quotation]
    ents: dict[int, Span]
    paragraph: int
    #: The named entities of the paragraph in order (names cut at "dos" joined again).
    spans: Sequence[Span] = ()
    people_here: list[list[str]] = field(default_factory=list)
    #: Index of each sentence's first token.
    token_starts: list[int] = field(default_factory=list)
    #: How many of the paragraph's sentences are in the tracker's history already.
    done: int = 0
    #: The last sentence's speaker came from a speech act ("underscored the need"), which
    #: reports what was done, not words a quotation could give.
    act: bool = False
    #: The person each sentence quotes, by sentence index, as the quotations are
    #: attributed: "X said, “…” He continued, “…”" before the sentences are.
    said_here: dict[int, str] = field(default_factory=dict)
    #: Names defined with a short form the tagger saw no entity in ("Notes from Poland
    #: (NFP)"), by the index of each of their tokens.
    defined: dict[int, str] = field(default_factory=dict)

    def quoted(self, tok: Token) -> bool:
        return any(q.start <= tok.idx < q.end for q in self.quotations)


def verb_after(ctx: Context, q: Quotation, following: bool = False) -> Token | None:
    """The reporting verb right after a quotation's closing mark ("…,” she said).

    With `following`, only a quotation that ends its sentence, and the main verb of the
    next sentence: "…!” Macron told the world via Twitter." (a last resort: a verb
    before the quotation in its own sentence says more).
    """
    doc = ctx.doc
    closing = doc.char_span(q.end - 1, q.end, alignment_mode="expand")
    if closing is None or q.open_at_end:
        return None
    sent = syn.sentence_of(ctx.sentences, max(closing.end - 1, 0)) if ctx.sentences else doc[:]
    end = sent.end
    if following:
        if not ctx.sentences or sent.end >= len(doc) or not all(
                t.is_space for t in doc[closing.end:sent.end]):
            return None
        end = syn.sentence_of(ctx.sentences, sent.end).end
    for tok in doc[closing.end:min(end, closing.end + AFTER_QUOTE)]:
        if ctx.quoted(tok):
            return None
        if following and tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "ROOT":
            return None
        if tok.dep_ == "mark":
            return None  # "…” while the minister wrote…": another clause, another speaker
        if syn.is_reporting(tok, bool(ctx.quotations)) or syn.inverted_verb(tok, closing.end):
            return tok
        if tok.pos_ == "VERB" and not _title_word(tok):
            return None  # "“…” The minister left the room, saying…"
    return None


def _title_word(tok: Token) -> bool:
    """ "Caloundra coach Geoff Ingram": a role word between a name and a person's name,
    which the parser may take for a verb."""
    doc = tok.doc
    return (0 < tok.i < len(doc) - 1 and tok.is_lower and doc[tok.i - 1].pos_ == "PROPN"
            and doc[tok.i + 1].ent_type_ == "PERSON")


def verb_before(ctx: Context, q: Quotation) -> Token | None:
    """The last reporting verb before a quotation's opening mark in its sentence."""
    doc = ctx.doc
    opening = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if opening is None:
        return None
    first = syn.sentence_of(ctx.sentences, opening.start).start if ctx.sentences else 0
    for tok in reversed(doc[first:opening.start]):
        if ctx.quoted(tok):
            return None
        if syn.is_reporting(tok, bool(ctx.quotations)):
            return tok
    return None
