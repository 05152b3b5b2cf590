"""The append-only change log: who created, changed or deleted what, chained with hashes.

Logging is done by triggers, so no path (page, CLI, import, a forgotten domain function) can
change an audited table without leaving a row. The triggers call four functions that
`db.connect` registers on every connection:
- `audit_actor()`: the user acting in this connection (set with `set_actor`; one connection per
  script run, so one user);
- `audit_fields(old, new)`: the names of the fields that changed (names only, never values, so
  the log holds no personal data and survives an erasure request);
- `audit_hash(prev, …)`: SHA-256 over the previous row's hash and this row, so editing or
  removing a row in the file breaks the chain at that point (`verify`);
- `audit_mac(prev_mac, count, hash)`: the chain head's keyed MAC (below).
Triggers are derived from the tables' current columns and rebuilt after every migration.
UPDATE and DELETE on audit_log itself are refused by the guard triggers defined here.

The hash chain alone cannot show a cut tail, an emptied log, or a log edited and re-hashed
with `_hash` (anyone can compute SHA-256). So a one-row table `audit_head` holds the count of
rows, the last row's hash and a MAC: HMAC-SHA256 with a server key kept outside the database
(`<db>.auditkey`, or `ADVOCACY_AUDIT_KEY`), chained over every row's hash. The trigger
`audit_log_head` extends it in the same statement as each insert (one HMAC per row, no
rescan); `verify` recomputes it over the whole log. Without the key the head cannot be rewritten
to match an edited log, and because each MAC covers the previous one, a head set to match the
edit is not made right by the app's next write either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import sqlite3
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from advocacy import clock, texts
from advocacy.audit_key import KEY_BYTES, KEY_ENV, key_available, key_path, load_key  # noqa: F401
from advocacy.audit_key import mac as _mac

log = logging.getLogger(__name__)

AUDITED = ("users", "politicians", "stances", "meetings", "positions", "documents", "statements",
           "newspapers", "arguments")
ACTIONS = {"create": "opprettet", "update": "endret", "delete": "slettet",
           "trash": "flyttet til papirkurven", "restore": "gjenopprettet",
           "purge": "tømt fra papirkurven", "unlock": "innloggingssperre opphevet",
           **texts.AUDIT_ACTIONS}
NOW = clock.SQL_NOW
# Until step m142 the triggers stamped milliseconds: a database that has not run it yet still
# has those triggers, which nobody altered.
_NOW_BEFORE_M142 = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
NOT_CHANGES = {"updated_at", "last_login_at"}  # bookkeeping, not a change anyone made

# The log's own triggers: refuse edits through SQL, and extend the head with every new row.
GUARDS = {  # worded as step m001 created them, so existing databases' copies compare equal
    "audit_log_no_update": """create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end""",
    "audit_log_no_delete": """create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end""",
}
HEAD_TRIGGER = {
    "audit_log_head": """create trigger audit_log_head after insert on audit_log
begin
    update audit_head set count = count + 1, last_hash = new.hash,
                          mac = audit_mac(mac, count + 1, new.hash)
    where id = 1;
end""",
}


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
    """A connection that knows who is acting, for the audit triggers, and where its database's
    audit key is."""

    actor: int | None = None
    key_file: Path | None = None  # None: the key comes from ADVOCACY_AUDIT_KEY
    key_created: bool = False  # the key file was missing and this connection made it
    _key: bytes | None = None

    def audit_key(self) -> bytes:
        """The server key, read (or, the first time, created) on first use."""
        if self._key is None:
            self._key, self.key_created = load_key(self.key_file)
        return self._key

    def preload_key(self) -> None:
        """Read a key that exists now, so a bad one is refused in Norwegian on opening rather
        than inside a trigger (a missing key file is made when first needed)."""
        if key_available(self.key_file):
            self.audit_key()


def register(conn: AuditedConnection, path: str | Path | None = None) -> None:
    """Register the functions the audit triggers call, and note where the key of the database
    at `path` lives.

    The actor and MAC functions hold the connection weakly: a connection that referred to
    itself through a registered function would never be freed (sqlite3 does not let the garbage
    collector see that cycle), and the app opens one per script thread."""
    if path is None:
        path = conn.execute("pragma database_list").fetchone()[2]
    conn.key_file = key_path(Path(path).resolve())
    ref = weakref.ref(conn)
    conn.create_function("audit_actor", 0, lambda: ref().actor)
    conn.create_function("audit_fields", 2, _fields)
    conn.create_function("audit_hash", 7, _hash)
    conn.create_function("audit_mac", 3, lambda prev, count, h: _mac(ref().audit_key(), prev,
                                                                     count, h))


def set_actor(db: sqlite_utils.Database, user_id: int | None) -> None:
    """Attribute this connection's writes to a user (None: the system, e.g. a CLI command)."""
    db.conn.actor = user_id


def _columns(db: sqlite_utils.Database) -> dict[str, list[tuple[str, str]]]:
    """Table → its (column, declared type) in order, for the audited tables that exist: one
    query, however many tables (this runs at every start)."""
    columns: dict[str, list[tuple[str, str]]] = {}
    rows = db.execute(
        """select m.name, c.name, c.type from sqlite_master m, pragma_table_info(m.name) c
           where m.type = 'table' and m.name in (select value from json_each(?))
           order by m.name, c.cid""", [json.dumps(AUDITED)])
    for table, column, kind in rows:
        columns.setdefault(table, []).append((column, kind))
    return columns


def _object(columns: list[tuple[str, str]], prefix: str) -> str:
    parts = []
    for name, kind in columns:
        value = f"{prefix}.[{name}]"
        if kind.upper() == "BLOB":
            value = f"length({value})"  # record that a file changed, not the file
        parts.append(f"'{name}', {value}")
    return f"json_object({', '.join(parts)})"


def expected_triggers(db: sqlite_utils.Database, now: str = NOW) -> dict[str, str]:
    """Name → definition of every audit trigger this database should have: three per audited
    table (from its current columns) and, once the head exists, the log's own guards."""
    triggers = {}
    columns = _columns(db)
    for table in (t for t in AUDITED if t in columns):
        old_row, new_row = _object(columns[table], "old"), _object(columns[table], "new")
        for action, when, old, new in (
            ("create", "insert", "null", new_row),
            ("update", "update", old_row, new_row),
            ("delete", "delete", old_row, "null"),
        ):
            row = "old" if action == "delete" else "new"
            name = f"audit_{table}_{when}"
            triggers[name] = (
                f"""create trigger [{name}] after {when} on [{table}]
                begin
                    insert into audit_log
                        (at, user_id, action, table_name, row_id, changes, prev_hash, hash)
                    select at, actor, '{action}', '{table}', {row}.id, ch, prev,
                           audit_hash(prev, at, actor, '{action}', '{table}', {row}.id, ch)
                    from (select {now} as at, audit_actor() as actor,
                                 audit_fields({old}, {new}) as ch,
                                 (select hash from audit_log order by id desc limit 1) as prev)
                    where ch != '[]';
                end"""  # noqa: S608 - names come from AUDITED and the schema
            )
    if db["audit_log"].exists():
        triggers.update(GUARDS)
    if head_exists(db):
        triggers.update(HEAD_TRIGGER)
    return triggers


def _normal(sql: str) -> str:
    return " ".join(sql.split()).lower()


def damaged_triggers(db: sqlite_utils.Database) -> list[str]:
    """Audit triggers that are missing or whose definition is not the one in this code (dropped,
    or replaced by one that logs nothing). Empty for a database whose head was never laid out
    (step m110 pending): its triggers predate these definitions and that step rebuilds them."""
    if not (head_exists(db) or _head_step_applied(db)):
        return []
    present = dict(db.execute("select name, sql from sqlite_master where type = 'trigger'"))
    earlier = {} if _step_applied(db, "m142_one_timestamp_format") else \
        expected_triggers(db, _NOW_BEFORE_M142)
    return sorted(name for name, sql in expected_triggers(db).items()
                  if name not in present or _normal(present[name] or "") not in
                  (_normal(sql), _normal(earlier.get(name, sql))))


def install_triggers(db: sqlite_utils.Database) -> None:
    """(Re)create every audit trigger from its definition here (idempotent)."""
    for name, sql in expected_triggers(db).items():
        db.execute(f"drop trigger if exists [{name}]")
        db.execute(sql)


def restore_triggers(db: sqlite_utils.Database) -> list[str]:
    """Put back any audit trigger that is missing or altered, and say so in the log and the
    server log. Returns the names put back. Call inside a write transaction."""
    damaged = damaged_triggers(db)
    if damaged:
        install_triggers(db)
        log.warning("Loggutløsere manglet eller var endret og er lagt inn på nytt: %s",
                    ", ".join(damaged))
        record(db, None, "triggers", "audit_log", None, json.dumps(damaged))
    return damaged


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
        {"user": user_id, "action": action, "table": table,
         "row": None if row_id is None else str(row_id), "changes": changes},
    )


def triggers_installed(db: sqlite_utils.Database) -> bool:
    present = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    return set(expected_triggers(db)) <= present


# --- The chain head ---


def head_exists(db: sqlite_utils.Database) -> bool:
    return db["audit_head"].exists()


def _head_step_applied(db: sqlite_utils.Database) -> bool:
    return _step_applied(db, "m110_audit_chain_head")


def _step_applied(db: sqlite_utils.Database, name: str) -> bool:
    return db["_sqlite_migrations"].exists() and bool(db.execute(
        "select 1 from _sqlite_migrations where name = ?", [name]).fetchone())


def _rows(db: sqlite_utils.Database):
    return db.query(
        "select id, at, user_id, action, table_name, row_id, changes, prev_hash, hash "
        "from audit_log order by id"
    )


def _keyed_head(db: sqlite_utils.Database) -> tuple[int, str | None, str]:
    """Count, last hash and MAC of the log as it stands (a full scan: migrations and restores)."""
    key = db.conn.audit_key()
    count, last, mac = 0, None, _mac(key, None, 0, None)
    for (row_hash,) in db.execute("select hash from audit_log order by id"):
        count += 1
        last, mac = row_hash, _mac(key, mac, count, row_hash)
    return count, last, mac


def lay_out_head(db: sqlite_utils.Database) -> int | None:
    """Create the head from the log as it stands, with its trigger, and log that it was done.
    Returns the number of rows it covers (None if a head was there already, left as it is).
    Call inside a write transaction."""
    db.execute("""create table if not exists audit_head (
                      id integer primary key check (id = 1),
                      count integer not null,
                      last_hash text,
                      mac text not null)""")
    if db.execute("select 1 from audit_head").fetchone():
        return None  # never reset a head that exists: that would bless whatever was done before
    count, last, mac = _keyed_head(db)
    db.execute("insert into audit_head (id, count, last_hash, mac) values (1, ?, ?, ?)",
               [count, last, mac])
    install_triggers(db)
    record(db, None, "head", "audit_head", None, json.dumps({"rader": count}))
    return count


def rekey(db: sqlite_utils.Database) -> None:
    """Sign the head anew with this server's key, over the log as it stands, and log that it was
    done. Call inside a write transaction, and only after `verify` found the chain whole."""
    count, last, mac = _keyed_head(db)
    db.execute("update audit_head set count = ?, last_hash = ?, mac = ? where id = 1",
               [count, last, mac])
    record(db, None, "rekey", "audit_head", None, json.dumps({"rader": count}))


@dataclass(frozen=True)
class Verification:
    ok: bool
    rows: int
    first_bad_id: int | None = None
    problems: tuple[str, ...] = field(default=())
    # The head alone is wrong (the chain itself is whole and the count matches): what a restore
    # onto a server with another key looks like, and what `adopt_restored` may re-sign.
    head_signature_only: bool = False

    @property
    def message(self) -> str:
        if self.ok:
            return texts.AUDIT_OK.format(rows=self.rows)
        return "\n".join(self.problems)


def verify(db: sqlite_utils.Database, damaged: list[str] | None = None) -> Verification:
    """Recompute the hash chain and the keyed head over the whole log; report the first row
    where the chain breaks, a head that does not match, and missing or altered triggers
    (`damaged`: as found before start-up put them back; by default, as they are now)."""
    if damaged is None:
        damaged = damaged_triggers(db)
    key = db.conn.audit_key()
    prev, count, first_bad = None, 0, None
    mac = _mac(key, None, 0, None)
    for row in _rows(db):
        count += 1
        expected = _hash(prev, row["at"], row["user_id"], row["action"], row["table_name"],
                         row["row_id"], row["changes"])
        if first_bad is None and (row["prev_hash"] != prev or row["hash"] != expected):
            first_bad = row["id"]
        prev, mac = row["hash"], _mac(key, mac, count, row["hash"])
    problems = []
    if first_bad is not None:
        problems.append(texts.AUDIT_CHAIN_BROKEN.format(row=first_bad))
    head = db.execute("select count, last_hash, mac from audit_head where id = 1").fetchone() \
        if head_exists(db) else None
    signature_only = False
    if head is None:
        problems.append(texts.AUDIT_HEAD_MISSING)
    elif head[0] != count:
        problems.append(texts.AUDIT_HEAD_COUNT.format(rows=count, head=head[0]))
    elif head[1] != prev or not hmac.compare_digest(str(head[2]), mac):
        problems.append(texts.AUDIT_HEAD_MISMATCH)
        signature_only = head[1] == prev and first_bad is None
    if problems and db.conn.key_created:
        problems.append(texts.AUDIT_KEY_CREATED.format(path=db.conn.key_file))
    problems.extend(texts.AUDIT_TRIGGER_MISSING.format(name=name) for name in damaged)
    return Verification(not problems, count, first_bad, tuple(problems),
                        signature_only and not damaged)
