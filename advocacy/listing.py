"""Long lists, one way for all: words to search for, filters, a period, a sort order and a page.

A list says once what it is (`ListSpec`): the columns it selects, the tables they come from, the
unique key that breaks ties, where its words are searched (an FTS5 index where the table has one,
else a few text columns), which filters and sort orders it offers. The page asks with a
`ListQuery`; `fetch` answers with one `Page` of rows and the count, both from the same where
clause, so «312 møter» and the rows always agree. The user's scope (which rows they may read at
all) is passed in by the domain module that owns the list and is always part of the where clause.

Everything a user types is a bound parameter; only the spec's fixed fragments are joined into
SQL, and a sort or filter name not in the spec is refused (it would be a programming error).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from advocacy.search import fts_query

FOLD = "pavirk_fold"  # the SQL function: a text folded for search (case, accents; æøå kept)
MAX_WORDS = 8
PAGE_SIZES = (25, 50, 100)


@dataclass(frozen=True)
class Sort:
    """One sort order: its label for the user and the SQL it sorts by; `descending` is the
    direction it starts in (dates newest first, names A–Å)."""

    label: str
    sql: str | tuple[str, ...]  # one key, or several in turn (each in the same direction)
    descending: bool = False
    ways: tuple[str, str] | None = None  # the two directions' labels (ascending, descending)
    # The tables the page's keys are sorted in when the list's count_source lacks this sort's
    # column: as few joins as the order needs (a join the sort does not need led SQLite's
    # planner to sort all 50,000 meetings instead of walking an index).
    source: str | None = None


@dataclass(frozen=True)
class ListSpec:
    """What a list is. `filters` maps a filter's name to its SQL: the value is compared with
    `{v}` (written `= :p` for one value, `in (…)` for several); without `{v}` the comparison is
    put after the expression. `period` is the ISO date or moment a from–to period filters on."""

    select: str
    source: str
    key: str
    sorts: Mapping[str, Sort]
    filters: Mapping[str, str] = field(default_factory=dict)
    period: str | None = None
    fts: tuple[str, str] | None = None  # (FTS5 table, the listed table's rowid expression)
    like: Sequence[str] = ()  # text columns searched when there is no FTS5 index
    # Fewer tables to count in (and sort the page's keys in), if the filters and words need no
    # more: the listed table alone, usually.
    count_source: str | None = None

    def __post_init__(self) -> None:
        if not self.sorts:
            raise ValueError("a list needs at least one sort order")


@dataclass(frozen=True)
class ListQuery:
    """What the user asked for. Empty values (None, "", []) filter nothing."""

    text: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    start: dt.date | None = None
    end: dt.date | None = None
    sort: str | None = None
    descending: bool | None = None
    page: int = 1
    size: int = 50

    def same_rows(self) -> tuple:
        """Everything but the page: a change of it starts again at page one."""
        return (self.text.strip(), tuple(sorted((k, repr(v)) for k, v in self.filters.items())),
                self.start, self.end, self.sort, self.descending, self.size)


@dataclass(frozen=True)
class Page:
    rows: list[dict]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.size + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.page * self.size, self.total)


# Norwegian alphabetical order in plain SQL: case folded for A–Z, and æ, ø, å (either case) made
# the three signs after «z» in ASCII, in that order; binary order would put Å before Æ and Ø,
# and every capital before every small letter. Built-in functions only, so an index can be
# made on the same expression (m141) and SQLite walks it instead of sorting.
_NB_SIGNS = (("Æ", "{"), ("æ", "{"), ("Ø", "|"), ("ø", "|"), ("Å", "}"), ("å", "}"))


def nb(expr: str) -> str:
    """The SQL sort key of `expr` in Norwegian alphabetical order."""
    out = f"lower({expr})"
    for letter, sign in _NB_SIGNS:
        out = f"replace({out}, '{letter}', '{sign}')"
    return out


def nb_key(text: str | None) -> str:
    """The same key in Python (for tests and lists sorted outside SQL)."""
    out = "".join(c.lower() if c.isascii() else c for c in (text or ""))
    for letter, sign in _NB_SIGNS:
        out = out.replace(letter, sign)
    return out


def fold(text: str | None) -> str:
    """Text as it is searched: case folded and accents removed (é → e, ü → u), but æ, ø and å
    kept: they are letters of their own in Norwegian (Ås is not As)."""
    if not text:
        return ""
    kept = text.casefold().replace("å", "\0")
    plain = "".join(c for c in unicodedata.normalize("NFKD", kept)
                    if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain.replace("\0", "å"))


def _fold_sql(value: Any) -> str | None:
    return fold(value) if isinstance(value, str) else None if value is None else fold(str(value))


def register(db: sqlite_utils.Database) -> None:
    """The fold function on this connection (once per connection)."""
    conn = db.conn
    if getattr(conn, "_pavirk_fold", False):
        return
    conn.create_function(FOLD, 1, _fold_sql, deterministic=True)
    try:
        conn._pavirk_fold = True  # type: ignore[attr-defined]
    except AttributeError:  # a plain sqlite3.Connection takes no attributes: register again
        pass


def like_pattern(term: str) -> str:
    """`term` anywhere, its % and _ as signs (with `escape '\\'`)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(spec: ListSpec, query: ListQuery, scope: str = "1 = 1",
                 params: Mapping[str, Any] | None = None) -> tuple[str, dict]:
    """The where clause of `query` on `spec`, within `scope`, and its parameters."""
    clauses, bound = [f"({scope})"], dict(params or {})
    for number, (name, value) in enumerate(sorted(query.filters.items())):
        if name not in spec.filters:
            raise KeyError(f"unknown filter {name!r}")
        if value is None or value == "" or (isinstance(value, list | tuple | set | frozenset)
                                            and not value):
            continue
        param = f"f{number}"
        if isinstance(value, list | tuple | set | frozenset):
            test = f"in (select value from json_each(:{param}))"  # noqa: S608 - a name we made
            bound[param] = json.dumps(sorted(value, key=str), ensure_ascii=False)
        else:
            test = f"= :{param}"
            bound[param] = value
        expr = spec.filters[name]
        clauses.append(expr.replace("{v}", test) if "{v}" in expr else f"{expr} {test}")
    if spec.period and query.start:
        clauses.append(f"{spec.period} >= :period_start")
        bound["period_start"] = query.start.isoformat()
    if spec.period and query.end:
        clauses.append(f"{spec.period} < :period_end")
        bound["period_end"] = (query.end + dt.timedelta(days=1)).isoformat()
    text = query.text.strip()
    if text and spec.fts:
        table, rowid = spec.fts
        match = fts_query(text)
        if match:
            clauses.append(f"{rowid} in (select rowid from [{table}] "  # noqa: S608 - spec names
                           f"where [{table}] match :words)")
            bound["words"] = match
        else:  # only signs, no word: nothing has it as a word
            clauses.append("0")
    elif text and spec.like:
        for number, term in enumerate(fold(text).split()[:MAX_WORDS]):
            param = f"w{number}"
            clauses.append("(" + " or ".join(f"{FOLD}({col}) like :{param} escape '\\'"
                                             for col in spec.like) + ")")
            bound[param] = like_pattern(term)
    return " and ".join(clauses), bound


def _sort(spec: ListSpec, query: ListQuery) -> Sort:
    name = query.sort if query.sort is not None else next(iter(spec.sorts))
    if name not in spec.sorts:
        raise KeyError(f"unknown sort {name!r}")
    return spec.sorts[name]


def order_clause(spec: ListSpec, query: ListQuery) -> str:
    sort = _sort(spec, query)
    descending = sort.descending if query.descending is None else query.descending
    way = "desc" if descending else "asc"
    keys = (sort.sql,) if isinstance(sort.sql, str) else sort.sql
    return ", ".join(f"{key} {way} nulls last" for key in keys) + f", {spec.key} {way}"


CACHED_PAGES = 256  # pages kept per process, the least recently asked for dropped first
CACHED_CHARS = 20_000_000  # and at most this much text in them (a summary can be 20 000 signs)


class _Watcher:
    """Whether anything in a database file has changed, for the whole process: a connection of
    its own that never writes, so its `pragma data_version` moves whenever any other connection
    (any thread, any process) commits. A file replaced on disk (a restore, a demo reset) is a
    new file: its identity on disk is part of the version, and the watcher opens it again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, tuple[tuple[int, int, int], sqlite3.Connection]] = {}

    def version(self, path: str) -> tuple | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        # ctime too: a file removed and made again can get the same inode number; the main
        # file's ctime also moves at each checkpoint (a new watcher then, at no harm).
        inode = (stat.st_dev, stat.st_ino, stat.st_ctime_ns)
        with self._lock:
            known = self._open.get(path)
            try:
                if known is None or known[0] != inode:
                    if known is not None:
                        known[1].close()
                    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                           check_same_thread=False)
                    known = self._open[path] = (inode, conn)
                return inode, known[1].execute("pragma data_version").fetchone()[0]
            except sqlite3.Error:  # cannot watch it: no page is kept for this file
                self._open.pop(path, None)
                return None


_WATCHER = _Watcher()
_PAGES: OrderedDict = OrderedDict()  # key -> (page, its size in characters)
_PAGES_LOCK = threading.Lock()
_PAGES_CHARS = [0]


def _chars(page: Page) -> int:
    return sum(len(v) if isinstance(v, str) else 8 for row in page.rows for v in row.values())


def _file(db: sqlite_utils.Database) -> str | None:
    row = db.conn.execute("pragma database_list").fetchone()
    return row[2] if row and row[2] else None  # "" for a database in memory


def fetch(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery, scope: str = "1 = 1",
          params: Mapping[str, Any] | None = None) -> Page:
    """One page of the list and how many rows there are in all; a page past the end gives the
    last page.

    A page rerun asks again for the page it showed: the answer is kept while nothing in the
    database file has changed (`_Watcher`), so a click elsewhere on the page does not count
    50,000 matches again. The user's scope is part of the where clause, so part of the key; a
    connection in the middle of its own transaction is not served from (or into) the cache."""
    if spec.like:
        register(db)
    where, bound = where_clause(spec, query, scope, params)
    path = None if db.conn.in_transaction else _file(db)
    version = _WATCHER.version(path) if path else None
    if version is None:
        return _fetch(db, spec, query, where, bound)
    key = (path, version, spec.select, spec.source, where,
           tuple(sorted((k, repr(v)) for k, v in bound.items())), order_clause(spec, query),
           query.page, query.size)
    with _PAGES_LOCK:
        kept = _PAGES.get(key)
        if kept is not None:
            _PAGES.move_to_end(key)
            kept = kept[0]
    if kept is None:
        kept = _fetch(db, spec, query, where, bound)
        chars = _chars(kept)
        with _PAGES_LOCK:
            if key not in _PAGES and chars <= CACHED_CHARS // 4:
                _PAGES[key] = (kept, chars)
                _PAGES_CHARS[0] += chars
            while _PAGES and (len(_PAGES) > CACHED_PAGES or _PAGES_CHARS[0] > CACHED_CHARS):
                _PAGES_CHARS[0] -= _PAGES.popitem(last=False)[1][1]
    return Page(rows=[dict(r) for r in kept.rows], total=kept.total, page=kept.page,
                size=kept.size)


def _fetch(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery, where: str,
           bound: dict) -> Page:
    total = db.execute(f"select count(*) from {spec.count_source or spec.source} "  # noqa: S608
                       f"where {where}", bound).fetchone()[0]
    size = max(1, int(query.size))
    page = min(max(1, int(query.page)), max(1, -(-total // size)))
    # The page's keys first, sorted on the sort column alone; then the page's full rows. Sorting
    # every match with all its columns (a correlated list of names per meeting, say) cost the
    # subqueries of tens of thousands of rows for the fifty shown.
    order = order_clause(spec, query)
    keys_from = _sort(spec, query).source or spec.count_source or spec.source
    rows = list(db.query(
        f"select {spec.select} from {spec.source} where {spec.key} in ("  # noqa: S608 - spec
        f"select {spec.key} from {keys_from} where {where} order by {order} "
        f"limit :limit offset :offset) order by {order}",
        {**bound, "limit": size, "offset": (page - 1) * size}))
    return Page(rows=rows, total=total, page=page, size=size)
