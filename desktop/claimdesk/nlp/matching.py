"""Matching a claim to earlier fact-checks: query words, a vector index and rank fusion."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

    from claimdesk.nlp.inverted import InvertedLists


DIMENSIONS = 512
#: Up to this many vectors the index keeps them whole (float32, 2 KB each, 8 MB at the
#: limit) and its ranking is exact; above it, a 128-dimensional projection (512 bytes
#: each: 102 MB at 200,000 entries) ranks them and the best are rescored exactly.
EXACT_LIMIT = 4096
PROJECTED = 128
#: Vectors sampled to fit the projection: enough for stable principal directions.
SAMPLE = 8192
#: Above this many vectors the projected ones are also grouped into inverted lists
#: (nlp/inverted.py) and a search reads only the lists that may hold its nearest: below
#: it a full pass costs about as little (docs/matching.md, "Match latency, measured").
INVERTED_LIMIT = 100_000


class Encoder(Protocol):
    """Sentence vectors: (n, 512) float32, L2-normalised, one row per text."""

    def encode(self, texts: list[str]) -> NDArray[np.float32]: ...


# ----------------------------------------------------------------------------- queries

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
#: A pasted tweet ends with "— Name (@handle) January 14, 2020": the name is kept (a
#: fact-check names who said it: "Ilhan Omar said…"), the handle and date are not.
_TWEET_BYLINE = re.compile(
    r"[—–-]\s*(?P<name>[^—–\n]{0,80}?)\s*\(@\w{1,30}\)\s*\w+ \d{1,2}, \d{4}\s*$"
)
#: A hashtag or a handle in a post: "#StopTheSpread", "@realDonaldTrump".
_TAG = re.compile(r"(?<!\w)[#@](\w{1,100})")
#: Where a run of letters changes case inside a word: "StopThe|Spread", "WHO|Says".
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[^\W_]+")
#: A word in more entries than this is never asked for: ranking its thousands of
#: entries would cost more than the 30 ms a match may take, for a word that says little.
COMMON_CAP = 1000
#: Sentences of a query that are encoded on their own (docs/matching.md, "Quality").
QUERY_SENTENCES = 4
#: How much a query's best single sentence counts in its vector ranking (the whole
#: query's cosine counts the rest): 0.5 on CT2020 train, where 0.3–0.7 all did about
#: as well.
SENTENCE_WEIGHT = 0.5


def clean_claim(text: str) -> str:
    """A library entry's claim as its vector reads it: links, a byline and # marks removed.

    Entries keep this cleaning (not clean_query's) so that their stored vectors stay
    what they were: changing it would mean encoding every library again.
    """
    text = _TWEET_BYLINE.sub(" ", text.strip())
    text = _URL.sub(" ", text)
    text = text.replace("#", " ")
    return " ".join(text.split())


def _words_of_tag(match: re.Match[str]) -> str:
    return " " + _CAMEL.sub(" ", match.group(1)).replace("_", " ") + " "


def clean_query(text: str) -> str:
    """A claim as matching reads it: links and a pasted post's handle and date removed,
    hashtags and handles split into words ("#StopTheSpread" → "Stop The Spread",
    "@realDonaldTrump" → "real Donald Trump"), the poster's name kept at the end.

    On CT2020 train each of these found more than dropping them (docs/matching.md):
    a hashtag or handle is often the claim's subject, written as one word.
    """
    text = text.strip()
    byline = _TWEET_BYLINE.search(text)
    name = ""
    if byline is not None:
        name = " ".join(byline.group("name").split())
        text = text[: byline.start()]
    text = _URL.sub(" ", text)
    text = _TAG.sub(_words_of_tag, text).replace("#", " ")
    text = " ".join(text.split())
    return f"{text} — {name}" if name and text else text or name


def query_sentences(text: str) -> list[str]:
    """The sentences of a cleaned query worth encoding on their own: the first
    QUERY_SENTENCES of them when it has more than one, otherwise none."""
    from claimdesk.nlp.sentence_bounds import sentence_spans

    spans = sentence_spans(text, None)
    if len(spans) < 2:
        return []
    return [text[a:b] for a, b in spans[:QUERY_SENTENCES]]


def fold(word: str) -> str:
    """A word as the full-text index stores it: lower case, without diacritics."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_terms(text: str) -> list[str]:
    """The distinct words of a query, folded, in order."""
    return list(dict.fromkeys(fold(w) for w in _WORD.findall(text)))


def common_cap(entries: int) -> float:
    """The most entries a word may be in and still be asked for (selective_terms)."""
    return min(max(0.05 * entries, 100), COMMON_CAP)


def selective_terms(
    terms: Sequence[str], frequencies: dict[str, int], entries: int, limit: int = 32
) -> list[str]:
    """The words worth asking the index for: those in the library, the rarest first.

    A word found in more than 5 % of the entries ("the", "que", "is"; at least 100,
    at most COMMON_CAP entries) costs the most to rank and tells the least: it is
    dropped, which keeps full-text matching fast at any library size (CT2020 train:
    BM25 MAP@5 0.768 against 0.782 asking for every word, at a fifth of the time).
    """
    common = common_cap(entries)
    kept = [t for t in terms if 0 < frequencies.get(t, 0) <= common]
    return sorted(kept, key=lambda t: frequencies[t])[:limit]


def match_expression(terms: Sequence[str]) -> str | None:
    """An FTS5 expression matching any of the words (each quoted: no operators)."""
    if not terms:
        return None
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


# ----------------------------------------------------------------------------- vectors


@dataclass(frozen=True, slots=True)
class Projection:
    """Principal directions of a library's vectors: x ↦ (x − mean) · basis."""

    mean: NDArray[np.float32]
    basis: NDArray[np.float32]  # (DIMENSIONS, PROJECTED)

    @classmethod
    def fit(cls, sample: NDArray[np.floating]) -> Projection:
        import numpy as np
        rows = np.asarray(sample, dtype=np.float64)
        mean = rows.mean(axis=0)
        centred = rows - mean
        # The covariance's eigenvectors: a 512 × 512 problem however large the sample.
        _values, vectors = np.linalg.eigh(centred.T @ centred)
        basis = np.ascontiguousarray(vectors[:, ::-1][:, :PROJECTED], dtype=np.float32)
        return cls(mean.astype(np.float32), basis)

    def apply(self, vectors: NDArray[np.floating]) -> NDArray[np.float32]:
        import numpy as np
        rows = np.asarray(vectors, dtype=np.float32) - self.mean
        return np.ascontiguousarray(rows @ self.basis, dtype=np.float32)


class VectorIndex:
    """Every fact-check vector of one encoder in memory, for nearest-neighbour candidates.

    Up to EXACT_LIMIT vectors are kept whole and searched exactly. Beyond, they are kept
    as a PCA projection fitted on the library's own vectors (no training data involved):
    that ranking is approximate, so callers ask for generous candidates and rescore
    them with the stored vectors. Above INVERTED_LIMIT the projected vectors are grouped
    into inverted lists (nlp/inverted.py) and a search reads only some of them. Memory:
    `nbytes` (float32).

    The vectors are held as columns, one (width, capacity) array: a search reads every
    one of them (102 MB at 200,000 entries), and BLAS streams a matrix that is
    multiplied from the left (q @ columns) about a third faster than one multiplied
    from the right (rows @ q): 9 ms against 13 ms a pass on one core here.
    """

    def __init__(self, projection: Projection | None = None) -> None:
        self._reset(projection)

    def _reset(self, projection: Projection | None) -> None:
        import numpy as np
        self.projection = projection
        width = DIMENSIONS if projection is None else PROJECTED
        self._ids = np.zeros(0, dtype=np.int64)
        self._columns = np.zeros((width, 0), dtype=np.float32)
        self._size = 0
        self._sorted = True
        #: Set above INVERTED_LIMIT: then the lists hold the vectors, `_ids` (sorted,
        #: exactly `_size` long) only says which ids are in, and `_columns` is empty.
        self._lists: InvertedLists | None = None
        self._built_at = 0

    def __len__(self) -> int:
        return self._size

    @property
    def nbytes(self) -> int:
        """Memory held by the index's arrays (capacity included)."""
        extra = 0 if self.projection is None else self.projection.basis.nbytes
        if self._lists is not None:
            extra += self._lists.nbytes
        return self._ids.nbytes + self._columns.nbytes + extra

    def reserve(self, total: int) -> None:
        """Make room for `total` vectors at once (loading: no regrowth copies)."""
        import numpy as np
        if total > len(self._ids) and self._lists is None:
            ids = np.zeros(total, dtype=np.int64)
            columns = np.zeros((self._columns.shape[0], total), dtype=np.float32)
            ids[: self._size] = self._ids[: self._size]
            columns[:, : self._size] = self._columns[:, : self._size]
            self._ids, self._columns = ids, columns

    def _rows_of(self, vectors: NDArray[np.floating]) -> NDArray[np.float32]:
        import numpy as np
        if self.projection is None:
            return np.asarray(vectors, dtype=np.float32)
        return self.projection.apply(vectors)

    def add(self, ids: NDArray[np.int64], vectors: NDArray[np.floating]) -> None:
        """Add vectors; an id already in the index gets its new vector instead."""
        import numpy as np
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids):
            return
        if self.projection is None and self._size + len(ids) > EXACT_LIMIT:
            self._switch_to_projection(ids, vectors)
            return
        rows = self._rows_of(vectors)
        if self._lists is not None:
            self._add_to_lists(ids, rows)
            return
        held = self._ids[: self._size]
        if self._size and not self._sorted:
            self._sort()
        fresh = np.ones(len(ids), dtype=bool)
        if self._size and int(ids.min()) <= int(held[-1]):
            where = np.searchsorted(held, ids).clip(0, self._size - 1)
            found = held[where] == ids
            self._columns[:, where[found]] = rows[found].T
            fresh = ~found
        count = int(fresh.sum())
        if self._size + count > len(self._ids):
            self.reserve(max(self._size + count, int(len(self._ids) * 1.5) + 1024))
        end = self._size + count
        self._ids[self._size : end] = ids[fresh]
        self._columns[:, self._size : end] = rows[fresh].T
        if self._size and count and int(ids[fresh].min()) <= int(self._ids[self._size - 1]):
            self._sorted = False
        self._size = end

    def _switch_to_projection(self, ids: NDArray[np.int64], vectors: NDArray[np.floating]) -> None:
        import numpy as np
        whole = np.concatenate(
            [self._columns[:, : self._size].T, np.asarray(vectors, np.float32)]
        )
        every = np.concatenate([self._ids[: self._size], ids])
        step = max(1, len(whole) // SAMPLE)
        self._reset(Projection.fit(whole[::step]))
        self.add(every, whole)

    def _add_to_lists(self, ids: NDArray[np.int64], rows: NDArray[np.float32]) -> None:
        import numpy as np
        assert self._lists is not None
        # The last vector given for an id wins, as in the flat index.
        ids, last = np.unique(ids[::-1], return_index=True)
        rows = rows[::-1][last]
        held = self._ids
        where = np.searchsorted(held, ids)
        found = (where < len(held)) & (held[where.clip(0, max(len(held) - 1, 0))] == ids)
        if found.any():
            self._lists.remove(ids[found])
        self._lists.add(ids, rows)
        self._ids = np.insert(held, where[~found], ids[~found])
        self._size = len(self._ids)
        if self._size >= 2 * self._built_at:
            self._build_lists()  # √n lists again: each would hold twice what it was fitted for

    def settle(self) -> None:
        """Group the vectors into inverted lists now if the index is large enough.

        Done by the first search otherwise; loading calls it so that the lists cost
        their time (about 4 s CPU at 200,000 entries) and memory while loading.
        """
        if self.projection is not None and self._lists is None and self._size > INVERTED_LIMIT:
            self._build_lists()

    def _build_lists(self) -> None:
        import numpy as np

        from claimdesk.nlp.inverted import InvertedLists

        if self._lists is not None:
            ids, columns = self._lists.everything()
        else:
            ids, columns = self._ids[: self._size].copy(), self._columns[:, : self._size]
        self._columns = np.zeros((self._columns.shape[0], 0), dtype=np.float32)
        lists = InvertedLists.build(ids, columns)
        del columns
        order = np.argsort(ids, kind="stable")
        self._ids, self._lists, self._built_at = ids[order], lists, self._size

    def _sort(self) -> None:
        import numpy as np
        order = np.argsort(self._ids[: self._size], kind="stable")
        self._ids[: self._size] = self._ids[: self._size][order]
        self._columns[:, : self._size] = self._columns[:, : self._size][:, order]
        self._sorted = True

    def nearest(self, query: NDArray[np.floating], n: int) -> list[int]:
        """Ids of the (about) `n` vectors most similar to `query`, best first."""
        import numpy as np
        if not self._size or n <= 0:
            return []
        q = self._rows_of(np.asarray(query, dtype=np.float32).reshape(1, DIMENSIONS))[0]
        self.settle()
        if self._lists is not None:
            return self._lists.nearest(q, n)
        scores = q @ self._columns[:, : self._size]
        n = min(n, self._size)
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [int(i) for i in self._ids[top]]


# ----------------------------------------------------------------------------- fusion


@dataclass(frozen=True, slots=True)
class Fusion:
    """Reciprocal rank fusion: score = w/(k + vector rank) + (1 − w)/(k + full-text rank).

    A rank the entry does not have adds nothing, so an entry only one side found still
    counts (a Spanish claim's English check has no words in common with it). `weight`
    and `k` were chosen on CT2020's train split (docs/matching.md), never on dev.
    """

    #: Chosen on CT2020 train (a grid of 21 weights × 7 constants, `claimdesk eval
    #: --ct2020`), with claim + title vectors: the two sides weigh about the same. With
    #: the queries of 2026-12-02 train picks k 10, but for +0.0024 only: kept.
    weight: float = 0.45
    k: float = 20.0

    def score(self, vector_rank: int | None, bm25_rank: int | None) -> float:
        total = 0.0
        if vector_rank is not None:
            total += self.weight / (self.k + vector_rank)
        if bm25_rank is not None:
            total += (1.0 - self.weight) / (self.k + bm25_rank)
        return total


def cosine(query: NDArray[np.floating], vectors: NDArray[np.floating]) -> NDArray[np.float32]:
    """Cosine of one vector with each row (rows renormalised: float16 storage rounds)."""
    import numpy as np
    rows = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1)
    norms[norms == 0] = 1.0
    q = np.asarray(query, dtype=np.float32)
    return np.asarray((rows @ q) / (norms * max(float(np.linalg.norm(q)), 1e-12)), np.float32)


def blended(
    whole: NDArray[np.floating], sentences: NDArray[np.floating] | None
) -> NDArray[np.float32]:
    """Vector ranking scores: the whole query's cosine with each entry, blended with its
    best sentence's (columns of `sentences`: one per sentence) when it has several.

    A post often says its claim in one sentence and something else in the others: the
    whole query's vector is diluted by them, a sentence's alone misses the context. On
    CT2020 train the blend ranked better than either (docs/matching.md).
    """
    import numpy as np
    scores = np.asarray(whole, dtype=np.float32)
    if sentences is None or not sentences.size:
        return scores
    best = np.asarray(sentences, dtype=np.float32).max(axis=1)
    return np.asarray((1 - SENTENCE_WEIGHT) * scores + SENTENCE_WEIGHT * best, np.float32)
