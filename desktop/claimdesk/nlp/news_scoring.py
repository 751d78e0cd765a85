"""Scoring predicted candidates against the labelled news set: speakers, spans, types, entities."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimdesk.domain.models import CandidateClaim
from claimdesk.nlp.news_set import ENTITY_LABELS, STRUCTURE_ROLES, TYPE_NAMES, GoldText, GoldUnit

#: spaCy (OntoNotes) labels → the set's labels. FAC (buildings, streets, estates) counts as
#: PLACE because the set labels "Nethershire Lane" and "Maybrook Industrial Estate" as
#: places; NORP, CARDINAL, ORDINAL, TIME, EVENT, LAW, PRODUCT... are not labelled, so they
#: are left out rather than counted wrong.
LABEL_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
             "PLACE": "PLACE", "DATE": "DATE", "MONEY": "MONEY", "PERCENT": "PERCENT",
             "QUANTITY": "QUANTITY"}
#: Words dropped from the front of a speaker name before it is compared.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady",
                     "president", "prof", "professor", "rev", "the", "hon", "rt"})
#: Overlap share above which a predicted claim "is" a headline, byline or dateline.
STRUCTURE_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives, false negatives and the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class SpeakerMiss:
    """A gold attributed sentence whose predicted speaker is wrong or missing."""

    text_id: str
    start: int
    gold: str
    predicted: str | None
    sentence: str


@dataclass
class NewsReport:
    """Everything one run over the labelled news set measured."""

    texts: int = 0
    transcripts: int = 0
    units: int = 0
    attributed: int = 0
    speakers_correct: int = 0
    narration: int = 0
    narration_with_speaker: int = 0
    #: gold kind → (right kind, attributed sentences of that kind); None: no kinds predicted.
    kinds: dict[str, tuple[int, int]] | None = None
    #: role → (units that became claims, units)
    structure: dict[str, tuple[int, int]] = field(default_factory=dict)
    claim_units: int = 0
    exact_spans: int = 0
    exact_starts: int = 0
    exact_ends: int = 0
    types: dict[str, PRF] = field(default_factory=dict)
    entities: dict[str, PRF] = field(default_factory=dict)
    entities_relaxed: dict[str, PRF] = field(default_factory=dict)
    misses: list[SpeakerMiss] = field(default_factory=list)
    per_text: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: text kind (article, transcript) → (right speakers, attributed sentences)
    per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)
    pipeline: str = ""

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_correct / self.attributed if self.attributed else 0.0


def normalise_speaker(name: str) -> str:
    """Lower case, no possessive, no leading titles, words joined by single spaces."""
    lowered = name.casefold().replace("’", "'")
    lowered = re.sub(r"'s?\b", "", lowered)
    words = re.findall(r"[\w-]+", lowered)
    while words and words[0] in _TITLES:
        words.pop(0)
    return " ".join(words)


def speaker_matches(predicted: str | None, unit: GoldUnit) -> bool:
    """Whether `predicted` names the unit's speaker (any alias, after normalising)."""
    if not predicted or unit.speaker is None:
        return False
    wanted = {normalise_speaker(a) for a in (unit.speaker, *unit.aliases)}
    got = normalise_speaker(predicted)
    return bool(got) and got in wanted


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def align(unit: GoldUnit, candidates: Sequence[CandidateClaim]) -> CandidateClaim | None:
    """The candidate sharing the most characters with `unit` (the first on ties), if any."""
    best, best_overlap = None, 0
    for cand in candidates:
        shared = _overlap(unit.start, unit.end, cand.start, cand.end)
        if shared > best_overlap:
            best, best_overlap = cand, shared
    return best


def score_news(texts: Sequence[GoldText],
               predictions: Mapping[str, Sequence[CandidateClaim]]) -> NewsReport:
    """Compare each text's predicted candidates with its labels (a pure function)."""
    report = NewsReport(texts=len(texts), transcripts=sum(t.kind == "transcript" for t in texts))
    kinds: dict[str, list[int]] = {}
    any_kind = False
    type_counts = {name: [0, 0, 0] for name in TYPE_NAMES}
    gold_ents: set[tuple[str, int, int, str]] = set()
    pred_ents: set[tuple[str, int, int, str]] = set()
    for gold in texts:
        cands = sorted(predictions.get(gold.id, ()), key=lambda c: (c.start, c.end))
        any_kind = any_kind or bool(cands)  # with no candidates at all, no kind was predicted
        report.units += len(gold.units)
        right = total = 0
        for unit in gold.units:
            cand = align(unit, cands)
            if unit.role in STRUCTURE_ROLES:
                _count_structure(report, unit, cands)
                continue
            _count_offsets(report, unit, cands)
            _count_types(type_counts, unit, cand)
            gold_ents.update((gold.id, e.start, e.end, e.label) for e in unit.entities)
            predicted = cand.speaker if cand is not None else None
            if unit.speaker is None:
                report.narration += 1
                report.narration_with_speaker += bool(predicted)
                continue
            total += 1
            ok = speaker_matches(predicted, unit)
            right += ok
            if not ok:
                report.misses.append(SpeakerMiss(gold.id, unit.start, unit.speaker, predicted,
                                                 unit.text))
            if unit.speaker_kind is not None:
                got = cand.speaker_kind if cand is not None else None
                pair = kinds.setdefault(unit.speaker_kind, [0, 0])
                pair[0] += got is not None and str(got) == unit.speaker_kind
                pair[1] += 1
        report.attributed += total
        report.speakers_correct += right
        report.per_text[gold.id] = (right, total)
        old_right, old_total = report.per_kind.get(gold.kind, (0, 0))
        report.per_kind[gold.kind] = (old_right + right, old_total + total)
        pred_ents.update(_predicted_entities(gold, cands))
    report.kinds = {k: (v[0], v[1]) for k, v in sorted(kinds.items())} if any_kind else None
    report.types = {k: PRF(*v) for k, v in type_counts.items()}
    report.entities = _exact(gold_ents, pred_ents)
    report.entities_relaxed = _relaxed(gold_ents, pred_ents)
    return report


def _count_structure(report: NewsReport, unit: GoldUnit, cands: Sequence[CandidateClaim]) -> None:
    became, total = report.structure.get(unit.role, (0, 0))
    length = unit.end - unit.start
    hit = any(_overlap(unit.start, unit.end, c.start, c.end) > STRUCTURE_OVERLAP * length
              for c in cands)
    report.structure[unit.role] = (became + hit, total + 1)


def _count_offsets(report: NewsReport, unit: GoldUnit, cands: Sequence[CandidateClaim]) -> None:
    report.claim_units += 1
    starts = {c.start for c in cands}
    ends = {c.end for c in cands}
    report.exact_starts += unit.start in starts
    report.exact_ends += unit.end in ends
    report.exact_spans += any(c.start == unit.start and c.end == unit.end for c in cands)


def _count_types(counts: dict[str, list[int]], unit: GoldUnit,
                 cand: CandidateClaim | None) -> None:
    predicted = {str(t) for t in cand.types} if cand is not None else set()
    for name, row in counts.items():
        row[0] += name in predicted and name in unit.types
        row[1] += name in predicted and name not in unit.types
        row[2] += name not in predicted and name in unit.types


def _predicted_entities(gold: GoldText, cands: Sequence[CandidateClaim]
                        ) -> Iterable[tuple[str, int, int, str]]:
    """Mapped predicted entities that lie inside a gold claim unit.

    Entities are scored only inside claim sentences, so a headline that stops being a
    claim (a segmentation fix) does not show up as lost entity recall.
    """
    claims = [(u.start, u.end) for u in gold.units if u.role == "claim"]
    for cand in cands:
        for ent in cand.entities:
            label = LABEL_MAP.get(ent.label)
            if label is not None and any(s <= ent.start and ent.end <= e for s, e in claims):
                yield (gold.id, ent.start, ent.end, label)


def _exact(gold: set[tuple[str, int, int, str]],
           pred: set[tuple[str, int, int, str]]) -> dict[str, PRF]:
    out = {}
    for label in ENTITY_LABELS:
        g = {x for x in gold if x[3] == label}
        p = {x for x in pred if x[3] == label}
        out[label] = PRF(len(g & p), len(p - g), len(g - p))
    return out


def _relaxed(gold: set[tuple[str, int, int, str]],
             pred: set[tuple[str, int, int, str]]) -> dict[str, PRF]:
    """Same label and overlapping spans, each entity matched at most once."""
    out = {}
    for label in ENTITY_LABELS:
        g = sorted(x for x in gold if x[3] == label)
        free = sorted(x for x in pred if x[3] == label)
        tp = 0
        for doc, start, end, _ in g:
            for i, (pdoc, ps, pe, _) in enumerate(free):
                if pdoc == doc and _overlap(start, end, ps, pe) > 0:
                    del free[i]
                    tp += 1
                    break
        out[label] = PRF(tp, len(free), len(g) - tp)
    return out


def total(prfs: Mapping[str, PRF]) -> PRF:
    """Micro-averaged counts over every label or type."""
    result = PRF()
    for prf in prfs.values():
        result = result + prf
    return result


def report_json(report: NewsReport) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "pipeline": report.pipeline,
        "texts": report.texts,
        "transcripts": report.transcripts,
        "units": report.units,
        "speakers": {
            "attributed": report.attributed,
            "correct": report.speakers_correct,
            "accuracy": round(report.speaker_accuracy, 4),
            "narration": report.narration,
            "narration_with_speaker": report.narration_with_speaker,
            "kinds": None if report.kinds is None else
            {k: {"correct": c, "total": n} for k, (c, n) in report.kinds.items()},
            "per_kind": {k: {"correct": c, "total": n} for k, (c, n) in report.per_kind.items()},
            "per_text": {k: {"correct": c, "total": n} for k, (c, n) in report.per_text.items()},
            "misses": [{"text": m.text_id, "start": m.start, "gold": m.gold,
                        "predicted": m.predicted, "sentence": m.sentence}
                       for m in report.misses],
        },
        "structure": {role: {"became_claims": b, "total": n}
                      for role, (b, n) in sorted(report.structure.items())},
        "offsets": {"claim_units": report.claim_units, "exact_spans": report.exact_spans,
                    "exact_starts": report.exact_starts, "exact_ends": report.exact_ends},
        "types": {k: v.as_dict() for k, v in report.types.items()}
        | {"all": total(report.types).as_dict()},
        "entities": {"exact": {k: v.as_dict() for k, v in report.entities.items()}
                     | {"all": total(report.entities).as_dict()},
                     "relaxed": {k: v.as_dict() for k, v in report.entities_relaxed.items()}
                     | {"all": total(report.entities_relaxed).as_dict()}},
    }
