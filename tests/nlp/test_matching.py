"""Matching's pure parts: query words, the vector index (exact and projected) and fusion."""

from __future__ import annotations

import numpy as np
import pytest

from claimdesk.nlp import matching
from claimdesk.nlp.matching import (
    Fusion,
    VectorIndex,
    blended,
    clean_claim,
    clean_query,
    match_expression,
    query_sentences,
    query_terms,
    selective_terms,
)


def test_a_pasted_tweet_loses_its_links_handle_and_date_but_keeps_who_posted_it() -> None:
    tweet = ("BREAKING: #Vaccines cause autism says new study https://t.co/abc pic.twitter.com/X1 "
             "— Some One (@someone) January 14, 2020")
    # Fact-checks name who said it ("Some One claims…"): the name is worth matching.
    assert clean_query(tweet) == "BREAKING: Vaccines cause autism says new study — Some One"
    # A library entry's claim keeps the cleaning its stored vector was made with.
    assert clean_claim(tweet) == "BREAKING: Vaccines cause autism says new study"
    assert clean_query("— Some One (@someone) January 14, 2020") == "Some One"


def test_hashtags_and_handles_are_split_into_their_words() -> None:
    assert clean_query("Wear a mask #StopTheSpread#COVID19") == (
        "Wear a mask Stop The Spread COVID19")
    assert clean_query("@realDonaldTrump says #WHOLied about it") == (
        "real Donald Trump says WHO Lied about it")
    assert clean_query("thanks @AMCTheatres and @dave_new_world_") == (
        "thanks AMC Theatres and dave new world")
    # Not a hashtag or a handle: an address, a lone mark.
    assert clean_query("write to a@b.org # now") == "write to a@b.org now"
    # The words reach the index: "stopthespread" is in no check, "spread" is.
    assert query_terms(clean_query("#StopTheSpread")) == ["stop", "the", "spread"]


def test_only_a_query_of_several_sentences_has_sentences_to_encode() -> None:
    assert query_sentences("Masks cause hypoxia.") == []
    assert query_sentences("Masks cause hypoxia. My aunt said so. Wow. Really. Yes.") == [
        "Masks cause hypoxia.", "My aunt said so.", "Wow.", "Really."]


def test_the_best_sentence_counts_in_the_vector_ranking() -> None:
    whole = np.array([0.8, 0.6], np.float32)  # two entries: the whole query's cosines
    sentences = np.array([[0.1, 0.2], [0.0, 1.0]], np.float32)  # (entries, sentences)
    scores = blended(whole, sentences)
    np.testing.assert_allclose(scores, [0.5, 0.8])
    assert scores.argmax() == 1  # the entry one sentence says outranks the first
    np.testing.assert_allclose(blended(whole, None), whole)


def test_query_words_are_folded_like_the_index_and_quoted_safely() -> None:
    assert query_terms("¿El PARO bajó? El paro, según él") == ["el", "paro", "bajo", "segun"]
    assert match_expression(['a"b', "c"]) == '"a""b" OR "c"'
    assert match_expression([]) is None


def test_only_words_in_the_library_and_not_in_most_of_it_are_asked_for() -> None:
    frequencies = {"the": 900, "moon": 3, "landing": 10, "staged": 1}
    terms = ["the", "moon", "landing", "was", "staged"]
    assert selective_terms(terms, frequencies, entries=1000) == ["staged", "moon", "landing"]
    # In a small library no word is too common to ask for (the floor is 100 entries)…
    assert selective_terms(terms, frequencies, entries=10, limit=2) == ["staged", "moon"]
    # …and in a huge one a word in thousands of entries is too common (the cap).
    frequencies = {"the": 900_000, "moon": 3_000, "landing": 900, "staged": 10}
    assert selective_terms(terms, frequencies, entries=1_000_000) == ["staged", "landing"]


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_the_exact_index_finds_nearest_and_takes_replacements() -> None:
    rng = np.random.default_rng(1)
    vectors = _unit(rng.standard_normal((50, 512)))
    index = VectorIndex()
    index.add(np.arange(10, 60, dtype=np.int64), vectors)
    assert index.nearest(vectors[7], 3)[0] == 17
    index.add(np.array([17], dtype=np.int64), vectors[8:9])  # entry 17's claim changed
    assert index.nearest(vectors[8], 2) == [17, 18] or index.nearest(vectors[8], 2) == [18, 17]
    assert len(index) == 50
    index.add(np.array([5], dtype=np.int64), vectors[0:1])  # an id below the others
    assert len(index) == 51 and index.nearest(vectors[0], 2)[0] in (5, 10)
    assert index.nearest(vectors[0], 0) == []


def test_a_large_index_is_projected_and_still_finds_the_nearest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(matching, "EXACT_LIMIT", 300)
    rng = np.random.default_rng(2)
    # Clustered like sentence vectors, not uniform noise: 40 topics, 1,000 entries.
    topics = rng.standard_normal((40, 512))
    vectors = _unit(topics[rng.integers(0, 40, 1000)] + 0.6 * rng.standard_normal((1000, 512)))
    index = VectorIndex()
    for start in range(0, 1000, 250):
        index.add(np.arange(start, start + 250, dtype=np.int64) + 1, vectors[start : start + 250])
    assert index.projection is not None
    assert index.nbytes < 1000 * 512 * 4 / 2  # far below the whole float32 vectors
    found = 0
    for probe in range(0, 1000, 50):
        query = _unit(vectors[probe : probe + 1] + 0.3 * rng.standard_normal((1, 512)))[0]
        exact = int(np.argmax(vectors @ query)) + 1
        found += exact in index.nearest(query, 50)
    assert found == 20


def test_fusion_counts_a_side_that_found_nothing_as_nothing() -> None:
    fusion = Fusion(weight=0.6, k=10)
    assert fusion.score(1, 1) == pytest.approx(0.6 / 11 + 0.4 / 11)
    assert fusion.score(None, 1) == pytest.approx(0.4 / 11)
    assert fusion.score(None, None) == 0.0
