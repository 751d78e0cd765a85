"""Candidate extraction: exact offsets, paragraph limits, long texts, progress and cancelling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimdesk.domain.models import CandidateClaim, ClaimType
from claimdesk.nlp.extract import ExtractionCancelled, candidate_sentences, extract_candidates
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.segments import find_quotations, paragraph_segments

SEED = Path(__file__).parents[2] / "seeds" / "000_ad62cf6f6f800dde.txt"
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def assert_well_formed(text: str, claims: list[CandidateClaim]) -> None:
    """Offsets index `text` exactly, claims are trimmed, ordered, disjoint, one line each."""
    previous_end = 0
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert claim.text and claim.text == claim.text.strip()
        assert claim.start >= previous_end
        assert not any(ch in LINE_BREAKS for ch in claim.text)
        assert claim.score is None
        assert isinstance(claim.types, tuple)
        assert all(isinstance(t, ClaimType) for t in claim.types)
        for ent in claim.entities:
            assert claim.start <= ent.start < ent.end <= claim.end
            assert text[ent.start:ent.end] == ent.text
        previous_end = claim.end


def test_seed_article_offsets_and_entities(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    claims = extract_candidates(text, pipeline)
    assert_well_formed(text, claims)
    assert len(claims) == 18
    blinken = claims[1]
    assert ("Antony Blinken", "PERSON") in {(e.text, e.label) for e in blinken.entities}
    drones = next(c for c in claims if c.text.startswith("Ukraine said"))
    assert {("25", "CARDINAL"), ("33", "CARDINAL"), ("Thursday", "DATE")} <= {
        (e.text, e.label) for e in drones.entities}


def test_crlf_and_blank_lines_change_offsets_not_results(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    windows = "\r\n\r\n".join(text.splitlines()) + "\r\n"
    plain, crlf = extract_candidates(text, pipeline), extract_candidates(windows, pipeline)
    assert_well_formed(windows, crlf)
    assert [(c.text, c.types, c.speaker) for c in crlf] == [
        (c.text, c.types, c.speaker) for c in plain]
    assert crlf[-1].start > plain[-1].start


def test_every_word_of_the_seed_is_in_some_claim(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    covered = "".join(c.text for c in extract_candidates(text, pipeline))
    assert "".join(text.split()) == "".join(covered.split())


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% 📈 in May. Ministers said 🙂 it was “good news”.",
        "北京 said growth was 5%. Tokyo disagreed.\u3000The yen fell.",
        "Cafe\u0301 owners said re\u0301sume\u0301s fell. Zoe\u0308 disagreed.",
        "First line of text.\r\nSecond line, said officials.\r\n\r\nThird  line .\r\n",
        "  \t Leading and trailing space.   \n\n   ",
        "“Unclosed quotation, said nobody.\n“Another one,” he said.",
        "👍🏽👨‍👩‍👧 Family emoji. 🇺🇦 Flag.",
    ],
)
def test_offsets_survive_awkward_text(pipeline: LoadedPipeline, text: str) -> None:
    claims = extract_candidates(text, pipeline)
    assert_well_formed(text, claims)
    assert claims


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def test_claims_do_not_start_or_end_with_invisible_characters(
        pipeline: LoadedPipeline) -> None:
    # Text copied from web pages carries zero-width spaces, word joiners and a stray BOM.
    text = ("\u200bThe port handled 4% more freight in April.\u2060\n"
            "\ufeffDock workers said the new cranes were faster.\u200b \u200b\n"
            "\u00ad Ferry fares rose by £3 this summer.\n")
    claims = extract_candidates(text, pipeline)
    assert_well_formed(text, claims)
    assert [c.text for c in claims] == [
        "The port handled 4% more freight in April.",
        "Dock workers said the new cranes were faster.",
        "Ferry fares rose by £3 this summer."]


def test_sentences_never_cross_a_line_break(pipeline: LoadedPipeline) -> None:
    text = "The committee met on Monday and\nthe report was published on Friday"
    claims = extract_candidates(text, pipeline)
    assert [c.text for c in claims] == ["The committee met on Monday and",
                                        "the report was published on Friday"]


def test_closing_quote_stays_with_its_sentence(pipeline: LoadedPipeline) -> None:
    text = "He said: “Prices will fall.” Critics disagree."
    assert [c.text for c in extract_candidates(text, pipeline)] == [
        "He said: “Prices will fall.”", "Critics disagree."]


def test_bare_punctuation_is_not_a_claim(pipeline: LoadedPipeline) -> None:
    text = "***\nThe vote was close.\n—\n"
    assert [c.text for c in extract_candidates(text, pipeline)] == ["The vote was close."]


def test_empty_and_blank_texts(pipeline: LoadedPipeline) -> None:
    assert extract_candidates("", pipeline) == []
    assert extract_candidates(" \n\r\n\t ", pipeline) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
       | st.lists(st.sampled_from(["Prices rose.", " ", "\n", "\r\n", "“", "”", '"', "é",
                                   "👍", "北京", "Mr", ".", "!", "said", "\u2028", "\t"]),
                  max_size=40).map("".join))
def test_fallback_offsets_on_any_text(blank_pipeline: LoadedPipeline, text: str) -> None:
    assert_well_formed(text, extract_candidates(text, blank_pipeline))


NEWS_PIECES = ["Prices rose 5%.", "“", "”", '"', "«", "»", "he said", "she told", "Mr Smith",
               "John Smith", "said", ",", ".", "according to", "the Kremlin", "which it said",
               "who said", "I", "will", "would", "than", "because", "the Act", "\r\n", "\n",
               "👍", " "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NEWS_PIECES), max_size=30).map(" ".join))
@example("“ ,")  # a paragraph of a quotation mark and a comma: no sentence, once a crash
def test_model_offsets_on_shuffled_news_pieces(pipeline: LoadedPipeline, text: str) -> None:
    # Quotes, names and pronouns in odd orders reach every branch of the speaker rules.
    assert_well_formed(text, extract_candidates(text, pipeline))


def test_fallback_pipeline_still_extracts(blank_pipeline: LoadedPipeline) -> None:
    assert blank_pipeline.limited
    assert blank_pipeline.message
    text = SEED.read_text(encoding="utf-8")
    claims = extract_candidates(text, blank_pipeline)
    assert_well_formed(text, claims)
    assert len(claims) >= 15
    assert any(c.speaker == "Ukraine" for c in claims)
    assert any(ClaimType.QUANTITY in c.types for c in claims)


def test_text_longer_than_spacys_limit(blank_pipeline: LoadedPipeline) -> None:
    sentence = "The council said 1,200 homes were built last year. "
    text = sentence * (1_100_000 // len(sentence))  # one line, beyond nlp.max_length
    assert len(text) > blank_pipeline.nlp.max_length
    # Beyond the app's own limits (test_extract_limits): this checks the chunking alone.
    claims = extract_candidates(
        text, blank_pipeline, max_chars=len(text), max_candidates=len(text)
    )
    assert len(claims) == text.count(".")
    assert_well_formed(text, claims)


def test_long_paragraphs_are_cut_at_sentence_ends() -> None:
    text = "One sentence here. " * 50 + "x" * 30
    segments = paragraph_segments(text, max_chunk=100)
    assert all(s.end - s.start <= 100 for s in segments)
    assert {s.paragraph for s in segments} == {0}
    for s in segments[:-2]:
        assert text[s.start:s.end].endswith(".")
    assert "".join(text[s.start:s.end] for s in segments).replace(" ", "") == text.replace(" ", "")


def test_a_word_longer_than_a_chunk_is_cut_hard() -> None:
    text = "y" * 250
    segments = paragraph_segments(text, max_chunk=100)
    assert [(s.start, s.end) for s in segments] == [(0, 100), (100, 200), (200, 250)]


def test_quotations_of_a_paragraph() -> None:
    text = '“A b c d,” he said. "E f," she said. «G» „H“ “open'
    spans = [(text[q.start:q.end], q.open_at_end) for q in find_quotations(text)]
    assert spans == [("“A b c d,”", False), ('"E f,"', False), ("«G»", False),
                     ("„H“", False), ("“open", True)]


def test_progress_reaches_the_total(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    calls: list[tuple[int, int]] = []
    extract_candidates(text, pipeline, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(text), len(text))
    assert len(calls) > 10
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_cancelling_stops_with_an_exception(pipeline: LoadedPipeline) -> None:
    text = SEED.read_text(encoding="utf-8")
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 3

    with pytest.raises(ExtractionCancelled):
        extract_candidates(text, pipeline, cancelled=cancelled)
    assert len(polls) == 4


def test_candidate_sentences_of_a_doc(pipeline: LoadedPipeline) -> None:
    doc = pipeline.nlp("“It is hard.” He left. …")
    assert [s.text for s in candidate_sentences(doc)] == ["“It is hard.”", "He left. …"]


def test_nlp_modules_do_not_import_spacy_at_start_up() -> None:
    code = ("import sys, claimdesk.nlp.extract, claimdesk.nlp.pipeline, "
            "claimdesk.nlp.speakers, claimdesk.nlp.claim_types; "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
