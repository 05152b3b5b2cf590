"""The append-only change log: who created, changed or deleted what, chained with hashes.

Logging is done by triggers, so no path (page, CLI, import, a forgotten domain function) can
change an audited table without leaving a row. The triggers call three functions that
`db.connect` registers on every connection:
- `audit_actor()`: the user acting in this connection (set with `set_actor`; one connection per
  script run, so one user);
- `audit_fields(old, new)`: the names of the fields that changed (names only, never values, so
  the log holds no personal data and survives an erasure request);
- `audit_hash(prev, …)`: SHA-256 over the previous row's hash and this row, so editing or
  removing a row in the file breaks the chain at that point (`verify`).
Triggers are derived from the tables' current columns and rebuilt after every migration.
UPDATE and DELETE on audit_log itself are refused by triggers of the first migration.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import weakref
from dataclasses import dataclass

import sqlite_utils

AUDITED = ("users", "politicians", "stances", "meetings", "positions", "documents", "statements",
           "newspapers", "arguments")
ACTIONS = {"create": "opprettet", "update": "endret", "delete": "slettet",
           "trash": "flyttet til papirkurven", "restore": "gjenopprettet",
           "purge": "tømt fra papirkurven", "unlock": "innloggingssperre opphevet"}
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
NOT_CHANGES = {"updated_at", "last_login_at"}  # bookkeeping, not a change anyone made


def _fields(old_json: str | None, new_json: str | None) -> str:
    old = json.loads(old_json) if old_json else {}
    new = json.loads(new_json) if new_json else {}
    if old_json and new_json:
        names = [k for k in new if old.get(k) != new.get(k) and k not in NOT_CHANGES]
    else:
        names = [k for k, v in (new or old).items() if v is not None]
    return json.dumps(names)


def _hash(prev, at, user_id, action, table, row_id, changes) -> str:
    payload = json.dumps([prev, at, user_id, action, table, str(row_id), changes],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


class AuditedConnection(sqlite3.Connection):
    """A connection that knows who is acting, for the audit triggers."""

    actor: int | None = None


def register(conn: AuditedConnection) -> None:
    """Register the functions the audit triggers call.

    The actor function holds the connection weakly: a connection that referred to itself
    through a registered function would never be freed (sqlite3 does not let the garbage
    collector see that cycle), and the app opens one per script thread."""
    ref = weakref.ref(conn)
    conn.create_function("audit_actor", 0, lambda: ref().actor)
    conn.create_function("audit_fields", 2, _fields)
    conn.create_function("audit_hash", 7, _hash)


def set_actor(db: sqlite_utils.Database, user_id: int | None) -> None:
    """Attribute this connection's writes to a user (None: the system, e.g. a CLI command)."""
    db.conn.actor = user_id


def _object(db, table: str, prefix: str) -> str:
    parts = []
    for column in db[table].columns:
        value = f"{prefix}.[{column.name}]"
        if column.type.upper() == "BLOB":
            value = f"length({value})"  # record that a file changed, not the file
        parts.append(f"'{column.name}', {value}")
    return f"json_object({', '.join(parts)})"


def install_triggers(db: sqlite_utils.Database) -> None:
    """(Re)create the audit triggers of every audited table from its current columns."""
    for table in AUDITED:
        if not db[table].exists():
            continue
        for action, when, old, new in (
            ("create", "insert", "null", _object(db, table, "new")),
            ("update", "update", _object(db, table, "old"), _object(db, table, "new")),
            ("delete", "delete", _object(db, table, "old"), "null"),
        ):
            row = "old" if action == "delete" else "new"
            name = f"audit_{table}_{when}"
            db.execute(f"drop trigger if exists [{name}]")
            db.execute(
                f"""create trigger [{name}] after {when} on [{table}]
                begin
                    insert into audit_log
                        (at, user_id, action, table_name, row_id, changes, prev_hash, hash)
                    select at, actor, '{action}', '{table}', {row}.id, ch, prev,
                           audit_hash(prev, at, actor, '{action}', '{table}', {row}.id, ch)
                    from (select {NOW} as at, audit_actor() as actor,
                                 audit_fields({old}, {new}) as ch,
                                 (select hash from audit_log order by id desc limit 1) as prev)
                    where ch != '[]';
                end"""  # noqa: S608 - names come from AUDITED and the schema
            )


def record(db: sqlite_utils.Database, user_id: int | None, action: str, table: str,
           row_id, changes: str) -> None:
    """A log row written by code rather than by a trigger (tables outside AUDITED, such as the
    levers), hashed into the same chain so `verify` still holds."""
    db.execute(
        f"""insert into audit_log (at, user_id, action, table_name, row_id, changes, prev_hash, hash)
            select at, :user, :action, :table, :row, :changes, prev,
                   audit_hash(prev, at, :user, :action, :table, :row, :changes)
            from (select {NOW} as at,
                         (select hash from audit_log order by id desc limit 1) as prev)""",  # noqa: S608
        {"user": user_id, "action": action, "table": table, "row": str(row_id),
         "changes": changes},
    )


def triggers_installed(db: sqlite_utils.Database) -> bool:
    expected = {f"audit_{t}_{w}" for t in AUDITED if db[t].exists()
                for w in ("insert", "update", "delete")}
    present = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    return expected <= present


@dataclass(frozen=True)
class Verification:
    ok: bool
    rows: int
    first_bad_id: int | None = None

    @property
    def message(self) -> str:
        if self.ok:
            return f"Endringsloggen er hel: {self.rows} rader, kjeden stemmer."
        return (f"Endringsloggen er endret eller har hull: kjeden brytes ved rad "
                f"{self.first_bad_id}.")


def verify(db: sqlite_utils.Database) -> Verification:
    """Recompute the hash chain; report the first row where it breaks."""
    prev = None
    count = 0
    for row in db.query(
        "select id, at, user_id, action, table_name, row_id, changes, prev_hash, hash "
        "from audit_log order by id"
    ):
        count += 1
        expected = _hash(prev, row["at"], row["user_id"], row["action"], row["table_name"],
                         row["row_id"], row["changes"])
        if row["prev_hash"] != prev or row["hash"] != expected:
            return Verification(False, count, row["id"])
        prev = row["hash"]
    return Verification(True, count)


def entries(
    db: sqlite_utils.Database,
    acting,
    *,
    table: str | None = None,
    user_id: int | None = None,
    limit: int = 500,
) -> list[dict]:
    """The latest log rows, newest first, with the acting user's name (leadership only)."""
    from .accounts import require_leader  # accounts → db → audit: import here, not at the top

    require_leader(acting)
    where, params = ["1 = 1"], {"limit": limit}
    if table:
        where.append("a.table_name = :table")
        params["table"] = table
    if user_id:
        where.append("a.user_id = :user")
        params["user"] = user_id
    return list(
        db.query(
            f"""select a.id, a.at, coalesce(u.full_name, 'system') as who, a.action,
                       a.table_name, a.row_id, a.changes
                from audit_log a left join users u on u.id = a.user_id
                where {' and '.join(where)}
                order by a.id desc limit :limit""",  # noqa: S608 - fixed fragments only
            params,
        )
    )
