"""The claims table's filter as a pure value."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from claimdesk.domain import Claim, ClaimOrigin, ClaimStatus, ClaimType, Rating, Verdict
from claimdesk.domain.filters import UNRATED, ClaimFilter

NOW = datetime(2026, 1, 1)
TRUE = Rating(id=1, name="True", value=5, color="#00ff00", position=0)


def claim(**kw: object) -> Claim:
    base = Claim(id=1, article_id=1, number=1, start=0, end=4, text="Jobs rose 4%.",
                 origin=ClaimOrigin.EXTRACTED, score=0.2, types=(ClaimType.QUANTITY,),
                 speaker="Ana Diaz", entities=(), status=ClaimStatus.TODO)
    return replace(base, **kw)  # type: ignore[arg-type]


def rated(c: Claim) -> Claim:
    return replace(c, verdict=Verdict(1, c.id, TRUE, "Confirmed by the bureau.", "me", NOW, NOW))


def test_threshold_hides_untouched_low_scores_only() -> None:
    f = ClaimFilter(threshold=0.5)
    assert not f.accepts(claim())
    assert f.accepts(claim(score=0.7))
    assert f.accepts(claim(score=None))
    assert f.accepts(claim(origin=ClaimOrigin.MANUAL))
    assert f.accepts(claim(status=ClaimStatus.DONE))
    assert f.accepts(claim(source_count=1))
    assert f.accepts(rated(claim()))
    assert ClaimFilter(show_all=True).accepts(claim())


def test_explicit_filters_apply_to_every_claim() -> None:
    low = claim(score=0.9)
    assert not ClaimFilter(status=ClaimStatus.DONE).accepts(low)
    assert ClaimFilter(rating=UNRATED).accepts(low)
    assert not ClaimFilter(rating=UNRATED).accepts(rated(low))
    assert ClaimFilter(rating=1).accepts(rated(low))
    assert not ClaimFilter(rating=2).accepts(rated(low))
    assert ClaimFilter(claim_type=ClaimType.QUANTITY).accepts(low)
    assert not ClaimFilter(claim_type=ClaimType.QUOTE).accepts(low)
    assert ClaimFilter(speaker="Ana Diaz").accepts(low)
    assert not ClaimFilter(speaker="Bo Li").accepts(low)
    assert not ClaimFilter(has_sources=True).accepts(low)
    assert ClaimFilter(has_sources=False).accepts(low)
    assert not ClaimFilter(max_score=0.8).accepts(low)
    assert ClaimFilter(text="BUREAU").accepts(rated(low))
    assert not ClaimFilter(text="inflation").accepts(low)
    assert not ClaimFilter(show_all=True, speaker="Bo Li").accepts(low)


def test_the_text_filter_folds_accents_and_composed_forms_as_search_does() -> None:
    """The desk search finds "économie" for "economie"; the table's filter found nothing,
    nor "é" typed composed in text stored decomposed (copied from another system)."""
    c = claim(score=0.9, text="L'économie de Peña a crû.", speaker="Jose\u0301 Núñez")
    for typed in ("economie", "ÉCONOMIE", "pena", "PEÑA", "José", "nunez", "cru"):
        assert ClaimFilter(text=typed).accepts(c), typed
    assert not ClaimFilter(text="economia").accepts(c)
