"""Full text weighs a fact-check's review title as much as its claim (CT2020 train's choice)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.storage import factcheck_repo
from claimdesk.storage.db import Database, open_database

#: (claim, review title). The first two hold the same two words: the first in a long
#: claim, the second in a short headline.
CHECKS = (
    ("The overnight ferry's passengers were ordered to stay below deck for the whole "
     "crossing.", "Were Passengers Ordered to Stay Below Deck?"),
    ("Passengers were ordered to stay below deck all night.", "The Ferry Crossing Rumour"),
    ("Drinking hot water with lemon cures cancer.", "Does Hot Lemon Water Cure Cancer?"),
    ("Microwave ovens make food radioactive.", "Are Microwaved Meals Radioactive?"),
    ("The Great Wall of China is visible from space with the naked eye.",
     "Can You See the Great Wall from Space?"),
    ("Bill Gates vaccines will implant microchips in everyone.",
     "Will Vaccines Implant Microchips?"),
)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    # SQLite's FTS5 bm25(); a shared PostgreSQL desk ranks with ts_rank and its own weights.
    database = open_database(tmp_path / "desk.sqlite3")
    with database.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=claim, title=title,
                           language="en")
            for n, (claim, title) in enumerate(CHECKS)
        ], datetime(2026, 1, 1))  # fmt: skip
    yield database
    database.dispose()


def test_a_headline_with_the_words_counts_as_much_as_a_claim_with_them(db: Database) -> None:
    with db.sessions() as s:
        found = factcheck_repo.bm25_candidates(s, '"ferry" OR "crossing"', 5)
        urls = factcheck_repo.entries(s, [i for i, _ in found])
    ranked = [urls[i].claim for i, _ in found]
    # With the claim counting twice its title, the long claim came first; counted the
    # same, the words weigh more in the short headline, as in any one field.
    assert ranked == [CHECKS[1][0], CHECKS[0][0]]
