"""Press releases: the bare paragraphs after "X said:" are the speech of X."""

from __future__ import annotations

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

# Written before the rule, in the form government press releases take: the speech after
# "X said:" is printed without quotation marks, one paragraph or several.
RELEASE = (
    "New rail fund to cut journey times in the North\n"
    "\n"
    "The Department for Transport has announced £300 million for rail upgrades across "
    "northern England.\n"
    "\n"
    "The money will fund signalling work on 14 lines.\n"
    "\n"
    "Rail Minister Huw Merriman said:\n"
    "\n"
    "This investment will cut journey times by up to 20 minutes. Passengers deserve "
    "trains that run on time.\n"
    "\n"
    "The figures we published today show that punctuality rose by 4% last year.\n"
    "\n"
    "Merriman visited Leeds station on Monday to meet engineers.\n"
    "\n"
    "Notes to editors\n"
    "\n"
    "The fund runs until March 2027.\n"
)


def _speaker(claims: list, opening: str) -> str | None:  # type: ignore[type-arg]
    return next(c.speaker for c in claims if c.text.startswith(opening))


def test_speech_after_said_colon_is_the_speakers_until_narration_resumes(
    pipeline: LoadedPipeline,
) -> None:
    claims = extract_candidates(RELEASE, pipeline)
    assert _speaker(claims, "This investment") == "Huw Merriman"
    assert _speaker(claims, "Passengers deserve") == "Huw Merriman"
    # Inside the speech "The figures … show" is the minister's claim, not the figures'.
    assert _speaker(claims, "The figures we published") == "Huw Merriman"
    # Third person about the speaker: narration again.
    assert _speaker(claims, "Merriman visited") is None
    # "X said:" itself claims nothing.
    assert _speaker(claims, "Rail Minister") is None
    assert _speaker(claims, "The money will") is None


def test_a_heading_ends_the_speech(pipeline: LoadedPipeline) -> None:
    text = ("Home Office Minister Dan Jarvis said:\n\n"
            "Knife crime fell by 8% in a year.\n\n"
            "Background\n\n"
            "The scheme began in 2023 in three police forces.\n")
    claims = extract_candidates(text, pipeline)
    assert _speaker(claims, "Knife crime") == "Dan Jarvis"
    assert _speaker(claims, "The scheme began") is None


def test_a_colon_introducing_a_list_gives_nobody_speech(pipeline: LoadedPipeline) -> None:
    text = ("The report found three problems:\n\n"
            "Waiting lists grew by 300,000 in a year.\n")
    claims = extract_candidates(text, pipeline)
    assert _speaker(claims, "Waiting lists") is None


def test_an_office_then_the_holder_s_name_is_the_holder(pipeline: LoadedPipeline) -> None:
    text = ("Housing Minister Matthew Pennycook visited Leeds on Monday.\n\n"
            "Minister for Housing Matthew Pennycook said:\n\n"
            "We will build 1.5 million homes by 2029.\n")
    claims = extract_candidates(text, pipeline)
    assert _speaker(claims, "We will build") == "Matthew Pennycook"
    lawyer = extract_candidates("The lawyer for John Smith said the fine was unlawful.\n",
                                pipeline)
    assert lawyer[0].speaker != "John Smith"


def test_a_request_reports_what_was_asked(pipeline: LoadedPipeline) -> None:
    text = ("In a letter to MPs, Chancellor Rachel Reeves requested that departments cut "
            "running costs by 15%.\n")
    assert extract_candidates(text, pipeline)[0].speaker == "Rachel Reeves"


# The tail of a release: an end mark, a contact block, a boilerplate heading, the source.
RELEASE_TAIL = (
    "Kestrel Foods today reported sales of £310m for the half year, up 6%.\n"
    "\n"
    "Key figures:\n"
    "- Exports rose 11% to £42m\n"
    "- Staff numbers grew to 2,400\n"
    "\n"
    "-ENDS-\n"
    "\n"
    "Media enquiries:\n"
    "Lena Marsh\n"
    "press@kestrel.example\n"
    "+44 161 496 0000\n"
    "\n"
    "Notes to editors\n"
    "Kestrel Foods was founded in Bolton in 1962.\n"
    "SOURCE Kestrel Foods plc\n"
    # One word alone, which the tagger may take for a verb.
    "ENDS\n"
    "Advertisement\n"
)


def test_labels_names_and_end_marks_of_a_release_are_no_claims(
        pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(RELEASE_TAIL, pipeline)
    assert [c.text for c in claims] == [
        "Kestrel Foods today reported sales of £310m for the half year, up 6%.",
        "Exports rose 11% to £42m", "Staff numbers grew to 2,400",
        "Kestrel Foods was founded in Bolton in 1962."]


def test_short_unpunctuated_lines_that_say_something_stay(pipeline: LoadedPipeline) -> None:
    # A list of claims pasted without full stops or markers keeps every line.
    text = "Crime doubled in the city\nTaxes rose by a fifth\nWe will win\n"
    assert len(extract_candidates(text, pipeline)) == 3
