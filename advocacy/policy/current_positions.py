"""The current position of a municipality on a lever: the one definition every status, export,
map, calendar and count reads.

Positions are an append-only history. The current one is the last decided (and of those the
last recorded) row that has not been corrected: a corrected row (`corrected_at` set) stays in
the history, marked, but no longer counts anywhere. Queries take the fragments below instead of
writing their own subquery, so none can forget the corrected rows; `VALID` in a WHERE lets the
partial indexes `positions_valid` and `positions_valid_decided` serve it (one covering index
seek per municipality and lever).
"""

from __future__ import annotations

import sqlite_utils

# Rows that count. Written exactly like the partial indexes' WHERE, so SQLite can use them.
VALID = "corrected_at is null"


def latest_id(kommunenummer: str, lever_id: str, alias: str = "cur",
              before: str | None = None) -> str:
    """SQL for the id of the current position; the arguments are SQL expressions
    (`m.kommunenummer`, `l.id`, `:lever`), never user text. With `before` (the alias of a
    positions row in the outer query): the position that was current just before that row."""
    earlier = "" if before is None else (
        f" and ({alias}.decided_on < {before}.decided_on or ({alias}.decided_on ="
        f" {before}.decided_on and {alias}.id < {before}.id))")
    return (f"(select {alias}.id from positions {alias}"  # noqa: S608 - SQL expressions only
            f" where {alias}.kommunenummer = {kommunenummer} and {alias}.lever_id = {lever_id}"
            f" and {alias}.{VALID}{earlier}"
            f" order by {alias}.decided_on desc, {alias}.id desc limit 1)")


def current(db: sqlite_utils.Database, kommunenummer: str, lever_id: str) -> dict | None:
    """The current position row of one municipality on one lever, or None."""
    rows = list(db.query(
        f"select * from positions where id = {latest_id(':k', ':l')}",  # noqa: S608 - fixed
        {"k": kommunenummer, "l": lever_id}))
    return rows[0] if rows else None
