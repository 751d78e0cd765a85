"""The attribute ruler's POS, TAG and DEP rules as table look-ups: what extraction reads of it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

FACTORY = "claimdesk_pos_rules"
#: The token attributes extraction reads that the attribute ruler writes. Its MORPH and
#: LEMMA are left out: nothing in ClaimDesk reads them (the rules use surface forms so
#: that they also work without a model), and the lemmatizer is switched off with them.
KEPT = ("POS", "TAG", "DEP")
#: Token keys the compiled rules understand; a ruler with others is left as it is.
_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
#: Distinct (tag, lower, dep) keys remembered before the table starts again.
_MAX_CACHED = 200_000

#: A token as the rules see it: (tag, lower form, dependency label, "1" if a space).
Seen = tuple[str, str, str, str]
Predicate = Callable[[Seen], bool]
Attrs = tuple[tuple[str, str], ...]
#: The rules that match a token: (rule order, what it sets), in rule order.
Matches = tuple[tuple[int, Attrs], ...]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One ruler entry: its patterns, the token of the match it sets, what it sets."""

    order: int
    patterns: tuple[tuple[Predicate, ...], ...]
    index: int
    attrs: Attrs


class PosRules:
    """Writes the POS, TAG and DEP values spaCy's attribute ruler would write, faster.

    The ruler runs a Matcher with about 180 patterns over every token, which costs as
    much as a sixth of the parse; nearly all its patterns look at one token's tag, lower
    form and dependency label, so the outcome for a token is a function of those three,
    worked out once and kept in a table. Rules apply in the ruler's order (later ones
    win), over the values the tagger and parser gave, as the ruler does.
    """

    def __init__(self, rules: Iterable[_Rule] = ()) -> None:
        self._single: list[_Rule] = []
        self._multi: list[_Rule] = []
        self._cache: dict[tuple[int, int, int], Matches] = {}
        self.learn(rules)

    def learn(self, rules: Iterable[_Rule]) -> None:
        rules = list(rules)
        self._single = [r for r in rules if all(len(p) == 1 for p in r.patterns)]
        self._multi = [r for r in rules if any(len(p) > 1 for p in r.patterns)]
        self._cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if len(self._cache) > _MAX_CACHED:
            self._cache.clear()
        tokens = list(doc)
        # All matches first, then all writes: the ruler's Matcher also sees every rule
        # against the tagger's and parser's values, not against what a rule just wrote.
        found: list[Matches] = []
        for token in tokens:
            key = (token.tag, token.lower, token.dep)
            matches = self._cache.get(key)
            if matches is None:
                seen = _seen(token)
                matches = self._cache[key] = self._single_matches(seen)
            found.append(matches)
        if self._multi:
            for i, more in self._multi_matches(tokens).items():
                found[i] = tuple(sorted(found[i] + tuple(more), key=lambda m: m[0]))
        for token, matches in zip(tokens, found, strict=True):
            for _order, attrs in matches:
                _set(token, attrs)
        return doc

    def _single_matches(self, seen: Seen) -> Matches:
        return tuple((r.order, r.attrs) for r in self._single
                     if any(p[0](seen) for p in r.patterns))

    def _multi_matches(self, tokens: list[Token]) -> dict[int, list[tuple[int, Attrs]]]:
        values = [_seen(t) for t in tokens]
        extra: dict[int, list[tuple[int, Attrs]]] = {}
        for rule in self._multi:
            for pattern in rule.patterns:
                n = len(pattern)
                at = rule.index if rule.index >= 0 else n + rule.index
                for start in range(len(values) - n + 1):
                    if all(check(values[start + k]) for k, check in enumerate(pattern)):
                        extra.setdefault(start + at, []).append((rule.order, rule.attrs))
        return extra


def _seen(token: Token) -> Seen:
    return (token.tag_, token.lower_, token.dep_, "1" if token.is_space else "")


def _set(token: Token, attrs: Attrs) -> None:
    for name, value in attrs:
        if name == "POS":
            token.pos_ = value
        elif name == "TAG":
            token.tag_ = value
        else:
            token.dep_ = value


def compile_ruler(patterns: Iterable[dict[str, Any]]) -> list[_Rule] | None:
    """The ruler's entries (AttributeRuler.patterns) that set a KEPT attribute, compiled;
    None if one of them uses a key or operator the compiled form does not know."""
    rules: list[_Rule] = []
    for order, entry in enumerate(patterns):
        attrs = tuple((k, str(v)) for k, v in entry["attrs"].items() if k in KEPT)
        if not attrs:
            continue
        compiled: list[tuple[Predicate, ...]] = []
        for pattern in entry["patterns"]:
            tokens = [_predicate(spec) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            compiled.append(tuple(t for t in tokens if t is not None))
        index = int(entry.get("index", 0))
        if any(not -len(p) <= index < len(p) for p in compiled):
            return None
        rules.append(_Rule(order, tuple(compiled), index, attrs))
    return rules


_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _predicate(spec: dict[str, Any]) -> Predicate | None:
    if not spec or not set(spec) <= _KEYS:
        return None
    checks: list[Predicate] = []
    for key, value in spec.items():
        wanted = value
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            wanted = "1" if value else ""
        check = _field_check(_FIELDS[key], wanted)
        if check is None:
            return None
        checks.append(check)
    return lambda v: all(c(v) for c in checks)


def _field_check(field: int, wanted: Any) -> Predicate | None:
    if isinstance(wanted, str):
        return lambda v: v[field] == wanted
    if not isinstance(wanted, dict) or len(wanted) != 1:
        return None
    ((op, arg),) = wanted.items()
    if op == "IN" and isinstance(arg, list):
        among = frozenset(arg)
        return lambda v: v[field] in among
    if op == "NOT_IN" and isinstance(arg, list):
        outside = frozenset(arg)
        return lambda v: v[field] not in outside
    if op == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda v: search(v[field]) is not None
    return None


def trim_for_extraction(nlp: Language) -> None:
    """Switches off the lemmatizer and puts PosRules in the attribute ruler's place.

    Leaves the pipeline as it is when it has no attribute ruler or one the compiled form
    cannot copy. The components stay loaded (disabled), so nlp.enable_pipe brings them
    back; tests/nlp/test_pos_rules.py checks that extraction gives the same claims.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    rules = compile_ruler(ruler.patterns)
    if rules is None:
        return
    _register()
    component: Any = nlp.add_pipe(FACTORY, after="attribute_ruler")
    component.learn(rules)
    nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        nlp.disable_pipe("lemmatizer")


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: PosRules())
