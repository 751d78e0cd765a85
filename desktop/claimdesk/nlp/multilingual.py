"""Candidate claims in languages without a trained pipeline: sentences and rule types only."""

from __future__ import annotations

from collections.abc import Callable

from claimdesk.domain.models import CandidateClaim
from claimdesk.nlp.extract import (
    MAX_CANDIDATES,
    MAX_EXTRACT_CHARS,
    ExtractionCancelled,
    TooMuchToExtract,
    too_long_message,
    too_many_message,
)
from claimdesk.nlp.figures import Mark, claim_types, quotations
from claimdesk.nlp.furniture import content_segments, is_bare_label
from claimdesk.nlp.languages import base_code
from claimdesk.nlp.segments import Segment, paragraph_segments
from claimdesk.nlp.sentence_bounds import sentence_spans
from claimdesk.nlp.transcripts import line_speakers

#: Name stored with claims found this way (the English path stores the spaCy model's).
PIPELINE_PREFIX = "sentencex-rules"
# Sentence ends of other scripts, read as "." or "?" by the furniture rules (which know
# Latin and CJK ones): Arabic ؟ and ۔, Devanagari । ॥, Ethiopic ።, Burmese ။, Khmer ។,
# Armenian ։, Greek ;. One character for one, so every offset stays the same.
_AS_LATIN_ENDS = str.maketrans({"؟": "?", "۔": ".", "।": ".", "॥": ".", "።": ".",
                                "፧": "?", "။": ".", "។": ".", "։": ".", "\u037e": "?"})  # fmt: skip


def pipeline_name(language: str | None) -> str:
    """ "sentencex-rules:de": what found an article's claims, stored beside them."""
    return f"{PIPELINE_PREFIX}:{base_code(language)}"


def extract_multilingual(
    text: str,
    language: str | None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_chars: int = MAX_EXTRACT_CHARS,
    max_candidates: int = MAX_CANDIDATES,
) -> list[CandidateClaim]:
    """Every sentence of `text` as an unscored CandidateClaim, in text order.

    The same contract as extract.extract_candidates (exact offsets, no sentence across a
    line break, furniture left out, the same limits, progress and cancelling), with
    what needs no language model: sentences from sentencex, QUANTITY from figures in
    any script and QUOTE from the language's quotation marks. No entities and no
    speakers: guessing them with the English pipeline gives garbage ("März" a person).
    """
    if len(text) > max_chars:
        raise TooMuchToExtract(too_long_message(len(text), max_chars))
    code = base_code(language)
    total = len(text)
    paragraphs = paragraph_segments(text)
    kept = content_segments(text.translate(_AS_LATIN_ENDS), paragraphs)
    # Transcript prefixes ("SMITH: ") stay outside claims; who they name is not used.
    segments = line_speakers(text, paragraphs, kept).segments
    lines = _line_spans(segments)
    claims: list[CandidateClaim] = []
    quotes: list[Mark] = []
    paragraph = -1
    for segment in segments:
        if cancelled is not None and cancelled():
            raise ExtractionCancelled
        if segment.paragraph != paragraph:
            # Quotations run across sentences, so they are found line by line.
            paragraph = segment.paragraph
            line_start, line_end = lines[paragraph]
            quotes = [Mark(line_start + q.start, line_start + q.end, q.kind)
                      for q in quotations(text[line_start:line_end], code)]
        for first, last in sentence_spans(text[segment.start:segment.end], code):
            start, end = segment.start + first, segment.start + last
            sentence = text[start:end]
            if is_bare_label(sentence):
                continue
            quoted = any(q.kind == "quote" and q.start < end and start < q.end for q in quotes)
            claims.append(CandidateClaim(
                start=start,
                end=end,
                text=sentence,
                types=claim_types(sentence, code, quoted=quoted),
            ))
            if len(claims) > max_candidates:
                raise TooMuchToExtract(too_many_message(max_candidates))
        if progress is not None:
            progress(segment.end, total)
    if progress is not None:
        progress(total, total)
    return claims


def _line_spans(segments: list[Segment]) -> dict[int, tuple[int, int]]:
    """Line number → [start, end) of its kept text (a long line gives several chunks)."""
    spans: dict[int, tuple[int, int]] = {}
    for segment in segments:
        start = spans.get(segment.paragraph, (segment.start, 0))[0]
        spans[segment.paragraph] = (start, segment.end)
    return spans
