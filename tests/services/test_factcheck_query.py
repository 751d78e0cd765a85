"""How a claim's text becomes a query: split hashtags reach the index, sentences the ranking."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.services.factcheck_match import VECTOR_MODEL, FactCheckMatcher, default_encoder
from claimdesk.storage import factcheck_repo, factcheck_vectors
from claimdesk.storage.db import Database, open_database

CHECKS = (
    "Bill Gates vaccines will implant microchips in everyone.",
    "Drinking hot water with lemon cures cancer.",
    "The Great Wall of China is visible from space with the naked eye.",
)


def _library(path: Path, claims: Sequence[str]) -> Database:
    db = open_database(path)
    with db.sessions.begin() as s:
        factcheck_repo.upsert(s, [
            FactCheckDraft(url=f"https://checks.example/{n}", claim=claim, language="en")
            for n, claim in enumerate(claims)
        ], datetime(2026, 1, 1))  # fmt: skip
    return db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _library(tmp_path / "desk.sqlite3", CHECKS)
    yield database
    database.dispose()


def test_a_hashtag_finds_its_check_in_the_full_text_once_split(db: Database) -> None:
    matcher = FactCheckMatcher(db, default_encoder())
    matcher.fill_vectors()
    (best, *_rest) = matcher.match("Never taking it. #BillGatesVaccines")
    assert best.factcheck.claim == CHECKS[0]
    # "billgatesvaccines" is in no entry: only its words, split, reach the index.
    assert best.bm25_rank == 1


class _Vectors:
    """An encoder with chosen vectors, so that the two rankings surely differ; it
    remembers what it was asked to encode."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors
        self.asked: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32)


def _axis(*weights: float) -> np.ndarray:
    row = np.zeros(512, np.float32)
    row[: len(weights)] = weights
    return row / np.linalg.norm(row)


def test_an_entry_that_one_sentence_says_outranks_one_near_the_whole_post(
    tmp_path: Path,
) -> None:
    post = "Moon base opens soon. Qqq rrr sss."
    db = _library(tmp_path / "desk.sqlite3", ["Xxx yyy.", "Zzz www."])
    encoder = _Vectors({
        post: _axis(0.8, 0.6),
        "Moon base opens soon.": _axis(0.0, 1.0),
        "Qqq rrr sss.": _axis(0.0, 0.0, 1.0),
        "Single sentence.": _axis(1.0),
    })  # fmt: skip
    with db.sessions.begin() as s:  # entry 1 near the whole post, entry 2 its first sentence
        factcheck_vectors.store_vectors(s, VECTOR_MODEL, [1, 2], np.stack([_axis(1.0),
                                                                           _axis(0.0, 1.0)]))
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    (scored,) = matcher.candidates([post])
    assert scored.bm25 == ()
    # Whole post alone: 0.8 against 0.6; with its best sentence: 0.4 against 0.8.
    assert scored.by_vector == (2, 1)
    # The similarity shown (and the Checked before threshold) stays the whole post's.
    assert scored.similarity == pytest.approx({1: 0.8, 2: 0.6}, abs=1e-3)
    assert encoder.asked == [post, "Moon base opens soon.", "Qqq rrr sss."]
    # A claim of one sentence is encoded once, as before.
    encoder.asked.clear()
    matcher.candidates(["Single sentence."])
    assert encoder.asked == ["Single sentence."]
    db.dispose()


def test_stored_entry_vectors_keep_their_cleaning(db: Database) -> None:
    # Query cleaning changed (hashtags and handles split); an entry's vector did not, so
    # vectors stored before are still comparable under the same model name.
    encoder = _Vectors({"@WHO says #masks work": _axis(1.0), "@WHO says masks work": _axis(1.0)})
    matcher = FactCheckMatcher(db, encoder)  # type: ignore[arg-type]
    matcher.entry_vectors([("@WHO says #masks work", "")])
    assert encoder.asked == ["@WHO says masks work"]
    assert VECTOR_MODEL == "usem3/claim+title"
