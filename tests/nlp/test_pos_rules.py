"""The trimmed pipeline (PosRules in place of the attribute ruler) extracts the same claims."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from claimdesk.importers import read_article
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.pos_rules import FACTORY, compile_ruler, trim_for_extraction
from tests.benchmarks.test_bench_extract import ten_thousand_words

DATA = Path(__file__).parents[1] / "data"
SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"
# Words the ruler treats specially: auxiliaries, "there is", spaces, negation, "but".
TRICKY = (
    "There is a dog.  Two  spaces\u00a0here. I ain't gonna do it, y'all. Let's go. "
    "He does have it and did. But he left, and that which is left is what it is.",
    "They're here and I'm there; it isn't over, whether or not he's right.",
)


@pytest.fixture(scope="module")
def as_loaded(pipeline: LoadedPipeline) -> Language:
    """The same model with every component, as spaCy loads it."""
    return spacy.load(pipeline.name)


def test_the_app_pipeline_is_trimmed(pipeline: LoadedPipeline, as_loaded: Language) -> None:
    assert FACTORY in pipeline.nlp.pipe_names
    assert not {"attribute_ruler", "lemmatizer"} & set(pipeline.nlp.pipe_names)
    assert {"attribute_ruler", "lemmatizer"} <= set(as_loaded.pipe_names)


def test_tags_parts_of_speech_and_arcs_match_the_attribute_ruler(
    pipeline: LoadedPipeline, as_loaded: Language
) -> None:
    paragraphs = [*ten_thousand_words().split("\n"), *TRICKY]
    seen = 0
    for full, fast in zip(as_loaded.pipe(paragraphs), pipeline.nlp.pipe(paragraphs),
                          strict=True):
        assert [(t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in fast] == [
            (t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in full]
        seen += len(full)
    assert seen > 10_000


def _claims(text: str, pipeline: LoadedPipeline) -> list[tuple[object, ...]]:
    return [(c.start, c.end, c.types, c.speaker, c.entities)
            for c in extract_candidates(text, pipeline)]


@pytest.mark.parametrize("source", [
    "seed", "ten thousand words", "sample_press_release.docx", "sample_saved_page.html",
    "sample_speech.pdf", "tricky"])
def test_extraction_gives_the_same_claims_as_with_the_full_pipeline(
    source: str, pipeline: LoadedPipeline, as_loaded: Language
) -> None:
    if source == "seed":
        text = SEED.read_text(encoding="utf-8")
    elif source == "ten thousand words":
        text = ten_thousand_words()
    elif source == "tricky":
        text = "\n".join(TRICKY)
    else:
        text = read_article(str(DATA / source)).text
    full = LoadedPipeline(as_loaded, pipeline.name, limited=False, message=None)
    claims = _claims(text, pipeline)
    assert claims == _claims(text, full)
    assert any(speaker for *_, speaker, _ in claims) or source in {"tricky", "sample_speech.pdf"}


def _ruler_pipeline(patterns: list[dict[str, object]]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


def test_later_rules_win_and_multi_token_rules_set_their_token() -> None:
    patterns: list[dict[str, object]] = [
        {"patterns": [[{"LOWER": "is"}]], "attrs": {"POS": "AUX"}},
        {"patterns": [[{"LOWER": "dog"}]], "attrs": {"POS": "NOUN", "TAG": "NN"}},
        {"patterns": [[{"LOWER": {"IN": ["dog", "cat"]}}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": "there"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"},
         "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "^wa"}}]], "attrs": {"POS": "AUX",
                                                               "LEMMA": "be"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    ]
    full, fast = _ruler_pipeline(patterns), _ruler_pipeline(patterns)
    trim_for_extraction(fast)
    assert FACTORY in fast.pipe_names
    text = "There is a dog  and a cat; is it? It was."
    expected = [(t.pos_, t.tag_) for t in full(text)]
    assert [(t.pos_, t.tag_) for t in fast(text)] == expected
    # "There is": the later two-token rule wins over "is" → AUX; "is it?" stays AUX.
    assert expected[1] == ("VERB", "") and expected[9] == ("AUX", "")
    assert expected[3] == ("PROPN", "NN") and expected[4] == ("SPACE", "_SP")


def test_a_ruler_it_cannot_copy_is_left_in_place() -> None:
    patterns: list[dict[str, object]] = [
        {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}},
    ]
    assert compile_ruler(patterns) is None
    nlp = _ruler_pipeline(patterns)
    trim_for_extraction(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert compile_ruler([{"patterns": [[{"SHAPE": "dd"}]], "attrs": {"POS": "NUM"}}]) is None
    # Rules that set only what extraction never reads need no copy at all.
    assert compile_ruler([{"patterns": [[{"SHAPE": "dd"}]], "attrs": {"LEMMA": "x"}}]) == []
