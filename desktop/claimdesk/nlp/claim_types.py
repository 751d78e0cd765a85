"""Rule-based claim types: quantity, quote, prediction, cause, comparison, rules, personal, date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.domain.models import ClaimType
from claimdesk.nlp.figures import dates
from claimdesk.nlp.lexicon import (
    ADDRESS_AFTER_MY,
    ADVERB_FILLERS,
    APPROXIMATORS,
    AUXILIARIES,
    COMPARATIVE_WORDS,
    CURRENCIES,
    FIRST_SECOND_PERSON,
    GOVERNORS_OF_FUTURE,
    KNOWING,
    MONTHS,
    NON_FIGURES,
    NOT_A_CHANGE,
    NOT_A_RULE,
    NOT_AFTER_FIGURES,
    NOT_COMPARATIVE,
    NOT_EXPERIENCE,
    OPINION_VERBS,
    RULE_WORDS,
    SMALL_NUMBERS,
    STANCES,
    words,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

QTY, QUO, PRE = ClaimType.QUANTITY, ClaimType.QUOTE, ClaimType.PREDICTION
CAU, CMP, RUL, PER = ClaimType.CAUSE, ClaimType.COMPARISON, ClaimType.RULES, ClaimType.PERSONAL
DAT = ClaimType.DATE

_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_FUTURE_YEAR = re.compile(r"^(?:20[3-9]|21\d)\d$")
_DECADE = re.compile(r"^(?:1[5-9]|20)\d0s$")
_NUMERIC_DATE = re.compile(r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d\d)|\d{4}-\d\d-\d\d)$")
_SHORT_AMOUNT = re.compile(r"^\d[\d.,]*(?:bn|m|mn|tn|k|%)$")
_NUMERIC_ENTITIES = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
_COMPARATIVE_TAGS = ("JJR", "RBR", "JJS", "RBS")

Check = Callable[["Token"], bool]


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that signals a claim type, if its neighbours and its check agree."""

    claim_type: ClaimType
    next: frozenset[str] | None = None
    not_next: frozenset[str] = frozenset()
    prev: frozenset[str] | None = None
    check: Check | None = None

    def accepts(self, tok: Token) -> bool:
        if self.next is not None or self.not_next:
            following = _next(tok)
            if (self.next is not None and following not in self.next) or (
                following in self.not_next
            ):
                return False
        if self.prev is not None and _previous(tok) not in self.prev:
            return False
        return self.check is None or self.check(tok)


def _previous(tok: Token, n: int = 1) -> str:
    return tok.doc[tok.i - n].lower_ if tok.i >= n else ""


def _next(tok: Token, n: int = 1) -> str:
    return tok.doc[tok.i + n].lower_ if tok.i + n < len(tok.doc) else ""


def _is_figure(tok: Token) -> bool:
    low = tok.lower_
    if low in NON_FIGURES or _YEAR.match(low):
        return False
    if low in SMALL_NUMBERS and _previous(tok) in {"the", "these", "those", "its", "their", "all"}:
        return False  # "the two leaders" refers to people; it counts nothing worth checking
    # "5 March" and "March 5" are dates and "3am" a time, not quantities.
    return _next(tok) not in NOT_AFTER_FIGURES and _previous(tok) not in MONTHS


def _is_amount(tok: Token) -> bool:
    if tok.ent_type_ in {"DATE", "TIME"}:
        return False
    # "the second half of the year" is a date; the model's NER says so, the fallback can't.
    return not (tok.lower_ == "half" and _previous(tok) in {"first", "second"})


def _is_specific_date(tok: Token) -> bool:
    """A token of a DATE entity that pins a date down without the article's own date.

    A year, a decade, a numeric date, or a month with a day or year beside it in the
    entity ("15 April", "June 2022"). "Last Tuesday", "in March", "today" and "30 years"
    say when only relative to the publication date, or not at all: a checker cannot look
    them up, and other languages get no DATE for them either (nlp/figures.py).
    """
    text = tok.text
    if text[:1].isdigit():
        return bool(_YEAR.match(text) or _FUTURE_YEAR.match(text) or _DECADE.match(text)
                    or _NUMERIC_DATE.match(text))
    if tok.lower_ not in MONTHS:
        return False
    doc, ent = tok.doc, tok.ent_type
    return any(0 <= i < len(doc) and doc[i].ent_type == ent and doc[i].like_num
               for i in (tok.i - 2, tok.i - 1, tok.i + 1))


def _is_approximate(tok: Token) -> bool:
    """ "more than 300", "fewer than £200": an approximate figure, which compares nothing."""
    doc, than = tok.doc, tok.i if tok.lower_ == "than" else tok.i + 1
    i = than + 1 + (than + 1 < len(doc) and doc[than + 1].lower_ in CURRENCIES)
    return (0 < than < len(doc) and doc[than].lower_ == "than"
            and doc[than - 1].lower_ in APPROXIMATORS
            and i < len(doc) and doc[i].like_num and not _YEAR.match(doc[i].text))


def _is_comparison(tok: Token) -> bool:
    low = tok.lower_
    if low in NOT_COMPARATIVE:
        return False
    if low in APPROXIMATORS and _is_approximate(tok):
        return False
    if low in APPROXIMATORS and tok.dep_ in {"amod", "dobj"} and not any(
            t.lower_ == "than" for t in tok.sent):
        return False  # "more businesses", "do more": no second term compared
    if tok.tag_ == "JJS" and tok.dep_ == "amod" and any(
            c.tag_ == "PRP$" for c in tok.head.children):
        return False  # "our deepest sympathies", "its biggest island": no ranking claimed
    if low in {"more", "longer"} and _previous(tok) in {"no", "any", "once"}:
        return False
    if low in {"most", "least"}:
        if _previous(tok) == "at":
            return False  # "at least 25" sets a floor, it compares nothing
        if tok.tag_:
            nxt = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in {"ADJ", "ADV"}
            return bool(nxt)  # "the most important", not "most people"
        return _next(tok) != "of"
    return True


def _is_a_change(tok: Token) -> bool:
    """ "Sales increased", not the plan "will increase it" nor "increased competition"."""
    return tok.tag_ != "VB" and tok.dep_ != "amod"


def _is_as_as(tok: Token) -> bool:
    return _next(tok, 2) == "as"  # "as many as", "as high as"


def _is_as_a_result(tok: Token) -> bool:
    return _previous(tok, 2) == "as"


def _helps_happen(tok: Token) -> bool:
    """ "helped stop the plots", "helps prices fall": helping bring about an outcome."""
    return tok.doc.has_annotation("DEP") and tok.tag_ != "VB" and any(
        c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB" for c in tok.children)


def _raises_risk(tok: Token) -> bool:
    return _next(tok, 2) in {"risk", "risks", "chance", "chances", "likelihood"}


def _then_a_verb(tok: Token) -> bool:
    """ "expected to rise": the word after "to" is a verb (or, without tags, not a noun phrase)."""
    if tok.i + 2 >= len(tok.doc):
        return False
    after = tok.doc[tok.i + 2]
    if after.tag_:
        return after.tag_ == "VB"
    return after.is_alpha and after.lower_ not in {"the", "a", "an"}


def _after_in_the(tok: Token) -> bool:
    return _previous(tok, 2) == "in"  # "in the coming months", "in the future"


def _future_year(tok: Token) -> bool:
    return bool(_FUTURE_YEAR.match(_next(tok)))  # "by 2030"


def _knows_that(verb: Token) -> bool:
    """ "She will know that...", "the House will be aware that...": a courtesy, no forecast."""
    knowing = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
    return any(k.lower_ in KNOWING and any(c.dep_ == "ccomp" for c in k.children)
               for k in knowing)


def _is_future(tok: Token) -> bool:
    """ "will" as a modal verb, not "the will of the people"; "going to" that looks ahead."""
    low = tok.lower_
    if low in {"going", "gon"}:
        return _previous(tok) not in {"was", "were", "’s", "'s"} and _then_a_verb(tok)
    if tok.tag_:
        return tok.tag_ == "MD" and not (tok.dep_ == "aux" and _knows_that(tok.head))
    return _previous(tok) not in {"the", "free", "political", "his", "her", "their"} and (
        _next(tok) != "of"
    )


def _is_reported_future(tok: Token) -> bool:
    """ "would" in a clause a reporting verb governs: the reported form of "will"."""
    doc = tok.doc
    if doc.has_annotation("DEP"):
        verb = tok.head
        return (tok.tag_ == "MD" and verb.dep_ in {"ccomp", "relcl", "conj"}
                and verb.head.lower_ in GOVERNORS_OF_FUTURE)
    for i in range(tok.i - 1, max(tok.i - 6, -1), -1):
        if doc[i].is_punct:
            return False
        if doc[i].lower_ in GOVERNORS_OF_FUTURE:
            return True
    return False


def _is_act(tok: Token) -> bool:
    """ "the Online Safety Act", "the bill"; not "Bill Gates"."""
    if tok.ent_type_ == "PERSON":
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None:
        return False
    if tok.text in {"Act", "Bill"}:
        return before.lower_ == "the" or (before.is_title and before.ent_type_ != "PERSON")
    return tok.lower_ == "bill" and before.lower_ in {"the", "a"}


def _is_rule_must(tok: Token) -> bool:
    # "We must act" is exhortation; "Drivers must stop" states a rule.
    if tok.doc.has_annotation("DEP"):
        subjects = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return not any(s.lower_ in FIRST_SECOND_PERSON for s in subjects)
    return _previous(tok) not in FIRST_SECOND_PERSON


def _is_personal(tok: Token) -> bool:
    """First person singular telling what happened, not "I think", "I thank" or "let me"."""
    if tok.lower_ != "i":
        if tok.lower_ == "my" and _next(tok) in ADDRESS_AFTER_MY:
            return False  # "my hon. Friend", "my thoughts are with": no experience told
        return _previous(tok) not in {"let", "excuse"}
    if tok.doc.has_annotation("DEP"):
        verb = tok.head
        if verb.i == tok.i or verb.lower_ in NOT_EXPERIENCE:
            return False
        if any(c.dep_ == "aux" and c.lower_ in OPINION_VERBS for c in verb.children):
            return False
        return not any(c.dep_ == "acomp" and c.lower_ in STANCES for c in verb.children)
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and (doc[i].lower_ in ADVERB_FILLERS or doc[i].lower_ in AUXILIARIES):
        i += 1
    if i >= len(doc) or not doc[i].is_alpha:
        return False
    return doc[i].lower_ not in NOT_EXPERIENCE and doc[i].lower_ not in STANCES


def _cue_table(tagged: bool) -> dict[str, tuple[Cue, ...]]:
    """Cue words, lower-cased, to the cues they may start."""
    table: dict[str, list[Cue]] = {}

    def add(text: str, cue: Cue) -> None:
        for word in text.split():
            table.setdefault(word, []).append(cue)

    add("% percent percentage million millions billion billions trillion dozens hundreds "
        "thousands tens majority average half twice doubled tripled halved quadrupled",
        Cue(QTY, check=_is_amount))
    add("cent", Cue(QTY, prev=words("per")))
    add("$ £ € ¥ ₹", Cue(QTY))

    add("than", Cue(CMP, check=lambda tok: not _is_approximate(tok)))
    add("compared comparison versus vs vs. outnumber outnumbers outnumbered outmatch "
        "outmatches outpace outpaced outstrip exceed exceeds exceeded surpass surpassed "
        "overtook overtaken unlike surged plunged slumped "
        "soared shrank shrunk contracted doubled tripled halved rise",
        Cue(CMP))
    add("increase increased decrease decreased", Cue(CMP, check=_is_a_change))
    add("declined", Cue(CMP, not_next=words("to")))
    add("grew", Cue(CMP, not_next=words("up")))
    add("rose risen fell fallen dropped jumped", Cue(CMP, not_next=NOT_A_CHANGE))
    add("as", Cue(CMP, next=words("many much few little high low large big good bad likely "
                                  "often"), check=_is_as_as))
    add("same", Cue(CMP, prev=words("the"), next=words("as")))
    add("similar relative", Cue(CMP, next=words("to")))
    add("from", Cue(CMP, prev=words("up down")))
    add("record", Cue(CMP, next=words("high highs low lows level levels number")))
    if not tagged:
        add(" ".join(COMPARATIVE_WORDS), Cue(CMP, check=_is_comparison))

    add("because cause causes caused causing consequence consequences consequently "
        "therefore hence triggered sparked fuelled fueled prompted blamed blames blame "
        "prevented prevents", Cue(CAU))
    add("led leads lead leading contributed contributes contribute contributing linked "
        "attributed attributable due owing thanks", Cue(CAU, next=words("to")))
    add("result results resulted resulting", Cue(CAU, next=words("in")))
    add("result", Cue(CAU, prev=words("a"), check=_is_as_a_result))
    add("responsible", Cue(CAU, next=words("for")))
    add("effect effects impact impacts", Cue(CAU, next=words("of on")))
    add("means meant", Cue(CAU, next=words("that")))
    add("help helps helped helping", Cue(CAU, check=_helps_happen))
    add("reduce reduces reduced increase increases increased raise raises",
        Cue(CAU, next=words("the their a"), check=_raises_risk))

    add("predict predicts predicted predicting prediction predictions forecast forecasts "
        "forecasting projection projections outlook expect", Cue(PRE))
    add("wo", Cue(PRE, next=words("n't n’t")))
    add("expected likely unlikely set projected poised bound expects",
        Cue(PRE, next=words("to"), check=_then_a_verb))
    add("next", Cue(PRE, next=words("year week month decade summer winter spring autumn "
                                    "season election century generation")))
    add("coming future", Cue(PRE, prev=words("the"), check=_after_in_the))
    add("by", Cue(PRE, check=_future_year))
    add("going gon", Cue(PRE, next=words("to na"), check=_is_future))
    add("will ’ll 'll shall", Cue(PRE, check=_is_future))
    add("would ’d 'd", Cue(PRE, check=_is_reported_future))

    add("law", Cue(RUL, not_next=NOT_A_RULE, check=lambda tok: _next(tok, 2) != "order"))
    add(" ".join(RULE_WORDS), Cue(RUL))
    add("allowed required obliged permitted", Cue(RUL, next=words("to by")))
    add("rule rules ruled", Cue(RUL, not_next=words("out")))
    add("act bill", Cue(RUL, check=_is_act))
    add("must", Cue(RUL, check=_is_rule_must))

    add("i me my mine myself", Cue(PER, check=_is_personal))
    return {word: tuple(cues) for word, cues in table.items()}


class ClaimTypeRules:
    """The claim-type rules for one pipeline; build once per extraction run.

    Each type is signalled by cue words checked against their neighbours and, when the
    model is there, by tags, entity labels and dependency arcs; without it the same cue
    words still work, more weakly. The rules run in one pass over the tokens because a
    spaCy Matcher with the same patterns cost several times as much, and extraction
    must stay within 1.3× of parsing alone. QUOTE comes from the speaker rules.
    """

    def __init__(self, nlp: Language) -> None:
        names = set(nlp.pipe_names)
        self._tagged = bool({"tagger", "morphologizer"} & names)
        self._cues = _cue_table(self._tagged)
        strings = nlp.vocab.strings
        # Entity labels and tags as hashes: comparing ints keeps the token loop cheap.
        self._numeric = frozenset(strings.add(label) for label in _NUMERIC_ENTITIES)
        self._not_numbers = frozenset(strings.add(label) for label in ("DATE", "TIME"))
        self._date = strings.add("DATE")
        # Without entities (no model) the language-free date rules stand in.
        self._entities = "ner" in names
        self._law = strings.add("LAW")
        self._comparative = frozenset(strings.add(tag) for tag in _COMPARATIVE_TAGS)

    def classify(self, sent: Span, *, quoted: bool = False) -> tuple[ClaimType, ...]:
        """Claim types of one sentence; `quoted` marks quotations and attributed statements."""
        found: set[ClaimType] = {QUO} if quoted else set()
        for tok in sent:
            cues = self._cues.get(tok.lower_)
            if cues is not None:
                for cue in cues:
                    if cue.claim_type not in found and cue.accepts(tok):
                        found.add(cue.claim_type)
            ent = tok.ent_type
            if QTY not in found and (
                ent in self._numeric or (tok.like_num and ent not in self._not_numbers)
                or _SHORT_AMOUNT.match(tok.text)
            ) and _is_figure(tok):
                found.add(QTY)
            if ent == self._law:
                found.add(RUL)
            if ent == self._date and DAT not in found and _is_specific_date(tok):
                found.add(DAT)
            if (self._tagged and CMP not in found and tok.tag in self._comparative
                    and _is_comparison(tok)):
                found.add(CMP)
        if not self._entities and any(d.kind != "time" for d in dates(sent.text, "en")):
            found.add(DAT)
        if sent.text.rstrip("\"'”’) ").endswith("?"):
            found.discard(PRE)
        return tuple(t for t in ClaimType if t in found)


def classify(sent: Span, rules: ClaimTypeRules, *, quoted: bool = False) -> tuple[ClaimType, ...]:
    """Claim types of `sent` under `rules` (see ClaimTypeRules.classify)."""
    return rules.classify(sent, quoted=quoted)
