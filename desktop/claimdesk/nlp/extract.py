"""Candidate claims: every sentence of an article with its types, speaker and entities."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from claimdesk.domain.models import CandidateClaim, Entity
from claimdesk.domain.spans import trim_span
from claimdesk.errors import KnownError
from claimdesk.nlp.claim_types import ClaimTypeRules
from claimdesk.nlp.clauses import mend_sentences, only_links, split_long
from claimdesk.nlp.entities import entity_spans
from claimdesk.nlp.entity_labels import KnownNames
from claimdesk.nlp.furniture import content_segments, is_bare_label, trim_asides
from claimdesk.nlp.pipeline import LoadedPipeline
from claimdesk.nlp.segments import Segment, paragraph_segments
from claimdesk.nlp.speakers import Attribution, SpeakerTracker
from claimdesk.nlp.speeches import SpeechRun
from claimdesk.nlp.transcripts import line_speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Docs per nlp.pipe call; small enough that progress and cancelling stay responsive.
BATCH_ITEMS = 64
#: Characters per nlp.pipe call, for the same reason on articles of few long paragraphs.
BATCH_CHARS = 40_000
#: The longest text claims are found in: about 100 pages. Parsing and scoring cost grows
#: with every sentence (a 1 MB text took 289 s here and gave 6,459 "claims"), and no
#: checker reviews thousands of candidates in one article; longer texts are refused
#: before any work, and the checker can still split the file or mark claims by hand.
MAX_EXTRACT_CHARS = 200_000
#: The most candidate sentences one article may give (a text of many tiny sentences
#: stays under MAX_EXTRACT_CHARS); extraction stops as soon as it is passed.
MAX_CANDIDATES = 2_000
_CLOSERS = frozenset({"”", "’", "»", ")", "]", "}", '"', "'"})
_OPENERS = frozenset({"“", "«", "„", "(", "["})


class ExtractionCancelled(Exception):
    """The caller asked an extraction to stop before it finished; nothing is returned."""


class TooMuchToExtract(KnownError):
    """The article is beyond the limits of claim extraction; nothing is returned."""


_SPLIT_ADVICE = "split it into smaller files, or mark its claims by hand"


def too_long_message(length: int, max_chars: int) -> str:
    """Why a text of `length` characters is refused (shared with nlp/multilingual.py)."""
    return (
        f"This article has {length:,} characters; ClaimDesk finds claims in articles "
        f"of up to {max_chars:,} (about {max_chars // 2000:,} pages): {_SPLIT_ADVICE}."
    )


def too_many_message(max_candidates: int) -> str:
    """Why extraction stopped after `max_candidates` sentences."""
    return (
        f"This article has more than {max_candidates:,} sentences, ClaimDesk's "
        f"limit for finding claims in one article: {_SPLIT_ADVICE}."
    )


def extract_candidates(
    text: str,
    pipeline: LoadedPipeline,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_chars: int = MAX_EXTRACT_CHARS,
    max_candidates: int = MAX_CANDIDATES,
) -> list[CandidateClaim]:
    """Every sentence of `text` as an unscored CandidateClaim, in text order.

    Offsets index `text` exactly; sentences never cross a line break. `progress` gets
    (characters done, characters in all) after each paragraph; `cancelled` is polled
    as often and makes the extraction raise ExtractionCancelled. A text longer than
    `max_chars`, or one that gives more than `max_candidates` sentences, raises
    TooMuchToExtract (a KnownError): the work is bounded whatever the article.
    """
    if len(text) > max_chars:
        raise TooMuchToExtract(too_long_message(len(text), max_chars))
    rules = ClaimTypeRules(pipeline.nlp)
    tracker = SpeakerTracker()
    claims: list[CandidateClaim] = []
    total = len(text)
    # Headlines, bylines and datelines are no claims, and markers no claim text;
    # transcript prefixes ("SMITH: ") name the speaker and stay outside every claim.
    paragraphs = paragraph_segments(text)
    lines = line_speakers(text, paragraphs, content_segments(text, paragraphs))
    # Lines furniture dropped (headings) end a press release's bare speech.
    dropped = sorted({s.paragraph for s in paragraphs}
                     - {s.paragraph for s in lines.segments})
    speech, d, last = SpeechRun(), 0, -1
    names = KnownNames()
    for segment, doc in _parsed(text, lines.segments, pipeline, cancelled):
        sentences = mend_sentences(doc, candidate_sentences(doc))
        given = lines.speakers.get(segment.paragraph)
        attributions = tracker.attribute(doc, sentences, segment.paragraph, given,
                                         lines.credits.get(segment.paragraph))
        if segment.paragraph in lines.unnamed:
            attributions = [Attribution(None, a.quoted, None) for a in attributions]
        interrupted = False
        while d < len(dropped) and dropped[d] < segment.paragraph:
            interrupted = interrupted or dropped[d] > last
            d += 1
        last = segment.paragraph
        attributions = speech.apply(doc, sentences, attributions,
                                    interrupted=interrupted, given=given is not None)
        entities = names.relabel(_entities(text, doc, segment.start))
        k = 0
        for sent, attribution in split_long(sentences, attributions):
            start, end = trim_span(text, segment.start + sent.start_char,
                                   segment.start + sent.end_char)
            # "(Laughter.)" is what the room did: never a claim nor claim text.
            start, end = trim_span(text, *trim_asides(text, start, end,
                                                      transcript=given is not None))
            # A "sentence" without a letter ("14:40", "[00:03:14]", "(12)") says nothing,
            # nor does one of links ("Read more: https://…").
            if (not any(ch.isalpha() for ch in text[start:end])
                    or is_bare_label(text[start:end]) or only_links(text[start:end])
                    or (given is None and _label_line(text, segment, sent, start, end))):
                continue
            while k < len(entities) and entities[k].start < start:
                k += 1
            mine: list[Entity] = []
            while k < len(entities) and entities[k].end <= end:
                mine.append(entities[k])
                k += 1
            claims.append(CandidateClaim(
                start=start,
                end=end,
                text=text[start:end],
                types=rules.classify(sent, quoted=attribution.quoted),
                speaker=attribution.speaker,
                entities=tuple(mine),
                speaker_kind=attribution.kind,
            ))
            if len(claims) > max_candidates:
                raise TooMuchToExtract(too_many_message(max_candidates))
        if progress is not None:
            progress(segment.end, total)
    if progress is not None:
        progress(total, total)
    return claims


def _parsed(
    text: str,
    segments: list[Segment],
    pipeline: LoadedPipeline,
    cancelled: Callable[[], bool] | None,
) -> Iterator[tuple[Segment, Doc]]:
    """(segment, Doc) pairs in text order, parsed in small batches with nlp.pipe."""
    i = 0
    while i < len(segments):
        if cancelled is not None and cancelled():
            raise ExtractionCancelled
        j, size = i, 0
        while j < len(segments) and j - i < BATCH_ITEMS and (j == i or size < BATCH_CHARS):
            size += segments[j].end - segments[j].start
            j += 1
        batch = segments[i:j]
        texts = [text[s.start:s.end] for s in batch]
        for segment, doc in zip(batch, pipeline.nlp.pipe(texts, batch_size=len(batch)),
                                strict=True):
            yield segment, doc
            if cancelled is not None and cancelled():
                raise ExtractionCancelled
        i = j


def candidate_sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, with closing quotes kept on the sentence they close.

    The parser often starts a sentence with the ” that ends the previous one; and a
    "sentence" of bare punctuation ("…", "***") is no claim, so it joins its neighbour.
    """
    bounds: list[list[int]] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        if bounds and bounds[-1][1] == start:
            # The sentencizer ends a sentence *after* the “ that opens the next one.
            while bounds[-1][1] - 1 > bounds[-1][0] and _opens(doc[bounds[-1][1] - 1]):
                bounds[-1][1] -= 1
            start = bounds[-1][1]
        if bounds:
            while start < end and _closes(doc[start]):
                start += 1
            bounds[-1][1] = start
            if start < end and not _has_word(doc[start:end]):
                bounds[-1][1] = end
                continue
        if start < end and _has_word(doc[start:end]):
            bounds.append([start, end])
    return [doc[start:end] for start, end in bounds]


def _closes(tok: Token) -> bool:
    if tok.text not in _CLOSERS:
        return False
    if tok.text in {'"', "'"}:
        # A straight quote closes when an odd number of its kind precede it.
        return tok.doc.text.count(tok.text, 0, tok.idx) % 2 == 1
    return True


def _opens(tok: Token) -> bool:
    if tok.text in _OPENERS:
        return True
    if tok.text == '"':
        return tok.doc.text.count('"', 0, tok.idx) % 2 == 0
    return False


def _has_word(span: Span) -> bool:
    return any(ch.isalnum() for ch in span.text)


#: A line of at most this many words, with no verb, figure or final stop, is a label.
LABEL_WORDS = 4
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_VERBS = frozenset({"VERB", "AUX"})


def _label_line(text: str, segment: Segment, sent: Span, start: int, end: int) -> bool:
    """Whether the sentence is a whole line that only labels or names: "Key figures:",
    "Media enquiries:", "Lena Marsh", "-ENDS-", "Notes to editors" (a release's furniture
    that sits among short lines, where no headline rule reaches it). A list item, a line
    with a figure or a verb, and a line that ends like a sentence stay claims."""
    words = [tok for tok in sent if any(ch.isalnum() for ch in tok.text)]
    if len(words) > LABEL_WORDS or text[end - 1] in ".!?…\"”’'":
        return False
    # One word alone is a label whatever the tagger guesses ("ENDS", "Advertisement").
    if any(ch.isdigit() for ch in text[start:end]) or (len(words) > 1 and any(
            t.pos_ in _VERBS and not t.like_email and not t.like_url for t in words)):
        return False
    if not sent.doc.has_annotation("POS"):
        return False
    if text[segment.start:start].strip() or text[end:segment.end].strip():
        return False  # not the whole line
    line_start = max(text.rfind(ch, 0, segment.start) for ch in _LINE_BREAKS) + 1
    return not text[line_start:segment.start].strip()  # no marker, dateline or prefix


def _entities(text: str, doc: Doc, offset: int) -> list[Entity]:
    entities: list[Entity] = []
    for ent_start, ent_end, label in entity_spans(doc):
        start, end = trim_span(text, offset + ent_start, offset + ent_end)
        if start < end:
            entities.append(Entity(text[start:end], label, start, end))
    return entities
