"""The change log as a long list (leadership only): who, what, which table and record, when;
the words are searched in the names of those who made the change (folded, among the few
hundred users, then the log by its user ids: folding 200 000 log rows per search took seconds),
filters by table, action, person, record and period."""

from __future__ import annotations

from dataclasses import replace

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.listing import (
    FOLD,
    ListQuery,
    ListSpec,
    Page,
    Sort,
    fetch,
    fold,
    like_pattern,
    register,
)
from advocacy.permissions import ensure_permission

SPEC = ListSpec(
    select="""a.id, a.at, a.user_id, coalesce(u.full_name, a.username) as who, a.action,
              a.table_name, a.row_id, a.changes""",
    source="audit_log a left join users u on u.id = a.user_id",
    count_source="audit_log a",
    key="a.id",
    sorts={"tid": Sort("Tidspunkt", "a.id", descending=True, ways=texts.NEWEST_FIRST)},
    filters={"tabell": "a.table_name", "handling": "a.action", "hvem": "a.user_id",
             "rad": "a.row_id"},
    period="a.at",
)


def find(db: sqlite_utils.Database, acting: User, query: ListQuery) -> Page:
    """One page of the log, newest first."""
    ensure_permission(acting, "audit.read")
    words = fold(query.text).split()
    if words:
        register(db)
        where = " and ".join(f"{FOLD}(full_name) like :w{i} escape '\\'"
                             for i in range(len(words)))
        ids = [r[0] for r in db.execute(f"select id from users where {where}",  # noqa: S608
                                        {f"w{i}": like_pattern(w) for i, w in enumerate(words)})]
        chosen = query.filters.get("hvem")
        if chosen:
            ids = [i for i in ids if i == chosen or (isinstance(chosen, list) and i in chosen)]
        query = replace(query, text="", filters={**query.filters, "hvem": ids or [-1]})
    return fetch(db, SPEC, query)


def people(db: sqlite_utils.Database, acting: User) -> dict[int, str]:
    """Everyone who can have changed something (the filter's choices; asking the log which
    users are in it would read all of it on every rerun)."""
    ensure_permission(acting, "audit.read")
    return {r["id"]: r["full_name"] for r in db.query(
        "select id, full_name from users order by full_name, id")}


def entries(
    db: sqlite_utils.Database,
    acting,
    *,
    table: str | None = None,
    user_id: int | None = None,
    limit: int = 500,
) -> list[dict]:
    """The latest log rows, newest first, with the acting user's name (leadership only): the
    first page of this list (the list the Endringslogg tab pages through)."""
    return find(db, acting, ListQuery(filters={"tabell": table, "hvem": user_id},
                                      size=limit)).rows
