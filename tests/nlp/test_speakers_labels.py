"""Labelled quotes ("- Sen. Name: “…”"), denials and narration that must keep no speaker."""

from __future__ import annotations

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# A list of reactions, each a label and a quotation, as statements and releases print them.
REACTIONS = (
    "Local leaders welcomed the new rail link.\n"
    "- Rep. Carla Mendes: “This line will cut journeys to the coast by an hour.”\n"
    "- County Commissioner Omar Haddad: “We waited twenty years for this. It was worth it.”\n"
    "- Anonymous Council Aide: “Nobody here believes it will open on time.”\n"
)


def test_a_label_before_a_quotation_names_its_speaker(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(REACTIONS, pipeline)
    speakers = {opening: [c.speaker for c in claims if opening in c.text]
                for opening in ("Local leaders", "This line", "We waited", "It was worth",
                                "Nobody here")}
    assert speakers == {"Local leaders": [None], "This line": ["Carla Mendes"],
                        "We waited": ["Omar Haddad"], "It was worth": ["Omar Haddad"],
                        "Nobody here": [None]}


# (text, which sentence, the speaker a careful reader names; None = nobody).
CASES: list[tuple[str, int, str | None]] = [
    # Saying nothing is no statement.
    ("The ministry has not commented on the report.", 0, None),
    ("Helen Park did not say whether the plant would close.", 0, None),
    # A false claim the writer reports in order to refute it is the writer's, not theirs.
    ("In May, the paper falsely reported that the mayor had resigned.", 0, None),
    ("Dan Cole wrongly claimed that crime had doubled.", 0, None),
    # Things cannot speak: a record, a period of work, a camera.
    ("Tax returns filed by the firm suggested it owed nothing.", 0, None),
    ("Work is due to resume once the survey has concluded.", 0, None),
    # A pseudonym is the name a reader can print.
    ("“We are tired of waiting,” said a nurse using the pseudonym Maya.", 0, "Maya"),
]


@pytest.mark.parametrize(("text", "index", "expected"), CASES)
def test_speaker_or_nobody(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected


def test_a_list_of_places_in_brackets_is_no_hansard_transcript(pipeline: LoadedPipeline) -> None:
    text = ("Grants went to three airports.\n"
            "Springfield Regional Airport (Springfield, Ill.): $12 million for a new terminal.\n"
            "The project will add four gates.\n"
            "Lakeside County Airport (Lakeside, Ore.): $4 million to repair the runway.\n")
    claims = extract_candidates(text, pipeline)
    assert [c.speaker for c in claims] == [None] * len(claims)
    assert any(c.text.startswith("Springfield Regional Airport") for c in claims)


def test_a_finding_that_something_did_not_happen_is_still_a_finding(
    pipeline: LoadedPipeline,
) -> None:
    text = "The Audit Office did not find that the spending rules had been broken."
    assert extract_candidates(text, pipeline)[0].speaker == "Audit Office"


def test_a_statement_headed_by_its_author(pipeline: LoadedPipeline) -> None:
    text = ("The mayor named a new police chief on Monday.\n"
            "Statement from Mayor Ruth Kemp: “I am proud to announce that Dana Oyelaran will "
            "lead our police. She has served this city for twenty years.\n"
            "“She will start on June 1.”\n")
    claims = extract_candidates(text, pipeline)
    assert [c.speaker for c in claims if any(
        words in c.text for words in ("I am proud", "She has served", "She will start"))
    ] == ["Ruth Kemp"] * 3
