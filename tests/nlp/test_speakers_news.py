"""News-report attribution: inverted and parenthetical verbs, pronoun binding, names in titles."""

from __future__ import annotations

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# (text, which sentence, the speaker a careful reader names; None = nobody).
NEWS: list[tuple[str, int, str | None]] = [
    ("One MP told the paper, “We have waited long enough for this vote.”", 0, None),
    ("“The rents keep rising. Nobody can pay them,” said a tenant using the pseudonym "
     "Lena.", 1, "Lena"),
    ("Rosa Diaz, the widow of the driver, met officials on Monday, calling for the "
     "depot to be closed.", 0, "Rosa Diaz"),
    ("The Tribune reported on Friday, turnout had fallen to 40 percent.", 0, "Tribune"),
    # "he" cannot be the man named inside his own clause's adjunct.
    ("The king gave a rare interview. Talking to Peter Lund of the Herald, he said the "
     "crown would not intervene.", 1, None),
    ("Omar Said resigned on Monday. Speaking to Peter Lund of the Herald, he said the "
     "party had lost its way.", 1, "Omar Said"),
    ("Aaron Bell won the race. Speaking to Martin Smith of the Post, he said, “It "
     "happened on my watch. I take all the blame.”", 2, "Aaron Bell"),
    ("“He is only doing this to split the union. A lot of people think that,” said a "
     "driver using the pseudonym Jonas.", 1, "Jonas"),
    # A name in apposition wins over a role the article gave someone else.
    ("Ann Ross, general secretary of the teachers' union, spoke first.\n"
     "The general secretary of the nurses' union, Tom Black, said the offer was too low.",
     1, "Tom Black"),
    ("The Office for Budget Responsibility (OBR) said growth would slow.", 0,
     "Office for Budget Responsibility"),
    ("The Office for Budget Responsibility (OBR) met on Monday. New OBR figures show that "
     "growth will slow.", 1, "Office for Budget Responsibility"),
    ("Ann Ross, general secretary of the teachers' union, spoke first.\n"
     "The general secretary of the RNU (Rail and Nurses Union), Tom Black, said the offer "
     "was too low.", 1, "Tom Black"),
    ("The minister responded to comments by Li Wen, a spokesperson for the Chinese "
     "Embassy, who told reporters that talks would resume.", 0, "Li Wen"),
    ("Premier of Ontario Laura Chen said the dam was safe.", 0, "Laura Chen"),
    ("The plan was criticised by Senator Paula Grant.", 0, "Paula Grant"),
    ("Mayor Ana Ruiz said — as reported by the Daily Courier — “We will rebuild the "
     "bridge.”", 0, "Ana Ruiz"),
    ("The vote was attacked by archbishop Monsignor Paulo Reis.\nThe archbishop said the "
     "law was unjust.", 1, "Paulo Reis"),
    ("Attorney General Ben Okoro filed a petition on Monday, accusing the firm of fraud.",
     0, "Ben Okoro"),
    # A title the tagger took into the name is no part of it.
    ("Presidential Spokesperson Harry Lopez said the order stands.", 0, "Harry Lopez"),
    ("First Minister of Wales Sarah Lloyd said, “The ruling is clear.”", 0, "Sarah Lloyd"),
    ("The World Health Organization (WHO) said cases had doubled.", 0,
     "World Health Organization"),
]


@pytest.mark.parametrize(("text", "index", "expected"), NEWS)
def test_news_speakers(
    pipeline: LoadedPipeline, text: str, index: int, expected: str | None
) -> None:
    assert extract_candidates(text, pipeline)[index].speaker == expected


def test_a_document_speaks_for_the_body_named_with_it(pipeline: LoadedPipeline) -> None:
    text = ("The Court of Appeal heard the case in May.\n"
            "The court's ruling found that the fees were unlawful.\n"
            "A UNICEF report concluded that 3 million children were at risk.\n")
    claims = extract_candidates(text, pipeline)
    assert [c.speaker for c in claims[1:]] == ["Court of Appeal", "UNICEF"]


def test_a_short_form_is_kept_only_when_it_is_the_names_initials(
    pipeline: LoadedPipeline,
) -> None:
    # The tagger may take only the end of a long name; "UNESCO" is not "Cultural Organization".
    text = ("The United Nations Educational, Scientific and Cultural Organization (UNESCO) "
            "met in Paris.\nUNESCO said the site was at risk.\n")
    assert extract_candidates(text, pipeline)[-1].speaker != "Cultural Organization"
