"""Calibrated check-worthiness scores in [0, 1] from the shipped ONNX model (no torch)."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimdesk.domain.models import CandidateClaim
from claimdesk.errors import KnownError
from claimdesk.nlp.lexical import LexicalModel
from claimdesk.paths import resource_path

MODEL_NAME = "model.onnx"
TOKENIZER_NAME = "tokenizer.json"
CONFIG_NAME = "config.json"
#: Word pieces per window (with [CLS] and [SEP]) when a sentence exceeds max_length.
WINDOW = 64
_REINSTALL = "reinstall ClaimDesk, or retrain with tools/train_checkworthy.py (source checkout)"


class ScorerUnavailable(KnownError):
    """The check-worthiness model is missing or unreadable."""


@dataclasses.dataclass(frozen=True, slots=True)
class Calibration:
    """How the network's logit (and the lexical model's) become a score.

    z = model_weight * network logit + lexical_weight * lexical logit + bias, where z = 0 is
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
        if "calibration" not in config:  # version-1 folders: one offset, no slopes
            return cls(bias=-float(config.get("logit_offset", 0.0)))
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


class CheckWorthinessScorer:
    """Scores sentences with a fine-tuned MiniLM; `threshold` (0.5) is the decision point."""

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        *,
        calibration: Calibration,
        threshold: float,
        model_bytes: int,
        max_length: int = 128,
        window_overlap: int = 32,
        lexical: LexicalModel | None = None,
        head: tuple[Any, float] | None = None,
    ) -> None:
        self._session = session
        self._head = head
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in session.get_inputs()}
        self._max_length = max_length
        self._overlap = window_overlap
        self._cls = tokenizer.token_to_id("[CLS]")
        self._sep = tokenizer.token_to_id("[SEP]")
        self.calibration = calibration
        self.lexical = lexical
        self.threshold = threshold
        self.model_bytes = model_bytes

    @classmethod
    def load(cls, model_dir: Path | None = None, threads: int = 1) -> CheckWorthinessScorer:
        """Open model.onnx, tokenizer.json and config.json; `threads` bounds onnxruntime."""
        import onnxruntime
        from tokenizers import Tokenizer

        model_dir = model_dir or default_model_dir()
        paths = [model_dir / name for name in (MODEL_NAME, TOKENIZER_NAME, CONFIG_NAME)]
        missing = [p.name for p in paths if not p.is_file()]
        if missing:
            raise ScorerUnavailable(
                f"The check-worthiness model in {model_dir} is incomplete "
                f"(missing {', '.join(missing)}); {_REINSTALL}."
            )
        model_path, tokenizer_path, config_path = paths
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            max_length = int(config["max_length"])
            overlap = int(config.get("window_overlap", 32))
            threshold = float(config.get("threshold", 0.5))
            calibration = Calibration.from_config(config)
            lexical_name = config.get("lexical_model")
            head = None
            if "head" in config:  # the graph ends at the pooled state; the head is applied here
                weight = np.array(config["head"]["weight"], dtype=np.float64)
                head = (weight, float(config["head"]["bias"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ScorerUnavailable(
                f"{config_path} is unreadable ({_one_line(exc)}); {_REINSTALL}."
            ) from exc
        lexical = None
        if lexical_name:
            try:
                lexical = LexicalModel.from_json(model_dir / str(lexical_name))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ScorerUnavailable(
                    f"{model_dir / str(lexical_name)} is unreadable ({_one_line(exc)}); "
                    f"{_REINSTALL}."
                ) from exc
        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # tokenizers raises plain Exception on a bad file
            raise ScorerUnavailable(
                f"{tokenizer_path} is unreadable ({_one_line(exc)}); {_REINSTALL}."
            ) from exc
        # Long sentences are cut into windows here, not truncated by the tokenizer.
        tokenizer.no_truncation()
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            session = onnxruntime.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime's errors share no public base class
            raise ScorerUnavailable(
                f"{model_path} is not a usable model ({_one_line(exc)}); {_REINSTALL}."
            ) from exc
        return cls(
            session,
            tokenizer,
            calibration=calibration,
            threshold=threshold,
            model_bytes=model_path.stat().st_size,
            max_length=max_length,
            window_overlap=overlap,
            lexical=lexical,
            head=head,
        )

    def _windows(self, ids: Sequence[int]) -> list[tuple[int, int]]:
        """Token ranges [start, end) of the windows a sentence is scored over.

        A sentence of up to max_length word pieces is one window. A longer one is cut into
        overlapping windows of WINDOW word pieces (the length of the sentences the model
        learnt from, so a claim is not diluted by a long preamble); the last window ends at
        the last word, so no word is ignored.
        """
        if len(ids) <= self._max_length:
            return [(0, len(ids))]
        body = len(ids) - 2  # without [CLS] and [SEP]
        step = WINDOW - self._overlap
        starts = [*range(0, body - WINDOW, step), body - WINDOW]
        return [(1 + start, 1 + start + WINDOW) for start in starts]

    def _pieces(self, sentences: Sequence[str]) -> tuple[list[list[int]], list[int], list[str]]:
        """Every window's ids ([CLS] … [SEP]), the sentence it belongs to, and its text."""
        windows: list[list[int]] = []
        owner: list[int] = []
        texts: list[str] = []
        for i, encoding in enumerate(self._tokenizer.encode_batch(list(sentences))):
            ids, offsets = encoding.ids, encoding.offsets
            for start, end in self._windows(ids):
                if (start, end) == (0, len(ids)):
                    windows.append(list(ids))
                    texts.append(sentences[i])
                else:
                    windows.append([self._cls, *ids[start:end], self._sep])
                    texts.append(sentences[i][offsets[start][0] : offsets[end - 1][1]])
                owner.append(i)
        return windows, owner, texts

    def _network(self, windows: Sequence[Sequence[int]], batch_size: int) -> list[float]:
        by_length: dict[int, list[int]] = {}
        for w, window in enumerate(windows):
            by_length.setdefault(len(window), []).append(w)
        logits_out = [0.0] * len(windows)
        step = max(1, batch_size)
        for length in sorted(by_length):
            group = by_length[length]
            for start in range(0, len(group), step):
                batch = group[start : start + step]
                ids = np.array([windows[w] for w in batch], dtype=np.int64).reshape(-1, length)
                feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
                if "token_type_ids" in self._inputs:
                    feeds["token_type_ids"] = np.zeros_like(ids)
                if self._head is None:
                    (logits,) = self._session.run(["logit"], feeds)
                    for row, w in enumerate(batch):
                        logits_out[w] = float(logits[row])
                    continue
                (pooled,) = self._session.run(["pooled"], feeds)
                weight, bias = self._head
                for row, w in enumerate(batch):
                    # One row at a time: the same arithmetic whatever the batch holds.
                    logits_out[w] = float(np.dot(pooled[row].astype(np.float64), weight)) + bias
        return logits_out

    def model_logits(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """The network's raw logit per sentence: the largest over its windows."""
        windows, owner, _ = self._pieces(sentences)
        best = [-math.inf] * len(sentences)
        for i, logit in zip(owner, self._network(windows, batch_size), strict=True):
            best[i] = max(best[i], logit)
        return best

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """One calibrated score per sentence, in input order; `threshold` is the decision point.

        A long sentence gets the score of its most check-worthy window. With the default
        batch_size=1 every window runs alone, so a sentence scores the same in any
        document; larger batches (windows of equal length, no padding) are about 15%
        faster but may move a score in its last bits (some onnxruntime kernels round
        differently with the batch size).
        """
        if not sentences:
            return []
        windows, owner, texts = self._pieces(sentences)
        network = self._network(windows, batch_size)
        lexical = self.lexical.logits(texts) if self.lexical else [0.0] * len(texts)
        best = [-math.inf] * len(sentences)
        for i, z, x in zip(owner, network, lexical, strict=True):
            best[i] = max(best[i], self.calibration.logit(z, x))
        return [self.calibration.probability(z) for z in best]


def _one_line(exc: BaseException) -> str:
    """onnxruntime and tokenizers put line breaks in their messages; ours are one line."""
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
