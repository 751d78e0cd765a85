"""Shared by the speaker tests of each development part: the speaker of one sentence."""

from __future__ import annotations

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

#: A case: (text, the start of the sentence, the speaker a careful reader names; None =
#: nobody).
Case = tuple[str, str, str | None]


def speaker_of(pipeline: LoadedPipeline, text: str, opening: str) -> str | None:
    """The speaker of the first candidate of `text` that opens with `opening`."""
    candidates = extract_candidates(text, pipeline)
    found = [c for c in candidates if text[c.start:c.end].startswith(opening)]
    assert found, f"no candidate opens with {opening!r}"
    return found[0].speaker
