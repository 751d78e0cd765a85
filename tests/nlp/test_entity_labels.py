"""Entity labels a checker can trust: known surnames, time zones, acronyms in brackets."""

from __future__ import annotations

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline


def _labelled(text: str, pipeline: LoadedPipeline) -> set[tuple[str, str]]:
    return {(e.text, e.label) for claim in extract_candidates(text, pipeline)
            for e in claim.entities}


def test_a_surname_named_in_full_earlier_stays_a_person(pipeline: LoadedPipeline) -> None:
    text = ("Senator Harriet Quenby visited the port on Monday.\n\n"
            "Quenby told reporters the harbour needed dredging.\n\n"
            "Critics said Quenby had ignored the fishermen.")
    found = _labelled(text, pipeline)
    assert ("Harriet Quenby", "PERSON") in found
    assert {label for name, label in found if name == "Quenby"} == {"PERSON"}


def test_a_one_word_organisation_nobody_named_as_a_person_keeps_its_label(
        pipeline: LoadedPipeline) -> None:
    text = "Shares in Microsoft fell 3% on Tuesday, Reuters reported."
    found = _labelled(text, pipeline)
    assert ("Microsoft", "ORG") in found


def test_a_time_zone_is_no_organisation(pipeline: LoadedPipeline) -> None:
    text = "The ferry left the harbour at 14:30 UTC and sank an hour later."
    found = _labelled(text, pipeline)
    assert not [name for name, label in found if name == "UTC" and label == "ORG"]


def test_an_acronym_in_brackets_is_its_own_organisation(pipeline: LoadedPipeline) -> None:
    text = ("The World Fisheries Organization (WFO) said catches fell by a third last year.")
    found = _labelled(text, pipeline)
    assert ("World Fisheries Organization", "ORG") in found
    assert ("WFO", "ORG") in found

