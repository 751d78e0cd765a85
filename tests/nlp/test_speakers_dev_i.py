"""Speaker causes found on part `i-` of the news set once it became a development part
(3 December 2026), each with sentences written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from tests.nlp.speaker_cases import Case, speaker_of

NAMES: list[Case] = [
    # A body's name with a number inside it, or after it, is its whole name.
    ("Divers search for lost ferry\nThe Lost 38 Project announced on Sunday that a wreck "
     "they found in May was the ferry.", "The Lost", "Lost 38 Project"),
    ("Water back in Northfield\nIndeed, News 8 reported, only three streets were still "
     "without water.", "Indeed", "News 8"),
    # An age before a name is no part of the speaker's name.
    ("Minister tests positive\nWithout giving details, 52-year-old Kowalski's campaign "
     "office has said he would miss the debate.", "Without", "Kowalski's campaign office"),
    # A short form defined after itself stands for the name in brackets; "one MP" is still
    # nobody a reader could check.
    ("Rally in London\nProtesters asked every MP (Member of Parliament) to back a new vote. "
     "One MP told the BBC, \"We know what people wanted in 2016 and it has not changed.\"",
     "One MP", None),
    # An acronym the tagger took for a common noun is a body's name.
    ("Aid reaches valley\nUNICEF reported they had sent over 40 thousand tents to the "
     "region by June 2.", "UNICEF", "UNICEF"),
]

FIGURES: list[Case] = [
    # A named body reporting or estimating a figure is its source.
    ("Cases rise\nBy Friday, the World Health Organization reported 2,304 new cases, "
     "including 310 in the last day.", "By Friday", "World Health Organization"),
    ("Housing count\nThe Northfield Housing Review estimated the number of empty homes "
     "at just under 4,000.", "The Northfield", "Northfield Housing Review"),
    # Not a figure given by anyone: a common noun estimating, a report of a meeting.
    ("Fuel prices\nDrivers reported long queues at the pumps on Monday.", "Drivers", None),
]

DOCUMENTS: list[Case] = [
    # "The complaint" speaks for those who filed the lawsuit.
    ("Tenants sue city\nOn Monday, the Northfield Tenants Union filed a lawsuit against the "
     "city. The complaint notes many tenants have had no heating since October.",
     "The complaint", "Northfield Tenants Union"),
    # A document nobody is said to have written names no one.
    ("Mayor resigns\nThe mayor resigned on Friday, according to a statement posted on the "
     "council's website.", "The mayor", None),
]

VERBS: list[Case] = [
    # A post "announcing" something is its writer's statement.
    ("Minister isolates\nHealth Minister Ana Kowal posted a message on Twitter on Monday "
     "announcing she had tested positive.", "Health", "Ana Kowal"),
    # "…”, reads a press release" is the body that issued it.
    ("The singer joined NRG (Northfield Radio Group) in 2015.\n\"She was loved by "
     "everyone here\", reads an NRG press release, \"a great voice and a kind soul.\"",
     "\"She was", "Northfield Radio Group"),
]

FURTHER: list[Case] = [
    # Causes found on parts a- to h- while i- was worked on.
    # A name's particle the tagger ended a person with ("Ursula von der" + "Leyen").
    ("Deal signed\nPresident of the European Commission, Ursula von der Leyen said, \"The "
     "partnership will chart a new course for the region.\"", "President", "Ursula von der Leyen"),
    # What a body is, before its name, is no part of the name.
    ("Wrestler retires\nJapanese wrestler Mai Sato, 30, has retired, wrestling promotion "
     "World Wonder Ring Stardom (Stardom) announced on Monday.", "Japanese",
     "World Wonder Ring Stardom"),
    # A judge's order given as a clause is the judge's; goods ordered are no statement.
    ("Suspect in court\nJudge Paul Amos ordered the accused remain in custody until his "
     "next appearance.", "Judge", "Paul Amos"),
    ("Shops respond\nTo ease the shortage, Coles ordered bigger packs from suppliers, "
     "Woolworths ordered extra stock, while Aldi made stock of its own.", "To ease", None),
]

BLOCKS: list[Case] = [
    # A block quotation of several paragraphs opened by a colon is all its credit line's,
    # which may end with the document's title; the speaker is named without the office.
    ("Judge blocks order\nOn Monday, United States District Judge Ann Lee ruled against "
     "the city.\nLee rejected the argument:\nThe claim of immunity cuts across the grain "
     "of our precedents.\nIt also ignores the framework that the higher courts have set "
     "out.\n– United States District Judge Ann Lee, \"Decision and Order\"\nThe city will "
     "appeal.", "The claim", "Ann Lee"),
    ("Judge blocks order\nOn Monday, United States District Judge Ann Lee ruled against "
     "the city.\nLee rejected the argument:\nThe claim of immunity cuts across the grain "
     "of our precedents.\nIt also ignores the framework that the higher courts have set "
     "out.\n– United States District Judge Ann Lee, \"Decision and Order\"\nThe city will "
     "appeal.", "It also", "Ann Lee"),
]


@pytest.mark.parametrize(("text", "opening", "expected"),
                         NAMES + FIGURES + DOCUMENTS + VERBS + FURTHER + BLOCKS)
def test_speaker_causes_of_part_i(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected
