"""Who a pronoun or a role stands for in the speaker rules: "he", "they", "the minister"."""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from typing import TYPE_CHECKING

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp import speaker_syntax as syn
from claimdesk.nlp.coref import Seen, choose_person, clause_subjects, is_role, role_key, role_words
from claimdesk.nlp.names import Who, clean_name, entity_speaker, person_entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimdesk.nlp.quote_verbs import Context
    from claimdesk.nlp.speaker_books import Books

#: How far back (in sentences) "he"/"she" may look for the person they stand for.
PRONOUN_LOOKBACK = 6
#: How many paragraphs back that person may have been named.
PRONOUN_PARAGRAPHS = 2


class References:
    """The article's memory for pronouns and roles: the sentences seen lately (who they
    named, who spoke, who was in focus) and the body that spoke last."""

    def __init__(self, books: Books) -> None:
        self.books = books
        self.names, self.roles = books.names, books.roles
        self.history: deque[Seen] = deque(maxlen=PRONOUN_LOOKBACK)
        # The organisation that spoke in the last sentence: "They" may open the next.
        self.body: Who | None = None

    def role(self, ctx: Context, tok: Token) -> str | None:
        """The person a role phrase stands for: the one the article gave that role, else
        ("Dmytro Kuleba flew to Brussels. The Ukrainian foreign minister said…") the only
        person of the sentence before, unless the article gave them another role."""
        words = role_words(tok)
        person = self.roles.find(words)
        if person is not None or not is_role(role_key(words)):
            return person
        if tok.left_edge.lower_ != "the" or tok.lower_ not in lx.ROLE_HEADS:
            return None  # "the three-judge court" is a court, whatever "judge" says
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "the head of the internal investigators": someone new, not named
        person = self.person(ctx, tok, None, only_one=True)
        return person if person and self.roles.may_be(person, words) else None

    def person(
        self, ctx: Context, pronoun: Token, gender: str | None, *, only_one: bool = False
    ) -> str | None:
        """The person "he"/"she" stands for: one of that gender in sight, or the one in focus.

        `only_one`: the nearest earlier sentence naming people must name just one, as the
        subject ("Dmytro Kuleba flew to Brussels."), and the same sentence none.
        """
        def fits(name: str) -> bool:
            return gender is None or self.names.gender(name) in {None, gender}

        sent = syn.sentence_of(ctx.sentences, pronoun.i)
        # "Speaking to Martin Smith, he said": a pronoun is not the person named in its
        # own clause (binding), so that one is passed over.
        bound = pronoun.lower_ in lx.PERSONAL_PRONOUNS
        # A name inside the role phrase itself ("the Wooster professor", a place the tagger
        # took for a person) is no one else named before it.
        here = [self.names.full(clean_name(ent)) for ent in sent.ents
                if person_entity(ent) and ent.end <= pronoun.left_edge.i
                and not ctx.quoted(ent[0]) and not (bound and syn.binds(pronoun, ent))]
        # A surname the article gave a person, which the tagger left untagged here.
        here += [self.names.full(t.text) for t in sent[:pronoun.left_edge.i - sent.start]
                 if t.pos_ == "PROPN" and t.i not in ctx.ents and not ctx.quoted(t)
                 and len(t.text) > 1 and self.names.is_person(t.text)
                 and not (bound and syn.binds(pronoun, t.doc[t.i:t.i + 1]))]
        here = [name for name in dict.fromkeys(here) if fits(name)]
        if here:
            # "Responding to Mr Smith, the minister said": not Mr Smith.
            return here[0] if len(here) == 1 and not only_one else None
        # Earlier sentences of this paragraph not yet in the history (quotations are
        # attributed before the sentences), nearest first, then the history.
        k = max(bisect_right(ctx.token_starts, pronoun.i) - 1, 0)
        earlier = []
        for j in range(k - 1, ctx.done - 1, -1):
            focus = self.books.focus(ctx, ctx.sentences[j])
            said = ctx.said_here.get(j)
            people = ctx.people_here[j] + [p for p in dict.fromkeys((said, focus))
                                           if p and p not in ctx.people_here[j]]
            agents = clause_subjects(ctx.sentences[j], self.names, ctx.quoted)
            earlier.append(Seen(ctx.paragraph, people, said, focus, agents))
        recent = [seen for seen in (*earlier, *reversed(self.history))
                  if seen.paragraph >= ctx.paragraph - PRONOUN_PARAGRAPHS]
        return choose_person(recent, self.names, gender, only_one=only_one)

    def group(self, ctx: Context, pronoun: Token) -> Who | None:
        """ "The Kremlin condemned…, which it said…": it is the organisation named before,
        in the sentence, else as subject of the sentence before ("The council met. They
        said…"), else the body that spoke in the last sentence of the paragraph before."""
        sent = syn.sentence_of(ctx.sentences, pronoun.i)
        for tok in reversed(sent[: pronoun.i - sent.start]):
            ent = ctx.ents.get(tok.i)
            if tok.dep_ == "nsubj" and ent is not None and ent.label_ != "PERSON":
                return entity_speaker(ent, tok, self.names, self.books.short)
        k = bisect_right(ctx.token_starts, sent.start) - 1
        if k == 0:
            return self.body
        subj = next((c for c in ctx.sentences[k - 1].root.children if c.dep_ == "nsubj"), None)
        ent = ctx.ents.get(subj.i) if subj is not None else None
        if subj is None or ent is None:
            return None
        who = entity_speaker(ent, subj, self.names, self.books.short)
        return None if who is None or who.kind is SpeakerKind.PERSON else who  # "Okoro died. It…"
