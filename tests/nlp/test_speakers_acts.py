"""Speech acts without a reporting verb: "X underscored…", "X called for…", "X made the case…"."""

from __future__ import annotations

import pytest

from claimdesk.domain.models import ClaimType
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
ACTS: list[tuple[str, int, str | None]] = [
    ("Senator Ruth Alder underscored the importance of rural schools.", 0, "Ruth Alder"),
    ("Ruth Alder opened the debate. She also reiterated her support for the plan.", 1,
     "Ruth Alder"),
    ("Mayor Tom Briggs raised concerns about the cost of the new bridge.", 0, "Tom Briggs"),
    ("Jane Okafor called the ruling a grave mistake.", 0, "Jane Okafor"),
    ("Paul Reyes called for an inquiry into the fire at the depot.", 0, "Paul Reyes"),
    ("Canada is calling on its allies to do more for the refugees.", 0, "Canada"),
    ("Minister Anna Petrov made a strong case for new tariffs on steel.", 0, "Anna Petrov"),
    ("Anna Petrov landed in Oslo. She spoke about the risks of a trade war.", 1,
     "Anna Petrov"),
    ("Governor Liam Foster denounced the strike as reckless.", 0, "Liam Foster"),
    ("Liam Foster praised the nurses who worked through the night.", 0, "Liam Foster"),
    ("Liam Foster highlighted the fall in waiting times since 2021.", 0, "Liam Foster"),
    ("Judge Maria Olsen cautioned that the case could take years.", 0, "Maria Olsen"),
    ("Governor Liam Foster welcomed the decision to reopen the mine.", 0, "Liam Foster"),
    ("Judge Maria Olsen encouraged the council to settle the dispute.", 0, "Maria Olsen"),
    ("Mayor Tom Briggs raised new challenges for the planning board.", 0, "Tom Briggs"),
    # Not speech: a call that is no statement, a raised object, and no one named.
    ("Maria Lopez called a taxi after the meeting.", 0, None),
    ("Tom Briggs raised the flag over the town hall.", 0, None),
    ("Tom Briggs made a cake for the fair.", 0, None),
    ("The museum welcomed two million visitors last year.", 0, None),
    # Speech inside a relative clause on an object is not the sentence's speaker.
    ("The regime holds hundreds of prisoners, including officials who questioned its "
     "leader.", 0, None),
]


@pytest.mark.parametrize(("text", "index", "expected"), ACTS)
def test_speech_acts_name_their_speaker(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected


def test_a_speech_act_is_attributed_but_no_quotation(pipeline: LoadedPipeline) -> None:
    # "underscored the importance of…" reports what someone did, not words they said.
    act, said = extract_candidates(
        "Senator Ruth Alder underscored the importance of rural schools. "
        "Ruth Alder said that rural schools would close.", pipeline)
    assert (act.speaker, said.speaker) == ("Ruth Alder", "Ruth Alder")
    assert ClaimType.QUOTE not in act.types
    assert ClaimType.QUOTE in said.types
