"""Copying every row of one desk into another (SQLite ⇄ PostgreSQL), ids kept, all or nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    LargeBinary,
    Table,
    UniqueConstraint,
    delete,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy import tuple_ as sql_tuple
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.schema import sort_tables

from claimdesk.domain import HistoryField, ReviewState
from claimdesk.domain.clock import utc_now
from claimdesk.domain.review import approval_said
from claimdesk.errors import DatabaseError
from claimdesk.storage import fts, pgvector
from claimdesk.storage.db import Database
from claimdesk.storage.orm import Base

log = logging.getLogger(__name__)

#: Rows looked up on the target per query (an IN list of primary keys or unique keys).
CHUNK = 500
#: Rows read from the source, checked and written at a time: a desk of any size moves
#: in bounded memory, one table's batch after another.
BATCH = 2000
#: Rows of a table holding files (evidence_blobs: up to 50 MB each, with their text)
#: per batch: BATCH of them could be the whole evidence store in memory at once.
FILE_BATCH = 4
#: What the summary calls a table's rows; any other table is named by its own name.
LABELS = {
    "claim_history": "history entries",
    "source_notes": "source notes",
    "rating_scales": "rating scales",
    "factchecks": "fact-checks",
    "factcheck_vectors": "fact-check vectors",
    "evidence_blobs": "evidence files",
    "evidence": "attachments",
}
#: Tables a trigger writes when another table gets a row: {fed: feeder}. The desk's own
#: verdicts are copied into the fact-check library by triggers (migration 0008), so the
#: library is copied after the verdicts, replacing the copies those triggers just made.
_FED_BY = {"factchecks": "verdicts"}
#: Tables a desk gets when it is created (storage/db.py seeds the default scale).
_SEEDED = frozenset({"rating_scales", "ratings"})

Row = dict[str, Any]
#: Columns saying which login brought a row to its desk, not what the row says: a row
#: differing from the target's only there is already there (pushed again by another
#: checker, or pulled back into the file it was pushed from).
_NOT_CONTENT = frozenset({"author_login"})
#: Columns a review step on one desk changes, per table: a verdict's review state,
#: reviewer, review time and version, and its claim's clock and version. A verdict the
#: same on both desks but for these (its words, rating, checker and times the same) was
#: reviewed differently on each: not a conflict, the target keeps its own row (a move
#: neither raises nor lowers a review). A claim differing only in its clock and version
#: says the same words; whatever moved its clock (a verdict, a note) is a row of another
#: table, compared there.
_REVIEW_STEP = {
    "verdicts": frozenset({"review_state", "reviewer", "reviewed_at", "version"}),
    "claims": frozenset({"updated_at", "version"}),
}
#: PostgreSQL's SQLSTATE for "permission denied" (insufficient_privilege).
_NOT_ALLOWED = "42501"


class DeskCopyRefused(DatabaseError):
    """The target desk holds rows under the same ids with other content; nothing was copied."""


@dataclass(frozen=True)
class Arrival:
    """How the target desk takes the source's verdicts (see copy_desk)."""

    #: Approvals as the source has them; False: an approved verdict waits for review.
    approvals: bool = True
    #: The login every new verdict records as its author, whatever the source says
    #: (None: as the source has it).
    author: str | None = None

    def arriving(self) -> Callable[[Row], Row] | None:
        """A verdict row as the target stores it (None: every row as the source has it)."""
        if self.approvals and self.author is None:
            return None

        def arriving(row: Row) -> Row:
            taken = row if self.approvals else _unapproved(row)
            if self.author is not None:
                taken = {**taken, "author_login": self.author}
            return taken

        return arriving


def label(table: str, count: int = 2) -> str:
    """"3 claims", "1 claim", "1 history entry": what `count` rows of `table` are called."""
    plural = LABELS.get(table, table.replace("_", " "))
    if count != 1:
        return f"{count} {plural}"
    if plural.endswith("ies"):
        return f"1 {plural[:-3]}y"
    return f"1 {plural.removesuffix('s')}"


@dataclass
class CopyCounts:
    """Rows copied and rows found already there (identical), per table."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)
    #: Verdicts the source marks approved that arrived as needs review (the target takes
    #: no approval from the source: see copy_desk).
    demoted: int = 0
    #: Verdicts already there but reviewed differently on each desk, kept as the target
    #: has them (counted among the rows already there).
    reviewed: int = 0

    def _left(self, table: str) -> str:
        """" (1 approval left for this desk's reviewers)" after the verdicts, if any."""
        if table != "verdicts" or not self.demoted:
            return ""
        approvals = "1 approval" if self.demoted == 1 else f"{self.demoted} approvals"
        return f" ({approvals} left for this desk's reviewers)"

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def summary(self, verb: str) -> str:
        """"pushed 3 articles, 41 claims, …; 12 rows were already there"."""
        parts = [label(t, n) + self._left(t) for t, n in self.added.items() if n]
        done = f"{verb} {', '.join(parts)}" if parts else f"{verb} 0 new rows"
        present = sum(self.present.values())
        if not present:
            return f"{done}."
        kept = ""
        if self.reviewed:
            verdicts = label("verdicts", self.reviewed)
            them = "it" if self.reviewed == 1 else "them"
            kept = f" ({verdicts} reviewed differently on each desk, kept as this desk has {them})"
        return f"{done}; {present} rows were already there{kept}."


def tables() -> list[Table]:
    """Every table of the schema, each after the tables it refers to (and is fed by).

    Derived from the ORM's metadata, so a new table is copied without an edit here; the
    search indexes are not tables of it (SQLite: triggers fill them; PostgreSQL: GIN
    expression indexes), so inserted rows are indexed as any other.
    """
    by_name = Base.metadata.tables
    extra = [(by_name[feeder], by_name[fed]) for fed, feeder in _FED_BY.items()]
    return list(sort_tables(by_name.values(), extra_dependencies=extra))


def _is_search_index(name: str) -> bool:
    return any(name == i.name or name.startswith(f"{i.name}_") for i in fts.INDEXES)


def check_tables(conn: Connection, where: str) -> None:
    """Refuse a desk holding a table the copy would leave behind (a schema ahead of ours)."""
    # pgvector's embeddings are derived from factcheck_vectors on the server itself.
    known = set(Base.metadata.tables) | {"alembic_version", pgvector.TABLE}
    unknown = sorted(
        n for n in inspect(conn).get_table_names() if n not in known and not _is_search_index(n)
    )
    if unknown:
        raise DeskCopyRefused(
            f"The desk {where} has a table ClaimDesk does not copy ({unknown[0]}); "
            "update ClaimDesk on this computer and try again."
        )


def _revision(conn: Connection) -> str | None:
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def _key(table: Table) -> Any:
    (pk,) = table.primary_key.columns  # every ClaimDesk table has a one-column key
    return pk


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for at in range(0, len(values), CHUNK):
        yield values[at : at + CHUNK]


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    return [
        tuple(c.name for c in u.columns)
        for u in table.constraints
        if isinstance(u, UniqueConstraint)
    ]


@dataclass
class _Plan:
    """What one table's copy will do: rows to insert, rows already there, clashes."""

    table: Table
    new: list[Row] = field(default_factory=list)
    present: int = 0
    clashes: int = 0
    #: Of `present`: verdicts reviewed differently on each desk (_REVIEW_STEP).
    reviewed: int = 0


def _batches(source: Connection, table: Table) -> Iterator[list[Row]]:
    """The rows of `table` in key order, BATCH at a time (FILE_BATCH for files).

    Each query starts after the last key read (keyset paging: no OFFSET to rescan), all
    in the caller's one read transaction, so the batches are one snapshot of the desk.
    """
    pk = _key(table)
    size = FILE_BATCH if any(isinstance(c.type, LargeBinary) for c in table.columns) else BATCH
    query = select(table).order_by(pk).limit(size)
    rows = [dict(r) for r in source.execute(query).mappings()]
    while rows:
        yield rows
        if len(rows) < size:
            return
        after = query.where(pk > rows[-1][pk.name])
        rows = [dict(r) for r in source.execute(after).mappings()]


def _plan(
    table: Table, rows: list[Row], target: Connection, arriving: Callable[[Row], Row] | None
) -> _Plan:
    """What copying `rows` does; `arriving` gives a row as the target takes it (a verdict
    whose approval it does not take, signed by the login copying it): a target row equal
    to either form, author logins aside, is already there; so is a target verdict whose
    approval a push did not take (pulled back into the file it came from), and a row that
    differs only by a review step on either desk (_REVIEW_STEP), kept as the target has it."""
    pk = _key(table)
    plan = _Plan(table)
    found: dict[Any, Row] = {}
    for chunk in _chunks([r[pk.name] for r in rows]):
        for held in target.execute(select(table).where(pk.in_(chunk))).mappings():
            found[held[pk.name]] = dict(held)
    for row in rows:
        taken = row if arriving is None else arriving(row)
        there = found.get(row[pk.name])
        if there is None:
            plan.new.append(taken)
        elif (
            _alike(there, taken)
            or _alike(there, row)
            or (table.name == "verdicts" and _alike(_unapproved(there), row))
        ):
            plan.present += 1
        elif _alike(there, row, _REVIEW_STEP.get(table.name, frozenset())):
            plan.present += 1
            plan.reviewed += table.name == "verdicts"
        else:
            plan.clashes += 1
    # A new id whose unique key (an article's checksum, a setting's name…) another row
    # already has on the target would be refused by the database; count it as a clash.
    clashing: set[int] = set()
    for names in _unique_keys(table):
        columns = [table.c[n] for n in names]
        keyed = {
            tuple(r[n] for n in names): i
            for i, r in enumerate(plan.new)
            if all(r[n] is not None for n in names)
        }
        wanted = list(keyed)
        for chunk in _chunks(wanted):
            where = (
                columns[0].in_([k[0] for k in chunk])
                if len(columns) == 1
                else sql_tuple(*columns).in_(chunk)
            )
            for found_key in target.execute(select(*columns).where(where)):
                clashing.add(keyed[tuple(found_key)])
    if clashing:
        plan.clashes += len(clashing)
        plan.new = [r for i, r in enumerate(plan.new) if i not in clashing]
    return plan


def _alike(there: Row, row: Row, aside: frozenset[str] = frozenset()) -> bool:
    """Whether two rows say the same, whichever login brought each (_NOT_CONTENT), the
    columns `aside` aside too."""
    if there == row:
        return True
    ignored = _NOT_CONTENT | aside
    return {k: v for k, v in there.items() if k not in ignored} == {
        k: v for k, v in row.items() if k not in ignored
    }


def _only_seeded(target: Connection, order: Sequence[Table]) -> bool:
    """Whether the target is a desk as created: nothing in it but its default scale."""
    return all(
        target.execute(select(func.count()).select_from(t)).scalar() == 0
        for t in order
        if t.name not in _SEEDED
    )


def _advance_sequences(
    target: Connection, order: Sequence[Table], added: Mapping[str, int]
) -> None:
    """PostgreSQL: move each id sequence past the ids inserted explicitly.

    A serial column's sequence does not see explicit ids; without this the next claim
    saved on the server would be given an id a copied claim already has. Never moved
    back (another client may have drawn ids meanwhile).
    """
    for table in order:
        if not added.get(table.name):
            continue
        pk = _key(table)
        sequence = target.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk.name}
        ).scalar()
        if sequence is None:
            continue
        highest = target.execute(select(func.max(pk))).scalar()
        target.execute(
            text(
                "SELECT setval(CAST(:s AS regclass), "
                "GREATEST(:m, pg_sequence_last_value(CAST(:s AS regclass))))"
            ),
            {"s": sequence, "m": highest},
        )


def copy_desk(
    source: Database,
    target: Database,
    verb: str = "copied",
    arrival: Callable[[Session], Arrival] | None = None,
) -> CopyCounts:
    """Copy every row of `source` that `target` lacks, ids kept; all or nothing.

    Rows already on the target with the same id and content are left alone (copying
    twice adds nothing). If any row's id, or unique key, is taken on the target by a
    different row, DeskCopyRefused names the table and count and nothing is written.
    A target that is a new desk (only the scale it was created with) takes the source's
    scale instead of its default one.

    Rows move BATCH at a time inside one transaction on the target: a clash found in a
    late batch rolls back the batches written before it, so nothing is written still.

    `arrival`, asked on the target's session before any row moves, says how the target
    takes the source's verdicts (default: as they are). When it takes no approval, a
    verdict the source marks approved arrives as needs review (no reviewer, no time), its
    claim's history saying what the source said ("desk push: approved by Ben on
    2026-12-01"). When it names an author, new verdicts record that login as the one that
    wrote them (the one a review must come from someone else than). A target row equal
    to the verdict as the source has it or as it arrives, author logins aside, counts as
    already there; so does a target's approved verdict the source holds as such a copy
    demoted it (the desk pulled back into the file pushed to it), and a verdict and
    claim differing only by review steps (_REVIEW_STEP): the target keeps its review,
    the summary counts those verdicts.
    """
    order = tables()
    # One snapshot of a server desk others keep writing to (a file's read is one already).
    options = {"isolation_level": "REPEATABLE READ"} if source.is_server else None
    with (
        source.sessions() as reading,
        target.write_lock,
        target.sessions.begin() as writing,
    ):
        src = reading.connection(execution_options=options)
        check_tables(src, source.where)
        dst = writing.connection()
        check_tables(dst, target.where)
        if _revision(dst) != _revision(src):
            raise DeskCopyRefused(
                f"The desks {source.where} and {target.where} are at different schema "
                "versions; open both with this ClaimDesk once, then try again."
            )
        verdicts_arriving = None if arrival is None else arrival(writing).arriving()
        if _only_seeded(dst, order):
            for table in (t for t in reversed(order) if t.name in _SEEDED):
                dst.execute(delete(table))
        counts = CopyCounts()
        clashes: dict[str, int] = {}
        demoted: list[Row] = []
        try:
            for table in order:
                arriving = verdicts_arriving if table.name == "verdicts" else None
                _copy_table(src, dst, table, counts, clashes, arriving, demoted)
            if clashes:
                raise _refusal(clashes, source, target, verb)
            if dst.dialect.name == "postgresql":
                _advance_sequences(dst, order, counts.added)
            # After the sequences moved on: these entries draw new ids, not the source's.
            _say_demoted(dst, demoted, verb)
            counts.demoted = len(demoted)
        except _Unstorable as exc:
            raise DeskCopyRefused(
                f"Nothing was {verb}: {exc.table} row {exc.key} of {source.where} holds "
                f"{exc.problem} in {exc.column}, which {target.where} cannot store; correct "
                "that text in ClaimDesk, then try again."
            ) from None
        except IntegrityError as exc:
            raise DeskCopyRefused(
                f"Nothing was {verb}: {target.where} changed while copying "
                f"({str(exc.orig).splitlines()[0]}); try again."
            ) from exc
        except DBAPIError as exc:
            # Moving the id sequences on (or writing a table the role may not) is the
            # owner's: the application role (packaging/sql) may only draw ids.
            if getattr(exc.orig, "sqlstate", None) != _NOT_ALLOWED:
                raise
            raise DeskCopyRefused(
                f"Nothing was {verb}: your database role may not write rows with their own "
                f"ids into {target.where}; ask your administrator to run it as the desk's owner."
            ) from exc
    log.info("%s: %s", target.where, counts.summary(verb))
    return counts


def _copy_table(
    src: Connection,
    dst: Connection,
    table: Table,
    counts: CopyCounts,
    clashes: dict[str, int],
    arriving: Callable[[Row], Row] | None = None,
    demoted: list[Row] | None = None,
) -> None:
    """Copy one table batch by batch; once any clash is known, only count the clashes
    (the copy will be refused: writing more would be rolled back anyway). Rows `arriving`
    changed before they were written are added to `demoted` as the source had them."""
    name = table.name
    counts.added[name] = counts.present[name] = 0
    for rows in _batches(src, table):
        plan = _plan(table, rows, dst, arriving)
        if plan.clashes:
            clashes[name] = clashes.get(name, 0) + plan.clashes
        if clashes:
            continue
        if plan.new:
            if dst.dialect.name == "postgresql":
                _refuse_unstorable(table, plan.new)
            dst.execute(table.insert(), plan.new)
            _drop_trigger_copies(dst, plan)
            if arriving is not None and demoted is not None:
                key = _key(table).name
                written = {r[key] for r in plan.new}
                demoted.extend(
                    r for r in rows
                    if r[key] in written and arriving(r)["review_state"] != r["review_state"]
                )  # fmt: skip
        counts.added[name] += len(plan.new)
        counts.present[name] += plan.present
        counts.reviewed += plan.reviewed


def _unapproved(row: Row) -> Row:
    """A verdict as a target that takes no approval from its source stores it: an
    approved one waits for the target's own review (the row itself when not approved)."""
    if row["review_state"] != ReviewState.APPROVED.value:
        return row
    return {**row, "review_state": ReviewState.NEEDS_REVIEW.value, "reviewer": None,
            "reviewed_at": None}  # fmt: skip


def _say_demoted(target: Connection, verdicts: Sequence[Row], verb: str) -> None:
    """A history entry per verdict whose approval was not taken, as a bundle's says it:
    "Review: Approved → Needs review", signed "desk push: approved by Ben on 2026-12-01"."""
    if not verdicts:
        return
    origin = {"pushed": "desk push", "pulled": "desk pull"}.get(verb, "desk copy")
    history = Base.metadata.tables["claim_history"]
    now = utc_now()
    target.execute(
        history.insert(),
        [
            {
                "claim_id": v["claim_id"],
                "at": now,
                "who": approval_said(origin, v["reviewer"], v["reviewed_at"]),
                "field": HistoryField.REVIEW.value,
                "old": ReviewState.APPROVED.value,
                "new": ReviewState.NEEDS_REVIEW.value,
            }
            for v in verdicts
        ],
    )


class _Unstorable(Exception):
    """A row holds text PostgreSQL cannot: a NUL, or more characters than its column."""

    def __init__(self, table: str, key: object, column: str, problem: str) -> None:
        super().__init__(table, key, column, problem)
        self.table, self.key, self.column, self.problem = table, key, column, problem


def _refuse_unstorable(table: Table, rows: Sequence[Row]) -> None:
    """A desk file may hold what a server refuses (typed before typed text was normalised
    and measured; SQLite ignores VARCHAR lengths): name the row, so the checker can save
    it again, rather than let the driver fail the copy with its own message."""
    pk = _key(table)
    limits = {c.name: getattr(c.type, "length", None) for c in table.columns}
    for row in rows:
        for column, value in row.items():
            if not isinstance(value, str):
                continue
            if "\x00" in value:
                raise _Unstorable(table.name, row[pk.name], column, "a NUL character")
            limit = limits.get(column)
            if limit is not None and len(value) > limit:
                raise _Unstorable(
                    table.name, row[pk.name], column,
                    f"{len(value):,} characters (at most {limit})",
                )  # fmt: skip


def _refusal(
    clashes: Mapping[str, int], source: Database, target: Database, verb: str
) -> DeskCopyRefused:
    (first, count), *rest = clashes.items()  # in table order: the first table named
    more = sum(n for _, n in rest)
    others = f" (and {more} rows of other tables)" if more else ""
    return DeskCopyRefused(
        f"Nothing was {verb}: {target.where} already holds {label(first, count)} "
        f"(table {first}) under the same ids or keys as {source.where} but with other "
        f"content{others}; copy into an empty desk, or remove those rows there first."
    )


def _drop_trigger_copies(target: Connection, plan: _Plan) -> None:
    """Remove what the target's triggers made from rows just inserted, where the source's
    own copies of them follow (the fact-check library's entries of the desk's verdicts)."""
    if plan.table.name != _FED_BY["factchecks"]:
        return
    library = Base.metadata.tables["factchecks"]
    claim_ids = [r["claim_id"] for r in plan.new]
    for chunk in _chunks(claim_ids):
        target.execute(
            delete(library).where(library.c.source == "desk", library.c.claim_id.in_(chunk))
        )
