"""Check-worthiness scores in [0, 1] from the shipped int8 ONNX model (no torch, no network)."""

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
from claimdesk.paths import resource_path

MODEL_NAME = "model.onnx"
TOKENIZER_NAME = "tokenizer.json"
CONFIG_NAME = "config.json"
_REINSTALL = "reinstall ClaimDesk, or retrain with tools/train_checkworthy.py (source checkout)"


class ScorerUnavailable(KnownError):
    """The check-worthiness model is missing or unreadable."""


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
        logit_offset: float,
        threshold: float,
        model_bytes: int,
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._offset = logit_offset
        self._inputs = {i.name for i in session.get_inputs()}
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
            offset = float(config.get("logit_offset", 0.0))
            threshold = float(config.get("threshold", 0.5))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ScorerUnavailable(f"{config_path} is unreadable ({exc}); {_REINSTALL}.") from exc
        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # tokenizers raises plain Exception on a bad file
            raise ScorerUnavailable(
                f"{tokenizer_path} is unreadable ({exc}); {_REINSTALL}."
            ) from exc
        tokenizer.enable_truncation(max_length=max_length)
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
                f"{model_path} is not a usable model ({exc}); {_REINSTALL}."
            ) from exc
        return cls(
            session,
            tokenizer,
            logit_offset=offset,
            threshold=threshold,
            model_bytes=model_path.stat().st_size,
        )

    def score(self, sentences: Sequence[str], batch_size: int = 1) -> list[float]:
        """One probability-like score per sentence, in input order.

        int8 activations are quantised per call with one scale for the whole batch, so
        with batch_size > 1 a score moves (by about 0.001) with its neighbours. The
        default of 1 makes a sentence's score the same in any document; larger batches
        are about 40% faster for bulk work.
        """
        if not sentences:
            return []
        encodings = self._tokenizer.encode_batch(list(sentences))
        # Similar lengths share a batch so that little time goes on padding.
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        scores = [0.0] * len(encodings)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            (logits,) = self._session.run(["logit"], feeds)
            for row, i in enumerate(batch):
                scores[i] = _sigmoid(float(logits[row]) - self._offset)
        return scores


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
