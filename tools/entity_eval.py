"""Entity precision and recall on the handmade sentences, before and after the post-rules."""

# Run from the repository root: .venv/bin/python -m tools.entity_eval [--show]
# "before" is spaCy's own doc.ents, trimmed as extraction always did; "after" adds
# claimdesk.nlp.entities. A hit is an exact (start, end, label) match.

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tests.nlp.entity_cases import CASES, FIGURES, HELDOUT, Case

from claimdesk.domain.spans import trim_span
from claimdesk.nlp.entities import entity_spans
from claimdesk.nlp.pipeline import load_pipeline

if TYPE_CHECKING:
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


def _score(name: str, found: Counter[str], gold: Counter[str], hits: Counter[str]) -> str:
    p = hits[name] / found[name] if found[name] else 0.0
    r = hits[name] / gold[name] if gold[name] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"{name:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
            f"(hits {hits[name]}, found {found[name]}, gold {gold[name]})")


def evaluate(
    rules: Callable[[Doc], Sequence[tuple[int, int, str]]], show: bool,
    cases: Sequence[Case] = CASES,
) -> list[str]:
    nlp = load_pipeline().nlp
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
    return [_score(group, found, gold, hits) for group in ("all", "figures")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each sentence's errors")
    args = parser.parse_args()
    for set_name, cases in (("tuning set", CASES), ("held-out set", HELDOUT)):
        print(f"== {set_name}: {len(cases)} sentences, "
              f"{sum(len(c.gold) for c in cases)} gold entities")
        for name, rules in (("before", _raw), ("after", entity_spans)):
            print(f"-- {name}")
            began = time.perf_counter()
            for line in evaluate(rules, args.show, cases):
                print(line)
            print(f"   ({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
