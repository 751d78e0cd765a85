"""Domain enums: every claim type has a label, and DATE is one of them."""

from __future__ import annotations

from claimdesk.domain import ClaimType


def test_the_date_type_is_stored_as_date_and_labelled_date_and_time() -> None:
    assert ClaimType("date") is ClaimType.DATE
    assert ClaimType.DATE.label == "Date & time"


def test_every_claim_type_has_a_label_of_its_own() -> None:
    labels = [t.label for t in ClaimType]
    assert len(set(labels)) == len(labels) == len(ClaimType)
