"""Speaker causes found on part `n-` of the news set once it became a development part
(3 December 2026, evening), each with sentences written for the test (none copied from
the set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.quote_verbs import Context, verb_after
from claimdesk.nlp.segments import Quotation
from claimdesk.nlp.speaker_syntax import subject
from claimdesk.nlp.transcripts import line_speaker
from tests.nlp.speaker_cases import Case, speaker_of

CAUSES: list[Case] = [
    # "In his opinion, …" and "In his view, …" give the view's holder's statement.
    ("Surgeons\nDr Oleg Brandt spoke to the students. In his opinion, a surgeon has almost no "
     "chance to reach the top without English.", "In his opinion", "Oleg Brandt"),
    ("Surgeons\nDr Oleg Brandt spoke to the students. In his view, the regional centres are "
     "on the same level as foreign ones.", "In his view", "Oleg Brandt"),
    ("Surgeons\nDr Oleg Brandt spoke to the students. From his view, this is a problem for the "
     "whole country.", "From his view", "Oleg Brandt"),
    # "His message … said" is his, not a speaker called "His message".
    ("Governor\nThe new governor, Pavel Lind, was elected in May. His message to the regional "
     "parliament said the clinic would grow.", "His message", "Pavel Lind"),
    # One who quips says something.
    ("Panel\nActor Dan Kowal took questions on Sunday. He quipped \"I still have sand in my "
     "boots.\"", "He quipped", "Dan Kowal"),
    # Declaring that something is so still states it.
    ("Result\nGovernor Rhian Pugh declared the vote had been fair.", "Governor Rhian",
     "Rhian Pugh"),
    # A forecaster's advisory speaks for it.
    ("Storm\nThe Northfield Weather Office issued a warning on Monday. The advisory also "
     "noted dangerous surf along the coast.", "The advisory", "Northfield Weather Office"),
]

GUARDS: list[Case] = [
    # Declaring an emergency, or announcing the end of a campaign, is an act.
    ("Storm\nLast week, Governor Rhian Pugh declared a state of emergency in anticipation of "
     "the storm.", "Last week", None),
    ("Race\nOn Friday, Senator Dale Whitcombe announced the end of his campaign.", "On Friday",
     None),
    # Officials named by a day only are still unnamed.
    ("Outbreak\nAccording to officials on Saturday, the virus may have killed two visitors.",
     "According to officials", None),
    ("Fire\nReports as of Wednesday said about two hundred cars had burned.", "Reports as",
     None),
    # A place that is his is no view of his.
    ("Arrest\nDr Oleg Brandt was stopped on Monday. In his car, officers found a knife.",
     "In his car", None),
    # A verb after a quotation that opens another clause still ends the search.
    ("Match\n\"We will win\", the fans sang as Geoff Ingram left the ground.", "\"We will",
     None),
]


@pytest.mark.parametrize(("text", "opening", "expected"), CAUSES + GUARDS)
def test_speaker_causes_of_part_n(
    pipeline: LoadedPipeline, text: str, opening: str, expected: str | None
) -> None:
    assert speaker_of(pipeline, text, opening) == expected


def test_a_role_word_parsed_as_a_verb_after_a_quotation(pipeline: LoadedPipeline) -> None:
    # The parse the pipeline gave a sentence of the set: "coach" a verb, the quotation its
    # clause, the name its object, and "said" left without a subject.
    words = ['"', "I", "am", "happy", '"', ",", "Caloundra", "coach", "Geoff", "Ingram",
             "said", "."]
    heads = [10, 2, 7, 2, 7, 7, 7, 10, 9, 7, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "ccomp",
            "compound", "dobj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PROPN", "PROPN",
           "VERB", "PUNCT"]
    tags = ["``", "PRP", "VBP", "JJ", "''", ",", "NNP", "VBP", "NNP", "NNP", "VBD", "."]
    spaces = [False, True, True, False, False, True, True, True, True, True, False, False]
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              tags=tags)
    doc.ents = [Span(doc, 8, 10, "PERSON")]
    ctx = Context(doc, [doc[:]], [Quotation(0, len('"I am happy"'))],
                  {8: doc.ents[0], 9: doc.ents[0]}, 0)
    said = verb_after(ctx, ctx.quotations[0])
    assert said is not None and said.text == "said"
    found = subject(said)
    assert found is not None and found.text == "Ingram"
    # A lower-case verb that is no role between two names still ends the search.
    words[7], words[6] = "met", "they"
    pos[6] = "PRON"
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              tags=tags)
    doc.ents = [Span(doc, 8, 10, "PERSON")]
    ctx = Context(doc, [doc[:]], [Quotation(0, len('"I am happy"'))],
                  {8: doc.ents[0], 9: doc.ents[0]}, 0)
    assert verb_after(ctx, ctx.quotations[0]) is None


def test_the_speaker_in_the_chair_is_named_by_her_office() -> None:
    # "Madam Speaker:" is the Speaker's turn, as "Mr. Speaker:" is, not an unnamed one.
    assert line_speaker("Madam Speaker: That is not a point of order.") == (
        len("Madam Speaker: "), "Madam Speaker")
    assert line_speaker("Madam Deputy Speaker: Order.") == (
        len("Madam Deputy Speaker: "), "Madam Deputy Speaker")
