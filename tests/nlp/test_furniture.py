"""Article furniture: headlines, bylines, datelines, markers, posts and long sentences."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.domain.models import CandidateClaim
from claimdesk.nlp.clauses import LONG_WORDS
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.furniture import LineKind, classify_lines, content_segments, line_body
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.segments import paragraph_segments
from tests.nlp.test_extract import assert_well_formed

GUARDIAN_HEAD = (
    "Ukraine war: US hails ‘tangible progress’ in counteroffensive\n"
    "Blinken warns North Korea against supplying arms to Russia as drones target Moscow\n"
    "By Jane Doe in Kyiv and John Smith in Washington\n"
    "Thu 7 Sep 2023 18.30 BST\n"
    "KYIV, Ukraine — The United States has hailed “tangible progress” in Ukraine’s "
    "counteroffensive, US officials said on Thursday.\n"
    "Russia reported drone attacks on Moscow and several other cities.\n"
)
REUTERS = (
    "Bank of England raises rates to 15-year high\n"
    "Jane Doe, Economics Correspondent\n"
    "Updated 12:30 GMT\n"
    "\n"
    "LONDON (Reuters) - The Bank of England raised interest rates to 5.25% on Thursday.\n"
    "\n"
    "Why rates rose\n"
    "\n"
    "The Bank said wage growth had been stronger than expected.\n"
    "WASHINGTON —\n"
    "The Federal Reserve left its rates unchanged.\n"
)
MARKDOWN = (
    "# Budget 2024: what it means for you\n"
    "\n"
    "## Income tax\n"
    "The personal allowance will stay at £12,570 until 2028.\n"
    "\n"
    "Fuel duty\n"
    "=========\n"
    "Fuel duty was frozen for another year.\n"
    "### Did the Chancellor keep his promise?\n"
)
PRESS_RELEASE = (
    "PRESS RELEASE\n"
    "Council announces £3.4m investment in local schools\n"
    "• The council will spend £3.4m on new classrooms.\n"
    "• 1,200 pupils will benefit from the scheme\n"
    "- Work starts in March 2025.\n"
    "1. Phase one covers six primary schools.\n"
    "a) Two secondary schools follow in 2026.\n"
    "▪ Contact\n"
    "> “This is a great day for our children,” said council leader Mary Jones.\n"
    "  * > – Nested markers are skipped too.\n"
)
POST = ("BREAKING: Unemployment falls to 3.6%, lowest since 1974 #jobs @ONS "
        "https://t.co/q1W2e3 pic.twitter.com/Zz9")
LONG_SENTENCE = (
    "We inherited an economy that was shrinking by 6% a year when we came into office in "
    "2010; since then we have created 3.8 million new jobs across every region of the "
    "country, and unemployment has fallen to its lowest level since 1975, while wages have "
    "grown faster than inflation for the last eighteen months in a row — and the deficit "
    "that Labour left us, which was the largest in our peacetime history at more than 10% "
    "of national income, has been cut by almost three quarters in nine years; we have taken "
    "four million of the lowest paid out of income tax altogether by raising the personal "
    "allowance to £12,500, we have introduced the national living wage, which has given two "
    "million workers a pay rise of more than £2,000 a year, and we have protected the "
    "pensions of twelve million older people with the triple lock, so that the basic state "
    "pension is now worth £1,600 more than it was when we started; and our schools are "
    "improving too, because 1.9 million more children are now in good or outstanding "
    "schools than in 2010, and the attainment gap between disadvantaged pupils and their "
    "classmates has narrowed in every one of the last seven years, which is why I say to "
    "the people of this country that the job is not yet done but that we are on the right "
    "track."
)
#: What never begins a claim that begins a line: list, quote and heading markers.
MARKER_EDGES = ("•", "▪", "- ", "– ", "* ", "> ", "# ", "## ", "1. ", "a) ")
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def texts(text: str, pipeline: LoadedPipeline) -> list[str]:
    claims = extract_candidates(text, pipeline)
    assert_well_formed(text, claims)
    for claim in claims:
        line_start = max(text.rfind(ch, 0, claim.start) for ch in LINE_BREAKS) + 1
        if not text[line_start:claim.start].strip():
            assert not claim.text.startswith(MARKER_EDGES), claim.text
    return [c.text for c in claims]


def kinds(text: str) -> list[LineKind]:
    return [line.kind for line in classify_lines(text, paragraph_segments(text))]


def test_article_head_gives_no_claims(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(GUARDIAN_HEAD, pipeline)
    assert_well_formed(GUARDIAN_HEAD, claims)
    first = "The United States has hailed “tangible progress”"
    start = GUARDIAN_HEAD.index(first)
    assert [(c.start, c.text) for c in claims] == [
        (start, first + " in Ukraine’s counteroffensive, US officials said on Thursday."),
        (GUARDIAN_HEAD.index("Russia reported"),
         "Russia reported drone attacks on Moscow and several other cities."),
    ]
    assert kinds(GUARDIAN_HEAD) == [LineKind.HEADLINE, LineKind.HEADLINE, LineKind.BYLINE,
                                    LineKind.BYLINE, LineKind.TEXT, LineKind.TEXT]


def test_datelines_bylines_and_subheads_of_a_wire_story(pipeline: LoadedPipeline) -> None:
    assert texts(REUTERS, pipeline) == [
        "The Bank of England raised interest rates to 5.25% on Thursday.",
        "The Bank said wage growth had been stronger than expected.",
        "The Federal Reserve left its rates unchanged.",
    ]
    assert kinds(REUTERS) == [LineKind.HEADLINE, LineKind.BYLINE, LineKind.BYLINE,
                              LineKind.TEXT, LineKind.HEADLINE, LineKind.TEXT,
                              LineKind.DATELINE, LineKind.TEXT]


def test_markdown_headings_are_not_claims(pipeline: LoadedPipeline) -> None:
    assert texts(MARKDOWN, pipeline) == [
        "The personal allowance will stay at £12,570 until 2028.",
        "Fuel duty was frozen for another year.",
        # A heading that ends like a sentence stays a candidate, without its "###".
        "Did the Chancellor keep his promise?",
    ]


def test_bulleted_press_release(pipeline: LoadedPipeline) -> None:
    assert texts(PRESS_RELEASE, pipeline) == [
        "The council will spend £3.4m on new classrooms.",
        "1,200 pupils will benefit from the scheme",
        "Work starts in March 2025.",
        "Phase one covers six primary schools.",
        "Two secondary schools follow in 2026.",
        "“This is a great day for our children,” said council leader Mary Jones.",
        "Nested markers are skipped too.",
    ]


def test_quote_marker_leaves_the_speaker(pipeline: LoadedPipeline) -> None:
    text = "> “Rates will fall next year,” said Andrew Bailey."
    (claim,) = extract_candidates(text, pipeline)
    assert claim.text == text[2:] and claim.start == 2
    assert claim.speaker == "Andrew Bailey"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One line that ends like a sentence is a claim, at the top or alone.
        ("Inflation fell to 6.7% in September.", ["Inflation fell to 6.7% in September."]),
        ("Inflation fell to 6.7% in September.\nThe Bank said it was pleased.",
         ["Inflation fell to 6.7% in September.", "The Bank said it was pleased."]),
        # A title-shaped line alone has nothing to head: it is kept.
        ("Inflation fell to 6.7% in September", ["Inflation fell to 6.7% in September"]),
        # Short unpunctuated claims in a row head nothing either.
        ("Crime is down 20% since 2010\nWe have recruited 20,000 police officers\n"
         "Unemployment is at a record low",
         ["Crime is down 20% since 2010", "We have recruited 20,000 police officers",
          "Unemployment is at a record low"]),
        # Long and with a verb, without a full stop: a sentence, not a title.
        ("The government has spent more than £12bn on the new railway line between London "
         "and Birmingham since it was approved in 2015\nThat is twice the original budget.",
         ["The government has spent more than £12bn on the new railway line between London "
          "and Birmingham since it was approved in 2015", "That is twice the original budget."]),
        # Short, unpunctuated, before prose: a headline.
        ("Inflation falls to 6.7%\nThe Bank said it was pleased.",
         ["The Bank said it was pleased."]),
        # A line that runs on into the next is no headline.
        ("Prices have risen by a third since\n2021, the ONS said.",
         ["Prices have risen by a third since", "2021, the ONS said."]),
        # "By" that starts a sentence is no byline; capitals that do not head one, no dateline.
        ("By 2030 emissions will halve, ministers said.",
         ["By 2030 emissions will halve, ministers said."]),
        ("NATO — the alliance of 31 countries — said it would respond.",
         ["NATO — the alliance of 31 countries — said it would respond."]),
        ("A. Smith and J. Jones said the report was wrong.",
         ["A. Smith and J. Jones said the report was wrong."]),
        ("2.5 million people voted.", ["2.5 million people voted."]),
    ],
)
def test_real_claims_are_not_taken_for_furniture(
    pipeline: LoadedPipeline, text: str, expected: list[str]
) -> None:
    assert texts(text, pipeline) == expected


@pytest.mark.parametrize(
    "line",
    ["By Jane Doe", "By JANE DOE and John Smith", "Jane Doe, Political Editor",
     "Jane Doe | Chief Reporter", "Updated 12:30 GMT", "Last updated: 1 September 2023",
     "Published 3 hours ago", "Thu 7 Sep 2023 18.30 BST", "September 7, 2023",
     "Reporting by Jane Doe; Editing by John Smith",
     "(Reporting by Jane Doe; Editing by John Smith)", "Additional reporting by Agence France"],
)
def test_bylines_and_timestamps(line: str) -> None:
    text = f"Rates rise again\n{line}\nThe Bank raised rates on Thursday.\n"
    assert kinds(text)[1] is LineKind.BYLINE


@pytest.mark.parametrize(
    ("line", "body"),
    [("LONDON (Reuters) - The", 19), ("WASHINGTON — The", 13), ("KYIV, Ukraine — The", 16),
     ("NEW YORK, Sept 7 (Reuters) - The", 29), ("Moscow, Sept 7 (Reuters) - The", 27),
     ("SAN FRANCISCO, Calif. —The", 23), ("• LONDON (AP) — The", 16),
     # Press-release datelines: a date after the place, a wire's name in slashes or dashes.
     ("HARTWELL, June 9, 2025 — The", 25), ("DENVER, Colo., June 9, 2025 /PRNewswire/ -- The", 44),
     ("OSLO, Norway, June 9, 2025 (GLOBE NEWSWIRE) -- The", 47),
     ("BOSTON--(BUSINESS WIRE)--The", 25), ("TALLINN (June 9, 2025) – The", 25),
     ("LISBON, Portugal – 9 June 2025 – The", 33),
     # Task lists and emoji used as bullets.
     ("- [ ] The", 6), ("* [x] The", 6), ("✅ The", 2), ("👉🏽 The", 3), ("▶️ The", 3),
     ("1. 📌 The", 5), ("2024 ✅ The", 0), ("I ❤️ NY", 0),
     # A news label before the text: a flag for the reader, no claim text.
     ("BREAKING: The", 10), ("Update — The", 9), ("🔴 LIVE: The", 8), ("Exclusive: The", 11),
     ("Breaking news: The", 15), ("Live music: The", 0), ("Watch the", 0),
     # An emphasised label in Markdown.
     ("**Fact check:** The", 16), ("__Note__: The", 10), ("**Prices** rose", 0),
     # A report's numbered sections; a decimal figure opening a sentence is none.
     ("1.1 The", 4), ("2.3.1. The", 7), ("- 4.2 The", 6), ("1.5 million people", 0),
     ("3.4 per cent", 0),
     # A live blog's stamp before text; alone on its line it is the whole line, no marker.
     ("14:32 GMT: The", 11), ("14:32 GMT", 0), ("09.15 BST", 0), ("10:05 ET", 0),
     ("> > - 12) The", 10), ("(iv) The", 5), ("## The", 3), ("NATO — the", 0),
     ("-5% growth", 0), ("*Note*", 0), ("US - China talks", 0)],
)
def test_line_body_skips_markers_and_datelines(line: str, body: int) -> None:
    assert line_body(line)[0] == body


def test_markers_of_a_long_line_are_cut_from_its_first_chunk_only() -> None:
    text = "• " + "Prices rose. " * 20
    segments = content_segments(text, paragraph_segments(text, max_chunk=60))
    assert segments[0].start == 2
    assert len(segments) > 2 and {s.paragraph for s in segments} == {0}
    assert text[segments[0].start:segments[-1].end] == text[2:].rstrip()


@pytest.mark.parametrize("model", ["pipeline", "blank_pipeline"])
def test_a_post_is_one_candidate(model: str, request: pytest.FixtureRequest) -> None:
    loaded: LoadedPipeline = request.getfixturevalue(model)
    # The post's "BREAKING: " flags it for the reader: a news label, no claim text.
    assert texts(POST, loaded) == [POST.removeprefix("BREAKING: ")]
    post = "Crime is down 20% under this government. #ToryFail via @bbcnews bbc.co.uk/news/1"
    assert texts(post, loaded) == [post]


def test_embedded_post_signature_is_no_claim(pipeline: LoadedPipeline) -> None:
    text = ("Inflation is falling and wages are rising. pic.twitter.com/abc\n"
            "— Rishi Sunak (@RishiSunak) September 7, 2023\n"
            "The Prime Minister posted the figures on Thursday.\n"
            "Prices are up 5% — Jane Doe (@jdoe) September 7, 2023\n")
    assert kinds(text) == [LineKind.TEXT, LineKind.SIGNATURE, LineKind.TEXT, LineKind.TEXT]
    assert texts(text, pipeline) == [
        # The post's media link after its last sentence is no claim text.
        "Inflation is falling and wages are rising.",
        "The Prime Minister posted the figures on Thursday.",
        # Within the post's own paragraph the signature stays, for the speaker rules.
        "Prices are up 5% — Jane Doe (@jdoe) September 7, 2023",
    ]


def test_links_and_tags_never_cut_a_sentence(pipeline: LoadedPipeline) -> None:
    text = ("The ONS said on Wednesday that prices rose 5% in the year to May, see "
            "[the ONS release](https://ons.gov.uk/x.y/z) for details, and that food prices "
            "rose fastest. Read the report at www.gov.uk/ons/report.pdf. The Treasury, "
            "which had forecast a fall, said it would publish its own figures next week, "
            "according to a statement on its website. #inflation #costofliving "
            "https://example.com/a.b")
    assert len(text) > 320  # too long for a post: its sentences stay apart
    assert texts(text, pipeline) == [
        text[:text.index(" Read")],
        "Read the report at www.gov.uk/ons/report.pdf.",
        text[text.index("The Treasury"):],
    ]


def test_a_long_sentence_comes_as_clauses(pipeline: LoadedPipeline) -> None:
    assert len(LONG_SENTENCE.split()) == 233
    claims = extract_candidates(LONG_SENTENCE, pipeline)
    assert_well_formed(LONG_SENTENCE, claims)
    assert all(len(c.text.split()) <= LONG_WORDS for c in claims)
    assert [c.text for c in claims][:5] == [
        "We inherited an economy that was shrinking by 6% a year when we came into office "
        "in 2010;",
        "since then we have created 3.8 million new jobs across every region of the country",
        "unemployment has fallen to its lowest level since 1975, while wages have grown "
        "faster than inflation for the last eighteen months in a row",
        "the deficit that Labour left us, which was the largest in our peacetime history at "
        "more than 10% of national income, has been cut by almost three quarters in nine "
        "years;",
        "we have taken four million of the lowest paid out of income tax altogether by "
        "raising the personal allowance to £12,500, we have introduced the national living "
        "wage, which has given two million workers a pay rise of more than £2,000 a year",
    ]
    assert claims[-1].text.endswith("that we are on the right track.")
    # Only the commas, dashes and conjunctions between clauses are left out.
    left_out = _uncovered(LONG_SENTENCE, claims)
    assert set(left_out.split()) <= {",", "—", "and", "but"}


def test_long_sentences_without_the_parser(blank_pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(LONG_SENTENCE, blank_pipeline)
    assert_well_formed(LONG_SENTENCE, claims)
    assert len(claims) >= 6
    assert set(_uncovered(LONG_SENTENCE, claims).split()) <= {",", "—", "and", "but", "while"}


def test_a_long_sentence_with_no_clause_boundary_stays_whole(pipeline: LoadedPipeline) -> None:
    names = ", ".join(f"Councillor {n}. {n}son" for n in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    text = f"The motion was signed by {names} and the mayor."
    assert len(text.split()) > LONG_WORDS
    assert texts(text, pipeline) == [text]


def test_short_sentences_are_never_cut(pipeline: LoadedPipeline) -> None:
    text = "Inflation fell to 6.7%; wages rose 7.8% — and unemployment, at 4.2%, rose too."
    assert texts(text, pipeline) == [text]


def _uncovered(text: str, claims: list[CandidateClaim]) -> str:
    mask = [True] * len(text)
    for claim in claims:
        mask[claim.start:claim.end] = [False] * (claim.end - claim.start)
    return "".join(ch if keep else " " for ch, keep in zip(text, mask, strict=True))


FURNITURE = ["Rates rise again", "By Jane Doe", "Jane Doe, Political Editor",
             "Updated 12:30 GMT", "LONDON (Reuters) -", "## Income tax", "Fuel duty", "=====",
             "• ", "- ", "1. ", "a) ", "> ", "▪ ", "#jobs", "@ONS", "https://t.co/q1W2e3",
             "pic.twitter.com/Zz9", "[the release](https://ons.gov.uk/x.y)", "www.gov.uk/a.b"]
BODY = ["The Bank raised rates to 5.25% on Thursday.", "Inflation fell", "“Rates will fall,”",
        "said Andrew Bailey.", "KYIV, Ukraine — Drones hit Odesa.", LONG_SENTENCE[:400],
        "\n", "\n", "\r\n", "\n\n", " ", "…", "“", "”"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FURNITURE + BODY), max_size=25).map(" ".join))
def test_offsets_on_shuffled_furniture(pipeline: LoadedPipeline, text: str) -> None:
    texts(text, pipeline)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FURNITURE + BODY), max_size=25).map("".join)
       | st.text(alphabet="•▪*->#@.:; \n\t1a)(—–AZaz“”", max_size=120))
def test_offsets_on_shuffled_furniture_without_the_model(
    blank_pipeline: LoadedPipeline, text: str
) -> None:
    assert_well_formed(text, extract_candidates(text, blank_pipeline))
    for line in classify_lines(text, paragraph_segments(text)):
        assert line.start <= line.body <= line.end
