"""A large library's inverted lists: built when the index loads, joined by new vectors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.nlp import matching
from claimdesk.services import factcheck_match
from claimdesk.services.factcheck_match import VECTOR_MODEL, FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_repo, factcheck_vectors
from claimdesk.storage.db import Database, open_database

ENTRIES = 2_000


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """2,000 entries with clustered synthetic vectors, the limits lowered so they are
    projected (above 300) and grouped into lists (above 1,000) as 200,000 would be."""
    monkeypatch.setattr(matching, "EXACT_LIMIT", 300)
    monkeypatch.setattr(factcheck_match, "EXACT_LIMIT", 300)
    monkeypatch.setattr(matching, "INVERTED_LIMIT", 1_000)
    database = open_database(tmp_path / "desk.sqlite3")
    rng = np.random.default_rng(4)
    topics = rng.standard_normal((30, 512))
    rows = topics[rng.integers(0, 30, ENTRIES)] + 0.8 * rng.standard_normal((ENTRIES, 512))
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    with database.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=f"Entry number {n}.",
                           rating="False", language="en")
            for n in range(ENTRIES)
        ], datetime(2026, 1, 1))  # fmt: skip
        factcheck_vectors.store_vectors(s, VECTOR_MODEL, list(range(1, ENTRIES + 1)), rows)
    yield database
    database.dispose()


def test_a_new_check_joins_the_lists_and_is_found_by_its_meaning(db: Database) -> None:
    matcher = FactCheckMatcher(db, default_encoder())
    index = matcher.load_index()
    lists = index._lists
    assert lists is not None and len(lists) == ENTRIES  # built while loading
    with db.sessions.begin() as s:
        factcheck_repo.upsert(s, [FactCheckDraft(
            url="https://checks.example/sharks", claim="Sharks never get cancer.",
            rating="False", language="en")], datetime(2026, 1, 2))  # fmt: skip
    assert matcher.fill_vectors() == 1
    assert matcher.load_index() is index and index._lists is lists  # joined, not rebuilt
    assert len(lists) == ENTRIES + 1
    (best, *_rest) = matcher.match("Los tiburones no pueden tener cáncer", language="es")
    assert best.factcheck.url == "https://checks.example/sharks"
    assert (best.vector_rank, best.bm25_rank) == (1, None)  # the lists found it, not words


def test_the_lists_give_the_matches_of_the_full_pass(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the limit the lists answer instead of a pass over every projected vector:
    every candidate, similarity and the fused order must be what the full pass gives."""
    encoder = default_encoder()
    queries = [f"Entry number {n}" for n in (3, 250, 1999)] + [
        "Sharks never get cancer.", "Vaccines contain microchips.", "Number of entries",
        "El número de la entrada", "Wind turbines kill more birds than cats.",
    ]
    with_lists = FactCheckMatcher(db, encoder)
    assert with_lists.load_index()._lists is not None
    listed = with_lists.candidates(queries)
    matched = [with_lists.match(q) for q in queries]
    monkeypatch.setattr(matching, "INVERTED_LIMIT", 10 * ENTRIES)
    full = FactCheckMatcher(db, encoder)
    assert full.load_index()._lists is None  # every projected vector scored
    assert full.candidates(queries) == listed
    assert [full.match(q) for q in queries] == matched
    assert all(len(one.by_vector) >= 100 for one in listed)
    fusion = with_lists.fusion
    assert [one.fused(fusion)[:100] for one in listed] == [
        one.fused(fusion)[:100] for one in full.candidates(queries)
    ]
