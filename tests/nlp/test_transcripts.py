"""Transcripts and embedded posts: the speaker from the line, the prefix outside the claim."""

from __future__ import annotations

import pytest

from claimdesk.domain import SpeakerKind
from claimdesk.domain.models import ClaimType
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.transcripts import line_speaker

DEBATE = (
    "LEHRER: Good evening from Denver. The first question goes to President Obama.\n"
    "OBAMA: Well, thank you very much, Jim. We have created 5 million jobs in the "
    "private sector.\n"
    "And we have cut taxes for middle-class families by $3,600.\n"
    "MR. ROMNEY: Thank you, Jim. Today 23 million people are out of work.\n"
    "MITT ROMNEY: Unemployment is at 8% for the 43rd month in a row.\n"
)

HEARING = (
    "Chairman GRASSLEY. The committee will come to order.\n"
    "Senator FEINSTEIN. Thank you, Mr. Chairman. Gun deaths rose by 10% in California "
    "last year.\n"
)


def test_debate_lines_give_the_speaker_and_claims_start_after_the_prefix(
    pipeline: LoadedPipeline,
) -> None:
    claims = extract_candidates(DEBATE, pipeline)
    got = [(c.text, c.start, c.speaker, c.speaker_kind) for c in claims]
    well = DEBATE.index("Well,")
    created = DEBATE.index("We have created")
    assert got[2] == ("Well, thank you very much, Jim.", well, "Obama", SpeakerKind.PERSON)
    assert got[3][1:] == (created, "Obama", SpeakerKind.PERSON)
    assert all(not c.text.startswith(("LEHRER", "OBAMA", "MR.", "MITT")) for c in claims)
    assert claims[0].start == DEBATE.index("Good evening")
    assert claims[0].speaker == "Lehrer"
    # A paragraph without a prefix goes on with the turn of the last one.
    cut = _claim_at(claims, DEBATE.index("And we have cut"))
    assert cut.speaker == "Obama"
    thank = _claim_at(claims, DEBATE.index("Thank you, Jim."))
    assert (thank.speaker, thank.text) == ("Romney", "Thank you, Jim.")
    # The transcript gives the full name: it is kept.
    unemployment = _claim_at(claims, DEBATE.index("Unemployment"))
    assert unemployment.speaker == "Mitt Romney"
    for c in claims:
        assert DEBATE[c.start:c.end] == c.text


def _claim_at(claims: list, start: int):  # type: ignore[no-untyped-def]
    return next(c for c in claims if c.start == start)


def test_hearing_transcripts_name_the_member(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(HEARING, pipeline)
    assert [(c.text[:12], c.speaker) for c in claims] == [
        ("The committe", "Grassley"),
        ("Thank you, M", "Feinstein"),
        ("Gun deaths r", "Feinstein"),
    ]
    assert claims[0].start == HEARING.index("The committee")


def test_line_speaker_reads_prefixes_and_leaves_prose_alone() -> None:
    assert line_speaker("SMITH: We cut taxes.") == (7, "Smith")
    assert line_speaker("MR. McCAIN: We will win.") == (12, "McCain")
    assert line_speaker("Hillary Clinton: I have a plan.") == (17, "Hillary Clinton")
    assert line_speaker("O'ROURKE: Yes.") == (10, "O'Rourke")
    assert line_speaker("Note: figures are provisional.") is None
    assert line_speaker("UPDATE: the minister has resigned.") is None
    assert line_speaker("The minister said: we will act.") is None
    assert line_speaker("In 2019: a record year.") is None


EMBED = (
    "The prime minister took to social media on Thursday.\n"
    "We have cut NHS waiting lists by 200,000 since the summer. The plan is working. "
    "pic.twitter.com/abc123\n"
    "— Rishi Sunak (@RishiSunak) March 14, 2024\n"
    "The figures were quickly challenged by Labour.\n"
)


def test_an_embedded_post_belongs_to_its_author(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(EMBED, pipeline)
    post = [c for c in claims if EMBED.index("We have cut") <= c.start < EMBED.index("—")]
    assert len(post) >= 1  # a short post with links is one candidate (issue 12: not cut in three)
    assert {(c.speaker, c.speaker_kind) for c in post} == {("Rishi Sunak", SpeakerKind.PERSON)}
    after = next(c for c in claims if c.text.startswith("The figures"))
    assert after.speaker != "Rishi Sunak"


def test_a_dateline_or_a_headline_with_a_colon_is_no_transcript(
    pipeline: LoadedPipeline,
) -> None:
    text = ("Boris Johnson: the rise and fall of a prime minister\n"
            "ISLAMABAD: The finance minister said inflation would fall to 12% by June.\n")
    claims = extract_candidates(text, pipeline)
    # The headline is no claim, and the colon dateline stays outside the sentence's claim.
    assert [c.text for c in claims] == [
        "The finance minister said inflation would fall to 12% by June."]
    assert [c.speaker for c in claims if "inflation" in c.text] == ["finance minister"]
    assert all(c.speaker != "Islamabad" for c in claims)


def test_turns_on_their_own_line_with_a_time_go_on_until_the_next(
    pipeline: LoadedPipeline,
) -> None:
    text = ("Chris Wallace: (01:20)\n"
            "Good evening. The first topic is the Supreme Court.\n"
            "Donald Trump: (02:05)\n"
            "Thank you very much. We won the election and elections have consequences.\n"
            "We have the Senate, we have the White House.\n"
            "Joe Biden: (03:10)\n"
            "The American people have a right to have a say in who the nominee is.\n")
    claims = extract_candidates(text, pipeline)
    assert all("(0" not in c.text and ":" not in c.text for c in claims)
    assert [(c.text[:14], c.speaker) for c in claims] == [
        ("Good evening.", "Chris Wallace"),
        ("The first topi", "Chris Wallace"),
        ("Thank you very", "Donald Trump"),
        ("We won the ele", "Donald Trump"),
        ("We have the Se", "Donald Trump"),
        ("The American p", "Joe Biden"),
    ]


def test_a_post_by_an_organisation_is_the_organisation_s(pipeline: LoadedPipeline) -> None:
    text = ("Our new rail line will cut journey times by 30 minutes.\n"
            "— Transport for London (@TfL) June 3, 2019\n")
    claim = extract_candidates(text, pipeline)[0]
    assert (claim.speaker, claim.speaker_kind) == ("Transport for London",
                                                   SpeakerKind.ORGANISATION)


# Written before the rule, in the form the UK Hansard prints turns: the member's name with
# constituency, party and "[V]" (virtual), a minister as "The <office> (<name>)", a later
# turn by the name alone or "Mr <surname>".
COMMONS = (
    "Rail Services: Urgent Question\n"
    "Nadia Okafor (Bristol East) (Lab): What assessment has the Minister made of "
    "cancellations on the Great Western line?\n"
    "The Minister of State, Department for Transport (Graham Stuart): Cancellations fell "
    "by 12% last quarter. We are investing £2 billion in new trains.\n"
    "Sir Edward Leigh (Gainsborough) (Con) [V]: Rural stations have lost a third of their "
    "services since 2019.\n"
    "Mr Stuart: That is not the case. Services have risen in every region.\n"
    "Nadia Okafor: Passengers in my constituency waited two hours on Friday.\n"
)


def test_hansard_turns_name_the_member_without_seat_party_or_office(
    pipeline: LoadedPipeline,
) -> None:
    claims = extract_candidates(COMMONS, pipeline)
    got = [(c.text[:16], c.speaker) for c in claims]
    assert got == [
        ("What assessment ", "Nadia Okafor"),
        ("Cancellations fe", "Graham Stuart"),
        ("We are investing", "Graham Stuart"),
        ("Rural stations h", "Edward Leigh"),
        ("That is not the ", "Mr Stuart"),
        ("Services have ri", "Mr Stuart"),
        ("Passengers in my", "Nadia Okafor"),
    ]
    assert all("(" not in c.text and "[V]" not in c.text for c in claims)
    for c in claims:
        assert COMMONS[c.start:c.end] == c.text


def test_line_speaker_reads_hansard_prefixes() -> None:
    assert line_speaker("Dame Harriett Baldwin (West Worcestershire) (Con): Yes.") == (
        51, "Harriett Baldwin")
    assert line_speaker("The Leader of the House of Commons (Andrea Leadsom): I welcome")[1] \
        == "Andrea Leadsom"
    assert line_speaker("Robin Millar (Aberconwy) (Con) [V]: Will he?")[1] == "Robin Millar"
    assert line_speaker("Mr Rees-Mogg: I thank him.")[1] == "Mr Rees-Mogg"
    # Prose with a parenthesis before a colon is no turn.
    assert line_speaker("The report (published today) found: costs rose.") is None
    assert line_speaker("Inflation (CPI) rose: prices are up 4%.") is None


def test_one_hansard_turn_is_enough_to_read_a_speech(pipeline: LoadedPipeline) -> None:
    text = ("Schools Funding\n"
            "The Secretary of State for Education (Bridget Phillipson): We have recruited "
            "2,300 more teachers this year.\n"
            "Funding per pupil will rise by 3% in April.\n")
    claims = extract_candidates(text, pipeline)
    assert {c.speaker for c in claims if "teachers" in c.text or "pupil" in c.text} == {
        "Bridget Phillipson"}


def test_a_speech_with_its_speaker_twice_is_a_transcript(pipeline: LoadedPipeline) -> None:
    text = ("Hospital Waiting Times\n"
            "Maria Lopez: Waiting lists have grown by 400,000 in a year.\n"
            "Maria Lopez: Half of all trusts missed their cancer target in March.\n")
    claims = extract_candidates(text, pipeline)
    assert [c.speaker for c in claims if "Waiting" in c.text or "trusts" in c.text] == [
        "Maria Lopez", "Maria Lopez"]


def test_a_turn_is_the_speakers_own_words_not_a_quote(pipeline: LoadedPipeline) -> None:
    text = ("SMITH: We cut taxes for 90 percent of families.\n"
            "JONES: My opponent said “taxes went up for everyone” and that is false.\n")
    claims = extract_candidates(text, pipeline)
    by_speaker = {c.speaker: c for c in claims}
    assert set(by_speaker) == {"Smith", "Jones"}
    assert ClaimType.QUOTE not in by_speaker["Smith"].types
    assert ClaimType.QUOTE in by_speaker["Jones"].types  # a quotation inside a turn still is


def test_a_reporters_question_is_nobody_s_and_ends_the_turn(pipeline: LoadedPipeline) -> None:
    # Briefing transcripts print an unnamed reporter's turn as "Q" (or "Q:") before it.
    text = ("MS. GARCIA: Good afternoon. The new rules start on Monday.\n"
            "Q Thanks. Will the rules cover small farms as well?\n"
            "Do you expect a legal challenge?\n"
            "MS. GARCIA: They will cover every farm. We expect no challenge.\n"
            "Q: And the cost?\n")
    claims = extract_candidates(text, pipeline)
    assert [(c.text[:12], c.speaker) for c in claims] == [
        ("Good afterno", "Garcia"),
        ("The new rule", "Garcia"),
        ("Thanks.", None),
        ("Will the rul", None),
        ("Do you expec", None),
        ("They will co", "Garcia"),
        ("We expect no", "Garcia"),
        ("And the cost", None),
    ]


def test_bulleted_statements_by_titled_and_unnamed_people(pipeline: LoadedPipeline) -> None:
    # Releases list reactions as "- Title Name: “…”"; a label that names no one (an
    # "Unnamed…" or a bare office) gives its words to nobody, not to the one before.
    text = ("Officials reacted to the new budget.\n"
            "- Sen. Ada Brooks: “This budget protects our schools.”\n"
            "- Rep. Luis Ortega: “It is a fair deal for working families.”\n"
            "- State Rep. Nora Quinn: “We will fund every classroom.”\n"
            "- Unnamed Senate Aide: “Nobody read the final text.”\n")
    claims = extract_candidates(text, pipeline)
    speakers = {opening: [c.speaker for c in claims if opening in c.text]
                for opening in ("This budget", "It is a fair", "We will fund", "Nobody read")}
    assert speakers == {"This budget": ["Ada Brooks"], "It is a fair": ["Luis Ortega"],
                        "We will fund": ["Nora Quinn"], "Nobody read": [None]}


def test_questions_stay_nobodys_when_their_q_markers_were_cut(pipeline: LoadedPipeline) -> None:
    # With two or more bare "Q " lines the furniture rules cut the markers off the claim
    # text; the lines are still reporters' questions, not the official's words.
    text = ("MR. OKAFOR: The fund opens next week.\n"
            "Q Hello. Will small towns get a share?\n"
            "MR. OKAFOR: Every town will.\n"
            "Q Thank you. Is the money new?\n"
            "MR. OKAFOR: It is.\n")
    claims = extract_candidates(text, pipeline)
    assert [(c.text[:10], c.speaker) for c in claims] == [
        ("The fund o", "Okafor"),
        ("Hello.", None),
        ("Will small", None),
        ("Every town", "Okafor"),
        ("Thank you.", None),
        ("Is the mon", None),
        ("It is.", "Okafor"),
    ]


# Broadcast transcripts: a time code before the turn, the speaker's role after a comma,
# and a note on how they speak in brackets.
NEWS_SHOW = (
    "[18:00:05] ALISON KEMP, CNN ANCHOR: Good evening. The city cut its police budget by 8%.\n"
    "RAY DUNNE, MAYOR OF HARLOW (through translator): We cut it by 2%, not 8%.\n"
    "KEMP (voice-over): The council's own papers show a cut of £4m.\n"
)


def test_broadcast_turns_keep_time_codes_roles_and_notes_outside_claims(
        pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(NEWS_SHOW, pipeline)
    assert [(c.text, c.speaker) for c in claims] == [
        ("Good evening.", "Alison Kemp"),
        ("The city cut its police budget by 8%.", "Alison Kemp"),
        ("We cut it by 2%, not 8%.", "Ray Dunne"),
        ("The council's own papers show a cut of £4m.", "Kemp")]


def test_a_name_and_a_lower_case_clause_before_a_colon_is_no_turn() -> None:
    assert line_speaker("Hillary Clinton, who spoke first: we will win.") is None
    assert line_speaker("SMITH (speaking in 2019 to reporters at length): Yes.") is None


@pytest.mark.parametrize(("signature", "author"), [
    # A handle with dots (Bluesky), a time after the date, a bracket in the display name.
    ("— Wes Reed MP (@wesreed.bsky.social) 3 March 2025 at 14:02", "Wes Reed MP"),
    ("— Harbour News (UK) (@HarbourNews) March 3, 2025", "Harbour News"),
])
def test_signatures_of_other_platforms_are_no_claims_and_name_the_author(
        pipeline: LoadedPipeline, signature: str, author: str) -> None:
    text = ("Ministers replied within the hour.\n"
            "Waiting lists fell by 100,000 this year.\n"
            f"{signature}\n"
            "The figures were challenged.\n")
    claims = extract_candidates(text, pipeline)
    assert [c.text for c in claims] == [
        "Ministers replied within the hour.", "Waiting lists fell by 100,000 this year.",
        "The figures were challenged."]
    assert claims[1].speaker == author


def test_numbered_speakers_of_a_machine_transcript_stay_outside_claims(
        pipeline: LoadedPipeline) -> None:
    text = ("Speaker 1 (00:00:01): Good evening. Crime fell 4% this year.\n"
            "Speaker 2 (00:00:09): It rose 2%, the police say.\n"
            "Speaker 1: That count is out of date.\n")
    claims = extract_candidates(text, pipeline)
    assert [(c.text, c.speaker) for c in claims] == [
        ("Good evening.", None), ("Crime fell 4% this year.", None),
        ("It rose 2%, the police say.", None), ("That count is out of date.", None)]


OLD_COMMONS = (
    "Rail Fares\n"
    "12 Mar 1998 : Column 410\n"
    "4. Dr. Ann Hale (Northfield) (Lab): What plans he has to cap rail fares.\n"
    "The Minister for Transport (Mr. Tom Reed): Fares will rise by no more than 1% in "
    "January.\n"
    "Dr. Hale: I thank the Minister for his reply.\n"
    "The Minister for Transport: Every operator has agreed to the cap.\n"
    "Mr. Speaker: Order.\n"
)


def test_older_hansard_turns_with_full_stops_question_numbers_and_offices(
    pipeline: LoadedPipeline,
) -> None:
    claims = extract_candidates(OLD_COMMONS, pipeline)
    got = [(c.text[:12], c.speaker) for c in claims if c.speaker]
    assert got == [
        ("What plans h", "Ann Hale"),
        ("Fares will r", "Tom Reed"),
        ("I thank the ", "Dr. Hale"),
        ("Every operat", "Tom Reed"),
        ("Order.", "Mr. Speaker"),
    ]
    assert all(":" not in c.text[:20] for c in claims)


def test_one_styled_turn_alone_makes_no_transcript(pipeline: LoadedPipeline) -> None:
    text = ("Clinic opens\nThe clinic opened on Monday.\n"
            "Dr. Jones: the doctor who built it said it cost £2 million.\n")
    assert line_speaker("Mr. Dobson: I would not have thought so.") == (12, "Mr. Dobson")
    claims = extract_candidates(text, pipeline)
    assert any(c.text.startswith("Dr. Jones") for c in claims)
