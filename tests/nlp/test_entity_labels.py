"""Entity labels a checker can trust: known surnames, time zones, acronyms in brackets."""

from __future__ import annotations

from spacy.tokens import Span

from claimdesk.nlp.entities import entity_spans
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



def test_a_newspaper_keeps_its_the(pipeline: LoadedPipeline) -> None:
    found = _labelled("The Westbury Herald reported the closure on Friday.", pipeline)
    assert ("The Westbury Herald", "ORG") in found
    found = _labelled("A reporter at the Daily Westbury Times said the bridge was shut.",
                      pipeline)
    assert ("the Daily Westbury Times", "ORG") in found


def test_the_state_of_a_secretary_of_state_is_no_organisation(
        pipeline: LoadedPipeline) -> None:
    found = _labelled("Secretary of State Harriet Quenby flew to Oslo on Monday.", pipeline)
    assert not [name for name, label in found if label == "ORG"]
    assert ("Harriet Quenby", "PERSON") in found


def test_a_capitalised_common_noun_alone_is_no_organisation(pipeline: LoadedPipeline) -> None:
    for text in ("Ministers said the Government would publish the figures in May.",
                 "The Chancellor said the Budget would cut borrowing.",
                 "The Department said 400 nurses had left."):
        assert not [name for name, label in _labelled(text, pipeline) if label == "ORG"]


def test_a_legislature_named_alone_stays_an_organisation(pipeline: LoadedPipeline) -> None:
    found = _labelled("Parliament voted on the bill on Tuesday, and the Senate followed.",
                      pipeline)
    assert {("Parliament", "ORG"), ("Senate", "ORG")} <= found


def test_a_social_network_is_an_organisation(pipeline: LoadedPipeline) -> None:
    found = _labelled("Quenby wrote on Twitter that the port would reopen.", pipeline)
    assert ("Twitter", "ORG") in found


def test_a_disease_is_no_organisation(pipeline: LoadedPipeline) -> None:
    found = _labelled("Westmark reported 40 new cases of COVID-19 on Monday.", pipeline)
    assert not [name for name, label in found if "COVID" in name and label == "ORG"]
    assert ("Westmark", "GPE") in found


def test_an_organisation_named_after_a_disease_stays_an_organisation(
    pipeline: LoadedPipeline,
) -> None:
    found = _labelled("The AIDS Healthcare Foundation said 300 clinics would close. "
                      "The Ebola Response Fund said it had spent $2 million.", pipeline)
    assert ("AIDS Healthcare Foundation", "ORG") in found
    assert ("Ebola Response Fund", "ORG") in found


def test_a_role_before_a_name_is_left_out(pipeline: LoadedPipeline) -> None:
    for text in ("Later, Broadcaster Tomas Quenby said the show was over.",
                 "Superintendent Tomas Quenby said the van was stolen."):
        assert ("Tomas Quenby", "PERSON") in _labelled(text, pipeline)


def test_a_lowercase_word_is_no_person(pipeline: LoadedPipeline) -> None:
    found = _labelled("Superintendent Tomas Quenby said the van was stolen.", pipeline)
    assert not [name for name, label in found if name == "van"]


def test_a_lowercase_particle_inside_a_name_stays(pipeline: LoadedPipeline) -> None:
    text = "Harriet al-Quenby met Tomas Quenby in Leeds on Monday."
    found = _labelled(text, pipeline)
    assert ("Harriet al-Quenby", "PERSON") in found


def _spans_with(pipeline: LoadedPipeline, text: str, start: int, end: int
                ) -> set[tuple[str, str]]:
    """The post-rules' spans when spaCy tagged tokens [start, end) as one ORG."""
    doc = pipeline.nlp(text)
    doc.set_ents([Span(doc, start, end, label="ORG")], default="outside")
    return {(text[s:e], label) for s, e, label in entity_spans(doc)}


def test_a_place_run_into_a_person_is_split(pipeline: LoadedPipeline) -> None:
    text = "First Minister of Scotland Harriet Quenby said the vote was lost."
    assert _spans_with(pipeline, text, 3, 6) == {("Scotland", "GPE"),
                                                  ("Harriet Quenby", "PERSON")}


def test_a_role_run_into_a_person_is_split(pipeline: LoadedPipeline) -> None:
    text = "Detective Constable Tomas Quenby said the van was found."
    assert _spans_with(pipeline, text, 0, 4) == {("Tomas Quenby", "PERSON")}


def test_a_place_before_an_organisation_stays_one_organisation(
        pipeline: LoadedPipeline) -> None:
    text = "The Scotland Fisheries Board said catches fell."
    assert _spans_with(pipeline, text, 1, 4) == {("Scotland Fisheries Board", "ORG")}


def test_a_place_with_no_role_before_it_keeps_its_organisation(
        pipeline: LoadedPipeline) -> None:
    text = "Shares on the London Stock Exchange fell on Monday."
    assert _spans_with(pipeline, text, 3, 6) == {("London Stock Exchange", "ORG")}
