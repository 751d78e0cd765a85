"""Matching claims to earlier checks with the real multilingual encoder, across languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin
from claimdesk.domain.factchecks import FactCheckDraft, FactCheckSource
from claimdesk.services.factcheck_match import FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_repo
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database, open_database

CHECKS = (
    "Drinking hot water with lemon cures cancer.",
    "The 2020 US presidential election was stolen through massive voter fraud.",
    "5G mobile networks spread the coronavirus.",
    "Bill Gates wants to implant microchips in people with vaccines.",
    "Unemployment in Spain fell to its lowest level since 2008.",
    "The Great Wall of China is visible from space with the naked eye.",
    "Eating carrots improves your night vision.",
    "Wind turbines kill more birds than domestic cats do.",
)


@pytest.fixture(scope="module")
def encoder() -> object:
    return default_encoder()


@pytest.fixture
def db(desk_target: str | Path) -> Iterator[Database]:
    """The library on SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    database = open_database(desk_target)
    with database.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=claim, rating="False",
                           publisher="Checks Example", language="en")
            for n, claim in enumerate(CHECKS)
        ], datetime(2026, 1, 1))
    yield database
    database.dispose()


@pytest.mark.parametrize(("spanish", "english"), [
    ("Las redes 5G propagan el coronavirus.", 2),
    ("Beber agua caliente con limón cura el cáncer.", 0),
    ("La Gran Muralla China se puede ver desde el espacio.", 5),
    ("Comer zanahorias mejora la visión nocturna.", 6),
])
def test_a_spanish_claim_finds_the_english_check(
    db: Database, encoder: object, spanish: str, english: int
) -> None:
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    assert matcher.fill_vectors() == len(CHECKS)
    (best, *_rest) = matcher.match(spanish, language="es")
    assert best.factcheck.claim == CHECKS[english]
    assert best.bm25_rank is None  # no words in common: the vectors found it
    assert best.similarity is not None and best.similarity > 0.5
    assert (best.factcheck.rating, best.factcheck.publisher) == ("False", "Checks Example")


def test_the_desks_own_verdict_is_found_for_others_not_for_its_claim(
    db: Database, encoder: object
) -> None:
    with db.sessions.begin() as s:
        aid = repo.add_article(s, text="Flu jabs give you the flu, he said.",
                               metadata=ArticleMetadata(title="Flu"), file_name="f.txt",
                               file_path="/f.txt", fmt="txt", sha256="f")
        cid = repo.add_claim(s, aid, CandidateClaim(0, 27, "Flu jabs give you the flu"),
                             ClaimOrigin.MANUAL)
        repo.set_verdict(s, cid, repo.default_scale(s).ratings[4].id, "They cannot", "Ana")
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    matcher.fill_vectors()
    (best, *_rest) = matcher.match("The flu vaccine can give you influenza")
    assert (best.factcheck.source, best.factcheck.claim_id) == (FactCheckSource.DESK, cid)
    assert best.factcheck.rating == "False"
    own = matcher.match("Flu jabs give you the flu", exclude_claim=cid)
    assert cid not in [m.factcheck.claim_id for m in own]


def test_new_vectors_join_a_loaded_index_without_reloading(db: Database, encoder: object) -> None:
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    matcher.fill_vectors()
    matcher.load_index()
    before = matcher.index_bytes
    with db.sessions.begin() as s:
        factcheck_repo.upsert(s, [FactCheckDraft(
            url="https://checks.example/new", claim="Sharks never get cancer.",
            language="en")], datetime(2026, 1, 2))
    assert matcher.missing_vectors() == 1
    assert matcher.fill_vectors() == 1
    assert matcher.missing_vectors() == 0
    (best, *_rest) = matcher.match("Los tiburones no pueden tener cáncer")
    assert best.factcheck.url == "https://checks.example/new"
    assert matcher.index_bytes >= before > 0


def test_an_entry_vector_sums_its_claim_and_title_encodings(db: Database, encoder: object) -> None:
    import numpy as np

    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    claim, title = CHECKS[6], "Do carrots really help you see in the dark?"
    both, alone = matcher.entry_vectors([(claim, title), (claim, "  ")])
    parts = matcher.encoder.encode([claim, title])
    expected = parts[0] + parts[1]
    np.testing.assert_allclose(both, expected / np.linalg.norm(expected), atol=1e-5)
    np.testing.assert_allclose(alone, parts[0], atol=1e-5)
