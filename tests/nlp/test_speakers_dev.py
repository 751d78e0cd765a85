"""Speaker causes found on the development part `e-` of the news set, each with a
sentence written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
TITLES: list[tuple[str, int, str | None]] = [
    # An office "to" a body before the name, which the tagger glued to the body.
    ("Former British Ambassador to the European Union Helen Clarke wrote on Facebook, "
     "\"We cannot leave our partners behind when they need us most.\"", 0, "Helen Clarke"),
    # An occupation that opens the sentence is no part of the name it comes before.
    ("Broadcaster James Holden commented, \"The whole town turned out to help them.\"", 0,
     "James Holden"),
    ("Novelist Sarah Bright wrote that the library closures were a disgrace.", 0,
     "Sarah Bright"),
    # A titled name the tagger did not see as a person is the person, not "X of Y".
    ("Cardinal Luca Ferrant of the Holy See said, \"The bishops must report every case.\"",
     0, "Luca Ferrant"),
    ("Cardinal Jorge Amadeo Ruiz of the Holy See said the bishops must report every case.",
     0, "Jorge Amadeo Ruiz"),
    ("Bishop Tomas Ouellin of Utrecht said the bishops must report every case.", 0,
     "Tomas Ouellin"),
]


@pytest.mark.parametrize(("text", "index", "expected"), TITLES)
def test_development_speakers(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected
