"""The crash harness's child: edits, imports and bundle imports until it is killed.

Run as `python -m tests.reliability.crash_child DB WORKDIR SEED`. It prints "opening"
before opening the database (which may create or upgrade it), "ready" once it is open,
then for every edit "doing <kind> <id> <value>" before and "saved <kind> <id> <value>"
after the edit's transaction has committed. The parent kills it with SIGKILL.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from claimdesk.domain import ClaimStatus, SourceDraft
from claimdesk.exchange.bundle_file import read_bundle
from claimdesk.nlp.scorer import CheckWorthinessScorer
from claimdesk.services.bundles import import_bundle
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database


class NoModels(NlpProvider):
    """No check-worthiness model: hand-marked claims need no NLP, so each round is quick."""

    def scorer(self) -> CheckWorthinessScorer | None:
        return None


def say(*words: object) -> None:
    print(*words, flush=True)


class Child:
    """Random edits over everything in the database, each reported once committed."""

    def __init__(self, wb: Workbench, work: Path, rng: random.Random, seed: int) -> None:
        self.wb, self.work, self.rng, self.seed = wb, work, rng, seed
        self.ratings = [r.id for r in wb.rating_scale().ratings]
        self.status: dict[int, ClaimStatus] = {}
        self.verdicts: dict[int, int] = {}
        self.sources: list[int] = []
        self.count = 0
        for article in wb.articles():
            self._learn(article.id)
        self.shas = {wb.article(a.id).sha256 for a in wb.articles()}

    def _learn(self, article_id: int) -> None:
        for claim in self.wb.claims(article_id):
            self.status[claim.id] = claim.status
            if claim.verdict is not None:
                self.verdicts[claim.id] = claim.verdict.rating.id
            self.sources.extend(s.id for s in self.wb.claim(claim.id).sources)

    def _note(self) -> str:
        self.count += 1
        return f"note {self.seed}-{self.count} ✓ «quoted»"

    def import_article(self) -> None:
        self.count += 1
        path = self.work / "in" / f"a{self.seed}_{self.count}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            f"Article {self.seed}-{self.count}: prices rose by {self.count}% last year.\n"
            "The minister said 300 bridges were built.\n",
            encoding="utf-8",
        )
        article_id = self.wb.open_file(path).article_id
        sha = self.wb.article(article_id).sha256
        self.shas.add(sha)
        say("saved article", sha, "present")
        claim_id, _ = self.wb.add_claim(article_id, 0, 20, allow_overlap=True)
        span = f"{self.wb.claim(claim_id).start}:{self.wb.claim(claim_id).end}"
        self.status[claim_id] = ClaimStatus.TODO
        say("saved claim", claim_id, span)

    def set_status(self) -> None:
        claim_id = self.rng.choice(sorted(self.status))
        status = self.rng.choice(list(ClaimStatus))
        say("doing status", claim_id, status.value)
        self.wb.set_status(claim_id, status)
        self.status[claim_id] = status
        say("saved status", claim_id, status.value)

    def set_verdict(self, *, same_rating: bool) -> None:
        rated = sorted(self.verdicts)
        if same_rating and rated:
            claim_id = self.rng.choice(rated)
            rating = self.verdicts[claim_id]
        else:
            claim_id = self.rng.choice(sorted(self.status))
            rating = self.rng.choice(self.ratings)
        explanation = f"explanation {self._note()}"
        moves = self.status[claim_id] is ClaimStatus.TODO
        say("doing verdict", claim_id, f"{rating}|{explanation}")
        if moves:
            say("doing status", claim_id, ClaimStatus.IN_PROGRESS.value)
        self.wb.set_verdict(claim_id, rating, explanation)
        self.verdicts[claim_id] = rating
        say("saved verdict", claim_id, f"{rating}|{explanation}")
        if moves:
            self.status[claim_id] = ClaimStatus.IN_PROGRESS
            say("saved status", claim_id, ClaimStatus.IN_PROGRESS.value)

    def add_source(self) -> None:
        claim_id = self.rng.choice(sorted(self.status))
        note = self._note()
        source_id, _ = self.wb.add_source(claim_id, SourceDraft(url="", note=note))
        self.sources.append(source_id)
        say("saved source", source_id, note)

    def edit_source(self) -> None:
        source_id = self.rng.choice(self.sources)
        note = self._note()
        say("doing source", source_id, note)
        self.wb.update_source(source_id, SourceDraft(url="", note=note))
        say("saved source", source_id, note)

    def import_bundle(self) -> None:
        # Each bundle once: merging one again over later local edits is the bundle
        # conflict case, tested on its own.
        fresh = [
            p
            for p in sorted((self.work / "bundles").glob("*.claimdesk"))
            if not {a.sha256 for a in read_bundle(p).articles} <= self.shas
        ]
        if not fresh:
            self.add_source()
            return
        path = self.rng.choice(fresh)
        say("doing bundle", path.stem, "present")
        result = import_bundle(self.wb.db, path)
        for article_id in result.article_ids:
            self._learn(article_id)
            self.shas.add(self.wb.article(article_id).sha256)
        say("saved bundle", path.stem, "present")

    def step(self) -> None:
        if not self.status or self.rng.random() < 0.08:
            self.import_article()
            return
        roll = self.rng.random()
        if roll < 0.3:
            self.set_status()
        elif roll < 0.5:
            self.set_verdict(same_rating=False)
        elif roll < 0.65:
            self.set_verdict(same_rating=True)
        elif roll < 0.78 or not self.sources:
            self.add_source()
        elif roll < 0.95:
            self.edit_source()
        else:
            self.import_bundle()


def main(argv: list[str]) -> int:
    db_path, work, seed = Path(argv[0]), Path(argv[1]), int(argv[2])
    say("opening")
    db = open_database(db_path, backups=work / "backups")
    say("ready")
    child = Child(Workbench(db, NoModels()), work, random.Random(seed), seed)
    while True:
        child.step()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
