"""What a schema object means, independent of how the library that created it spelled it."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Hashable, Sequence

#: One token of SQL: a string, a quoted identifier, a number, a word, an operator, a mark.
_TOKEN = re.compile(
    r"""'(?:[^']|'')*'"""  # 'string'
    r'''|"(?:[^"]|"")*"'''  # "identifier"
    r"|`(?:[^`]|``)*`"  # `identifier`
    r"|\[[^\]]*\]"  # [identifier]
    r"|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?"  # number
    r"|\w+"  # keyword or bare identifier
    r"|<=|>=|<>|!=|==|\|\||<<|>>|->>|->"  # two-character operators
    r"|\S",
)

#: Clauses of CREATE TABLE that no PRAGMA reports, yet change what the table does:
#: collation, conflict resolution (REPLACE silently deletes rows), generated columns,
#: deferred keys, AUTOINCREMENT and the WITHOUT ROWID / STRICT table options.
_UNREPORTED = frozenset(
    {"collate", "conflict", "generated", "as", "deferrable", "autoincrement", "rowid", "strict"}
)


def tokens(sql: str | None) -> tuple[str, ...]:
    """SQL as tokens: keywords and identifiers lowercased and unquoted, strings verbatim.

    Whitespace, identifier quoting and keyword case are how a library happened to
    write a statement, not what it means; SQLite itself ignores all three.
    """
    out: list[str] = []
    for token in _TOKEN.findall(sql or ""):
        first = token[0]
        if first in "\"`":
            out.append(token[1:-1].replace(first * 2, first).lower())
        elif first == "[":
            out.append(token[1:-1].lower())
        elif first == "'":
            out.append(token)
        else:
            out.append(token.lower())
    return tuple(out)


def _closing(toks: Sequence[str], start: int) -> int:
    """Index of the ")" matching the "(" at `start`."""
    depth = 0
    for i in range(start, len(toks)):
        depth += {"(": 1, ")": -1}.get(toks[i], 0)
        if depth == 0:
            return i
    return len(toks) - 1


def unreported_clauses(sql: str | None) -> tuple[tuple[str, ...], ...]:
    """CHECK expressions (token by token) and the clauses in _UNREPORTED, sorted.

    Sorted, so constraints listed in another order still match; each CHECK body and
    each clause with the word after it, so a changed one does not.
    """
    toks = tokens(sql)
    found: list[tuple[str, ...]] = []
    i = 0
    while i < len(toks):
        if toks[i] == "check" and i + 1 < len(toks) and toks[i + 1] == "(":
            end = _closing(toks, i + 1)
            found.append(("check", *toks[i + 2 : end]))
            i = end + 1
            continue
        if toks[i] in _UNREPORTED:
            found.append((toks[i], toks[i + 1] if i + 1 < len(toks) else ""))
        i += 1
    return tuple(sorted(found))


def _rows(con: sqlite3.Connection, pragma: str, name: str) -> list[tuple[object, ...]]:
    # Table-valued pragma functions take the name as a parameter: no quoting to get wrong.
    return [tuple(r) for r in con.execute(f"SELECT * FROM pragma_{pragma}(?)", (name,))]


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _type(declared: object) -> str:
    return "".join(tokens(str(declared or "")))


def _index_columns(con: sqlite3.Connection, index: str) -> tuple[Hashable, ...]:
    # seqno, cid (-2: an expression), name, desc, collation, key column or not
    return tuple(
        (seq, cid, _lower(col), desc, _lower(coll), key)
        for seq, cid, col, desc, coll, key in _rows(con, "index_xinfo", index)
    )


def _table(con: sqlite3.Connection, name: str, sql: str | None) -> Hashable:
    columns = tuple(
        (cid, _lower(col), _type(kind), notnull,
         "".join(tokens(str(default))) if default is not None else None, pk, hidden)
        for cid, col, kind, notnull, default, pk, hidden in _rows(con, "table_xinfo", name)
    )  # fmt: skip
    listed = [
        (_lower(index), unique, origin, partial, _index_columns(con, str(index)))
        for _seq, index, unique, origin, partial in _rows(con, "index_list", name)
    ]
    # key=repr: a hostile file may put None where ours has text; refuse it, never crash.
    indexes = tuple(sorted(listed, key=repr))
    keys: dict[object, list[tuple[object, ...]]] = {}
    for fk_id, _seq, parent, child_col, parent_col, on_update, on_delete, match in _rows(
        con, "foreign_key_list", name
    ):
        keys.setdefault(fk_id, []).append(
            (_lower(parent), _lower(child_col), _lower(parent_col), on_update, on_delete, match)
        )
    foreign = tuple(sorted((tuple(parts) for parts in keys.values()), key=repr))
    return ("table", columns, indexes, foreign, unreported_clauses(sql))


def _index(con: sqlite3.Connection, name: str, table: str, sql: str | None) -> Hashable:
    listed = [r for r in _rows(con, "index_list", table) if _lower(r[1]) == name.lower()]
    flags = tuple(r[2:] for r in listed)  # unique, origin, partial
    where: tuple[str, ...] = ()
    toks = tokens(sql)
    if "where" in toks:  # a partial index's condition appears nowhere but in its SQL
        where = toks[toks.index("where") :]
    return ("index", flags, _index_columns(con, name), where)


def normal_text(sql: str | None) -> str:
    """Whitespace-normalised text: for the raw SQL we wrote ourselves (triggers, views)."""
    text = " ".join((sql or "").split())
    return re.sub(r"\s*([(),;])\s*", r"\1", text)


def shape(con: sqlite3.Connection, kind: str, name: str, table: str, sql: str | None) -> Hashable:
    """What the object does, as a value equal for equivalent spellings of it.

    Tables and indexes (rendered by SQLAlchemy and Alembic, whose spelling may change
    between versions) by what SQLite reports of them; virtual tables by their tokens;
    triggers and views (ClaimDesk's own SQL, and the likeliest thing to be tampered
    with) by their exact text, layout aside.
    """
    if kind == "table" and tokens(sql)[:2] == ("create", "table"):
        return (table.lower(), _table(con, name, sql))
    if kind == "index":
        return (table.lower(), _index(con, name, table, sql))
    if kind == "table":  # CREATE VIRTUAL TABLE: its module arguments are only in the SQL
        return (table.lower(), ("virtual", tokens(sql)))
    return (table.lower(), (kind, normal_text(sql)))
