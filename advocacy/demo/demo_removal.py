"""Taking the demo data out of a database that has gone into real use (`remove-demo`), and
the warning while demo accounts are reachable from other machines.

The demo rows are every row flagged `is_demo = 1`, in whichever table has that column (found
in the schema, so a table added later is covered), and the rows whose foreign key cascades
from them (stances, meeting links, letter history, the demo accounts' sessions and drafts …).
Nothing real goes with them: a demo row that a real row points to (a real user in a demo
chapter, a meeting recorded by a demo account, a letter naming a demo politician) is kept,
and so is what it points to in turn; a demo account kept that way is deactivated and can never
log in again. A flagged real row (`is_demo = 0`) never goes, even where it would cascade.
Papirkurv entries of demo records go too. Audited tables log each delete as usual.
"""

from __future__ import annotations

import ipaddress
import json
import urllib.parse
from dataclasses import dataclass, field

import sqlite_utils

from advocacy import settings, texts
from advocacy.db import write
from advocacy.demo import demo
from advocacy.migrations.steps_login import DEMO_REMOVAL_FLAG

# Bookkeeping whose references to users are not "belonging to" a demo record.
_BOOKKEEPING = {"audit_log", "trash", "_sqlite_migrations", "sqlite_stat1"}
_NO_PASSWORD = "!demo-fjernet!"  # not an argon2 hash: no password can ever match it


@dataclass
class Removal:
    removed: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        lines = [texts.DEMO_REMOVED if self.removed else texts.DEMO_NOTHING_TO_REMOVE]
        lines += [texts.DEMO_REMOVED_ROW.format(table=t, n=n) for t, n in self.removed.items()]
        lines += [texts.DEMO_KEPT.format(table=t, n=n) for t, n in self.kept.items()]
        return lines


def _tables(db: sqlite_utils.Database) -> list[str]:
    return [t for t in db.table_names()
            if t not in _BOOKKEEPING and not t.startswith("sqlite_") and "_fts" not in t]


def _references(db, tables) -> list[tuple[str, str, str, str, str]]:
    """(child, column, parent, parent column, on delete) for every foreign key."""
    refs = []
    for table in tables:
        for fk in db.execute(f"pragma foreign_key_list([{table}])").fetchall():
            refs.append((table, fk[3], fk[2], fk[4] or "id", fk[6].upper()))
    return refs


def _key(db, table: str) -> str:
    """What names a row of `table` in a query: its rowid, or its primary key in a table
    WITHOUT ROWID (as a JSON array)."""
    if "WITHOUT ROWID" in (db[table].schema or "").upper():
        return "json_array(" + ", ".join(f"[{pk}]" for pk in db[table].pks) + ")"
    return "rowid"


def _column(db, table: str, column: str) -> dict[object, object]:
    """row -> value of a column, where it is set."""
    return dict(db.execute(
        f"select {_key(db, table)}, [{column}] from [{table}] "  # noqa: S608
        f"where [{column}] is not null").fetchall())


def _plan(db) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """(rows to remove, demo rows kept), both as table -> rowids."""
    tables = _tables(db)
    refs = [r for r in _references(db, tables) if r[2] in tables]
    flagged = {t for t in tables if "is_demo" in db[t].columns_dict}
    demo_rows = {t: {r[0] for r in db.execute(f"select rowid from [{t}] where is_demo = 1")}  # noqa: S608
                 for t in flagged}
    real = {t: {r[0] for r in db.execute(f"select rowid from [{t}] where is_demo = 0")}  # noqa: S608
            for t in flagged}
    columns: dict[tuple[str, str], dict[int, object]] = {}

    def values(table, column):
        if (table, column) not in columns:
            columns[table, column] = _column(db, table, column)
        return columns[table, column]

    kept: dict[str, set[int]] = {t: set() for t in tables}
    while True:
        removed = {t: demo_rows.get(t, set()) - kept[t] for t in tables}
        grew = True
        while grew:  # what cascades from the rows removed goes with them, unless it is real
            grew = False
            for child, col, parent, pcol, action in refs:
                if action != "CASCADE" or not removed[parent]:
                    continue
                gone = _values_of(values(parent, pcol), removed[parent])
                rows = {r for r, v in values(child, col).items() if v in gone}
                rows -= removed[child] | kept[child] | real.get(child, set())
                if rows:
                    removed[child] |= rows
                    grew = True
        # A row that stays and points to a removed one (to be cascaded, left dangling or
        # emptied) keeps it, and that one what it belongs to, in the next round.
        newly_kept = False
        for child, col, parent, pcol, _action in refs:
            if not removed[parent]:
                continue
            staying = {r: v for r, v in values(child, col).items() if r not in removed[child]}
            needed = set(staying.values())
            parent_values = values(parent, pcol)
            rows = {r for r in removed[parent] if parent_values.get(r) in needed}
            if rows:
                kept[parent] |= rows
                newly_kept = True
        if not newly_kept:
            demo_kept = {t: kept[t] & demo_rows.get(t, set()) for t in tables}
            return ({t: rows for t, rows in removed.items() if rows},
                    {t: rows for t, rows in demo_kept.items() if rows})


def _values_of(column: dict[int, object], rows: set[int]) -> set[object]:
    return {column[r] for r in rows if r in column}


def _ids(rows: set[int]) -> str:
    return json.dumps(sorted(rows))


def remove(db: sqlite_utils.Database) -> Removal:
    """Remove every demo row and demo account that nothing real depends on, in one write
    transaction; returns what was removed and what was kept, per table. Run again, it finds
    nothing more to remove."""
    with write(db):
        removed, kept = _plan(db)
        flagged = {t for t in _tables(db) if "is_demo" in db[t].columns_dict}
        settings.put(db, DEMO_REMOVAL_FLAG, "1")
        db.execute("pragma defer_foreign_keys = on")  # checked at commit, whatever the order
        for table, rows in removed.items():
            if table not in flagged:
                continue  # unflagged rows go by their foreign key's cascade
            db.execute(f"delete from [{table}] where rowid in (select value from json_each(?))",  # noqa: S608
                       [_ids(rows)])
        users = kept.get("users", set())
        if users:
            db.execute("update users set active = 0, password_hash = ? where rowid in "
                       "(select value from json_each(?))", [_NO_PASSWORD, _ids(users)])
            for name in ("login_sessions", "drafts"):
                if db[name].exists():
                    db.execute(f"delete from [{name}] where user_id in "  # noqa: S608
                               "(select value from json_each(?))", [_ids(users)])
        trashed = _demo_trash(db)
        db.execute("delete from trash where id in (select value from json_each(?))",
                   [_ids(trashed)])
        settings.remove(db, DEMO_REMOVAL_FLAG, "demo_mode")
    result = Removal({t: len(r) for t, r in removed.items()}, {t: len(r) for t, r in kept.items()})
    if trashed:
        result.removed["trash"] = len(trashed)
    return result


def _demo_trash(db) -> set[int]:
    """Papirkurv entries whose record is a demo row."""
    if not db["trash"].exists():
        return set()
    found = set()
    for trash_id, payload in db.execute("select id, payload from trash"):
        items = json.loads(payload)
        if items and items[0].get("row", {}).get("is_demo") == 1:
            found.add(trash_id)
    return found


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host(header: str | None) -> str | None:
    if not header or not header.strip():
        return None
    try:
        return urllib.parse.urlsplit("//" + header.strip()).hostname
    except ValueError:
        return header.strip()


def listens_beyond_loopback(server_address: str | None, request_host: str | None,
                            forwarded_for: str | None = None) -> bool:
    """Whether other machines reach this server: the browser came through a name or address
    other than loopback (the request's Host), a proxy forwarded the request from another
    machine (X-Forwarded-For), or the server is set to listen on one (`server.address`;
    0.0.0.0 and :: are every interface). Unset and unknown: no. (A forged header only shows
    the warning; it hides nothing.)"""
    host = _host(request_host)
    if host is not None and not _is_loopback(host):
        return True
    hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
    if any(not _is_loopback(hop) for hop in hops):
        return True
    return bool(server_address and server_address.strip()) and not _is_loopback(server_address)


def exposure_warning(db: sqlite_utils.Database, server_address: str | None,
                     request_host: str | None, forwarded_for: str | None = None) -> str | None:
    """The warning for leadership while demo accounts can log in from other machines."""
    if not listens_beyond_loopback(server_address, request_host, forwarded_for):
        return None
    return texts.DEMO_EXPOSED_WARNING if demo.demo_accounts(db) else None
