"""Speaker causes found on part `m-` of the news set once it became a development part
(3 December 2026, evening), each with sentences written for the test (none copied from
the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.transcripts import line_speaker
from tests.nlp.speaker_cases import Case, speaker_of

_INTERVIEW = (
    "Defence deal\nThe November 4 issue of the Daily Courier published an interview with "
    "Gáspár Várkonyi, the government commissioner responsible for defence, in which the deal "
    "was announced.\nVárkonyi said the bid won after long talks. He said he expects no delays "
    "over the sale. Later the commissioner stated the purchase was financed by a loan.")

CAUSES: list[Case] = [
    # A name the tagger took for a body, set off by a person's role, is a person's: its
    # surname, "he" and "the commissioner" after it are that person.
    (_INTERVIEW, "Várkonyi said", "Gáspár Várkonyi"),
    (_INTERVIEW, "He said he expects", "Gáspár Várkonyi"),
    (_INTERVIEW, "Later the commissioner", "Gáspár Várkonyi"),
    # A comma that closes the subject's apposition is no sign of an inverted quotation:
    # the one announcing is the subject, not the one announced.
    ("Running mate\nYesterday, Joe Biden, the party's presumptive nominee for President of the "
     "United States, announced Kamala Harris as his choice for running mate.",
     "Yesterday, Joe", "Joe Biden"),
    # A memo or letter speaks for whoever posted or sent it; a court's opinion for the court.
    ("Hearing off\nAccording to a memo posted online by Senator Dale Whitcombe, the Senate "
     "cancelled its hearing.", "According to a memo", "Dale Whitcombe"),
    ("Ruling\nThe opinion of the Court, released on Wednesday, read in part, \"The oath is "
     "void.\"", "The opinion", "Court"),
    # "affirmed" states something.
    ("New governor\nIn a post on her account, then-Secretary Ortiz affirmed her willingness "
     "to accept the role.", "In a post", "Ortiz"),
    # "citing" gives the reason its subject stated; "ascribed" a statement's cause.
    ("Vote delayed\nGovernor Rhian Pugh postponed the vote, citing the risk to voters.",
     "Governor Rhian", "Rhian Pugh"),
    ("Judge dies\nThe Northfield Supreme Court released a statement on Tuesday. The "
     "statement ascribed his death to a stroke.", "The statement", "Northfield Supreme Court"),
    # One who cites something states it.
    ("Chimps\nDirector Sara Quinlan cited improvements to the care of research chimpanzees.",
     "Director Sara", "Sara Quinlan"),
]

GUARDS: list[Case] = [
    # A company set off by what it makes stays a company.
    ("Mergers\nNorthfield Dynamics, the maker of the engines, said profits rose.",
     "Northfield Dynamics", "Northfield Dynamics"),
    # After a real quotation the name after the verb is still the speaker.
    ("Vote\n\"We will win this seat,\" said Senator Dale Whitcombe on Friday.",
     "\"We will", "Dale Whitcombe"),
    # A report of an event is about it, not by it.
    ("Blaze\nAccording to a report of a fire at the Northfield depot, two sheds burned.",
     "According to a report", None),
    # A vote that confirms a nominee fills an office: no statement.
    ("Governor\nThe Northfield House of Representatives confirmed him on Friday, but the "
     "Senate did not.", "The Northfield", None),
    ("Governor\nThe Northfield Senate confirmed her nomination on Friday.", "The Northfield",
     None),
    # Confirming that something is so still is one.
    ("Governor\nThe Northfield Senate confirmed the vote would be held on Friday.",
     "The Northfield", "Northfield Senate"),
    # One cited for an offence says nothing.
    ("Fine\nThe driver was cited for speeding on the bridge.", "The driver", None),
]


@pytest.mark.parametrize(("text", "opening", "expected"), CAUSES + GUARDS)
def test_speaker_causes_of_part_m(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected


_RANKED = (
    "Coal stocks\n"
    "HC Deb 4 March 1941 vol 369 cc10-1\n"
    "12. Mr. Hale: asked the Secretary for Mines what stocks of coal are held in London.\n"
    "The Secretary for Mines (Lieut.-Colonel Ashby-Pryce): Stocks in London stand at "
    "four weeks' supply.\n"
    "Mr. Hale: Is the hon. and gallant Gentleman aware of the shortage in Stepney?\n"
    "Lieut.-ColonelAshby-Pryce: I am aware of the reports and I am looking into them.\n"
    "Captain Dorrell: Will the hon. and gallant Gentleman make a statement next week?\n"
    "Lieut.-Colonel Ashby-Pryce: I hope to do so.\n"
)


def test_a_member_who_sits_by_a_rank_opens_a_turn(pipeline: LoadedPipeline) -> None:
    # Older Hansard names members by a military rank, and now and then loses the space
    # after it; each of the minister's answers is his, not the last questioner's.
    assert line_speaker("Captain Dorrell: Will he?") == (len("Captain Dorrell: "),
                                                         "Captain Dorrell")
    assert line_speaker("Lieut.-ColonelAshby-Pryce: I hope so.") == (
        len("Lieut.-ColonelAshby-Pryce: "), "Lieut.-Colonel Ashby-Pryce")
    assert speaker_of(pipeline, _RANKED, "Stocks in London") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "I am aware of the") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "I hope to do so") == "Lieut.-Colonel Ashby-Pryce"
    assert speaker_of(pipeline, _RANKED, "Will the hon.") == "Captain Dorrell"
