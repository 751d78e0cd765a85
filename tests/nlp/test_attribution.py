"""Attribution on news: titles and pronouns resolved to people, rebuttals, quotes, kinds."""

from __future__ import annotations

import pytest

from claimdesk.domain import CandidateClaim, SpeakerKind
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline

PERSON, ORG, PLACE = SpeakerKind.PERSON, SpeakerKind.ORGANISATION, SpeakerKind.PLACE


def _claim(claims: list[CandidateClaim], opening: str) -> CandidateClaim:
    found = [c for c in claims if c.text.startswith(opening)]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def _who(pipeline: LoadedPipeline, text: str, opening: str) -> tuple[str | None, str | None]:
    claim = _claim(extract_candidates(text, pipeline), opening)
    return claim.speaker, claim.speaker_kind


TORY_LEADER = (
    "Tory leader Michael Howard set out his party's plans for the police in a speech in "
    "Birmingham on Monday.\n"
    "The Tory leader said violent crime had risen by 83% since Labour came to power.\n"
    "He will say that a Conservative government would recruit 5,000 extra officers a year.\n"
)

APPOSITION = (
    "Michael Howard, the Conservative leader, visited a school in Kent on Tuesday.\n"
    "Gordon Brown, the Chancellor, was in Scotland to open a new tax office.\n"
    "The Tory leader told reporters that class sizes had grown in 60% of schools.\n"
    "The Chancellor said the economy had grown for 50 quarters in a row.\n"
)

CULTURE_SECRETARY = (
    "Culture Secretary Tessa Jowell published the green paper on the future of the BBC "
    "on Wednesday.\n"
    "The licence fee will stay until at least 2016, the Culture Secretary said.\n"
    "She added that the BBC governors would be replaced by a trust.\n"
)

MINISTER_FOR = (
    "Ruth Kelly, the minister for education, spoke to head teachers in Brighton.\n"
    "The education minister said 1,000 schools would get new buildings by 2010.\n"
)

HE_WILL_SAY = (
    "Tessa Jowell met Gordon Brown on Tuesday to discuss funding for the Olympic bid.\n"
    "He will say in a speech tonight that the Treasury will underwrite the costs.\n"
)

REBUTTAL = (
    "Tony Blair said on Sunday that crime had fallen by 30% since 1997.\n"
    "Mr Blair's claims were \"nonsense\", said Michael Howard.\n"
    "Responding to Mr Blair, Charles Kennedy said the figures left out 2m crimes a year.\n"
)

STRAIGHT_QUOTES = (
    "Tory leader Michael Howard spoke to party workers in Bristol.\n"
    "\"We will not let the people of this country down,\" said Mr Howard. \"We will cut "
    "taxes and we will control immigration.\n"
    "\"Labour has had eight years and wasted billions of pounds.\n"
    "\"That money belongs to the taxpayer and we will give it back.\"\n"
    "The Liberal Democrats said the sums did not add up.\n"
)

UNBALANCED = (
    "Charles Kennedy said: \"We will scrap tuition fees for every student.\n"
    "The Treasury said the plan would cost £1.2bn a year.\n"
)

ACCORDING_TO = (
    "Violent crime has risen by 83% since 1997, according to figures compiled by the Tories.\n"
    "According to the Institute for Fiscal Studies, the plans would cost £35bn a year.\n"
)

SAME_PARAGRAPH = (
    "Angela Merkel arrived in Paris on Monday. \"We must stand together,\" she said.\n"
    "Gordon Brown spoke in Edinburgh. His message was clear: \"We cannot afford it.\"\n"
    "Sarah Jones, 55, was hurt. The 55-year-old told the BBC she waited 20 minutes.\n"
    "Prime Minister Tony Blair visited Leeds. The PM said waiting lists had fallen by 9%.\n"
    "The minister was blunt: \"This has to stop. We will ban it within a year.\"\n"
)

# A quotation closed in a paragraph that has no opening mark; a paragraph that opens by
# quoting, attributed only in the next one; a name the tagger calls an organisation.
CLOSED_LATE = (
    "Nick Clegg said: \"We will not break our promise.\n"
    "We will vote against any rise in fees.\"\n"
    "David Cameron spoke to party members in Birmingham.\n"
    "\"We will control immigration.\n"
    "\"We will cut net migration to the tens of thousands,\" he said.\n"
    "The Treasury's claims were \"fantasy\", said Vince Cable, the Lib Dem Treasury "
    "spokesman.\n"
)

# A role right after a sentence whose subject is one person is that person, unless
# named in its own sentence as someone else; appositions to a complement; a name the
# tagger calls a place.
ROLE_IN_FOCUS = (
    "Dmytro Kuleba flew to Brussels on Tuesday.\n"
    "The Ukrainian foreign minister told Nato allies that 50 more air defence systems "
    "were needed.\n"
    "Responding to Mr Smith, the minister said the budget had risen by 4%.\n"
    "A spokesman for the Kremlin, Dmitry Peskov, said Moscow was ready to talk.\n"
    "Kemi Badenoch, the business secretary, said the deal would add £1.8bn to the economy.\n"
    "The business secretary also said 3,000 jobs would be created.\n"
)


CASES: list[tuple[str, str, str | None, SpeakerKind | None]] = [
    (TORY_LEADER, "The Tory leader said", "Michael Howard", PERSON),
    (TORY_LEADER, "He will say", "Michael Howard", PERSON),
    (APPOSITION, "The Tory leader told", "Michael Howard", PERSON),
    (APPOSITION, "The Chancellor said", "Gordon Brown", PERSON),
    (CULTURE_SECRETARY, "The licence fee", "Tessa Jowell", PERSON),
    (CULTURE_SECRETARY, "She added", "Tessa Jowell", PERSON),
    (MINISTER_FOR, "The education minister", "Ruth Kelly", PERSON),
    (HE_WILL_SAY, "He will say", "Gordon Brown", PERSON),
    (REBUTTAL, "Mr Blair's claims", "Michael Howard", PERSON),
    (REBUTTAL, "Responding to Mr Blair", "Charles Kennedy", PERSON),
    (STRAIGHT_QUOTES, "\"We will cut taxes", "Michael Howard", PERSON),
    (STRAIGHT_QUOTES, "\"Labour has had", "Michael Howard", PERSON),
    (STRAIGHT_QUOTES, "\"That money belongs", "Michael Howard", PERSON),
    (STRAIGHT_QUOTES, "The Liberal Democrats", "Liberal Democrats", ORG),
    (UNBALANCED, "Charles Kennedy said", "Charles Kennedy", PERSON),
    (UNBALANCED, "The Treasury said", "Treasury", ORG),
    (ACCORDING_TO, "Violent crime", "Tories", ORG),
    (ACCORDING_TO, "According to the Institute", "Institute for Fiscal Studies", ORG),
    (SAME_PARAGRAPH, "\"We must stand", "Angela Merkel", PERSON),
    (SAME_PARAGRAPH, "His message was clear", "Gordon Brown", PERSON),
    (SAME_PARAGRAPH, "The 55-year-old told", "Sarah Jones", PERSON),
    (SAME_PARAGRAPH, "The PM said", "Tony Blair", PERSON),
    (SAME_PARAGRAPH, "The minister was blunt", "minister", PERSON),
    (CLOSED_LATE, "We will vote against", "Nick Clegg", PERSON),
    (CLOSED_LATE, "\"We will control", "David Cameron", PERSON),
    (CLOSED_LATE, "The Treasury's claims", "Vince Cable", PERSON),
    (ROLE_IN_FOCUS, "The Ukrainian foreign minister", "Dmytro Kuleba", PERSON),
    (ROLE_IN_FOCUS, "Responding to Mr Smith", "minister", PERSON),
    (ROLE_IN_FOCUS, "A spokesman for the Kremlin", "Dmitry Peskov", PERSON),
    (ROLE_IN_FOCUS, "The business secretary also", "Kemi Badenoch", PERSON),
]


@pytest.mark.parametrize(("text", "opening", "speaker", "kind"), CASES)
def test_speaker_and_kind(
    pipeline: LoadedPipeline, text: str, opening: str, speaker: str, kind: SpeakerKind
) -> None:
    assert _who(pipeline, text, opening) == (speaker, kind)


KINDS: list[tuple[str, str, SpeakerKind]] = [
    ("Ukraine said it shot down 25 drones overnight.", "Ukraine", PLACE),
    ("The Home Office said 30,000 people crossed the Channel last year.", "Home Office", ORG),
    ("Kent Police said two men had been arrested.", "Kent Police", ORG),
    ("Health officials said 40 people had been hurt.", "Health officials", PERSON),
    ("The council said it had no plans to close the library.", "council", ORG),
    ("Romania belatedly acknowledged that a drone had crashed on its soil.", "Romania", PLACE),
    ("Government ministers said the scheme would save £2bn.", "Government ministers",
     PERSON),
    ("A study by Oxford University found that 40% of jobs could be automated.",
     "Oxford University", ORG),
    ("\"The government has lost control of crime,\" Liberal Democrat home affairs spokesman "
     "Mark Oaten said.", "Mark Oaten", PERSON),
    ("The foreign minister, Dmytro Kuleba, said Ukraine needed more air defence.",
     "Dmytro Kuleba", PERSON),
]


@pytest.mark.parametrize(("text", "speaker", "kind"), KINDS)
def test_countries_and_organisations_are_not_people(
    pipeline: LoadedPipeline, text: str, speaker: str, kind: SpeakerKind
) -> None:
    claim = extract_candidates(text, pipeline)[0]
    assert (claim.speaker, claim.speaker_kind) == (speaker, kind)


def test_a_sentence_without_a_speaker_has_no_kind(pipeline: LoadedPipeline) -> None:
    claim = extract_candidates("The bridge was closed for repairs in May.", pipeline)[0]
    assert (claim.speaker, claim.speaker_kind) == (None, None)


def test_a_pronoun_never_crosses_to_the_other_gender(pipeline: LoadedPipeline) -> None:
    text = ("Gordon Brown and Tessa Jowell launched the bid on Monday.\n"
            "She said London would be ready by 2012.\n")
    assert _who(pipeline, text, "She said") == ("Tessa Jowell", PERSON)


# A news story as the BBC wrote them in 2005, labelled sentence by sentence before the
# rules were run on it (the home secretary's "dismissed … as" is left out: unsure).
STORY = """Howard attacks Blair over crime

Tory leader Michael Howard has accused Tony Blair of "breathtaking complacency" over violent crime.

In a speech in London, Mr Howard said gun crime had doubled since Labour came to power in 1997.

"Mr Blair promised to be tough on crime. He has failed," he said. "Labour has given up on the law-abiding majority."

But Home Secretary Charles Clarke said Mr Howard was "scaremongering".

"Crime is down by 30% under this government, and the British Crime Survey shows it," Mr Clarke told BBC Radio 4's Today programme.

The Liberal Democrats' home affairs spokesman Mark Oaten said both parties were playing politics with people's fears.

According to the Home Office, there were 10,340 firearms offences in 2003/04.

The Conservative leader will set out his plans in a speech on Thursday.

He is expected to say that a Tory government would recruit 40,000 more police officers.

A Labour spokesman said the plans would cost £1.2bn which the Tories could not find.

Mr Oaten added: "Neither of the two main parties has a credible plan.

"They would rather frighten voters than fix the problem."
"""  # noqa: E501

STORY_SPEAKERS: list[tuple[str, str | None, SpeakerKind | None]] = [
    ("Howard attacks Blair", None, None),
    ("Tory leader Michael Howard has accused", "Michael Howard", PERSON),
    ("In a speech in London", "Michael Howard", PERSON),
    ("\"Mr Blair promised", "Michael Howard", PERSON),
    ("He has failed", "Michael Howard", PERSON),
    ("\"Labour has given up", "Michael Howard", PERSON),
    ("But Home Secretary", "Charles Clarke", PERSON),
    ("\"Crime is down", "Charles Clarke", PERSON),
    ("The Liberal Democrats' home affairs", "Mark Oaten", PERSON),
    ("According to the Home Office", "Home Office", ORG),
    ("The Conservative leader will", None, None),
    ("He is expected to say", "Michael Howard", PERSON),
    ("A Labour spokesman", "Labour", ORG),  # an unnamed spokesperson speaks for the body
    ("Mr Oaten added", "Mark Oaten", PERSON),
    ("\"They would rather", "Mark Oaten", PERSON),
]


def test_a_whole_story_sentence_by_sentence(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(STORY, pipeline)
    got = [(opening, *(_claim(claims, opening).speaker, _claim(claims, opening).speaker_kind))
           for opening, _, _ in STORY_SPEAKERS[1:]]
    assert got == STORY_SPEAKERS[1:]
    # The headline is furniture, no claim (issue 12).
    assert not any(c.text.startswith("Howard attacks Blair") for c in claims)


# An agency story in US style (titles after names, "said X, president of Y").
AGENCY = """Senate Republicans block voting rights bill

WASHINGTON (AP) — Senate Republicans on Tuesday blocked a sweeping elections bill that Democrats said was needed to protect access to the ballot.

"This is a sad day for our democracy," said Senate Majority Leader Chuck Schumer, D-N.Y. "Republicans have chosen to stand in the way."

Schumer said the bill would make Election Day a national holiday and expand early voting to at least 15 days.

Senate Republican leader Mitch McConnell called the legislation a "partisan power grab" and said states, not Washington, should run elections.

"There is no voter suppression crisis," McConnell said on the Senate floor. "Turnout in 2020 was the highest in more than a century."

According to the Brennan Center for Justice, at least 14 states have passed laws this year that make it harder to vote.

The White House said President Joe Biden was "deeply disappointed" by the vote.

Biden has said he supports changing the filibuster rules. He told reporters last week that the bill was "the most important" of his presidency.

Sen. Joe Manchin, D-W.Va., who opposes ending the filibuster, said he would keep working with Republicans.

Georgia's secretary of state, Brad Raffensperger, said in a statement that turnout in the state had risen by 18%.

The Justice Department has sued Georgia over its new law, which the department says is discriminatory.

Voting rights groups said they would keep fighting. "We are not giving up," said Sherrilyn Ifill, president of the NAACP Legal Defense Fund.
"""  # noqa: E501

AGENCY_SPEAKERS: list[tuple[str, str | None, SpeakerKind | None]] = [
    ("Senate Republicans block", None, None),
    ("\"This is a sad day", "Chuck Schumer", PERSON),
    ("\"Republicans have chosen", "Chuck Schumer", PERSON),
    ("Schumer said the bill", "Chuck Schumer", PERSON),
    ("Senate Republican leader", "Mitch McConnell", PERSON),
    ("\"There is no voter", "Mitch McConnell", PERSON),
    ("\"Turnout in 2020", "Mitch McConnell", PERSON),
    ("According to the Brennan", "Brennan Center for Justice", ORG),
    ("The White House said", "White House", ORG),
    ("Biden has said", "Joe Biden", PERSON),
    ("He told reporters", "Joe Biden", PERSON),
    ("Sen. Joe Manchin", "Joe Manchin", PERSON),
    ("Georgia's secretary of state", "Brad Raffensperger", PERSON),
    ("The Justice Department", "Justice Department", ORG),
    ("Voting rights groups", "Voting rights groups", ORG),
    ("\"We are not giving up", "Sherrilyn Ifill", PERSON),
]


def test_an_agency_story_sentence_by_sentence(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(AGENCY, pipeline)
    got = [(opening, *(_claim(claims, opening).speaker, _claim(claims, opening).speaker_kind))
           for opening, _, _ in AGENCY_SPEAKERS[1:]]
    assert got == AGENCY_SPEAKERS[1:]
    # The headline is furniture, no claim (issue 12).
    assert not any(c.text.startswith("Senate Republicans block") for c in claims)


# Roles of two parties, a rebuttal, a quote going on in the next paragraph, a post.
LICENCE = """Jowell defends BBC licence fee plans

The Culture Secretary has defended plans to keep the BBC licence fee for another ten years.

Tessa Jowell told MPs that the fee was "the least bad option" for funding the corporation.

She said a subscription model would leave millions of viewers without access to public service programmes.

Shadow culture secretary John Whittingdale said the plans were a missed opportunity. "The government has ducked the big decisions," he said.

"The licence fee is a regressive tax which hits the poorest hardest."

Ms Jowell rejected his claims, saying the fee would rise by no more than inflation.

Responding to Mr Whittingdale, the culture secretary said 95% of households watched the BBC every week.

The BBC's director general, Mark Thompson, welcomed the green paper.

In a statement, he said: "This is a good day for licence fee payers."

Figures from the regulator Ofcom show that BBC One's share of viewing fell to 23% last year.

The corporation said it would cut 2,900 jobs to save £355m a year.

The BBC will stay free of advertising and the licence fee will stay for ten more years. Good news for viewers.
— Tessa Jowell (@TessaJowell) March 2, 2005

Ofcom chief executive Stephen Carter said: "We will look carefully at the proposals."
"""  # noqa: E501

LICENCE_SPEAKERS: list[tuple[str, str | None, SpeakerKind | None]] = [
    ("Tessa Jowell told MPs", "Tessa Jowell", PERSON),
    ("She said a subscription", "Tessa Jowell", PERSON),
    ("Shadow culture secretary", "John Whittingdale", PERSON),
    ("\"The government has ducked", "John Whittingdale", PERSON),
    ("\"The licence fee is a regressive", "John Whittingdale", PERSON),
    ("Ms Jowell rejected his claims", "Tessa Jowell", PERSON),
    ("In a statement, he said", "Mark Thompson", PERSON),
    ("Figures from the regulator", "Ofcom", ORG),
    ("The corporation said", "corporation", ORG),
    ("The BBC will stay free", "Tessa Jowell", PERSON),
    ("Good news for viewers", "Tessa Jowell", PERSON),
    ("Ofcom chief executive", "Stephen Carter", PERSON),
]


def test_roles_of_two_parties_and_a_rebuttal(pipeline: LoadedPipeline) -> None:
    claims = extract_candidates(LICENCE, pipeline)
    got = [(opening, *(_claim(claims, opening).speaker, _claim(claims, opening).speaker_kind))
           for opening, _, _ in LICENCE_SPEAKERS]
    assert got == LICENCE_SPEAKERS
    # The shadow culture secretary is not "the culture secretary" who answers him.
    assert _claim(claims, "Responding to Mr Whittingdale").speaker != "John Whittingdale"


def test_a_bare_quotation_after_a_sentence_about_someone_is_theirs(
    pipeline: LoadedPipeline,
) -> None:
    text = ("At a summit in Paris, Angela Rayner urged councils to build faster. "
            "“We need 300,000 homes a year and we are building half that.”\n")
    claims = extract_candidates(text, pipeline)
    assert claims[-1].speaker == "Angela Rayner"
