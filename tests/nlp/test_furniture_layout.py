"""Furniture of real page layouts: decks, summaries, captions, credits, asides, cited headlines."""

from __future__ import annotations

import pytest

from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.furniture import LineKind, classify_lines
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.segments import paragraph_segments
from tests.nlp.test_furniture import texts


def kinds(text: str) -> list[LineKind]:
    return [line.kind for line in classify_lines(text, paragraph_segments(text))]


# A press-office page: headline and summary in one block, then paragraphs with blank lines.
STANDFIRST = (
    "Council confirms funding for new bus routes\n"
    "The council will add six bus routes to the town from May next year.\n"
    "\n"
    "Six new routes will link the outer estates to the town centre, the council said.\n"
    "\n"
    "Fares will stay at £2 for every journey until 2026.\n"
)


def test_summary_under_a_headline_in_the_top_block_is_no_claim(
        pipeline: LoadedPipeline) -> None:
    assert texts(STANDFIRST, pipeline) == [
        "Six new routes will link the outer estates to the town centre, the council said.",
        "Fares will stay at £2 for every journey until 2026.",
    ]


@pytest.mark.parametrize("text", [
    # Without blank lines the same lines are a headline and the first paragraph.
    STANDFIRST.replace("\n\n", "\n"),
    # A first paragraph that ends like a sentence heads nothing: it stays a claim.
    STANDFIRST[STANDFIRST.index("The council"):],
    # A lead of two sentences under the headline is the story, not a summary.
    STANDFIRST.replace("next year.", "next year. Each route will run every ten minutes."),
    # So is a long one, and one under the page's date line.
    STANDFIRST.replace("next year.", "next year, with buses every ten minutes from the "
                       "estates on the east side to the station, the college and the "
                       "hospital on weekdays."),
    STANDFIRST.replace("routes\n", "routes\nMonday, May 6, 2024\n"),
])
def test_the_first_sentence_stays_a_claim_without_that_layout(
        pipeline: LoadedPipeline, text: str) -> None:
    assert any(claim.startswith("The council will add six bus routes to the town from May")
               for claim in texts(text, pipeline))


@pytest.mark.parametrize("text", [
    # A long sentence-case headline, then the date line.
    "Minister says he 'can' and 'may' call an emergency session to pass the budget bill "
    "this week\nMonday, January 7, 2019\nThe minister said on Friday that he could recall "
    "Parliament.\n",
    # A long title-case headline ending with an abbreviation, two decks, a dateline.
    "Minister Announces Nearly $1B in New Funding for Rural Roads and Bridges Across the "
    "U.S.\nProjects will repair roads, bridges and tunnels\nFunding going to small towns "
    "across the country\nWASHINGTON – The department will award $1 billion to 85 towns.\n",
    # A title-case headline of 26 words and a quotation as deck, before the dateline.
    "Vice President Rejects Isolationism, Protectionism, and Recent Attacks on Allies While "
    "Making Forceful Case for Continued Global Leadership During Her Visit to the European "
    "Security Summit\n“If we only look inward, we cannot defeat threats from outside. "
    "Isolation is not insulation,” said the Vice President during her third visit to the "
    "summit\nMUNICH – The Vice President spoke for forty minutes on Saturday.\n",
    # A short headline and a long deck without a full stop, then the story.
    "Minister Says Economy Not in Recession\nDebunks the claim that a recession is based "
    "only on GDP, points to a strong labour market and solid consumer spending this year\n"
    "Appearing on television, the minister said the economy grew by 2% last year.\n",
])
def test_headline_and_deck_above_the_story_are_no_claims(
        pipeline: LoadedPipeline, text: str) -> None:
    claims = texts(text, pipeline)
    assert len(claims) == 1
    assert claims[0] == text.splitlines()[-1].split("– ")[-1]


def test_photo_captions_and_credits_are_no_claims(pipeline: LoadedPipeline) -> None:
    text = ("Thousands march against the bypass\n"
            "Thousands marched through the city centre on Saturday.\n"
            "Marchers on the High Street. Photo: Jane Roe (flickr).\n"
            "The mayor at the rally\n"
            "Image: City Press.\n"
            "The council said 40,000 people took part.\n")
    assert texts(text, pipeline) == ["Thousands marched through the city centre on Saturday.",
                                     "The council said 40,000 people took part."]
    assert kinds(text)[2:5] == [LineKind.FURNITURE] * 3


def test_bracketed_image_credits_are_no_claims(pipeline: LoadedPipeline) -> None:
    text = ("Prisoner stabbed in jail\n"
            "A prisoner was stabbed on Friday, the prison service said.\n"
            "The prisoner in 1970  (Image: State Archive)\n"
            "(Image: Jane  Roe)\n"
            "He was taken to hospital.\n")
    assert texts(text, pipeline) == ["A prisoner was stabbed on Friday, the prison service said.",
                                     "He was taken to hospital."]
    assert kinds(text)[2:4] == [LineKind.FURNITURE] * 2


def test_a_map_legend_is_no_claim(pipeline: LoadedPipeline) -> None:
    text = ("Army retakes the northern towns\n"
            "The army retook three towns in the north on Sunday, the ministry said.\n"
            "██ Held by the government\n"
            "██ Held by the rebels\n"
            "The fighting displaced 20,000 people, according to the Red Cross.\n")
    assert texts(text, pipeline) == [
        "The army retook three towns in the north on Sunday, the ministry said.",
        "The fighting displaced 20,000 people, according to the Red Cross."]
    assert kinds(text)[2:4] == [LineKind.FURNITURE] * 2


def test_a_block_quotation_credit_line_names_the_speaker_and_is_no_claim(
        pipeline: LoadedPipeline) -> None:
    text = ("Storm news\n"
            "The lifeboat crews searched the bay for six hours.\n"
            "Can you see the boat? Is anyone still on board?\n"
            "– Coastguard dispatcher, Harbour Radio\n"
            "The boat sank an hour later.\n")
    candidates = extract_candidates(text, pipeline)
    assert [c.text for c in candidates] == [
        "The lifeboat crews searched the bay for six hours.", "Can you see the boat?",
        "Is anyone still on board?", "The boat sank an hour later."]
    assert [c.speaker for c in candidates[1:3]] == ["Coastguard"] * 2


def test_a_sentence_about_images_is_no_caption(pipeline: LoadedPipeline) -> None:
    text = ("The agency said: the new camera doubles the resolution of every image.\n"
            "Photo: the minister said the scheme would cost £12m over three years.\n")
    assert len(texts(text, pipeline)) == 2


TRANSCRIPT = (
    "SMITH: Hi. (Laughter.)\n"
    "JONES: (Laughs.) Close your ears.\n"
    "(A phone rings in the room.)\n"
    "SMITH: Taxes fell by 5% last year. [Interruption.] They will fall again.\n"
)


def test_stage_directions_are_no_claims_nor_claim_text(pipeline: LoadedPipeline) -> None:
    assert texts(TRANSCRIPT, pipeline) == [
        "Hi.", "Close your ears.", "Taxes fell by 5% last year.", "They will fall again."]


# Transcription services write the room's noises without a full stop, in capitals or not.
TRANSCRIPT_NOISES = (
    "REYES: Good evening. We hired 400 nurses this year. (APPLAUSE)\n"
    "OKAFOR: [crosstalk] That figure is wrong. [CROSSTALK]\n"
    "REYES: (LAUGHTER) The board counted them in March. [inaudible 00:14:02]\n"
    "(BEGIN VIDEO CLIP)\n"
    "OKAFOR: Waiting lists grew by 12% last year.\n"
    "[Applause]\n"
)


def test_stage_directions_without_a_full_stop_are_no_claim_text(
        pipeline: LoadedPipeline) -> None:
    assert texts(TRANSCRIPT_NOISES, pipeline) == [
        "Good evening.", "We hired 400 nurses this year.", "That figure is wrong.",
        "The board counted them in March.", "Waiting lists grew by 12% last year."]


@pytest.mark.parametrize("text", [
    "REYES: We hired 400 nurses this year. (APPLAUSE)\nOKAFOR: That figure is wrong.\n",
    "We hired 400 nurses this year. [Cheers]\nThe board counted them in March.\n",
])
def test_a_first_line_ending_in_a_stage_direction_is_no_headline(
        pipeline: LoadedPipeline, text: str) -> None:
    # The noise after the full stop does not make the line an unpunctuated title.
    assert texts(text, pipeline)[0] == "We hired 400 nurses this year."


@pytest.mark.parametrize("text", [
    # Capitals in brackets inside an article are an abbreviation, not the room.
    "Output fell in the eurozone (EU) and in Britain (UK), the figures showed\n",
    "[The council] will cut the budget by £2m next year.\n",
])
def test_brackets_that_are_no_stage_direction_stay(pipeline: LoadedPipeline, text: str) -> None:
    assert texts(text, pipeline) == [text.strip()]


def test_a_sentence_in_brackets_in_an_article_stays(pipeline: LoadedPipeline) -> None:
    text = "Prices rose by 5% in May. (The figures were revised in June.)"
    assert texts(text, pipeline) == ["Prices rose by 5% in May.",
                                     "(The figures were revised in June.)"]


@pytest.mark.parametrize(("lead", "body"), [
    ("Gaborone, Botswana — ", "Botswana and a biotech firm have agreed to test travellers."),
    ("washington — ", "The United States is calling on China to do more."),
])
def test_datelines_of_the_lead_paragraph(pipeline: LoadedPipeline, lead: str, body: str
                                         ) -> None:
    text = f"Botswana to test travellers at borders\nMay 2, 2024\n{lead}{body}\nMore follows.\n"
    claims = extract_candidates(text, pipeline)
    assert claims[0].text == body and claims[0].start == text.index(body)


def test_a_dash_in_a_later_paragraph_is_no_dateline(pipeline: LoadedPipeline) -> None:
    text = ("The talks began on Monday.\n"
            "Boris Johnson, Prime Minister — The talks were hard, he said.\n")
    assert texts(text, pipeline)[1].startswith("Boris Johnson")


def test_a_link_after_the_last_sentence_stays_outside_the_claim(
        pipeline: LoadedPipeline) -> None:
    text = "Prices are falling and wages are rising… pic.twitter.com/abc123\n"
    (claim,) = extract_candidates(text, pipeline)
    assert claim.text == "Prices are falling and wages are rising…" and claim.start == 0


@pytest.mark.parametrize("line", [
    "Some information for this report was provided by AFP, AP and Reuters.",
    "The Associated Press contributed to this report.",
])
def test_agency_credit_lines_are_no_claims(pipeline: LoadedPipeline, line: str) -> None:
    text = f"The strike closed 40 schools on Monday.\n{line}\n"
    assert texts(text, pipeline) == ["The strike closed 40 schools on Monday."]


def test_a_pull_quote_box_is_no_claim(pipeline: LoadedPipeline) -> None:
    text = ("Police seized drugs worth £3m on Monday.\n"
            "The impact this raid will have on drug dealing in the region and across the "
            "country as a whole cannot be overstated | ||\n"
            "Officers arrested four men.\n")
    assert texts(text, pipeline) == ["Police seized drugs worth £3m on Monday.",
                                     "Officers arrested four men."]


def test_cited_headlines_in_a_list_are_no_claims(pipeline: LoadedPipeline) -> None:
    text = ("Petrol prices fell again this week.\n"
            "The news is being felt across the country:\n"
            "- City Post (Springfield, IL): Petrol prices drop below $3\n"
            "- Daily Star: Grocery Bills Fall for a Third Month\n"
            "- Evening News (Hull): Prices have fallen. Drivers are saving £5 a week.\n")
    assert texts(text, pipeline) == ["Petrol prices fell again this week.",
                                     "The news is being felt across the country:"]


@pytest.mark.parametrize("items", [
    # Quotations after a name are what the person said: claims.
    ["- Sen. Jane Roe: “Prices are falling”", "- Rep. John Doe: “Wages are rising”"],
    # Labels with figures are facts.
    ["- Inflation: 3.1% in March", "- Unemployment: 4.2% in March"],
    # Long ended items after a name: body text.
    ["- Hull Airport (Hull): $5 million to build two new gates and a larger hall.",
     "- Leeds Airport (Leeds): $9 million to replace its aging lifts and escalators."],
])
def test_named_list_items_that_are_no_headlines_stay(
        pipeline: LoadedPipeline, items: list[str]) -> None:
    text = "Here is what they said:\n" + "\n".join(items) + "\n"
    assert len(texts(text, pipeline)) == 1 + len(items)


def test_a_briefings_question_marker_stays_outside_the_claim(pipeline: LoadedPipeline) -> None:
    text = ("MS. JONES: Good afternoon. Taxes fell by 5% last year.\n"
            "Q Why not cut them again this year?\n"
            "MS. JONES: We will.\n"
            "Q Thanks.\n")
    claims = extract_candidates(text, pipeline)
    assert [c.text for c in claims] == ["Good afternoon.", "Taxes fell by 5% last year.",
                                        "Why not cut them again this year?", "We will.",
                                        "Thanks."]
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_an_interview_s_q_and_a_markers_stay_outside_the_claims(
        pipeline: LoadedPipeline) -> None:
    text = ("Q: How many nurses did the trust hire this year?\n"
            "A: We hired 400, more than any other trust.\n"
            "Q. And waiting lists?\n"
            "A: They fell by 12% since January.\n"
            "A Government review will report in May.\n")
    assert texts(text, pipeline) == [
        "How many nurses did the trust hire this year?", "We hired 400, more than any other trust.",
        "And waiting lists?", "They fell by 12% since January.",
        "A Government review will report in May."]


def test_one_line_starting_with_q_keeps_it(pipeline: LoadedPipeline) -> None:
    assert texts("The march began on Monday.\nQ Street was closed to traffic.\n",
                 pipeline) == ["The march began on Monday.", "Q Street was closed to traffic."]


@pytest.mark.parametrize("model", ["pipeline", "blank_pipeline"])
def test_a_title_before_a_name_never_ends_a_sentence(model: str,
                                                     request: pytest.FixtureRequest) -> None:
    loaded: LoadedPipeline = request.getfixturevalue(model)
    text = ("My hon. Friend is right. I agree with the right hon. Gentleman, and the Rt. Hon. "
            "Member for Hull knows that waiting lists fell by 20%.")
    assert texts(text, loaded) == [
        "My hon. Friend is right.",
        text[text.index("I agree"):],
    ]


def test_an_elision_in_a_quotation_never_ends_a_sentence(pipeline: LoadedPipeline) -> None:
    text = ('She said, "Prices will rise by 5% this year [...] We have no choice but to act." '
            'He added: "The cuts come too late[.] They should have come in May."')
    assert texts(text, pipeline) == [text[:text.index(" He added")],
                                     text[text.index("He added"):]]


# A live blog stamps each entry with its time, on the entry's own line or before its text.
LIVE_BLOG = (
    "Strikes at hospitals: follow the day as it happens\n"
    "11:05 GMT\n"
    "Nurses at 12 hospitals walked out at dawn, the union said.\n"
    "11:12 GMT\n"
    "Picket lines formed at the gates of every site.\n"
    "11:20 GMT: The health secretary said 400 operations had been cancelled.\n"
    "11.45 BST - Talks resumed at the conciliation service.\n"
    "09:30 Ministers offered a 4% rise, which the union rejected.\n"
    "2.15pm Pickets said they would stay until Friday.\n"
)


@pytest.mark.parametrize("text", [LIVE_BLOG, LIVE_BLOG.replace("\n", "\n\n")])
def test_live_blog_times_are_no_claims_nor_claim_text(pipeline: LoadedPipeline, text: str) -> None:
    assert texts(text, pipeline) == [
        "Nurses at 12 hospitals walked out at dawn, the union said.",
        "Picket lines formed at the gates of every site.",
        "The health secretary said 400 operations had been cancelled.",
        "Talks resumed at the conciliation service.",
        "Ministers offered a 4% rise, which the union rejected.",
        "Pickets said they would stay until Friday."]


@pytest.mark.parametrize("text", [
    "9.15 million people voted in the first round, the commission said.\n",
    "10:30 was the hour the polls closed, officials said.\n",
])
def test_a_figure_opening_a_sentence_is_no_time_stamp(pipeline: LoadedPipeline, text: str) -> None:
    assert texts(text, pipeline) == [text.strip()]


def test_time_codes_and_camera_notes_of_a_transcript_are_no_claim_text(
        pipeline: LoadedPipeline) -> None:
    text = ("SMITH: (on camera) Unemployment here is 9 percent.\n"
            "JONES: It is 6 percent. [00:03:14]\n"
            "SMITH: [00:03:20] (through translator) Exports rose 4% in May. (01:12:09)\n")
    assert texts(text, pipeline) == [
        "Unemployment here is 9 percent.", "It is 6 percent.", "Exports rose 4% in May."]


@pytest.mark.parametrize("line", ["14:40", "2,300 — 1,950", "[00:03:14]", "(12)"])
def test_a_sentence_without_a_letter_is_no_claim(pipeline: LoadedPipeline, line: str) -> None:
    text = f"Turnout was 61% in the city. {line}\nThe count ended at dawn.\n"
    assert texts(text, pipeline) == ["Turnout was 61% in the city.", "The count ended at dawn."]


@pytest.mark.parametrize("line", [
    "Read more: https://example.net/news/rates-rise",
    "![Map of the flooded streets](https://example.net/img/flood.png)",
    "Watch here: pic.twitter.com/Ab12Cd",
])
def test_lines_of_links_are_no_claims(
        pipeline: LoadedPipeline, line: str) -> None:
    text = f"The river rose 2 metres overnight.\n{line}\nTwo bridges were closed.\n"
    assert texts(text, pipeline) == ["The river rose 2 metres overnight.",
                                     "Two bridges were closed."]


def test_a_link_with_words_of_its_own_stays_a_claim(pipeline: LoadedPipeline) -> None:
    text = ("The river rose 2 metres overnight.\n"
            "The agency's [flood map](https://example.net/map) shows 40 streets at risk.\n")
    assert len(texts(text, pipeline)) == 2


# An e-mail or a PDF pasted with its lines wrapped at a fixed width.
WRAPPED = (
    "The harbour board said on Monday that freight through the port rose by 8% last\n"
    "year, to 2.1 million tonnes, while passenger numbers fell by a fifth. Its chair\n"
    "warned that another £40m would be needed by 2027 to dredge the channel for\n"
    "larger ships.\n"
)


def test_lines_of_a_wrapped_paragraph_are_no_headline(pipeline: LoadedPipeline) -> None:
    # Each line runs on into the next, in lower case: none heads anything, no word is lost.
    claims = "".join(texts(WRAPPED, pipeline))
    assert "".join(claims.split()) == "".join(WRAPPED.split())


@pytest.mark.parametrize("text", [
    "Port Freight Rises Again\n\n" + WRAPPED,
    # A lower-case dateline under the headline starts the story; it continues nothing.
    "Port freight rises for a third year\nlisbon — " + WRAPPED,
])
def test_a_headline_above_a_wrapped_paragraph_is_still_one(
        pipeline: LoadedPipeline, text: str) -> None:
    assert not any(t.lower().startswith("port freight") for t in texts(text, pipeline))


@pytest.mark.parametrize("line", [
    "© 2025 Harbour News Ltd",
    "Copyright 2025 Harbour News. All rights reserved.",
    "All rights reserved.",
    "Page 3 of 12",
    "Related: Port expands for the third time in a decade",
    "READ MORE: Ferry fares to rise by 8% in April",
])
def test_copyright_pagination_and_teasers_are_no_claims(
        pipeline: LoadedPipeline, line: str) -> None:
    # Between paragraphs and at the foot of the page, where no subhead rule reaches.
    for text in (f"The port handled 4% more freight in April.\n{line}\nTwo cranes were added.\n",
                 f"The port handled 4% more freight in April.\nTwo cranes were added.\n{line}\n"):
        assert texts(text, pipeline) == ["The port handled 4% more freight in April.",
                                         "Two cranes were added."]


@pytest.mark.parametrize("line", [
    "Copyright law protects the work of 12,000 local artists, the council said.",
    "Related costs rose by 4% in the year to March.",
    "Under section 4(c) the council must publish 12 reports a year.",
])
def test_prose_that_starts_like_furniture_stays(pipeline: LoadedPipeline, line: str) -> None:
    found = texts(f"The port handled 4% more freight in April.\n{line}\n", pipeline)[1:]
    assert " ".join(found) == line


def test_numbered_sections_of_a_report(pipeline: LoadedPipeline) -> None:
    text = ("2 Findings\n"
            "2.1 Funding for schools\n"
            "2.1.1 The council spent £4m on repairs in 2024.\n"
            "2.1.2 Spending per pupil fell by 3% in real terms.\n")
    assert texts(text, pipeline) == ["The council spent £4m on repairs in 2024.",
                                     "Spending per pupil fell by 3% in real terms."]


def test_a_time_and_zone_alone_on_a_line_stay_a_time_stamp(pipeline: LoadedPipeline) -> None:
    # The zone is no entry text: the line stays a time stamp and the headline above it one.
    text = ("Election night live: results as they come in\n\n14:32 GMT\n\n"
            "Turnout in the north-east reached 64.2%, up from 58% in 2019, officials said.\n\n"
            "14:45 GMT\nThe governing party has won 12 of the first 15 seats declared.\n")
    assert texts(text, pipeline) == [
        "Turnout in the north-east reached 64.2%, up from 58% in 2019, officials said.",
        "The governing party has won 12 of the first 15 seats declared."]
