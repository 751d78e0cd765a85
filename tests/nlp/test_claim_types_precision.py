"""Claim types a checker need not second-guess: made-up sentences that must not get a
type the rules used to give them, and guards for sentences that must keep it."""

from __future__ import annotations

import pytest

from claimdesk.domain.models import ClaimType
from claimdesk.nlp.claim_types import ClaimTypeRules
from claimdesk.nlp.pipeline import LoadedPipeline

CMP = ClaimType.COMPARISON
PER = ClaimType.PERSONAL


def _types(text: str, loaded: LoadedPipeline) -> set[ClaimType]:
    rules = ClaimTypeRules(loaded.nlp)
    doc = loaded.nlp(text)
    return set(rules.classify(doc[:]))


# "More than 300" is an approximate figure, like "over" or "about": it compares nothing.
APPROXIMATE = [
    "The charity raised more than £3 million for the new ward.",
    "Fewer than 200 residents came to the public meeting.",
    "The festival drew little more than 4,000 visitors on Saturday.",
    "Police said less than 10 percent of the stolen goods were found.",
]
# Comparisons that must keep their type.
COMPARING = [
    "Teachers in Scotland earn more than those in England.",
    "The town now has 300 more doctors than it had in 2015.",
    "Rail fares rose faster than wages last year.",
    "Crime fell by 12% compared with the previous year.",
]

# Forms of address and courtesies: "my hon. Friend", "I thank", "I am grateful".
NOT_PERSONAL = [
    "My hon. Friend makes an important point about rural bus services.",
    "I thank the minister for her answer on school funding.",
    "I am grateful to the volunteers who cleared the beach.",
    "I welcome the decision to reopen the library.",
    "I applaud the council for acting so quickly.",
    "My thoughts are with the families of the victims.",
    "My heart goes out to everyone affected by the floods.",
]
# Things that happened to the speaker stay personal experience.
PERSONAL = [
    "I waited six hours in the emergency department with my daughter.",
    "My mother lost her job at the factory in March.",
    "I was sacked after I complained about the heating.",
    "They told me the ward had no beds left.",
]


@pytest.mark.parametrize("text", APPROXIMATE)
def test_more_than_a_figure_is_no_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP not in _types(text, pipeline)


@pytest.mark.parametrize("text", APPROXIMATE)
def test_more_than_a_figure_without_the_model(blank_pipeline: LoadedPipeline, text: str
                                              ) -> None:
    assert CMP not in _types(text, blank_pipeline)


@pytest.mark.parametrize("text", COMPARING)
def test_comparisons_keep_their_type(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP in _types(text, pipeline)


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_address_and_courtesy_are_no_personal_experience(pipeline: LoadedPipeline, text: str
                                                         ) -> None:
    assert PER not in _types(text, pipeline)


@pytest.mark.parametrize("text", PERSONAL)
def test_personal_experience_keeps_its_type(pipeline: LoadedPipeline, text: str) -> None:
    assert PER in _types(text, pipeline)


RUL = ClaimType.RULES
# "law enforcement", "law school", "law firm", "law and order" state no rule.
NO_RULE = [
    "Officers from three law enforcement agencies joined the search.",
    "She studied at law school in Leeds before she joined the council.",
    "The company hired a law firm to review its accounts.",
    "The mayor promised to restore law and order in the city centre.",
]
RULE = [
    "The new law bans smoking in cars carrying children.",
    "Landlords who broke the law and ignored the notices were fined.",
    "It is legal and safe to cycle on the towpath.",
    "Law firms must report suspicious payments under the regulations.",
]


@pytest.mark.parametrize("text", NO_RULE)
def test_law_as_a_trade_or_place_is_no_rule(pipeline: LoadedPipeline, text: str) -> None:
    assert RUL not in _types(text, pipeline)


@pytest.mark.parametrize("text", RULE)
def test_rules_keep_their_type(pipeline: LoadedPipeline, text: str) -> None:
    assert RUL in _types(text, pipeline)


CAU = ClaimType.CAUSE
# Helping bring something about is cause and effect; a plan to help is not (yet).
HELPED = [
    "The new bypass has helped cut journey times into the town.",
    "Cheaper loans helped families buy their first homes.",
]
WILL_HELP = [
    "Volunteers will help paint the community hall next week.",
    "The charity is raising money to help build a new school.",
]


@pytest.mark.parametrize("text", HELPED)
def test_helping_bring_about_is_cause(pipeline: LoadedPipeline, text: str) -> None:
    assert CAU in _types(text, pipeline)


@pytest.mark.parametrize("text", WILL_HELP)
def test_a_plan_to_help_is_no_cause(pipeline: LoadedPipeline, text: str) -> None:
    assert CAU not in _types(text, pipeline)


# "our deepest sympathies", a plan to increase something, "increased traffic": no
# measured change and no ranking claimed.
NO_COMPARISON = [
    "The charity sent its deepest sympathies to the families.",
    "Our biggest worry is the weather on the day.",
    "The council will increase parking capacity at the station.",
    "Residents reported increased traffic on the lane.",
]
RANKED_OR_CHANGED = [
    "It is the largest hospital in Wales.",
    "Britain's largest bank cut its mortgage rates.",
    "Sales increased sharply in March.",
    "Applications to the scheme have increased.",
]


@pytest.mark.parametrize("text", NO_COMPARISON)
def test_courtesy_superlatives_and_plans_are_no_comparison(pipeline: LoadedPipeline, text: str
                                                           ) -> None:
    assert CMP not in _types(text, pipeline)


@pytest.mark.parametrize("text", RANKED_OR_CHANGED)
def test_rankings_and_changes_keep_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP in _types(text, pipeline)


# Sentences, penalties, prosecutions, lawsuits and immunities apply rules and laws.
LEGAL_PROCESS = [
    "The former director was sentenced to six years in prison.",
    "The company was sued by dozens of its former staff.",
    "Drivers who ignore the limit face a penalty on the spot.",
    "The bank was sanctioned by the regulator for late reporting.",
    "Envoys enjoy immunity while they serve abroad.",
]


@pytest.mark.parametrize("text", LEGAL_PROCESS)
def test_legal_process_is_rules(pipeline: LoadedPipeline, text: str) -> None:
    assert RUL in _types(text, pipeline)


PRE = ClaimType.PREDICTION
# "You will know that...", "the minister will be aware that...": a courtesy about what
# someone knows already, not a forecast.
KNOWS_ALREADY = [
    "You will know that the clinic closed last spring.",
    "The minister will be aware that the scheme ended in March.",
    "She will recall that the vote was close.",
]
FORECASTS = [
    "Ministers will know the result by Friday.",
    "The council will close the clinic next spring.",
]


@pytest.mark.parametrize("text", KNOWS_ALREADY)
def test_will_know_that_is_no_prediction(pipeline: LoadedPipeline, text: str) -> None:
    assert PRE not in _types(text, pipeline)


@pytest.mark.parametrize("text", FORECASTS)
def test_forecasts_keep_prediction(pipeline: LoadedPipeline, text: str) -> None:
    assert PRE in _types(text, pipeline)


# A question forecasts nothing, whatever its verbs.
QUESTIONS = [
    "Will the council close the library next year?",
    "What is going to happen to the old pier?",
    "Can the minister say when the trains will run again?",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_are_no_prediction(pipeline: LoadedPipeline, text: str) -> None:
    assert PRE not in _types(text, pipeline)


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_are_no_prediction_without_the_model(blank_pipeline: LoadedPipeline,
                                                       text: str) -> None:
    assert PRE not in _types(text, blank_pipeline)


# "more visitors", "do more" with nothing they are more than: no second term compared.
MORE_WITHOUT_THAN = [
    "The charity hopes to recruit more volunteers this winter.",
    "Police want to do more to tackle burglary in the area.",
    "The new wing will give patients more privacy.",
]
MORE_THAN = [
    "More people now cycle to work than drive.",
    "The school has more pupils than it had in 2019.",
]


@pytest.mark.parametrize("text", MORE_WITHOUT_THAN)
def test_more_without_than_is_no_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP not in _types(text, pipeline)


@pytest.mark.parametrize("text", MORE_THAN)
def test_more_than_something_is_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP in _types(text, pipeline)


# "dropped out of the race", "jumped off the wall": movements, not changes in a figure.
NO_CHANGE = [
    "The candidate dropped out of the race in March.",
    "The cat jumped off the garden wall.",
]
CHANGES = [
    "Sales dropped sharply last month.",
    "Shares in the firm jumped 8% on Monday.",
]


@pytest.mark.parametrize("text", NO_CHANGE)
def test_dropping_out_is_no_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP not in _types(text, pipeline)


@pytest.mark.parametrize("text", CHANGES)
def test_drops_and_jumps_keep_comparison(pipeline: LoadedPipeline, text: str) -> None:
    assert CMP in _types(text, pipeline)
