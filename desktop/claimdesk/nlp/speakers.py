"""Who a sentence attributes its claim to: reporting verbs, quotations and pronouns."""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.names import NameBook, clean_name
from claimdesk.nlp.segments import Quotation, find_quotations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: How far back (in sentences) "he"/"she" may look for the person they stand for.
PRONOUN_LOOKBACK = 6
#: How many paragraphs back that person may have been named.
PRONOUN_PARAGRAPHS = 2
#: Tokens allowed between a closing quotation mark and its reporting verb ("…,” Mr X said").
_AFTER_QUOTE = 6
_NAME_JOINERS = frozenset({"of", "for", "and", "&"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of one sentence, and whether it quotes or reports someone."""

    speaker: str | None
    quoted: bool


@dataclass(slots=True)
class _Seen:
    """People named (outside quotations) in one earlier sentence."""

    paragraph: int
    people: set[str]
    speaker: str | None


@dataclass(slots=True)
class _Context:
    """What the rules need to know about the paragraph being attributed."""

    doc: Doc
    sentences: Sequence[Span]
    quotations: list[Quotation]
    ents: dict[int, Span]
    paragraph: int
    people_here: list[set[str]] = field(default_factory=list)

    def quoted(self, tok: Token) -> bool:
        return any(q.start <= tok.idx < q.end for q in self.quotations)


class SpeakerTracker:
    """Attributes the sentences of one article, paragraph after paragraph, in text order.

    The rules, in order:
    1. A quotation (“…”, «…», "…" of four words or more, or ending in , . ! ? …) takes
       the speaker of the reporting verb right after its closing mark (“…,” he said;
       “…,” said X), else of the last one before its opening mark in the same sentence
       (X said: “…”). An unattributed quotation continues the previous quotation of the
       paragraph, else one that ended the previous paragraph (news style for a quote
       running over paragraphs), else the next attributed one in the paragraph.
    2. A sentence that overlaps an attributed quotation has that speaker; otherwise the
       subject of its reporting verb nearest the root (said, told, added, acknowledged,
       warned, according to, … see lexicon.REPORTING_VERBS).
    3. A subject that is a named entity gives the entity without titles or "the";
       a surname alone ("Mr Blinken") becomes the one full name the article used before.
    4. "he"/"she" become the person named outside quotations earlier in the sentence or
       in the nearest earlier sentence (at most two paragraphs back) that names people,
       only if that is one person, or several of whom one was that sentence's speaker.
    5. "it"/"they" become the organisation or place that is subject earlier in the same
       sentence ("The Kremlin condemned…, which it said…"); "I"/"we"/"you" give nobody.
    6. Any other subject gives its short noun phrase ("officials", "Ukraine’s military").
    Without the parser (fallback) only capitalised words beside the verb are used.
    """

    def __init__(self) -> None:
        self.names = NameBook()
        self._history: deque[_Seen] = deque(maxlen=PRONOUN_LOOKBACK)
        # Speaker of a quotation that ended the previous paragraph, for a paragraph that
        # goes on quoting without naming anyone again.
        self._carry: str | None = None

    def attribute(self, doc: Doc, sentences: Sequence[Span], paragraph: int) -> list[Attribution]:
        """One Attribution per sentence of `doc` (a paragraph or a chunk of one)."""
        parsed = doc.has_annotation("DEP")
        ents = {i: ent for ent in doc.ents if ent.label_ in _NAMED
                for i in range(ent.start, ent.end)}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.names.add(clean_name(ent))
        quotations = [q for q in find_quotations(doc.text) if q.substantial(doc.text)]
        ctx = _Context(doc, sentences, quotations, ents, paragraph)
        starts = [s.start_char for s in sentences]
        ctx.people_here = [set() for _ in sentences]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not ctx.quoted(ent[0]):
                index = bisect_right(starts, ent.start_char) - 1
                ctx.people_here[max(index, 0)].add(self.names.full(clean_name(ent)))

        quote_speakers = self._quote_speakers(ctx, parsed)
        result: list[Attribution] = []
        for k, sent in enumerate(sentences):
            overlapping = [i for i, q in enumerate(quotations)
                           if q.start < sent.end_char and sent.start_char < q.end]
            speaker = next((quote_speakers[i] for i in overlapping if quote_speakers[i]), None)
            if speaker is None:
                speaker = self._sentence_speaker(ctx, k, parsed)
            result.append(Attribution(speaker, bool(overlapping) or speaker is not None))
            people = ctx.people_here[k]
            if speaker is not None and self.names.is_person(speaker):
                people = people | {speaker}
            self._history.append(_Seen(paragraph, people, speaker))

        # A paragraph whose last sentence quotes someone hands that speaker on.
        ends_quoting = bool(quotations and sentences) and (
            quotations[-1].end > sentences[-1].start_char
        )
        self._carry = quote_speakers[-1] if ends_quoting else None
        return result

    # -- quotations -------------------------------------------------------------------

    def _quote_speakers(self, ctx: _Context, parsed: bool) -> list[str | None]:
        """The speaker of each substantial quotation of the paragraph."""
        speakers: list[str | None] = []
        for q in ctx.quotations:
            verb = self._verb_after(ctx, q) or self._verb_before(ctx, q)
            speakers.append(self._speaker_of(ctx, verb, parsed) if verb is not None else None)
        # Unattributed quotations continue the previous speaker of the paragraph, else the
        # quotation that ended the previous paragraph, else the next one named here.
        for i, q in enumerate(ctx.quotations):
            if speakers[i] is not None:
                continue
            before = next((s for s in reversed(speakers[:i]) if s), None)
            after = next((s for s in speakers[i + 1:] if s), None)
            carried = self._carry if q.start == 0 and i == 0 else None
            speakers[i] = before or carried or after
        return speakers

    def _verb_after(self, ctx: _Context, q: Quotation) -> Token | None:
        doc = ctx.doc
        closing = doc.char_span(q.end - 1, q.end, alignment_mode="expand")
        if closing is None or q.open_at_end:
            return None
        sent_end = _sentence_end(ctx.sentences, closing.end, len(doc))
        for tok in doc[closing.end:min(sent_end, closing.end + _AFTER_QUOTE)]:
            if ctx.quoted(tok):
                return None
            if _is_reporting(tok, ctx):
                return tok
        return None

    def _verb_before(self, ctx: _Context, q: Quotation) -> Token | None:
        doc = ctx.doc
        opening = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        if opening is None:
            return None
        first = _sentence_start(ctx.sentences, opening.start)
        for tok in reversed(doc[first:opening.start]):
            if ctx.quoted(tok):
                return None
            if _is_reporting(tok, ctx):
                return tok
        return None

    # -- sentences without quotations ----------------------------------------------------

    def _sentence_speaker(self, ctx: _Context, k: int, parsed: bool) -> str | None:
        sent = ctx.sentences[k]
        verbs = [tok for tok in sent if _is_reporting(tok, ctx) and not ctx.quoted(tok)]
        if parsed:
            verbs.sort(key=_depth)
        for verb in verbs:
            speaker = self._speaker_of(ctx, verb, parsed)
            if speaker is not None:
                return speaker
        return None

    def _speaker_of(self, ctx: _Context, verb: Token, parsed: bool) -> str | None:
        if not parsed:
            return self._lexical_speaker(ctx, verb)
        subject = _subject(verb)
        return None if subject is None else self._name(ctx, subject, verb)

    def _name(self, ctx: _Context, tok: Token, verb: Token) -> str | None:
        low = tok.lower_
        if low in lx.PERSONAL_PRONOUNS:
            return self._resolve_person(ctx, tok)
        if low in lx.GROUP_PRONOUNS:
            return self._resolve_group(ctx, tok)
        if low in lx.RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i != tok.i:
            return self._name(ctx, verb.head, verb.head)
        if tok.pos_ == "PRON" or low in lx.FIRST_SECOND_PERSON:
            return None
        ent = ctx.ents.get(tok.i)
        if ent is None:
            # "The minister, Dmytro Kuleba, said": the name stands in apposition.
            ent = next((ctx.ents[c.i] for c in tok.children
                        if c.dep_ == "appos" and c.i in ctx.ents), None)
        if ent is not None:
            name = clean_name(ent)
            return self.names.full(name) if ent.label_ == "PERSON" else name or None
        return _noun_phrase(tok)

    def _resolve_person(self, ctx: _Context, pronoun: Token) -> str | None:
        """The person "he"/"she" stands for, when only one candidate is in sight."""
        sent = _sentence_of(ctx.sentences, pronoun.i)
        here = {self.names.full(clean_name(ent)) for ent in sent.ents
                if ent.label_ == "PERSON" and ent.end <= pronoun.i and not ctx.quoted(ent[0])}
        if here:
            return here.pop() if len(here) == 1 else None
        for seen in reversed(self._history):
            if seen.paragraph < ctx.paragraph - PRONOUN_PARAGRAPHS:
                break
            if len(seen.people) == 1:
                return next(iter(seen.people))
            if seen.people:
                return seen.speaker if seen.speaker in seen.people else None
        return None

    def _resolve_group(self, ctx: _Context, pronoun: Token) -> str | None:
        """ "The Kremlin condemned…, which it said…": it is the organisation named before."""
        sent = _sentence_of(ctx.sentences, pronoun.i)
        for tok in reversed(sent[: pronoun.i - sent.start]):
            ent = ctx.ents.get(tok.i)
            if tok.dep_ == "nsubj" and ent is not None and ent.label_ != "PERSON":
                return clean_name(ent) or None
        return None

    def _lexical_speaker(self, ctx: _Context, verb: Token) -> str | None:
        """Without a parser: the capitalised name or plain noun next to the verb."""
        doc = ctx.doc
        if verb.lower_ == "according":
            first = verb.i + 2
            if first < len(doc) and doc[first].lower_ in lx.DETERMINERS:
                first += 1
            run = _capitalised_run(doc, first, forward=True)
            return clean_name(run) if run is not None else None
        i = verb.i - 1
        while i >= 0 and doc[i].lower_.endswith("ly") and doc[i].is_alpha:
            i -= 1  # "Romania belatedly acknowledged"
        if i >= 0 and doc[i].is_alpha:
            run = _capitalised_run(doc, i, forward=False)
            if run is not None and run.text.lower() not in lx.PERSONAL_PRONOUNS:
                name = clean_name(run)
                return self.names.full(name) if name else None
            word = doc[i]
            if not word.is_stop and not word.is_title and word.lower_ not in lx.GROUP_PRONOUNS:
                return word.text
            return None
        # "…,” said Kamala Harris: the last capitalised run before the clause ends.
        best: Span | None = None
        for j in range(verb.i + 1, min(len(doc), verb.i + 9)):
            if doc[j].is_punct and doc[j].text not in {"-", "–"}:
                break  # "vice-president" goes on, a comma or full stop ends the clause
            if doc[j].is_title and (best is None or best.end < j):
                best = _capitalised_run(doc, j, forward=True)
        if best is None:
            return None
        name = clean_name(best)
        return self.names.full(name) if name else None


def _is_reporting(tok: Token, ctx: _Context) -> bool:
    low = tok.lower_
    if low not in lx.REPORTING_VERBS:
        return False
    if low == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.tag_ and not tok.tag_.startswith("VB"):
        return False  # "claims" and "reports" as nouns
    if tok.dep_ == "amod" or (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)):
        return False  # "the reported attack", "he was told"
    if low in lx.WEAK_REPORTING_VERBS:
        if tok.doc.has_annotation("DEP"):
            return any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or bool(
                ctx.quotations
            )
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        return nxt in {"that", ":"} or bool(ctx.quotations)
    return True


def _subject(verb: Token) -> Token | None:
    """The grammatical subject of a reporting verb (or, for "according to X", X)."""
    if verb.lower_ == "according":
        for prep in verb.children:
            if prep.lower_ == "to":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    # "…,” said US vice-president Kamala Harris: both "vice" and "Harris" are subjects.
    return next((s for s in subjects if s.ent_type_ == "PERSON"),
                next((s for s in subjects if s.ent_type_), subjects[0]))


def _noun_phrase(tok: Token) -> str | None:
    """A short name for a subject without an entity: "officials", "Ukraine’s military"."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    left = tok.left_edge.i
    doc = tok.doc
    while left < tok.i and (doc[left].lower_ in lx.DETERMINERS or doc[left].is_punct):
        left += 1
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "from"}:
            if child.right_edge.i - tok.i <= 5:
                right = child.right_edge.i + 1
            break
    words = doc[left:right].text.strip()
    return words or None


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _sentence_of(sentences: Sequence[Span], token_i: int) -> Span:
    """The sentence holding token `token_i` (the first one for tokens before it)."""
    k = bisect_right([s.start for s in sentences], token_i) - 1
    return sentences[max(k, 0)]


def _sentence_start(sentences: Sequence[Span], token_i: int) -> int:
    return _sentence_of(sentences, token_i).start if sentences else 0


def _sentence_end(sentences: Sequence[Span], token_i: int, default: int) -> int:
    # token_i is the token after a closing mark: its sentence is that of the mark.
    return _sentence_of(sentences, max(token_i - 1, 0)).end if sentences else default


def _capitalised_run(doc: Doc, i: int, *, forward: bool) -> Span | None:
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
