"""Exact before/after copies of claims and article metadata, for undo and redo."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from claimdesk.storage.orm import (
    ArticleRow,
    ClaimHistoryRow,
    ClaimRow,
    EvidenceBlobRow,
    EvidenceRow,
    RatingRow,
    SourceNoteRow,
    VerdictRow,
)

Row = dict[str, Any]

ARTICLES = cast(Table, ArticleRow.__table__)
CLAIMS = cast(Table, ClaimRow.__table__)
VERDICTS = cast(Table, VerdictRow.__table__)
SOURCES = cast(Table, SourceNoteRow.__table__)
HISTORY = cast(Table, ClaimHistoryRow.__table__)
RATINGS = cast(Table, RatingRow.__table__)
EVIDENCE = cast(Table, EvidenceRow.__table__)
BLOBS = cast(Table, EvidenceBlobRow.__table__)

#: The article columns a Properties edit may change (the language the checker corrects
#: there included).
METADATA_COLUMNS = (
    "title", "author", "publisher", "url", "published", "language", "language_source",
)
#: Columns that only say when something happened; a change of them alone is no edit.
_CLOCK = frozenset({"created_at", "updated_at"})


@dataclass(frozen=True, slots=True)
class ClaimState:
    """Every column of a claim, its verdict, its sources and their attachments (ids
    included). Attachments are small rows; the bytes they name stay in the desk while
    the window lives (evidence_repo.drop_unreferenced), so undo can bring them back.

    `history` rides along so a deleted claim comes back with its history; it is not
    part of equality because undo never rewrites the history of a claim that exists.
    """

    claim: Row
    verdict: Row | None
    sources: tuple[Row, ...]
    history: tuple[Row, ...] = field(default=(), compare=False)
    evidence: tuple[Row, ...] = ()

    @property
    def article_id(self) -> int:
        return int(self.claim["article_id"])

    def content(self) -> tuple[Any, ...]:
        """The state without its clock columns (what a user would call the same)."""
        return (
            _unclocked(self.claim),
            None if self.verdict is None else _unclocked(self.verdict),
            tuple(_unclocked(s) for s in self.sources),
            tuple(_unclocked(e) for e in self.evidence),
        )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The state of some claims of one article (None: the claim does not exist)."""

    article_id: int
    claims: Mapping[int, ClaimState | None]
    metadata: Row | None = None

    def same_content(self, other: Snapshot) -> bool:
        if self.claims.keys() != other.claims.keys() or self.metadata != other.metadata:
            return False
        for cid, mine in self.claims.items():
            theirs = other.claims[cid]
            if (mine is None) != (theirs is None):
                return False
            if mine is not None and theirs is not None and mine.content() != theirs.content():
                return False
        return True


def _unclocked(row: Row) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, v) for k, v in row.items() if k not in _CLOCK))


def _saved(state: ClaimState | None) -> tuple[Any, ...] | None:
    """What the checker saved of a claim: its content without the row versions, which
    an undo or redo raises (so the state an edit left compares equal after them)."""
    if state is None:
        return None

    def plain(row: Row) -> tuple[tuple[str, Any], ...]:
        return tuple(kv for kv in _unclocked(row) if kv[0] != "version")

    return (
        plain(state.claim),
        None if state.verdict is None else plain(state.verdict),
        tuple(plain(s) for s in state.sources),
        tuple(plain(e) for e in state.evidence),
    )


def _rows(session: Session, table: Table, where: Any) -> list[Row]:
    return [dict(r) for r in session.execute(select(table).where(where)).mappings()]


def capture_claims(session: Session, claim_ids: Iterable[int]) -> dict[int, ClaimState | None]:
    """The current state of each claim (None for an id that does not exist)."""
    ids = list(dict.fromkeys(claim_ids))
    session.flush()
    claims = {r["id"]: r for r in _rows(session, CLAIMS, CLAIMS.c.id.in_(ids))}
    verdicts = {r["claim_id"]: r for r in _rows(session, VERDICTS, VERDICTS.c.claim_id.in_(ids))}
    sources: dict[int, list[Row]] = {}
    for r in sorted(_rows(session, SOURCES, SOURCES.c.claim_id.in_(ids)), key=lambda r: r["id"]):
        sources.setdefault(r["claim_id"], []).append(r)
    owner = {s["id"]: cid for cid, rows in sources.items() for s in rows}
    evidence: dict[int, list[Row]] = {}
    for r in sorted(
        _rows(session, EVIDENCE, EVIDENCE.c.source_note_id.in_(owner)), key=lambda r: r["id"]
    ):
        evidence.setdefault(owner[r["source_note_id"]], []).append(r)
    history: dict[int, list[Row]] = {}
    for r in sorted(_rows(session, HISTORY, HISTORY.c.claim_id.in_(ids)), key=lambda r: r["id"]):
        history.setdefault(r["claim_id"], []).append(r)
    return {
        cid: None
        if cid not in claims
        else ClaimState(
            claim=claims[cid],
            verdict=verdicts.get(cid),
            sources=tuple(sources.get(cid, ())),
            history=tuple(history.get(cid, ())),
            evidence=tuple(evidence.get(cid, ())),
        )
        for cid in ids
    }


def capture_metadata(session: Session, article_id: int) -> Row | None:
    session.flush()
    row = session.execute(
        select(*(ARTICLES.c[c] for c in METADATA_COLUMNS)).where(ARTICLES.c.id == article_id)
    ).mappings().first()
    return None if row is None else dict(row)


def conflict(session: Session, expected: Snapshot, target: Snapshot) -> str | None:
    """Why `target` cannot replace the current state, which should be `expected`.

    Something outside the undo history (a re-extraction, another window, a merged
    bundle, an edited rating scale) may have changed the rows since; then restoring
    would clash with them, and this says how in a few words.
    """
    session.flush()
    owned = set(expected.claims)
    if capture_metadata(session, expected.article_id) is None:
        return "its article was removed"
    current = {
        r["id"]: r["article_id"]
        for r in session.execute(
            select(CLAIMS.c.id, CLAIMS.c.article_id).where(CLAIMS.c.id.in_(owned))
        ).mappings()
    }
    for cid, state in expected.claims.items():
        if (state is None) != (cid not in current):
            return "a claim it touched was added or removed elsewhere"
        if state is not None and current[cid] != state.article_id:
            return "a claim it touched now belongs to another article"
    now = capture_claims(session, [cid for cid, s in expected.claims.items() if s is not None])
    for cid, state in now.items():
        if state is None or _saved(state) != _saved(expected.claims[cid]):
            return "a claim it touched was changed elsewhere"
    if expected.metadata is not None and (
        capture_metadata(session, expected.article_id) != expected.metadata
    ):
        return "the article's properties were changed elsewhere"
    states = [s for s in target.claims.values() if s is not None]
    verdicts = [s.verdict for s in states if s.verdict is not None]
    for table, rows in ((VERDICTS, verdicts), (SOURCES, [r for s in states for r in s.sources])):
        ids = [r["id"] for r in rows]
        owners = session.execute(select(table.c.claim_id).where(table.c.id.in_(ids))).scalars()
        if any(owner not in owned for owner in owners):
            return "its verdict or source ids are now used by another claim"
    attached = [r for s in states for r in s.evidence]
    sources = session.execute(
        select(SOURCES.c.claim_id).join(EVIDENCE, EVIDENCE.c.source_note_id == SOURCES.c.id)
        .where(EVIDENCE.c.id.in_([r["id"] for r in attached]))
    ).scalars()
    if any(owner not in owned for owner in sources):
        return "its attachment ids are now used by another claim"
    shas = {r["sha256"] for r in attached}
    kept = set(session.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256.in_(shas))).scalars())
    if shas - kept:
        return "an attached file is no longer in the desk"
    ratings = {v["rating_id"] for v in verdicts}
    found = set(session.execute(select(RATINGS.c.id).where(RATINGS.c.id.in_(ratings))).scalars())
    if ratings - found:
        return "a rating it used was removed from the scale"
    return None


def _next_version(row: Row, current: int | None) -> Row:
    recorded = int(row.get("version") or 1)
    return {**row, "version": max(recorded, current or 0) + 1}


def restore(session: Session, target: Snapshot) -> None:
    """Make the rows of `target`'s claims (and metadata) exactly what it recorded.

    Deleted claims come back with their ids, verdict, sources and history; claims the
    target says do not exist are deleted (their verdict, sources and history with them).
    """
    session.flush()
    ids = list(target.claims)
    # Versions only go up (migration 0010): to every other checker's copy, an undone
    # edit is one more save, so rows come back one version above both their recorded
    # and their current one.
    versions = {
        (table.name, row_id): version
        for table in (VERDICTS, SOURCES)
        for row_id, version in session.execute(
            select(table.c.id, table.c.version).where(table.c.claim_id.in_(ids))
        )
    }
    session.execute(delete(VERDICTS).where(VERDICTS.c.claim_id.in_(ids)))
    owned_sources = select(SOURCES.c.id).where(SOURCES.c.claim_id.in_(ids))
    session.execute(delete(EVIDENCE).where(EVIDENCE.c.source_note_id.in_(owned_sources)))
    session.execute(delete(SOURCES).where(SOURCES.c.claim_id.in_(ids)))
    gone = [cid for cid, state in target.claims.items() if state is None]
    session.execute(delete(CLAIMS).where(CLAIMS.c.id.in_(gone)))
    present = {cid: s for cid, s in target.claims.items() if s is not None}
    existing = set(
        session.execute(select(CLAIMS.c.id).where(CLAIMS.c.id.in_(present))).scalars()
    )
    for cid, state in present.items():
        if cid in existing:
            values = {k: v for k, v in state.claim.items() if k not in ("id", "version")}
            values["version"] = CLAIMS.c.version + 1
            session.execute(update(CLAIMS).where(CLAIMS.c.id == cid).values(values))
        else:
            session.execute(insert(CLAIMS).values(_next_version(state.claim, None)))
            # Fresh ids: the old ones may have been taken by newer history rows.
            for row in state.history:
                session.execute(insert(HISTORY).values({k: v for k, v in row.items() if k != "id"}))
    for state in present.values():
        if state.verdict is not None:
            was = versions.get((VERDICTS.name, state.verdict["id"]))
            session.execute(insert(VERDICTS).values(_next_version(state.verdict, was)))
        for source in state.sources:
            was = versions.get((SOURCES.name, source["id"]))
            session.execute(insert(SOURCES).values(_next_version(source, was)))
        for attachment in state.evidence:
            session.execute(insert(EVIDENCE).values(attachment))
    if target.metadata is not None:
        session.execute(
            update(ARTICLES).where(ARTICLES.c.id == target.article_id).values(target.metadata)
        )
    session.expire_all()
