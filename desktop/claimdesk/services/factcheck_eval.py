"""Matching quality on CheckThat! 2020 task 2: MAP@5 of the hybrid beside BM25, same run.

The data is research-use only: it is read from the folder given, stored only in a scratch
database (a temporary file unless one is named) and nothing learnt from it ships, except
the two fusion numbers chosen on its train split (nlp.matching.Fusion's defaults).
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimdesk.domain.clock import utc_now
from claimdesk.domain.factchecks import CHECKED_BEFORE, FactCheckDraft
from claimdesk.errors import KnownError
from claimdesk.nlp.matching import Fusion
from claimdesk.services.factcheck_match import FactCheckMatcher, Scored
from claimdesk.storage import factcheck_repo
from claimdesk.storage.db import open_database

#: Fusion settings tried on train: the vector side's weight and the RRF constant.
WEIGHTS = tuple(round(0.05 * i, 2) for i in range(21))
KS = (1.0, 5.0, 10.0, 20.0, 40.0, 60.0, 100.0)
#: Similarities at which the "Checked before" mark is reported (the shipped one among them).
THRESHOLDS = tuple(sorted({0.5, 0.55, CHECKED_BEFORE, 0.65, 0.7}))


class EvaluationDataMissing(KnownError):
    """The CheckThat! 2020 folder is not where the command was told it is."""


class EvaluationDataUnreadable(KnownError):
    """A file of the folder is there but holds no text, or nothing to evaluate."""


@dataclass(frozen=True, slots=True)
class Split:
    """Queries (tweets) of one split with the verified claims that answer each."""

    name: str
    queries: tuple[tuple[str, str], ...]  # (query id, text)
    relevant: dict[str, frozenset[str]]


def _rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise EvaluationDataMissing(
            f"{path} is missing: give --ct2020 the folder with verified_claims.docs.tsv, "
            "train/ and dev/ of CheckThat! 2020 task 2."
        )
    csv.field_size_limit(10**7)
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except UnicodeDecodeError:
        raise EvaluationDataUnreadable(f"{path} is not UTF-8 text: is it the right file?") from None
    return rows[1:]  # the heading


def read_split(folder: Path, name: str) -> Split:
    path = folder / name / "tweets.queries.tsv"
    queries = tuple((r[0], r[1]) for r in _rows(path) if len(r) >= 2)
    if not queries:
        raise EvaluationDataUnreadable(f"{path} has no tweets (id, text per line).")
    relevant: dict[str, set[str]] = {}
    qrels = folder / name / "tweet-vclaim-pairs.qrels"
    for line in qrels.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            relevant.setdefault(parts[0], set()).add(parts[2])
    return Split(name, queries, {q: frozenset(v) for q, v in relevant.items()})


def _url(vclaim_id: str) -> str:
    return f"https://ct2020.invalid/vclaim/{vclaim_id}"


def average_precision_at_5(ranked: Sequence[str], relevant: frozenset[str]) -> float:
    hits = 0
    total = 0.0
    for place, doc in enumerate(ranked[:5], 1):
        if doc in relevant:
            hits += 1
            total += hits / place
    return total / min(len(relevant), 5) if relevant else 0.0


def map_at_5(rankings: Sequence[Sequence[str]], split: Split) -> float:
    scores = [
        average_precision_at_5(r, split.relevant.get(q, frozenset()))
        for r, (q, _t) in zip(rankings, split.queries, strict=True)
    ]
    return sum(scores) / len(scores)


@dataclass(frozen=True, slots=True)
class Marks:
    """What the claims table's "Checked before" mark would say of one split's tweets at
    one similarity: the best-similarity match among the top five shown, as the window
    takes it (domain.factchecks.checked_before)."""

    threshold: float
    queries: int
    right: int  # marked, and the match is a check the tweet is paired with
    other: int  # marked with another check while its own is in the library
    unchecked: int  # marked although its own checks are taken out of the library

    def line(self) -> str:
        def share(n: int) -> str:
            return f"{n}/{self.queries} ({n / self.queries:.1%})" if self.queries else "0/0"

        return (f"{self.threshold:.2f}\t{share(self.right)}\t{share(self.other)}\t"
                f"{share(self.unchecked)}")  # fmt: skip


def marks(rows: Sequence[Scored], split: Split, back: dict[int, str], fusion: Fusion,
          threshold: float, limit: int = 5) -> Marks:  # fmt: skip
    """The "Checked before" mark at `threshold` over a split's ranked candidates, with each
    tweet's paired checks in the library and with them left out (a claim nobody checked:
    a mark then is a false alarm)."""
    ids = {vclaim: entry for entry, vclaim in back.items()}
    right = other = unchecked = 0
    for scored, (query, _text) in zip(rows, split.queries, strict=True):
        relevant = split.relevant.get(query, frozenset())
        gold = frozenset(ids[v] for v in relevant if v in ids)
        best = _best(scored, scored.fused(fusion)[:limit])
        if best is not None and scored.similarity[best] >= threshold:
            if best in gold:
                right += 1
            else:
                other += 1
        alone = _best(scored, scored.fused(fusion, exclude=gold)[:limit])
        if alone is not None and scored.similarity[alone] >= threshold:
            unchecked += 1
    return Marks(threshold, len(split.queries), right, other, unchecked)


def _best(scored: Scored, shown: Sequence[int]) -> int | None:
    with_similarity = [i for i in shown if i in scored.similarity]
    return max(with_similarity, key=lambda i: scored.similarity[i], default=None)


@dataclass(frozen=True, slots=True)
class Report:
    """The figures of one run, dev and train, and the fusion chosen on train."""

    library: int
    chosen: Fusion
    shipped: Fusion
    figures: dict[str, dict[str, float]]  # split → method → MAP@5
    seconds: float
    marks: dict[str, tuple[Marks, ...]] = field(default_factory=dict)  # split → thresholds

    def lines(self) -> list[str]:
        out = [f"CheckThat! 2020 task 2: {self.library:,} verified claims; MAP@5"]
        methods = list(next(iter(self.figures.values())))
        out.append("split\t" + "\t".join(methods))
        for split, row in self.figures.items():
            out.append(split + "\t" + "\t".join(f"{row[m]:.4f}" for m in methods))
        out.append(
            f"fusion chosen on train: weight {self.chosen.weight:g}, k {self.chosen.k:g}; "
            f"shipped: weight {self.shipped.weight:g}, k {self.shipped.k:g}"
        )
        for split, rows in self.marks.items():
            out.append(f"Checked before, {split} (best similarity of the top five shown; "
                       f"shipped mark at {CHECKED_BEFORE:g})")  # fmt: skip
            out.append("similarity\tright check\tanother check\tits checks left out")
            out.extend(m.line() for m in rows)
        out.append(f"{self.seconds:.0f} s")
        return out


def _ids(scored: Sequence[int], back: dict[int, str]) -> list[str]:
    return [back[i] for i in scored[:5] if i in back]


def run(
    folder: Path, scratch: Path | None = None, say: Callable[[str], None] | None = None
) -> Report:
    """Build (or reuse) the scratch library, encode it, rank both splits, tune on train."""
    started = time.perf_counter()
    say = say or (lambda _m: None)
    docs = _rows(folder / "verified_claims.docs.tsv")
    splits = [read_split(folder, "train"), read_split(folder, "dev")]
    temporary = None
    if scratch is None:
        temporary = tempfile.TemporaryDirectory(prefix="claimdesk-ct2020-")
        scratch = Path(temporary.name) / "ct2020.sqlite3"
    db = open_database(scratch, backups=scratch.parent / "backups")
    try:
        drafts = [FactCheckDraft(url=_url(r[0]), claim=r[1], title=r[2] if len(r) > 2 else "",
                                 language="en") for r in docs]  # fmt: skip
        with db.sessions.begin() as session:
            factcheck_repo.upsert(session, drafts, utc_now())
        with db.sessions() as session:
            back = {f.id: f.url.rsplit("/", 1)[1] for f in
                    factcheck_repo.entries(session, range(1, 2 * len(docs) + 1)).values()
                    if f.url}  # fmt: skip
        matcher = FactCheckMatcher(db)
        missing = matcher.missing_vectors()
        if missing:
            say(f"encoding {missing:,} verified claims (once per scratch database)…")
            matcher.fill_vectors(batch=128)
        scored: dict[str, list[Scored]] = {}
        for split in splits:
            say(f"ranking {len(split.queries)} {split.name} tweets…")
            scored[split.name] = matcher.candidates([t for _q, t in split.queries])
        chosen = _tune(scored["train"], splits[0], back)
        shipped = Fusion()
        figures: dict[str, dict[str, float]] = {}
        for split in reversed(splits):
            rows = scored[split.name]
            figures[split.name] = {
                "bm25": map_at_5([_ids(s.bm25, back) for s in rows], split),
                "vectors": map_at_5([_ids(s.by_vector, back) for s in rows], split),
                "hybrid(shipped)": map_at_5([_ids(s.fused(shipped), back) for s in rows], split),
                "hybrid(train-tuned)": map_at_5(
                    [_ids(s.fused(chosen), back) for s in rows], split
                ),
            }
        found = {
            split.name: tuple(
                marks(scored[split.name], split, back, shipped, t) for t in THRESHOLDS
            )
            for split in reversed(splits)
        }
        return Report(len(docs), chosen, shipped, figures, time.perf_counter() - started, found)
    finally:
        db.dispose()
        if temporary is not None:
            temporary.cleanup()


def _tune(rows: Sequence[Scored], split: Split, back: dict[int, str]) -> Fusion:
    """The fusion with the best train MAP@5 (ties: the first in WEIGHTS × KS order)."""
    best = (-1.0, Fusion())
    for k in KS:
        for weight in WEIGHTS:
            fusion = Fusion(weight, k)
            score = map_at_5([_ids(s.fused(fusion), back) for s in rows], split)
            if score > best[0] + 1e-12:
                best = (score, fusion)
    return best[1]


def main(folder: str, scratch: str | None) -> int:
    report = run(Path(folder), Path(scratch) if scratch else None,
                 say=lambda m: print(f"claimdesk: {m}", file=sys.stderr))  # fmt: skip
    for line in report.lines():
        print(line)
    return 0
