"""Entity precision and recall on the handmade sentences, before and after the post-rules."""

# Run from the repository root: .venv/bin/python -m tools.entity_eval [--show]
# "before" is spaCy's own doc.ents, trimmed as extraction always did; "after" adds
# claimdesk.nlp.entities. A hit is an exact (start, end, label) match.

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tests.nlp.entity_cases import CASES, FIGURES, HELDOUT, Case

from claimdesk.domain.spans import trim_span
from claimdesk.nlp.entities import entity_spans
from claimdesk.nlp.pipeline import load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Spans = set[tuple[int, int, str]]


def _raw(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _trimmed(text: str, spans: Sequence[tuple[int, int, str]]) -> Spans:
    out: Spans = set()
    for start, end, label in spans:
        s, e = trim_span(text, start, end)
        if s < e:
            out.add((s, e, label))
    return out


@dataclass(frozen=True, slots=True)
class Score:
    """Exact-match counts of one group of entities."""

    hits: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<8} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(hits {self.hits}, found {self.found}, gold {self.gold})")


def evaluate(
    rules: Callable[[Doc], Sequence[tuple[int, int, str]]],
    cases: Sequence[Case] = CASES,
    *,
    nlp: Language | None = None,
    show: bool = False,
) -> dict[str, Score]:
    """Scores of `rules` on `cases`: "all" entities and "figures" (money, percent, quantity)."""
    nlp = nlp if nlp is not None else load_pipeline().nlp
    found: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for case, doc in zip(cases, nlp.pipe([c.sentence for c in cases]), strict=True):
        want = {(s, e, label) for _, label, s, e in case.spans()}
        got = _trimmed(case.sentence, rules(doc))
        for group, keep in (("all", lambda _: True), ("figures", FIGURES.__contains__)):
            w = {x for x in want if keep(x[2])}
            g = {x for x in got if keep(x[2])}
            gold[group] += len(w)
            found[group] += len(g)
            hits[group] += len(w & g)
        if show and want != got:
            text = case.sentence
            print(text)
            print("   missed:", sorted((text[s:e], lab) for s, e, lab in want - got))
            print("   wrong: ", sorted((text[s:e], lab) for s, e, lab in got - want))
    return {group: Score(hits[group], found[group], gold[group]) for group in ("all", "figures")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each sentence's errors")
    args = parser.parse_args()
    nlp = load_pipeline().nlp
    for set_name, cases in (("tuning set", CASES), ("held-out set", HELDOUT)):
        print(f"== {set_name}: {len(cases)} sentences, "
              f"{sum(len(c.gold) for c in cases)} gold entities")
        for name, rules in (("before", _raw), ("after", entity_spans)):
            print(f"-- {name}")
            began = time.perf_counter()
            for group, score in evaluate(rules, cases, nlp=nlp, show=args.show).items():
                print(score.line(group))
            print(f"   ({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
