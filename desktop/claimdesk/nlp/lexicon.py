"""Word lists the claim-type and speaker rules share (lower-case surface forms)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The white-space separated words of `text`, as a set."""
    return frozenset(text.split())


# Verbs that attribute a statement to someone. Surface forms, not lemmas, so the rules
# also work on the blank fallback pipeline, which has no lemmatizer.
REPORTING_VERBS = words(
    """
    say says said saying tell tells told add adds added acknowledge acknowledges
    acknowledged admit admits admitted announce announces announced argue argues argued
    assert asserts asserted claim claims claimed comment comments commented concede
    concedes conceded confirm confirms confirmed contend contends contended declare
    declares declared deny denies denied explain explains explained insist insists
    insisted maintain maintains maintained note notes noted reply replies replied report
    reports reported state states stated stress stresses stressed warn warns warned
    write writes wrote tweet tweets tweeted post posted testify testifies testified
    allege alleges alleged suggest suggests suggested emphasise emphasises emphasised
    emphasize emphasizes emphasized continue continues continued hail hails hailed
    predict predicts predicted estimate estimates estimated conclude concludes concluded
    remark remarks remarked recall recalls recalled reveal reveals revealed according
    """
)
# Reporting verbs that only report when they introduce a clause or a quotation
# ("continued to fight", "posted a video", "noted", "states" as a noun are not speech).
WEAK_REPORTING_VERBS = words(
    """
    continue continues continued post posted report reports reported state states note
    notes estimate estimates estimated hail hails hailed claims
    """
)

HONORIFICS = words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr.
    president senator sen. rep. representative governor gov. minister secretary general
    chancellor mayor judge justice pope king queen prince princess sheikh gen. col.
    """
)

PERSONAL_PRONOUNS = words("he she him her")
GROUP_PRONOUNS = words("it they them")
FIRST_SECOND_PERSON = words("i me we us you")
RELATIVE_PRONOUNS = words("who which that whom")
DETERMINERS = words("the a an")

# Verbs of opinion, wishes and modality: "I think…" states a view, not an experience.
OPINION_VERBS = words(
    """
    think thought believe believed hope hoped guess suppose expect expected want wanted
    wish feel felt know knew mean meant agree disagree doubt understand assume suspect
    reckon say said will would 'll ’ll 'd ’d can could must should may might shall
    urge call welcome
    """
)
# Stance adjectives after "I am": "I am sure that…" is an opinion, too.
OPINION_ADJECTIVES = words(
    """
    sure confident certain convinced clear pleased delighted proud glad happy concerned
    worried afraid determined committed optimistic hopeful
    """
)
AUXILIARIES = words("am 'm ’m was have 've ’ve had do did does been be")
# Adverbs that may stand between "I" and its verb in the lexical fallback.
ADVERB_FILLERS = words(
    """
    also really just still truly strongly personally firmly honestly do did not n't n’t
    never always genuinely certainly very
    """
)

# A numeric token that is one of these is a manner of speaking or an order, not a figure.
NON_FIGURES = words("one once first second third fourth fifth sixth seventh eighth ninth tenth")
