"""Given names from the census lists: a person's kind and "she"/"he" for names the hand
lists lacked (sentences written for the test)."""

from __future__ import annotations

import pytest

from claimdesk.domain import SpeakerKind
from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline


@pytest.mark.parametrize(("text", "name"), [
    ("Row over bill\nTanya Davies of the Northfield council said, \"We have moved the bill "
     "to a better place.\"", "Tanya Davies"),
    ("Offenders found\nNikki Holland of the National Crime Agency said, \"Offenders are not "
     "as hidden as they think.\"", "Nikki Holland"),
])
def test_a_name_the_tagger_called_a_body_is_a_person_by_its_given_name(
    pipeline: LoadedPipeline, text: str, name: str
) -> None:
    claim = extract_candidates(text, pipeline)[0]
    assert (claim.speaker, claim.speaker_kind) == (name, SpeakerKind.PERSON)


def test_she_is_the_woman_named_before_by_a_census_given_name(pipeline: LoadedPipeline) -> None:
    text = "Ship delayed\nRegina Holt met Tom Hale on Monday. She said the ship would sail in May."
    claims = extract_candidates(text, pipeline)
    she = next(c for c in claims if text[c.start:].startswith("She said"))
    assert she.speaker == "Regina Holt"


def test_the_hand_lists_keep_their_gender_and_words_stay_out() -> None:
    assert "jordan" in lx.MALE_NAMES and "jordan" not in lx.FEMALE_NAMES
    assert {"regina", "nikki", "tanya"} <= lx.FEMALE_NAMES
    assert not {"may", "june", "paris", "king", "hope"} & (lx.FEMALE_NAMES | lx.MALE_NAMES)


def test_a_role_named_by_what_it_heads_is_not_the_man_of_the_sentence_before(
    pipeline: LoadedPipeline,
) -> None:
    # With "Antoine" now known as a man's name, "the head" was taken for him.
    text = ("Officers convicted\nAntoine Reyes wept in his lawyer's arms when convicted.\n"
            "The head of the police's internal investigators told the court \"Basic checks "
            "were not done.\"")
    claims = extract_candidates(text, pipeline)
    head = next(c for c in claims if text[c.start:].startswith("The head"))
    assert head.speaker == "head"
