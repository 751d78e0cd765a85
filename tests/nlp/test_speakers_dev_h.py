"""Speaker causes found on the development part `h-` of the news set, each with sentences
written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from tests.nlp.speaker_cases import Case, speaker_of

# (text, the start of the sentence, the speaker a careful reader names; None = nobody).
CREDITS: list[Case] = [
    # A credit line left from a pull quote the page lost names no speaker for the story's
    # opening paragraph, nor for a paragraph that quotes people of its own.
    ("Reporter killed in Harbin\nLi Wen, a reporter from Harbin, died on Tuesday after "
     "being shot in his car. He was 41 and covered the city's courts.\n—Anna Berg, of RWB\n"
     "Police have opened an inquiry.", "He was", None),
    ("Crash on the ring road\nThe police closed the road at noon.\nWitness Tom Hale said, "
     "\"It all burned within seconds.\" Hale escaped unhurt.\n—Mark Reed\n"
     "The road reopened on Friday.", "Hale escaped", None),
]

PEOPLE: list[Case] = [
    # A surname the tagger took for a common noun still puts its person in focus, so that
    # "he" after it is that person, not the last one quoted.
    ("Coach Ben Radmall was pleased. Coach Brad Tronc was not.\n\"The young players did "
     "well,\" Tronc said.\nRadmall conceded that his side needed work. \"We had our chances "
     "late on\", he said.", "\"We had", "Ben Radmall"),
    # Titles of lawmakers, and a monarch's number, are no part of the name or a stop.
    ("Newly elected Assemblywoman Rosa Ortiz said the vote was historic.", "Newly",
     "Rosa Ortiz"),
    ("Yesterday, the United Kingdom's King Edward IX announced he would open the new "
     "bridge.", "Yesterday", "Edward IX"),
    # A royal or religious title before a name is a role: "the princess" is her later.
    ("Princess Maria Ortiz is the king's sister.\nOn Friday, the princess, 67, announced "
     "her bid for the premiership.", "On Friday", "Maria Ortiz"),
    # The name set off after an inverted verb and a role.
    ("It is not for the court to judge the motives, argued the council's lawyer, Peter "
     "Walsh.", "It is", "Peter Walsh"),
]

VERBS: list[Case] = [
    # "Pointed out", reacting with a quotation, reporting something "as" something.
    ("In her defence, Senator Ana Ruiz pointed out she had \"given up every paid post I "
     "held.\"", "In her", "Ana Ruiz"),
    ("Singer Tom Hale also reacted on Twitter, \"Sad news, I played with him for years.\"",
     "Singer", "Tom Hale"),
    ("The Northfield Gazette reported the cause of the fire as a faulty heater.",
     "The Northfield", "Northfield Gazette"),
    # A document that "read:" before its quotation, however the parser took "read".
    ("The Supreme Court of Ruritania issued its ruling today.\nThe summary of the ruling "
     "read in part: \"The minister's advice was unlawful. The order is void.\"",
     "The order", "Supreme Court of Ruritania"),
    # Guards: pointing at a thing, reacting without words.
    ("The guide pointed at the old map.", "The guide", None),
    ("Fans reacted with anger.", "Fans", None),
]

CASES = CREDITS + PEOPLE + VERBS


@pytest.mark.parametrize(("text", "opening", "expected"), CASES)
def test_development_h_speakers(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected
