"""The ranking is pinned: the top five of fixed libraries, exact and projected, never move.

Matching was made faster (bm25() called directly, common words counted once, vectors
read in one statement, the index held as columns); the ranking must not change with
it. GOLDEN is what the code before that work returned for these queries.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime

import numpy as np
import pytest

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.nlp.matching import EXACT_LIMIT
from claimdesk.services.factcheck_match import VECTOR_MODEL, FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_repo, factcheck_vectors
from claimdesk.storage.db import Database, open_database
from tests.services.corpus import vocabulary

ENTRIES = EXACT_LIMIT + 904  # above the exact limit: the projected index and rescoring
WORDS = vocabulary(800, seed=21)
REAL = 40  # entries whose vectors are the encoder's, not synthetic


def _claim(rng: random.Random) -> str:
    # Zipf-like, as the benchmark's: a few words in many entries, most in few.
    n = rng.randint(6, 14)
    return " ".join(
        WORDS[min(int(rng.paretovariate(0.9)) - 1, len(WORDS) - 1)] if i % 3 == 0
        else WORDS[rng.randrange(len(WORDS))] for i in range(n)
    ).capitalize() + "."  # fmt: skip


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list[str]]]:
    rng = random.Random(14)
    claims = [_claim(rng) for _ in range(ENTRIES)]
    db = open_database(tmp_path_factory.mktemp("ranking") / "desk.sqlite3")
    with db.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=claim, rating="False",
                           publisher="Checks Example", language="en",
                           title=f"Fact check: {claim}" if n % 4 == 0 else "")
            for n, claim in enumerate(claims)
        ], datetime(2026, 1, 1))  # fmt: skip
        # Clustered unit vectors, stored as the encoder's are (float16), as in the benchmark.
        vr = np.random.default_rng(14)
        topics = vr.standard_normal((60, 512)).astype(np.float32)
        rows = topics[vr.integers(0, 60, ENTRIES)] + 0.8 * vr.standard_normal(
            (ENTRIES, 512)).astype(np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        factcheck_vectors.store_vectors(s, VECTOR_MODEL, list(range(1, ENTRIES + 1)), rows)
    # The first entries get their real vectors, so the vector side finds them too.
    matcher = FactCheckMatcher(db, default_encoder())
    real = matcher.entry_vectors([(c, "") for c in claims[:REAL]])
    with db.sessions.begin() as s:
        factcheck_vectors.store_vectors(s, VECTOR_MODEL, list(range(1, REAL + 1)), real)
    yield db, claims
    db.dispose()


def _queries(claims: list[str]) -> list[str]:
    rng = random.Random(3)
    picked = rng.sample(claims[:REAL], 5) + rng.sample(claims[REAL:], 2)
    shortened = [" ".join(c.split()[: max(4, len(c.split()) - 3)]) for c in picked]
    # Words the library does not hold: the vectors alone answer.
    return [*shortened, "Completely different words about the weather tomorrow"]


def _top(matcher: FactCheckMatcher, query: str) -> list[tuple[str, int | None, int | None]]:
    return [
        (m.factcheck.url.rsplit("/", 1)[1] if m.factcheck.url else "", m.bm25_rank,
         m.vector_rank)
        for m in matcher.match(query)
    ]  # fmt: skip


GOLDEN: list[list[tuple[str, int | None, int | None]]] = [
    [('15', 1, 1), ('3510', 2, 194), ('1058', 3, 138),
     ('1691', 4, 132), ('4238', 5, 144)],
    [('37', 1, 1), ('2123', 2, 126), ('1057', 3, 156),
     ('1494', 4, 162), ('152', 5, 129)],
    [('34', 1, 1), ('8', 43, 2), ('2781', 2, 180),
     ('2346', 3, 129), ('3180', 4, 97)],
    [('8', 1, 1), ('3626', 2, 107), ('2111', 3, 164),
     ('2781', 4, 179), ('3781', 5, 126)],
    [('23', 1, 1), ('0', 29, 8), ('111', 2, 180),
     ('85', 3, 179), ('653', 4, 130)],
    [('1976', 2, 98), ('4987', 1, 194), ('131', 3, 167),
     ('3631', 5, 117), ('2699', 4, 175)],
    [('3923', 1, 161), ('3541', 2, 188), ('357', 3, 144),
     ('4338', 4, 178), ('3886', 5, 151)],
    [('3398', None, 1), ('528', None, 2), ('1534', None, 3),
     ('2864', None, 4), ('2762', None, 5)],
]  # fmt: skip


def test_the_top_five_of_a_projected_library_is_unchanged(
    library: tuple[Database, list[str]],
) -> None:
    db, claims = library
    matcher = FactCheckMatcher(db, default_encoder())
    index = matcher.load_index()
    assert index.projection is not None and len(index) == ENTRIES
    found = [_top(matcher, q) for q in _queries(claims)]
    assert found == GOLDEN
