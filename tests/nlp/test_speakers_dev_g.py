"""Speaker causes found on the development part `g-` of the news set, each with sentences
written for the test (none copied from the set)."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline
from tests.nlp.speaker_cases import Case, speaker_of

# (text, the start of the sentence, the speaker a careful reader names; None = nobody).
QUOTES: list[Case] = [
    # A quotation of several sentences that ends its sentence, named in the next one.
    ("\"The river is rising. Nobody is safe. Leave your homes tonight!\" Mayor Ann Peters "
     "told residents on Friday in a video.", "Nobody", "Ann Peters"),
    ("\"The river is rising. Leave your homes tonight!\" Mayor Ann Peters told residents "
     "on Friday in a video.", "\"The river", "Ann Peters"),
    # A verb before the quotation in its own sentence still wins over the next sentence.
    ("Ann Peters said, \"The river is rising fast.\" Tom Hale said the dam would hold.",
     "Ann Peters", "Ann Peters"),
    # A second clause after the quotation ("while…") is another speaker's, not its.
    ("Mayor Ann Peters said the flood was \"the worst this town has seen in a hundred "
     "years\" in a \"terrible week\" while Minister Tom Hale wrote he had sent troops.",
     "Mayor", "Ann Peters"),
    # Guard: a narrated sentence after a quotation gives it no speaker.
    ("\"The river is rising. Leave your homes tonight!\" The bridge closed at noon.",
     "\"The river", None),
]

VERBS: list[Case] = [
    # A judge named with the title rules; anyone who rules that something is so.
    ("District Judge Mary Olsen ruled the new tax violated the state constitution.",
     "District", "Mary Olsen"),
    # A plea, an estimate ("put the toll at"), seconding a proposal are statements.
    ("Tom Hale pleaded not guilty to all four charges.", "Tom Hale", "Tom Hale"),
    ("The Red Cross has put the death toll at more than two hundred.", "The Red Cross",
     "Red Cross"),
    ("Ann Peters, director of the museum, placed the value of the vase at two million "
     "pounds.", "Ann Peters", "Ann Peters"),
    ("Finance Minister Tom Hale seconded the proposal that the tax be cut.", "Finance",
     "Tom Hale"),
    # Releasing a statement that says something.
    ("On Monday, the Northfield Water Board released a statement saying the water was safe.",
     "On Monday", "Northfield Water Board"),
    # A document that "reads" gives its author's words.
    ("Judge Mary Olsen ruled against the city on Monday. Part of the judge's ruling reads "
     "\"the city has failed every test the law sets for it.\"", "Part of", "Mary Olsen"),
    # Guards: ruling a country, putting a thing somewhere, denying something refused,
    # a person reading a document.
    ("The party ruled the country for forty years.", "The party", None),
    ("Volunteers put the sandbags along the river.", "Volunteers", None),
    ("Congress has repeatedly denied funding for the new bridge.", "Congress", None),
    ("Tom Hale read the statement aloud to the crowd.", "Tom Hale", None),
]

SOURCES: list[Case] = [
    # Unnamed people beside a named source: the named source is whom a reader can check.
    ("Local officials said ten people were hurt, but the Northfield Gazette reported as "
     "many as thirty injured.", "Local officials", "Northfield Gazette"),
    # An outlet's unnamed reporter speaks for the outlet.
    ("A Reuters correspondent in Lagos said the streets were empty.", "A Reuters", "Reuters"),
    # A body's unnamed spokesperson, after the body spoke.
    ("The Northfield Water Board said on Monday the pipes would be replaced.\nA spokesperson "
     "told the Gazette the work would take a year.", "A spokesperson",
     "Northfield Water Board"),
    # Its officials and its statements, named by the body's common noun.
    ("The Malawian Health Ministry closed all schools on Tuesday.\nThe schools will "
     "reopen in May, ministry officials said.", "The schools", "Malawian Health Ministry"),
    # "Both the council and …": the first, named before by its noun.
    ("The Northfield Council has opposed the plan for a year.\nBoth the council and the "
     "mayor called for the plan to be dropped.", "Both", "Northfield Council"),
    # Guards: an unnamed reporter and a spokesperson of nobody named before stay nobody;
    # a sourced group without a body named keeps its words.
    ("A reporter asked whether the plan was legal.", "A reporter", None),
    ("A spokesperson said the plan was legal.", "A spokesperson", None),
    ("Government officials said the roads were closed.", "Government", "Government officials"),
]

NAMES: list[Case] = [
    # A town the tagger did not know, taken into the name after "Mayor of".
    ("Mayor of Slupsk Marek Nowicki said the town would mourn for a week.", "Mayor",
     "Marek Nowicki"),
    # Guard: a known place stays out of the name as before.
    ("Mayor of London Sadiq Khan said the trains would run all night.", "Mayor",
     "Sadiq Khan"),
]

CASES = QUOTES + VERBS + SOURCES + NAMES


@pytest.mark.parametrize(("text", "opening", "expected"), CASES)
def test_development_g_speakers(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected
