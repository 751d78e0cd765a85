"""Inverted lists over projected vectors: a large index searched a few lists at a time."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

#: Training rows per list for k-means (a sample of the library's own vectors).
SAMPLE_PER_LIST = 32
ITERATIONS = 10
#: Rows assigned at once: a (CHUNK × lists) score matrix stays a few MB.
CHUNK = 8192
#: Lists read between two checks of whether the search may stop.
BATCH = 8


def list_count(size: int) -> int:
    """About √n lists: ~450 of ~450 vectors each at 200,000 entries."""
    return max(1, round(math.sqrt(size)))


def kmeans(rows: NDArray[np.float32], k: int, seed: int = 0) -> NDArray[np.float32]:
    """`k` centroids of `rows` (Lloyd's algorithm, L2), deterministic for a given input."""
    import numpy as np
    rng = np.random.default_rng(seed)
    k = min(k, len(rows))
    centroids = rows[rng.choice(len(rows), k, replace=False)].copy()
    for _ in range(ITERATIONS):
        assigned = nearest_centroid(rows, centroids)
        counts = np.bincount(assigned, minlength=k)
        sums = np.zeros_like(centroids, dtype=np.float64)
        np.add.at(sums, assigned, rows)
        empty = counts == 0
        centroids[~empty] = (sums[~empty] / counts[~empty, None]).astype(np.float32)
        if empty.any():
            # An empty list restarts on a random row: no list is wasted.
            centroids[empty] = rows[rng.choice(len(rows), int(empty.sum()), replace=False)]
    return centroids


def nearest_centroid(rows: NDArray[np.float32], centroids: NDArray[np.float32]) -> NDArray[np.intp]:
    """Index of each row's nearest centroid (L2: argmax of x·c − |c|²/2), in chunks."""
    import numpy as np
    half = 0.5 * np.einsum("ij,ij->i", centroids, centroids)
    out = np.empty(len(rows), dtype=np.intp)
    for start in range(0, len(rows), CHUNK):
        scores = rows[start : start + CHUNK] @ centroids.T
        scores -= half
        out[start : start + CHUNK] = scores.argmax(axis=1)
    return out


class InvertedLists:
    """Vectors grouped by their nearest of ~√n centroids (k-means on a sample of them).

    A search reads whole lists, best first by the score the list's best member could
    have: q·centroid + SPREAD·|q|·(the list's RMS distance of a member from its centroid,
    per dimension), and stops when the n-th best score found beats that hope for every
    list not read. Ranking lists by q·centroid alone failed on the benchmark's queries
    (the real encoder's vectors against a synthetic library: their exact top 100 lie in
    many lists; recall 0.94 reading 10 % of the lists, 0.995 reading 40 %); with the
    spread it found the exact top 100 at recall ≥ 0.999 reading a median 9 % of the
    lists (docs/matching.md). Approximate all the same: callers rescore candidates.
    """

    #: How many RMS distances above its centroid a list's best member may lie (about 3
    #: for the best of 450 Gaussian members). On the benchmark's queries at 200,000
    #: entries: 3 → recall 0.957, 4 → 0.9998 (median 40 of 447 lists read), 5 → 1.0 (80).
    SPREAD = 4.0

    def __init__(self, centroids: NDArray[np.float32]) -> None:
        import numpy as np
        self.centroids = np.ascontiguousarray(centroids, dtype=np.float32)
        k, width = self.centroids.shape
        self._ids = [np.zeros(0, dtype=np.int64) for _ in range(k)]
        #: Each list's vectors as columns (width × capacity): a small product from the
        #: left reads them about a third faster than rows (docs/matching.md).
        self._columns = [np.zeros((width, 0), dtype=np.float32) for _ in range(k)]
        self._sizes = np.zeros(k, dtype=np.int64)
        #: Sum over each list's members of |x − centroid|²: the spread, kept up to date.
        self._squares = np.zeros(k, dtype=np.float64)
        #: How many lists the last search read (tests and measurements look at it).
        self.last_probed = 0

    @classmethod
    def build(
        cls, ids: NDArray[np.int64], columns: NDArray[np.float32], seed: int = 0
    ) -> InvertedLists:
        """Lists of these vectors (`columns`: width × n), centroids fitted on a sample."""
        import numpy as np
        n = columns.shape[1]
        k = list_count(n)
        step = max(1, n // (k * SAMPLE_PER_LIST))
        sample = np.ascontiguousarray(columns[:, ::step].T)
        lists = cls(kmeans(sample, k, seed))
        del sample
        assigned = np.empty(n, dtype=np.intp)
        for start in range(0, n, CHUNK):
            chunk = np.ascontiguousarray(columns[:, start : start + CHUNK].T)
            assigned[start : start + CHUNK] = nearest_centroid(chunk, lists.centroids)
        counts = np.bincount(assigned, minlength=len(lists.centroids))
        width = columns.shape[0]
        # Each list allocated once at its final size (plus room to grow), then filled
        # a chunk at a time: no list is copied while it grows.
        lists._ids = [np.zeros(c + c // 8 + 8, dtype=np.int64) for c in counts]
        lists._columns = [np.zeros((width, c + c // 8 + 8), dtype=np.float32) for c in counts]
        for start in range(0, n, CHUNK):
            chunk = np.ascontiguousarray(columns[:, start : start + CHUNK].T)
            lists._append(ids[start : start + CHUNK], chunk, assigned[start : start + CHUNK])
        return lists

    def __len__(self) -> int:
        return int(self._sizes.sum())

    @property
    def nbytes(self) -> int:
        held = sum(c.nbytes for c in self._columns) + sum(i.nbytes for i in self._ids)
        return held + self.centroids.nbytes

    def _append(
        self, ids: NDArray[np.int64], rows: NDArray[np.float32], assigned: NDArray[np.intp]
    ) -> None:
        import numpy as np
        order = np.argsort(assigned, kind="stable")
        groups = assigned[order]
        bounds = np.flatnonzero(np.diff(groups)) + 1
        for part in np.split(order, bounds):
            if not len(part):
                continue
            list_no = int(assigned[part[0]])
            size = int(self._sizes[list_no])
            end = size + len(part)
            if end > len(self._ids[list_no]):
                room = max(end, len(self._ids[list_no]) * 3 // 2 + 8)
                grown_ids = np.zeros(room, dtype=np.int64)
                grown_columns = np.zeros((rows.shape[1], room), dtype=np.float32)
                grown_ids[:size] = self._ids[list_no][:size]
                grown_columns[:, :size] = self._columns[list_no][:, :size]
                self._ids[list_no], self._columns[list_no] = grown_ids, grown_columns
            self._ids[list_no][size:end] = ids[part]
            self._columns[list_no][:, size:end] = rows[part].T
            self._sizes[list_no] = end
            self._squares[list_no] += self._squared_distances(list_no, rows[part]).sum()

    def _squared_distances(self, list_no: int, rows: NDArray[np.float32]) -> NDArray[np.float64]:
        import numpy as np
        residual = np.asarray(rows - self.centroids[list_no], dtype=np.float64)
        return np.asarray(np.einsum("ij,ij->i", residual, residual), dtype=np.float64)

    def add(self, ids: NDArray[np.int64], rows: NDArray[np.float32]) -> None:
        """Add vectors whose ids are not in the lists (remove() an id first to replace it)."""
        if len(ids):
            self._append(ids, rows, nearest_centroid(rows, self.centroids))

    def remove(self, ids: NDArray[np.int64]) -> None:
        """Drop these ids from whichever lists hold them (a replaced vector's old place)."""
        import numpy as np
        for list_no in np.flatnonzero(self._sizes).tolist():
            size = int(self._sizes[list_no])
            held = self._ids[list_no][:size]
            gone = np.isin(held, ids)
            if gone.any():
                keep = ~gone
                kept = int(keep.sum())
                columns = self._columns[list_no]
                leaving = columns[:, :size][:, gone].T
                self._squares[list_no] -= self._squared_distances(list_no, leaving).sum()
                self._ids[list_no][:kept] = held[keep]
                columns[:, :kept] = columns[:, :size][:, keep]
                self._sizes[list_no] = kept

    def everything(self) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """Every id and its vector as columns (width × n): the lists undone, to rebuild."""
        import numpy as np
        held = np.flatnonzero(self._sizes)
        ids = np.concatenate([self._ids[i][: self._sizes[i]] for i in held])
        columns = np.concatenate([self._columns[i][:, : self._sizes[i]] for i in held], axis=1)
        return ids, columns

    def spread(self) -> NDArray[np.float64]:
        """Each list's RMS distance of a member from its centroid, per dimension."""
        import numpy as np
        width = self.centroids.shape[1]
        spread = np.sqrt(np.maximum(self._squares, 0.0) / np.maximum(self._sizes * width, 1))
        return np.asarray(spread, dtype=np.float64)

    def nearest(self, query: NDArray[np.float32], n: int) -> list[int]:
        """Ids of the (about) `n` vectors most similar to `query` (projected), best first."""
        import numpy as np
        sizes = self._sizes.tolist()
        if n <= 0 or not any(sizes):
            return []
        hope = self.centroids @ query + self.SPREAD * float(np.linalg.norm(query)) * self.spread()
        hope[self._sizes == 0] = -np.inf
        order = np.argsort(-hope, kind="stable").tolist()
        hoped = hope[order].tolist()
        scores: list[NDArray[np.float32]] = [np.zeros(0, dtype=np.float32)]
        held: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
        read = 0
        while read < len(order) and hoped[read] != -np.inf:
            for list_no in order[read : read + BATCH]:
                size = sizes[list_no]
                scores.append(query @ self._columns[list_no][:, :size])
                held.append(self._ids[list_no][:size])
            read = min(read + BATCH, len(order))
            best_scores, best_ids = np.concatenate(scores), np.concatenate(held)
            if len(best_ids) > n:
                keep = np.argpartition(-best_scores, n - 1)[:n]
                best_scores, best_ids = best_scores[keep], best_ids[keep]
            scores, held = [best_scores], [best_ids]
            # Every list left hopes for less than the n-th best found: none can enter.
            if len(best_ids) >= n and read < len(order) and best_scores.min() >= hoped[read]:
                break
        self.last_probed = read
        best_scores, best_ids = scores[0], held[0]
        # Best first; equal scores by id, as the exact pass orders them.
        ranked = np.lexsort((best_ids, -best_scores))
        return [int(i) for i in best_ids[ranked]]
