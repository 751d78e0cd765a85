"""Speakers: reporting verbs, quotations over several sentences, names and pronouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"

# (text, which sentence, the speaker a careful reader names; None = nobody).
LABELLED: list[tuple[str, int, str | None]] = [
    ("Health secretary Wes Streeting said the NHS was broken.", 0, "Wes Streeting"),
    ("“We are not going to raise taxes on working people,” said Chancellor Rachel Reeves.",
     0, "Rachel Reeves"),
    ("The Home Office said it did not comment on individual cases.", 0, "Home Office"),
    ("According to the World Health Organization, measles cases rose by 79% last year.",
     0, "World Health Organization"),
    # A force the article never names is no one a reader could check (news set labels).
    ("Police said two men had been arrested.", 0, None),
    ("Angela Rayner visited the site on Monday. She told reporters that 1,500 homes would "
     "be built.", 1, "Angela Rayner"),
    ("Keir Starmer spoke in Leeds on Friday. Mr Starmer said growth was his priority.",
     1, "Keir Starmer"),
    ("“The money is there. It has been there all along,” the minister told MPs.",
     0, "minister"),
    ("“The money is there. It has been there all along,” the minister told MPs.",
     1, "minister"),
    ("“We were never consulted,” said Sarah Jones, a local councillor. “Nobody asked us "
     "what we wanted.”", 1, "Sarah Jones"),
    # An unnamed spokesperson speaks for the body (the news set's convention too).
    ("A spokesperson for the Ministry of Defence said the claims were untrue.",
     0, "Ministry of Defence"),
    ("The foreign minister, Dmytro Kuleba, said Ukraine needed more air defence.",
     0, "Dmytro Kuleba"),
    ('"We have no plans to close the school," the council said.', 0, "council"),
    ('The prime minister said: "We will get this done."', 0, "prime minister"),
    ("Angela Merkel stepped down in 2021.\n“I have given this job everything,” she said.",
     1, "Angela Merkel"),
    ("“It was a mistake.\n“We should have acted sooner,” the chairman told the inquiry.",
     1, "chairman"),
    # negatives: nobody is quoted, or who is cannot be told
    ("The bridge was closed for repairs in May.", 0, None),
    # "he" after two men: the subject of the last sentence is the one in focus.
    ("Joe Biden met Emmanuel Macron in Paris. He said the talks were productive.", 1,
     "Joe Biden"),
    ("I said no to the offer.", 0, None),
    ("He was told to leave the building.", 0, None),
    ("The claims were rejected by the court.", 0, None),
    ("The reported attack happened overnight.", 0, None),
    ("The firm continued to expand into Asia.", 0, None),
]


@pytest.mark.parametrize(("text", "index", "expected"), LABELLED)
def test_hand_labelled_speakers(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    claims = extract_candidates(text, pipeline)
    assert claims[index].speaker == expected


# Each sentence of the seed article, by its opening words, with its speaker.
SEED_SPEAKERS: list[tuple[str, str | None]] = [
    ("The United States has hailed", "United States"),
    ("US secretary of state Antony Blinken", "Antony Blinken"),
    ("“I think we are seeing", "Antony Blinken"),
    ("But… this is tough", "Antony Blinken"),
    ("“The Russians had a lot of time", "Antony Blinken"),
    ("They put tens of thousands", "Antony Blinken"),
    ("“The Ukrainians are working", "Antony Blinken"),
    ("Russia has dismissed", None),
    ("Air defence units shot down", None),  # unnamed officials: no one to check
    ("The Kremlin has declined", None),
    ("“The idea that they would", "Kamala Harris"),
    ("I also believe very strongly", "Kamala Harris"),
    ("“It is very clear", "Kamala Harris"),
    ("The Kremlin condemned", "Kremlin"),
    ("The environmental impact", None),
    ("Ukraine said it shot down", "Ukraine"),
    ("Romania belatedly acknowledged", "Romania"),
    ("“We don’t have any information", "Jens Stoltenberg"),
]


def test_seed_article_sentences_and_speakers(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    claims = extract_candidates(text, pipeline)
    got = [(c.text[: len(opening)], c.speaker) for c, (opening, _) in
           zip(claims, SEED_SPEAKERS, strict=False)]
    assert got == SEED_SPEAKERS
    assert len(claims) == len(SEED_SPEAKERS)


def test_seed_quotations_are_typed_as_quotes(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    quoted = [c for c in extract_candidates(text, pipeline) if c.text.startswith("“")]
    assert len(quoted) == 6
    assert all("quote" in c.types for c in quoted)
    assert all(c.speaker is not None for c in quoted)


def test_titles_are_not_part_of_the_speaker(pipeline: LoadedPipeline) -> None:
    text = ("Nato secretary general Jens Stoltenberg said the alliance was united. "
            "Dr Sarah Wollaston told the committee the data was flawed.")
    assert [c.speaker for c in extract_candidates(text, pipeline)] == [
        "Jens Stoltenberg", "Sarah Wollaston"]


def test_a_surname_shared_by_two_people_stays_as_written(pipeline: LoadedPipeline) -> None:
    text = ("Ed Miliband and David Miliband spoke at the conference. "
            "Mr Miliband said the party had to change.")
    assert extract_candidates(text, pipeline)[1].speaker == "Miliband"


# The fallback has no parser and no NER: it finds names next to reporting verbs only.
BLANK_LABELLED: list[tuple[str, int, str | None]] = [
    ("Ukraine said it shot down 25 drones.", 0, "Ukraine"),
    ("“This is tough,” said US vice-president Kamala Harris.", 0, "Kamala Harris"),
    ("Air defence units shot down drones, officials said.", 0, "officials"),
    ("“We are winning,” Mr Blinken added. “The Russians are not.”", 1, "Blinken"),
    ("According to the Office for National Statistics, prices rose.", 0,
     "Office for National Statistics"),
    ("“It is over,” he told NBC News.", 0, None),
    ("The bridge was closed for repairs in May.", 0, None),
]


@pytest.mark.parametrize(("text", "index", "expected"), BLANK_LABELLED)
def test_fallback_speakers(
    blank_pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, blank_pipeline)[index].speaker == expected


# Written after the rules were settled on LABELLED and never tuned on: the honest estimate.
HELD_OUT: list[tuple[str, int, str | None]] = [
    ("Labour leader Keir Starmer told the BBC the plan was unaffordable.", 0, "Keir Starmer"),
    ("The Bank of England warned that inflation would stay high.", 0, "Bank of England"),
    ("“We are doing everything we can,” a Downing Street spokesperson said.", 0,
     "Downing Street"),
    ("The figures, released by the ONS on Wednesday, show a sharp fall.", 0, None),
    ("Zelensky said Ukraine would not give up territory.", 0, "Zelensky"),
    ("Volodymyr Zelensky addressed the UN. The Ukrainian president said the war had to end.",
     1, "Volodymyr Zelensky"),
    ("Scientists at Imperial College estimate that 20,000 lives were saved.", 0,
     "Scientists at Imperial College"),
    ("“It is a scandal,” Ms Phillips said. “Families deserve answers.”", 1, "Phillips"),
    ("Mark Rutte met Olaf Scholz in Berlin. “We stand together,” he said.", 1, None),
    ("The company said in a statement that profits had doubled.", 0, "company"),
    ("She has denied any wrongdoing.", 0, None),
    ("The report found that one in five children lives in poverty.", 0, "report"),
    ("Witnesses told police they heard three shots.", 0, "Witnesses"),
    ("“There is no money left,” Liz Truss admitted.", 0, "Liz Truss"),
    ("In a post on X, Elon Musk claimed the election was rigged.", 0, "Elon Musk"),
    ("Asked about the delay, the minister replied that work was under way.", 0, "minister"),
]


def test_held_out_speakers(pipeline: LoadedPipeline) -> None:
    right = [extract_candidates(text, pipeline)[index].speaker == expected
             for text, index, expected in HELD_OUT]
    assert sum(right) / len(right) >= 0.75
