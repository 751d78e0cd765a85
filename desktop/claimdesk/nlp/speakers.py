"""Who a sentence attributes its claim to: reporting verbs, quotations, roles and pronouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp import speaker_nouns as nouns
from claimdesk.nlp import speaker_syntax as syn
from claimdesk.nlp.coref import Seen, clause_subjects
from claimdesk.nlp.names import (
    Who,
    clean_name,
    entity_speaker,
    joined_entities,
    name_kind,
    noun_kind,
    person_entity,
)
from claimdesk.nlp.publishers import Publishers
from claimdesk.nlp.quote_verbs import AFTER_QUOTE, Context, verb_after, verb_before
from claimdesk.nlp.segments import Quotation, paragraph_quotations
from claimdesk.nlp.speaker_books import Books
from claimdesk.nlp.speaker_fallback import lexical_speaker
from claimdesk.nlp.speaker_refs import References

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: What a study found, spoken for by the research team the article named.
_FINDINGS = frozenset({"results", "findings"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PERSON = SpeakerKind.PERSON
_ORG = SpeakerKind.ORGANISATION
_AGE = re.compile(r"\d+-year-old$")
_PREDETERMINERS = frozenset({"both", "either", "all"})
#: Words that give a source for what the sentence says ("according to the BBC").
_RELAYS = frozenset({"according", "per"})
#: A document the body that spoke last put out: "the report said", "the statement added".
_DOCUMENTS = frozenset({"report", "statement", "release", "announcement", "notice"})
#: The speaker of words the article gives to someone it does not name ("said a shop
#: owner"): attributed, so no other rule guesses a speaker, yet printed as nobody.
NOBODY = Who("", SpeakerKind.PERSON)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of one sentence, what sort of speaker, and whether it quotes someone."""

    speaker: str | None
    quoted: bool
    kind: SpeakerKind | None = None


class SpeakerTracker:
    """Attributes the sentences of one article, paragraph after paragraph, in text order.

    The rules, in order:
    0. A paragraph whose line names its speaker (transcript turn, embedded post) has it.
    1. A quotation (“…”, «…», "…" of four words or more, or ending in , . ! ? …) takes
       the speaker of the reporting verb right after its closing mark (“…,” he said;
       “…,” said X), else of the last one before its opening mark in the same sentence
       (X said: “…”), else of a label before a colon ("- Sen. X: “…”"). An unattributed
       quotation continues the previous quotation of the paragraph, else one that ended
       the previous paragraph, else the next attributed one in the paragraph.
    2. A sentence that overlaps an attributed quotation has that speaker; otherwise the
       subject of its reporting verb nearest the root (said, told, underscored, according
       to, … see lexicon.REPORTING_VERBS) or of a speech act known by its object ("called
       for", "raised concerns", "made the case"; speaker_syntax.speech_frame). A negated
       or refuted verb ("has not commented", "falsely claimed") reports nothing.
    3. A name in apposition ("The general secretary, Mick Cash, said") names the speaker;
       else a role ("the Tory leader") is the person the article gave that role.
    4. A subject that is a named entity gives the entity without titles or "the";
       a surname alone ("Mr Blinken") becomes the one full name the article used before,
       a short form ("ONS") the name it stands for.
    5. "he"/"she" become the person of that gender named outside quotations earlier in the
       sentence (not inside the pronoun's own clause: "Speaking to Smith, he said"), else
       in the nearest earlier sentence (at most two paragraphs back) that names one: that
       sentence's only such person, else its speaker, else its subject.
    6. "it"/"they" become the organisation or place that is subject earlier in the same
       sentence ("The Kremlin condemned…, which it said…"), else the body that was subject
       of the sentence before or spoke last before the paragraph; "I"/"we"/"you" nobody.
    7. An unnamed spokesperson speaks for the body named with them; someone the article
       never names ("a shop owner", "one MP") is NOBODY: attributed, printed as no one.
    8. "The report" is the body that published it, if named (publishers.py); any other
       subject that can speak gives its short noun phrase ("officials", "the council").
    Without the parser (fallback) only capitalised words beside the verb are used.
    """

    def __init__(self) -> None:
        self.books = Books()
        self.names, self.roles = self.books.names, self.books.roles
        # Organisations named so far by each word of their name ("the bank", "the force").
        self._orgs = self.books.orgs
        self.publishers = Publishers()  # "the report" → whoever published it
        self._short = self.books.short  # "Office for National Statistics (ONS)"
        self.refs = References(self.books)  # "he", "they", "the minister"
        # Speaker of a quotation that ended the previous paragraph, for a paragraph that
        # goes on quoting without naming anyone again.
        self._carry: Who | None = None
        # The last organisation that spoke, named: "the newspaper further reported".
        self._spoke: str | None = None
        self._paragraphs = 0  # paragraphs attributed so far
        # The body the last unnamed spokesperson spoke for: "the spokesperson" again.
        self._spoken_for: str | None = None
        # The institution of the research team last named: "the researchers" again.
        self._research: str | None = None

    def attribute(
        self, doc: Doc, sentences: Sequence[Span], paragraph: int, given: str | None = None,
        credit: str | None = None,
    ) -> list[Attribution]:
        """One Attribution per sentence of `doc` (a paragraph or a chunk of one).

        `given` is the speaker the line itself names (transcripts, embedded posts);
        `credit` the one a credit line below a block quotation names, for the sentences
        no rule gives a speaker.
        """
        parsed = doc.has_annotation("DEP")
        spans = joined_entities(doc)
        ents = {i: ent for ent in spans if ent.label_ in _NAMED for i in range(ent.start, ent.end)}
        quotations = paragraph_quotations(doc.text, continuing=self._carry is not None)
        ctx = Context(doc, sentences, quotations, ents, paragraph, spans,
                       token_starts=[s.start for s in sentences])
        self.books.learn(ctx)
        self.publishers.learn(doc, lambda tok: self._name(ctx, tok, tok))
        forced = Who(given, name_kind(given)) if given else None
        if forced is not None and forced.kind is _PERSON:
            self.names.add(given or "")

        quote_speakers = self._quote_speakers(ctx, parsed) if sentences else []  # '“ ,'
        result: list[Attribution] = []
        for k, sent in enumerate(sentences):
            overlapping = [i for i, q in enumerate(quotations)
                           if q.start < sent.end_char and sent.start_char < q.end]
            who = forced or next((quote_speakers[i] for i in overlapping if quote_speakers[i]),
                                 None)
            if who is None:
                who = self._sentence_speaker(ctx, k, parsed)
                if who is not None and overlapping:
                    # "“…,” he said." after a sentence naming him: "he" could only be
                    # resolved now; the quotation and those that go on from it are his.
                    for i in range(overlapping[0], len(quotations)):
                        quote_speakers[i] = quote_speakers[i] or who
            reported = who is not None and forced is None  # a turn is no quote
            if who is NOBODY:
                who = None  # "said a shop owner": reported, but by no one to print
            speaker = who.name if who else None
            quoted = bool(overlapping) or (reported and not ctx.act)
            result.append(Attribution(speaker, quoted, who.kind if who else None))
            people = ctx.people_here[k]
            focus = self.books.focus(ctx, sent) if parsed else None
            for name in (who.name if who and who.kind is _PERSON else None, focus):
                if name and name not in people:
                    people = [*people, name]
            body = who is not None and who.kind is _ORG and who.name[:1].isupper()
            self.refs.body = who if body else None
            self._spoke = who.name if who is not None and body else self._spoke
            agents = clause_subjects(sent, self.names, ctx.quoted) if parsed else ()
            self.refs.history.append(Seen(paragraph, people, speaker, focus, agents))
            ctx.done = k + 1

        # A credit line under a pull quote the page lost is no block quotation's: the
        # paragraph above it is the story's opening, or quotes people of its own.
        if credit is not None and self._paragraphs and not any(quote_speakers):
            credited = self.books.credited(credit)
            result = [a if a.speaker else Attribution(credited.name, True, credited.kind)
                      for a in result]
        # A paragraph whose last sentence quotes someone hands that speaker on.
        ends_quoting = bool(quotations and sentences) and (
            quotations[-1].end > sentences[-1].start_char
        )
        self._carry = quote_speakers[-1] if ends_quoting else None
        self._paragraphs += 1
        return result

    # -- quotations -------------------------------------------------------------------

    def _quote_speakers(self, ctx: Context, parsed: bool) -> list[Who | None]:
        """The speaker of each substantial quotation of the paragraph."""
        speakers: list[Who | None] = []
        for q in ctx.quotations:
            verb_next, verb_prior = verb_after(ctx, q), verb_before(ctx, q)
            # "X called it a “…,” according to NBC": NBC only relays what X said.
            relayed = verb_next is not None and verb_next.lower_ == "according"
            order = (verb_prior, verb_next) if relayed else (verb_next, verb_prior)
            verbs = [v for v in order if v is not None] or [
                v for v in [verb_after(ctx, q, following=True)] if v is not None]
            # "X said, “…”, calling it…": when the verb after names no one (the parser
            # gave "calling" the quotation's "I"), the one before still may.
            who = next((w for v in verbs if (w := self._speaker_of(ctx, v, parsed))), None)
            who = who if verbs else self._introduced(ctx, q) if parsed else None
            if who is not None and who.kind is _PERSON and who.name:
                k = bisect_right([s.start_char for s in ctx.sentences], q.start) - 1
                ctx.said_here.setdefault(max(k, 0), who.name)
            speakers.append(who)
        # Unattributed quotations continue the previous speaker of the paragraph, else the
        # quotation that ended the previous paragraph, else the next one named here.
        for i, q in enumerate(ctx.quotations):
            if speakers[i] is not None:
                continue
            before = next((s for s in reversed(speakers[:i]) if s), None)
            after = next((s for s in speakers[i + 1:] if s), None)
            carried = self._carry if q.start == 0 and i == 0 else None
            speakers[i] = before or carried or after
            opening = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
            if speakers[i] is None and parsed and opening is not None and opening[0].is_sent_start:
                # A paragraph or sentence that opens by quoting nobody named: the person
                # in focus ("Branson emphasized the need. “We have to wean ourselves…”").
                person = self.refs.person(ctx, opening[0], None)
                speakers[i] = Who(person, _PERSON) if person else None
        return speakers

    def _introduced(self, ctx: Context, q: Quotation) -> Who | None:
        """ 'The minister was blunt: "This has to stop."': the subject before the colon."""
        if not ctx.doc.text[:q.start].rstrip().endswith(":") or not ctx.sentences:
            return None
        opening = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        if opening is None:
            return None
        # The sentence of the colon: "Statement from the Mayor:" may be a sentence alone.
        sent = syn.sentence_of(ctx.sentences, max(opening.start - 1, 0))
        label = ctx.doc[sent.start:opening.start]
        if not any(t.is_alpha for t in label):
            return None
        if any(t.lower_ in {"read", "reads"} for t in label):
            # "The summary of the ruling read in part:", "The family's statement read:",
            # which the parser may not read as a verb: the document's author.
            document = next((t for t in label if t.lower_ in lx.DATA_NOUNS), None)
            if document is not None:
                author = syn.source(document)
                return self._name(ctx, author, author.head)
        if not any(t.pos_ in {"VERB", "AUX"} for t in label):
            # "- Sen. Jane Doe: “…”": a label names the speaker; one that names nobody
            # ("Unnamed Council Aide: “…”") gives the quotation to no one.
            named = [ctx.ents[t.i] for t in label if t.i in ctx.ents]
            return self._entity(named[-1], named[-1].root) if named else NOBODY
        subject = next((t for t in label if t.dep_ == "nsubj"), None)
        if subject is None:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in {"his", "her"}:
            person = self.refs.person(ctx, owner, "m" if owner.lower_ == "his" else "f")
            return Who(person, _PERSON) if person else None
        if owner is not None and owner.pos_ != "PRON":
            subject = owner  # "The chancellor's message was clear: “…”"
        who = self._name(ctx, subject, subject.head)
        # "The answer was simple: “…”" names no one.
        return who if who is None or subject.ent_type_ or who.kind is _PERSON else None

    # -- sentences without quotations ----------------------------------------------------

    def _sentence_speaker(self, ctx: Context, k: int, parsed: bool) -> Who | None:
        sent = ctx.sentences[k]
        verbs = [tok for tok in sent
                 if syn.is_reporting(tok, bool(ctx.quotations)) and not ctx.quoted(tok)]
        if parsed:
            verbs.sort(key=syn.depth)
        ctx.act = False
        for verb in verbs:
            speaker = self._speaker_of(ctx, verb, parsed)
            if speaker is NOBODY:
                # "Witnesses, according to the BBC, said…": unnamed people relayed by a
                # named source are the source's statement; "Officials said 24 were hurt,
                # but AFP reported 32": a named source beside unnamed ones is the one a
                # checker can ask.
                speaker = next((who for v in verbs if v is not verb
                                and (who := self._speaker_of(ctx, v, parsed))
                                not in {None, NOBODY}), speaker)
            if speaker is not None:
                ctx.act = syn.is_act(verb)
                return speaker
        return None

    def _speaker_of(self, ctx: Context, verb: Token, parsed: bool) -> Who | None:
        if not parsed:
            return lexical_speaker(ctx.doc, verb, self.names)
        subject = syn.subject(verb)
        if subject is None or ctx.quoted(subject):
            return None  # "…, “many stores are full”, and called…": no one inside the quote
        return self._name(ctx, subject, verb)

    def _name(self, ctx: Context, tok: Token, verb: Token) -> Who | None:
        low = tok.lower_
        if tok.is_upper and low in lx.RELATIVE_PRONOUNS and tok.text in self._short:
            # "WHO said" after "the World Health Organization (WHO)": no pronoun
            return Who(self._short[tok.text], SpeakerKind.ORGANISATION)
        if low in lx.PERSONAL_PRONOUNS:
            person = self.refs.person(ctx, tok, "f" if low in {"she", "her"} else "m")
            return Who(person, _PERSON) if person else None
        if low in {"his", "her"} and tok.dep_ == "poss":
            # "In his view, …": the owner of the view.
            person = self.refs.person(ctx, tok, "f" if low == "her" else "m")
            return Who(person, _PERSON) if person else None
        if low in lx.GROUP_PRONOUNS:
            return self.refs.group(ctx, tok)
        if low in lx.RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i != tok.i:
            head = verb.head  # "Li Wen, a spokesperson for X, who told…": Li Wen
            if low in {"who", "whom"}:
                head = syn.person_antecedent(head)
            if head.lower_ in lx.DATA_NOUNS and head.dep_ == "dobj":
                # "They released a statement which said…": who released it.
                maker = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                if maker is not None:
                    return self._name(ctx, maker, head.head)
            named = ctx.ents.get(head.head.i) if head.dep_ == "appos" else None
            return self._name(ctx, head.head if named and person_entity(named) else head, head)
        if tok.pos_ == "PRON" or low in lx.FIRST_SECOND_PERSON:
            return None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None  # "No organization claimed credit": nobody spoke
        defined = ctx.defined.get(tok.i) or (self._short.get(tok.text) if tok.is_upper
                                             and tok.i not in ctx.ents
                                             and not nouns.unnamed(tok) else None)  # "one MP"
        if defined is not None:
            return Who(defined, SpeakerKind.ORGANISATION)  # "Notes from Poland (NFP)", "NFP"
        ent = ctx.ents.get(tok.i)
        full = self.names.full(tok.text) if ent is None and tok.text[:1].isupper() else tok.text
        if full != tok.text:
            return Who(full, _PERSON)  # "Grant tweeted" with "Grant" left untagged: Lisa Grant
        if (ent is None or not person_entity(ent)) and (titled := nouns.titled_name(tok)):
            self.names.add(titled)  # "Cardinal Luca Ferrant of the Holy See", name untagged
            return Who(self.names.full(titled), _PERSON)
        if ent is None and nouns.research_body(tok, ctx.ents) is None:
            # "The minister, Dmytro Kuleba, said": a name in apposition to the subject
            # says who, before any role the article gave someone else (but "researchers
            # from X and Y", Y parsed as in apposition, come from X).
            ent = next((ctx.ents[c.i] for c in tok.children
                        if c.dep_ == "appos" and c.i in ctx.ents), None)
        if ent is None or not person_entity(ent):
            ent = nouns.appositive_person(tok, ctx.ents, AFTER_QUOTE) or ent
        if ent is None or ent.label_ != "PERSON":
            person = self.refs.role(ctx, tok) if tok.pos_ in {"NOUN", "PROPN"} else None
            if person is not None:
                return Who(person, _PERSON)  # "the Tory leader said"
        if ent is None:
            ent = nouns.office_holder(tok, ctx.ents)  # "Minister for Exports Lord Offord said"
        if ent is None and low in lx.DATA_NOUNS and (owner := next(
                (c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}),
                None)) is not None:
            return self.refs.group(ctx, owner)  # "according to its press release"
        if ent is None and (team := nouns.research_body(tok, ctx.ents)) is not None:
            self._research = clean_name(team)  # "scientists from Tsinghua University"
            return Who(self._research, SpeakerKind.ORGANISATION)
        if (ent is None and self._research and low in nouns.RESEARCHERS
                and any(c.lower_ == "the" for c in tok.lefts)):
            return Who(self._research, SpeakerKind.ORGANISATION)  # "The researchers found"
        if (ent is None and self._research and low in _FINDINGS
                and not any(c.dep_ in {"poss", "compound", "det"} and c.lower_ != "the"
                            for c in tok.children)):
            return Who(self._research, SpeakerKind.ORGANISATION)  # "Results showed…"
        if ent is None and (body := nouns.spoken_for(tok, ctx.ents)) is not None:
            # "a Home Office spokesperson": the body, whatever the tagger made of its name.
            self._spoken_for = clean_name(body)
            return Who(self._spoken_for, SpeakerKind.ORGANISATION)
        if ent is None and (body_name := nouns.body_named_before(tok, self._orgs)) is not None:
            return Who(body_name, SpeakerKind.ORGANISATION)  # "government officials said"
        if ent is None and (body_name := nouns.unnamed_body(tok)) is not None:
            return Who(body_name, SpeakerKind.ORGANISATION)  # "ministry sources told…"
        if ent is None and self._spoken_for and nouns.definite_spokesperson(tok):
            return Who(self._spoken_for, SpeakerKind.ORGANISATION)  # "The spokesperson added"
        if ent is not None:
            return self._entity(nouns.member_of(ent, ctx.ents) or ent, tok)
        if (body_name := self._spoken_for or self._spoke) and nouns.lone_spokesperson(tok):
            return Who(body_name, SpeakerKind.ORGANISATION)  # "X said… A spokesperson told"
        if (alias := nouns.pseudonym(tok)) is not None:
            return Who(alias, _PERSON)  # "a nurse using the pseudonym Maya"
        if nouns.unnamed(tok):
            return NOBODY  # "a shop owner", "one MP": nobody the reader could check
        if (member := nouns.first_member(tok, ctx.ents)) is not None:
            return self._entity(member, tok)  # "carmakers including Volvo, Ford" (not counted)
        org = self._orgs.get(low)
        lefts = [t for t in tok.lefts if t.lower_ not in _PREDETERMINERS]  # "both the council"
        if org is not None and lefts and lefts[0].lower_ == "the" and not any(
                t.pos_ == "PROPN" for t in lefts):
            return Who(org, SpeakerKind.ORGANISATION)  # "the department says", "the new bank"
        if (body := nouns.official_of(tok, ctx.ents)) is not None:
            return Who(clean_name(body), SpeakerKind.ORGANISATION)  # "the bank's chief economist"
        if _AGE.search(ctx.doc[tok.left_edge.i:tok.i + 1].text):
            person = self.refs.person(ctx, tok, None)  # "the 55-year-old said"
            return Who(person, _PERSON) if person else None
        if (published := self.publishers.find(tok)) is not None:
            return published
        if self._spoke and low in _DOCUMENTS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return Who(self._spoke, _ORG)  # "The ministry confirmed… the report said"
        if self._spoke and nouns.outlet_again(tok):
            return Who(self._spoke, _ORG)  # "The Gazette reported… The newspaper added"
        if nouns.unnamed_group(tok):
            # "Officials said", "according to reports": no one to check; "Police said"
            # is the force the article named ("Kent Police"), if it named one.
            force = next((o for o in reversed(self._orgs.values())
                          if o.lower().endswith(" " + low)), None)
            if force is not None:
                return Who(force, SpeakerKind.ORGANISATION)
            if low not in self._orgs:
                return NOBODY
        if low in lx.DATA_NOUNS and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                        for c in tok.children):
            # "according to a fire service statement": the service the article named
            # ("North Wales Fire and Rescue Service"); "a whistle-blower complaint": unsaid.
            body_name = next((self._orgs[c.lower_] for c in reversed(list(tok.lefts))
                              if c.dep_ == "compound" and c.lower_ in self._orgs), None)
            return Who(body_name, SpeakerKind.ORGANISATION) if body_name else NOBODY
        phrase = syn.noun_phrase(tok) if nouns.can_speak(tok) else None  # "returns" cannot
        return Who(phrase, noun_kind(tok.text)) if phrase else None

    def _entity(self, ent: Span, tok: Token) -> Who | None:
        return entity_speaker(ent, tok, self.names, self._short)
