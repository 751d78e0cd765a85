"""Figures and reports speak for the body that published them, named earlier in the article."""

from __future__ import annotations

from claimdesk.domain import SpeakerKind
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# Written before the rule: the publisher is named once, then only "the report" speaks.
STORY = (
    "A study published by the Resolution Foundation on Monday found that rents rose "
    "sharply in 2023.\n"
    "The study also showed that a third of renters spend half their income on housing.\n"
    "The Environment Agency released a report on river pollution last week.\n"
    "The report revealed that sewage was discharged for 3.6 million hours in 2023.\n"
)


def _claim(claims: list, opening: str):  # type: ignore[no-untyped-def, type-arg]
    return next(c for c in claims if c.text.startswith(opening))


def test_the_report_speaks_for_who_published_it(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(STORY, pipeline)
    study = _claim(claims, "The study also")
    assert (study.speaker, study.speaker_kind) == ("Resolution Foundation",
                                                   SpeakerKind.ORGANISATION)
    assert _claim(claims, "The report revealed").speaker == "Environment Agency"


def test_a_report_nobody_published_stays_the_report(pipeline: LoadedPipeline) -> None:
    text = "The report revealed that sewage was discharged for 3.6 million hours in 2023.\n"
    assert extract_candidates(text, pipeline)[0].speaker == "report"


def test_calculations_from_a_body_are_its_own(pipeline: LoadedPipeline) -> None:
    text = ("The company owed more than £2 million in tax, according to calculations "
            "from the Treasury.\n")
    assert extract_candidates(text, pipeline)[0].speaker == "Treasury"


def test_the_force_is_the_police_force_named_before(pipeline: LoadedPipeline) -> None:
    text = ("Officers from Greater Manchester Police arrested four men on Tuesday.\n"
            "“The men were found with 40 kilograms of heroin in a van,” the force said.\n")
    claims = extract_candidates(text, pipeline)
    assert (claims[1].speaker, claims[1].speaker_kind) == ("Greater Manchester Police",
                                                           SpeakerKind.ORGANISATION)


def test_the_force_after_a_police_name_tagged_as_a_place(pipeline: LoadedPipeline) -> None:
    text = ("Drugs were found in a lorry on Monday. West Yorkshire Police reported finding "
            "30 kilograms of cocaine.\n"
            "“It was hidden under a layer of foam,” the force said.\n")
    claims = extract_candidates(text, pipeline)
    assert claims[-1].speaker == "West Yorkshire Police"
