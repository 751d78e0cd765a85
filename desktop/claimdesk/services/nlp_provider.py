"""Loads the spaCy pipeline, the one sentence encoder and the scorers, lazily and
thread-safely, and sends each text to its language's path."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.domain import CandidateClaim
from claimdesk.nlp.language import detect_language
from claimdesk.nlp.languages import base_code, limitation_line, support

if TYPE_CHECKING:
    from claimdesk.nlp.batching import Scorer
    from claimdesk.nlp.encoder import SentenceEncoder
    from claimdesk.nlp.multilingual_scorer import MultilingualScorer
    from claimdesk.nlp.pipeline import LoadedPipeline
    from claimdesk.nlp.scorer import CheckWorthinessScorer

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
#: The one language with a trained pipeline (entities, speakers, the full type rules).
ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extracting one article gave: its claims, what found them, and what is limited."""

    candidates: list[CandidateClaim]
    #: Stored with the claims: the spaCy model's name, or "sentencex-rules:<code>".
    pipeline: str
    #: ISO 639-1 code the article was read as ("und" when it has no letters).
    language: str
    #: The one-line banner ("Arabic: claims and scores; no entities or speakers"), or None.
    limitation: str | None


class NlpProvider:
    """Owns the loaded NLP parts; nothing is loaded until first needed.

    Loading spaCy takes about a second, so the window never does it on the GUI thread:
    extraction jobs call `pipeline()` from a worker. One SentenceEncoder (33 MB of
    weights, one BLAS thread) serves the English and the multilingual scorers alike.
    """

    def __init__(
        self,
        model_names: Sequence[str] | None = None,
        scorer_dir: str | None = None,
    ) -> None:
        self._model_names = tuple(model_names) if model_names else None
        self._scorer_dir = scorer_dir
        self._lock = threading.Lock()
        self._pipeline: LoadedPipeline | None = None
        self._encoder: SentenceEncoder | None = None
        self._multilingual: MultilingualScorer | None = None
        self._multilingual_tried = False
        self._scorer: CheckWorthinessScorer | None = None
        self._scorer_error: str | None = None
        self._scorer_tried = False
        #: Sentences per scoring call in extraction: 1 unless scores are batch-independent.
        self._score_batch = 1

    def pipeline(self) -> LoadedPipeline:
        with self._lock:
            if self._pipeline is None:
                from claimdesk.nlp.pipeline import load_pipeline

                if self._model_names:
                    self._pipeline = load_pipeline(self._model_names)
                else:
                    self._pipeline = load_pipeline()
                log.info("loaded spaCy pipeline %s", self._pipeline.name)
            return self._pipeline

    def scorer(self) -> CheckWorthinessScorer | None:
        """The scorer, or None (with `limitations()` saying why) if it cannot load."""
        with self._lock:
            if not self._scorer_tried:
                self._scorer_tried = True
                from pathlib import Path

                from claimdesk.nlp.scorer import CheckWorthinessScorer, ScorerUnavailable

                try:
                    self._scorer = CheckWorthinessScorer.load(
                        Path(self._scorer_dir) if self._scorer_dir else None,
                        encoder=self._shared_encoder(),
                    )
                    from claimdesk.nlp.batching import safe_batch_size

                    self._score_batch = safe_batch_size(self._scorer)
                except ScorerUnavailable as exc:
                    self._scorer_error = str(exc)
                    log.warning("check-worthiness scorer unavailable: %s", exc)
            return self._scorer

    def _shared_encoder(self) -> SentenceEncoder:
        """The one encoder (its weights load on first use); call with the lock held."""
        if self._encoder is None:
            from claimdesk.nlp.encoder import SentenceEncoder

            self._encoder = SentenceEncoder(threads=1)
        return self._encoder

    def encoder(self) -> SentenceEncoder:
        with self._lock:
            return self._shared_encoder()

    def multilingual_scorer(self) -> MultilingualScorer | None:
        """The head for the encoder's other languages, on the same encoder; None if absent."""
        with self._lock:
            if not self._multilingual_tried:
                self._multilingual_tried = True
                from claimdesk.nlp.multilingual_scorer import MultilingualScorer
                from claimdesk.nlp.scorer import ScorerUnavailable

                try:
                    self._multilingual = MultilingualScorer.load(encoder=self._shared_encoder())
                except ScorerUnavailable as exc:
                    log.warning("multilingual scorer unavailable: %s", exc)
            return self._multilingual

    def limitations(self) -> list[str]:
        """Plain sentences about what is limited in this run (shown once by the window)."""
        notes: list[str] = []
        with self._lock:
            if self._pipeline is not None and self._pipeline.limited and self._pipeline.message:
                notes.append(self._pipeline.message)
            if self._scorer_error:
                notes.append(
                    "Check-worthiness scores are not available: "
                    f"{self._scorer_error} Reinstall ClaimDesk to restore them."
                )
        return notes

    def language_of(self, text: str, language: str | None = None) -> str:
        """`language` as a base code if given, else the language detected in `text`."""
        return base_code(language) if language else detect_language(text).code

    def scorer_for(self, language: str) -> Scorer | None:
        """The check-worthiness scorer for claims in `language`, or None.

        English has its own model (v3); the multilingual encoder's other languages get
        the multilingual head, its decision point moved to 0.5 like the English one;
        every other language stays unscored rather than be scored by a model that never
        saw it (nlp/languages.py says which, and the banner tells the checker).
        """
        if language == ENGLISH:
            return self.scorer()
        if not support(language).scores:
            return None
        scorer = self.multilingual_scorer()
        if scorer is None:
            return None
        from claimdesk.nlp.multilingual_scorer import DeskScores

        return DeskScores(scorer)

    def extract(
        self,
        text: str,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
        language: str | None = None,
    ) -> Extraction:
        """All candidate sentences of `text`, scored where a scorer knows the language.

        `language` (an ISO code) is the article's; None detects it. Only English goes
        through the spaCy pipeline; every other language gets sentences and rule types
        from nlp/multilingual.py, never an English parse.
        """
        code = self.language_of(text, language)
        if code == ENGLISH:
            from claimdesk.nlp.extract import extract_candidates

            pipeline = self.pipeline()
            candidates = extract_candidates(
                text, pipeline, progress=progress, cancelled=cancelled
            )
            name = pipeline.name
        else:
            from claimdesk.nlp.multilingual import extract_multilingual, pipeline_name

            candidates = extract_multilingual(
                text, code, progress=progress, cancelled=cancelled
            )
            name = pipeline_name(code)
        scorer = self.scorer_for(code)
        if scorer is not None:
            from claimdesk.nlp.batching import score_candidates

            candidates = score_candidates(candidates, scorer, self._score_batch)
        return Extraction(candidates, name, code, limitation_line(code))

    def score_texts(
        self, texts: Sequence[str], language: str | None = None
    ) -> list[float] | None:
        """Scores of `texts` in `language` (None: detected from them), or None."""
        scorer = self.scorer_for(self.language_of(" ".join(texts), language))
        return None if scorer is None else scorer.score(list(texts))
