"""Calibrated English check-worthiness in [0, 1]: the shared encoder's head plus a lexical model."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdesk.domain.models import CandidateClaim
from claimdesk.errors import KnownError
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.paths import resource_path

if TYPE_CHECKING:
    from claimdesk.nlp.encoder import SentenceEncoder
    from claimdesk.nlp.multilingual_scorer import MultilingualScorer

CONFIG_NAME = "config.json"
#: The config version this scorer reads: 3 = USE head + lexical model (v2 was MiniLM ONNX).
MODEL_VERSION = "3"
#: A sentence of more words than this is scored over windows: USE averages every word of
#: a sentence (it truncates nothing), so a claim at the end of a long preamble would be
#: diluted to nothing; a window of about a training sentence's length keeps it visible.
MAX_WORDS = 60
#: Words per window and words shared by neighbouring windows of a long sentence.
WINDOW_WORDS = 40
WINDOW_OVERLAP = 15
_WORD = re.compile(r"\S+")
_REINSTALL = "reinstall ClaimDesk, or refit with tools/compare_english_models.py (source checkout)"


class ScorerUnavailable(KnownError):
    """The check-worthiness model is missing or unreadable."""


@dataclasses.dataclass(frozen=True, slots=True)
class Calibration:
    """How the head's logit and the lexical model's become a score.

    z = model_weight * head logit + lexical_weight * lexical logit + bias, where z = 0 is
    the decision point chosen on the validation debates; the score is sigmoid(slope * z),
    with one slope below the decision point and one above, fitted on validation so that a
    score of 0.7 means that about 70% of such sentences were check-worthy there.
    """

    model_weight: float = 1.0
    lexical_weight: float = 0.0
    bias: float = 0.0
    slope_below: float = 1.0
    slope_above: float = 1.0

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Calibration:
        values = config["calibration"]
        return cls(**{f.name: float(values[f.name]) for f in dataclasses.fields(cls)})

    def logit(self, model_logit: float, lexical_logit: float = 0.0) -> float:
        """z: 0 at the decision point, positive above it."""
        return self.model_weight * model_logit + self.lexical_weight * lexical_logit + self.bias

    def probability(self, z: float) -> float:
        return _sigmoid(z * (self.slope_above if z >= 0 else self.slope_below))

    def score(self, model_logit: float, lexical_logit: float = 0.0) -> float:
        return self.probability(self.logit(model_logit, lexical_logit))


def default_model_dir() -> Path:
    """The model folder bundled under resources/models/checkworthy."""
    return resource_path("models", "checkworthy")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def windows(sentence: str, max_words: int = MAX_WORDS) -> list[str]:
    """The texts a sentence is scored over: itself, or overlapping windows of its words.

    The last window ends at the last word, so no word of a long sentence is ignored.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if len(words) <= max_words:
        return [sentence]
    step = WINDOW_WORDS - WINDOW_OVERLAP
    starts = [*range(0, len(words) - WINDOW_WORDS, step), len(words) - WINDOW_WORDS]
    return [sentence[words[s][0] : words[s + WINDOW_WORDS - 1][1]] for s in starts]


class CheckWorthinessScorer:
    """English model v3: the multilingual head's logit and the lexical model's, combined.

    The head reads the shared SentenceEncoder's vectors (one encoder for English, the
    other languages and claim matching); the combination, the decision point and the
    calibration come from config.json, all chosen on the validation debates.
    `threshold` (0.5) is the decision point.
    """

    def __init__(
        self,
        head: MultilingualScorer,
        lexical: LexicalModel,
        *,
        calibration: Calibration,
        threshold: float,
        model_bytes: int,
    ) -> None:
        self.head = head
        self.lexical = lexical
        self.calibration = calibration
        self.threshold = threshold
        self.model_bytes = model_bytes
        self.version = MODEL_VERSION

    @property
    def encoder(self) -> SentenceEncoder:
        return self.head.encoder

    @classmethod
    def load(
        cls,
        model_dir: Path | None = None,
        threads: int = 1,
        encoder: SentenceEncoder | None = None,
        head_dir: Path | None = None,
    ) -> CheckWorthinessScorer:
        """Read config.json, lexical.json and the multilingual head it was fitted to.

        The encoder's weights load on first score; pass the app's one `encoder` to share
        it, else one of `threads` BLAS threads is made here.
        """
        from claimdesk.nlp.encoder import SentenceEncoder, encoder_weights_bytes
        from claimdesk.nlp.multilingual_scorer import HEAD_NAME, MultilingualScorer
        from claimdesk.nlp.multilingual_scorer import default_model_dir as default_head_dir

        model_dir = model_dir or default_model_dir()
        config_path = model_dir / CONFIG_NAME
        if not config_path.is_file():
            raise ScorerUnavailable(
                f"The check-worthiness model in {model_dir} is incomplete "
                f"(missing {CONFIG_NAME}); {_REINSTALL}."
            )
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            if str(config["version"]) != MODEL_VERSION:
                raise ValueError(f"version {config['version']}, this ClaimDesk reads "
                                 f"version {MODEL_VERSION}")
            calibration = Calibration.from_config(config)
            threshold = float(config["threshold"])
            lexical_path = model_dir / str(config["lexical_model"])
            head_sha = str(config["head"]["sha256"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ScorerUnavailable(
                f"{config_path} is unreadable ({_one_line(exc)}); {_REINSTALL}."
            ) from exc
        try:
            lexical = LexicalModel.from_json(lexical_path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ScorerUnavailable(
                f"{lexical_path} is unreadable ({_one_line(exc)}); {_REINSTALL}."
            ) from exc
        head_dir = head_dir or default_head_dir()
        head_path = head_dir / HEAD_NAME
        # The weights above were fitted to one head's logits: another head needs a refit.
        if head_path.is_file() and file_sha256(head_path) != head_sha:
            raise ScorerUnavailable(
                f"{config_path} was fitted to another multilingual head than {head_path}; "
                f"{_REINSTALL}."
            )
        head = MultilingualScorer.load(head_dir, encoder or SentenceEncoder(threads=threads))
        files = (config_path, lexical_path, head_path)
        return cls(
            head,
            lexical,
            calibration=calibration,
            threshold=threshold,
            model_bytes=sum(p.stat().st_size for p in files) + encoder_weights_bytes(),
        )

    def model_logits(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """The combined logit z per sentence (0 at the decision point): its best window's."""
        texts: list[str] = []
        owner: list[int] = []
        for i, sentence in enumerate(sentences):
            parts = windows(sentence)
            texts.extend(parts)
            owner.extend([i] * len(parts))
        head = self.head.logits(texts, batch_size=batch_size)
        lexical = self.lexical.logits(texts)
        best = [-math.inf] * len(sentences)
        for i, z, x in zip(owner, head, lexical, strict=True):
            best[i] = max(best[i], self.calibration.logit(z, x))
        return best

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """One calibrated score per sentence, in input order; `threshold` is the decision point.

        A long sentence gets the score of its most check-worthy window. With the default
        batch_size=1 every window is encoded alone, so a sentence scores exactly the same
        in any document; larger batches are about four times faster and move a score by
        less than 1e-6 (sums run in another order; nlp/encoder_forward.py).
        """
        if not sentences:
            return []
        return [self.calibration.probability(z) for z in self.model_logits(sentences, batch_size)]


def _one_line(exc: BaseException) -> str:
    """Library messages may hold line breaks; ours are one line."""
    return " ".join(str(exc).split())


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def apply_scores(
    candidates: Sequence[CandidateClaim], scorer: CheckWorthinessScorer
) -> list[CandidateClaim]:
    """Copies of the candidates with `score` set from their text."""
    scores = scorer.score([c.text for c in candidates])
    return [dataclasses.replace(c, score=s) for c, s in zip(candidates, scores, strict=True)]
