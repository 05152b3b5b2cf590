"""The papirkurv: removed records wait here for 30 days, and leadership can put them back.

`remove` moves a record and every row that belongs to it (the rows whose foreign key to it
cascades: meeting links, stances of a politician, a statement's recipients and history, …)
into one `trash` row as JSON, and deletes them, in one write transaction. A row that points
at the record without belonging to it (a sent letter naming a meeting, a statement sent to a
politician) blocks the removal with a message naming it: nothing is left dangling and no link
is silently emptied. The rows taken along follow the schema's own foreign keys, so a link
table added later comes along without anyone remembering it here.

`restore` puts the rows back with their ids; it refuses when something they point to is gone.
A row whose id was given to a new record meanwhile comes back under a new id, and the rows of
the payload that point to it follow. `purge` drops entries older than 30 days. The audit triggers log
the deletes and inserts of audited tables; the papirkurv action itself is logged with
`audit.record`. GDPR erasure (erasure.py) still removes for real, the papirkurv included.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import sqlite3

import sqlite_utils

from advocacy import audit, clock, drafts, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.permissions import allowed, ensure_permission, read_scope
from advocacy.privacy.trash_kinds import KINDS, Kind

DAYS = texts.TRASH_DAYS
BLOB = "$base64"
# Bookkeeping tables whose references to users are not "belonging to" a record.
_NOT_OWNED = {"trash", "audit_log", "login_sessions", "drafts", "_sqlite_migrations"}


@contextlib.contextmanager
def _acting(db: sqlite_utils.Database, user: User):
    """The audit triggers name `user` for the deletes and inserts of this action, whatever
    context (a dialog, a callback) it runs in."""
    conn = db.conn
    previous = getattr(conn, "actor", None)
    conn.actor = user.id
    try:
        yield
    finally:
        conn.actor = previous


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def references(db: sqlite_utils.Database) -> dict[str, list[tuple[str, str, str, str]]]:
    """target table -> [(table, column, target column, on delete)] from the schema."""
    refs: dict[str, list[tuple[str, str, str, str]]] = {}
    for table in db.table_names():
        if table in _NOT_OWNED or table.startswith("sqlite_") or "_fts" in table:
            continue
        for fk in db.execute(f"pragma foreign_key_list([{table}])").fetchall():
            refs.setdefault(fk[2], []).append((table, fk[3], fk[4] or "id", fk[6].upper()))
    return refs


def _key(db, table: str, row: dict) -> tuple:
    return (table, *(row[pk] for pk in db[table].pks))


class _Collection:
    """The rows a removal takes along, in the order they were found (the record first)."""

    def __init__(self, db: sqlite_utils.Database, kind: Kind):
        self.db, self.kind = db, kind
        self.refs = references(db)
        self.rows: list[tuple[str, dict]] = []
        self.keys: set[tuple] = set()
        self.blockers: list[tuple[str, dict]] = []

    def add(self, table: str, rows: list[dict]) -> None:
        new = [r for r in rows if _key(self.db, table, r) not in self.keys]
        for row in new:
            self.keys.add(_key(self.db, table, row))
            self.rows.append((table, row))
        for child, column, target, on_delete in self.refs.get(table, []):
            values = sorted({r[target] for r in new if r[target] is not None}, key=str)
            if not values:
                continue
            found = [dict(r) for r in self.db.query(
                f"select * from [{child}] where [{column}] in "  # noqa: S608 - schema names
                f"(select value from json_each(?))", [json.dumps(values)])]
            owned = self.kind.owned.get((child, column))
            if on_delete == "CASCADE":
                self.add(child, found)
            elif owned is not None:
                self.add(child, [r for r in found if owned(r)])
                self.blockers += [(child, r) for r in found if not owned(r)]
            else:
                self.blockers += [(child, r) for r in found]

    def blocking(self) -> list[tuple[str, dict]]:
        return [(t, r) for t, r in self.blockers if _key(self.db, t, r) not in self.keys]


def _describe(table: str, row: dict) -> str:
    for column in ("title", "name", "label", "summary"):
        if row.get(column):
            return str(row[column])[:60]
    return f"nr. {row.get('id', '?')}"


def _count(table: str, rows: list[dict]) -> str:
    one, many = texts.TRASH_TABLE_NAMES.get(table, (table, table))
    names = ", ".join(f"«{_describe(table, r)}»" for r in rows[:3])
    more = ", …" if len(rows) > 3 else ""
    return f"{len(rows)} {one if len(rows) == 1 else many} ({names}{more})"


def _what(groups: dict[str, list[dict]]) -> str:
    return texts.join_list(_count(t, rows) for t, rows in groups.items())


def _encode(row: dict) -> dict:
    return {k: {BLOB: base64.b64encode(bytes(v)).decode()} if isinstance(v, bytes | memoryview)
            else v for k, v in row.items()}


def _decode(row: dict) -> dict:
    return {k: base64.b64decode(v[BLOB]) if isinstance(v, dict) and BLOB in v else v
            for k, v in row.items()}


def kind_of(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValidationError(texts.TRASH_KIND_UNKNOWN.format(kind=kind))
    return KINDS[kind]


def removable(db: sqlite_utils.Database, user: User, kind: str, row_id: int) -> str | None:
    """The record's papirkurv label if this user may remove it in its present state (not sent,
    not adopted), else None: pages show «Slett» only then. Rows that would block the removal
    are found by `remove`, which names them."""
    spec = kind_of(kind)
    try:
        return spec.label(db, spec.check(db, user, row_id))
    except (PermissionDenied, ValidationError):
        return None


def remove(db: sqlite_utils.Database, user: User, kind: str, row_id: int) -> int:
    """Move a record and the rows belonging to it to the papirkurv; returns the trash id.

    Refused (PermissionDenied, ValidationError) before anything is written when the user may
    not change the record, when it is frozen (sent, adopted) or when other rows point at it."""
    spec = kind_of(kind)
    with _acting(db, user), write(db):
        checked = spec.check(db, user, row_id)
        record = next(db.query(f"select * from [{spec.table}] where id = ?",  # noqa: S608
                               [row_id]), None)
        if record is None:
            raise ValidationError(texts.TRASH_NOT_FOUND.format(id=row_id))
        label = spec.label(db, checked)
        collection = _Collection(db, spec)
        collection.add(spec.table, [dict(record)])
        groups: dict[str, list[dict]] = {}
        for table, row in collection.blocking():
            groups.setdefault(table, []).append(row)
        for table, rows in spec.blockers(db, record).items():
            groups.setdefault(table, []).extend(rows)
        if groups:
            raise ValidationError(texts.TRASH_BLOCKED.format(label=label, what=_what(groups)))
        payload = [{"table": t, "row": _encode(r)} for t, r in collection.rows]
        trash_id = db["trash"].insert({
            "kind": kind, "row_id": row_id, "label": label[:200],
            "payload": json.dumps(payload, ensure_ascii=False),
            "chapter_id": record[spec.chapter] if spec.chapter else None,
            "deleted_by": user.id, "deleted_at": clock.stamp(_now()),
        }).last_pk
        db.execute("pragma defer_foreign_keys = on")
        for table, row in reversed(collection.rows):
            pks = db[table].pks
            db.execute(f"delete from [{table}] where "  # noqa: S608 - schema names
                       + " and ".join(f"[{pk}] = ?" for pk in pks), [row[pk] for pk in pks])
        for table, row in collection.rows:
            if "id" in row:
                drafts.drop_for_record(db, table, row["id"])
        audit.record(db, user.id, "trash", spec.table, row_id, json.dumps([f"papirkurv:{trash_id}"]))
    return trash_id


def _entry(db: sqlite_utils.Database, trash_id: int) -> dict:
    row = next(db.query("select * from trash where id = ?", [trash_id]), None)
    if row is None:
        raise ValidationError(texts.TRASH_ENTRY_NOT_FOUND.format(id=trash_id))
    return row


def _missing(db, rows: list[tuple[str, dict]], keys: set[tuple]) -> list[tuple[str, dict]]:
    """Rows outside the payload that the payload's rows point to and that are gone."""
    missing = []
    for table, row in rows:
        for fk in db.execute(f"pragma foreign_key_list([{table}])").fetchall():
            target, column, to = fk[2], fk[3], fk[4] or "id"
            value = row.get(column)
            if value is None or (target, value) in keys:
                continue
            found = db.execute(f"select 1 from [{target}] where [{to}] = ?",  # noqa: S608
                               [value]).fetchone()
            if found is None:
                missing.append((target, {"id": value}))
    return missing


def restore(db: sqlite_utils.Database, user: User, trash_id: int) -> str:
    """Put a removed record and its rows back with their ids; returns the message to show."""
    with _acting(db, user), write(db):
        entry = _entry(db, trash_id)
        ensure_permission(user, "trash.restore", entry)
        label = entry["label"]
        if entry["restored_at"]:
            raise ValidationError(texts.TRASH_ALREADY_RESTORED.format(label=label))
        rows = [(item["table"], _decode(item["row"])) for item in json.loads(entry["payload"])]
        keys = {(t, r["id"]) for t, r in rows if "id" in r}
        missing = _missing(db, rows, keys)
        if missing:
            groups: dict[str, list[dict]] = {}
            for table, row in missing:
                if row not in groups.setdefault(table, []):
                    groups[table].append(row)
            raise ValidationError(texts.TRASH_RESTORE_MISSING.format(
                label=label, what=texts.join_list(
                    f"{texts.TRASH_TABLE_NAMES.get(t, (t, t))[0]} "
                    + ", ".join(f"nr. {r['id']}" for r in group) for t, group in groups.items())))
        db.execute("pragma defer_foreign_keys = on")
        # Ids are not reserved while a record lies here (the tables are not AUTOINCREMENT): a
        # record made meanwhile may have taken one. Such a row comes back under a new id, and
        # the rows of the payload that point to it follow (parents come before their rows).
        renumbered: dict[tuple[str, object], int] = {}
        for table, row in rows:
            row = _renumbered_references(db, table, row, renumbered)
            pks = db[table].pks
            where = " and ".join(f"[{pk}] = ?" for pk in pks)
            taken = db.execute(f"select 1 from [{table}] where {where}",  # noqa: S608
                               [row[pk] for pk in pks]).fetchone()
            if taken and pks != ["id"]:
                continue  # the same link was made again meanwhile: it is already there
            old_id = row.pop("id") if taken else None
            columns = ", ".join(f"[{c}]" for c in row)
            try:
                cursor = db.execute(f"insert into [{table}] ({columns}) values "  # noqa: S608
                                    f"({', '.join('?' for _ in row)})", list(row.values()))
            except sqlite3.IntegrityError as exc:
                raise ValidationError(texts.TRASH_RESTORE_CONFLICT.format(
                    label=label, table=texts.TRASH_TABLE_NAMES.get(table, (table,))[0]
                    + "registeret")) from exc
            if taken:
                renumbered[(table, old_id)] = cursor.lastrowid
        # The rows are back; the copy is not kept a second time.
        db["trash"].update(trash_id, {"restored_by": user.id, "restored_at": clock.stamp(_now()),
                                      "payload": "[]"})
        table = KINDS[entry["kind"]].table
        row_id = renumbered.get((table, entry["row_id"]), entry["row_id"])
        audit.record(db, user.id, "restore", table, row_id,
                     json.dumps([f"papirkurv:{trash_id}"]))
    if row_id != entry["row_id"]:
        return texts.TRASH_RESTORED_RENUMBERED.format(label=label, id=row_id)
    return texts.TRASH_RESTORED.format(label=label)


def _renumbered_references(db, table: str, row: dict,
                           renumbered: dict[tuple[str, object], int]) -> dict:
    if not renumbered:
        return dict(row)
    row = dict(row)
    for fk in db.execute(f"pragma foreign_key_list([{table}])").fetchall():
        target, column, to = fk[2], fk[3], fk[4] or "id"
        if to == "id" and (target, row.get(column)) in renumbered:
            row[column] = renumbered[(target, row[column])]
    return row


def purge(db: sqlite_utils.Database, now: dt.datetime | None = None) -> int:
    """Drop entries removed more than 30 days ago (and restored ones as old); returns how many."""
    cutoff = clock.stamp((now or _now()) - dt.timedelta(days=DAYS))
    with write(db):
        old = db.execute("select id, kind, row_id from trash where deleted_at < ?",
                         [cutoff]).fetchall()
        for trash_id, kind, row_id in old:
            db.execute("delete from trash where id = ?", [trash_id])
            table = KINDS[kind].table if kind in KINDS else kind
            audit.record(db, None, "purge", table, row_id, json.dumps([f"papirkurv:{trash_id}"]))
    return len(old)


def list_trash(db: sqlite_utils.Database, user: User, now: dt.datetime | None = None) -> list[dict]:
    """What is in the papirkurv, newest first: leadership all; others what they removed and
    what was removed from their chapter. Old entries are purged first."""
    now = now or _now()
    purge(db, now)
    scope, params = read_scope(user, "trash.read")
    where = f"t.restored_at is null and {scope}"
    rows = list(db.query(
        f"""select t.id, t.kind, t.row_id, t.label, t.chapter_id, t.deleted_by, t.deleted_at,
                   coalesce(u.full_name, u.username, '') as deleted_by_name
            from trash t left join users u on u.id = t.deleted_by
            where {where} order by t.deleted_at desc, t.id desc""", params))  # noqa: S608
    for row in rows:
        deleted = clock.parse(row["deleted_at"])
        row["kind_label"] = texts.TRASH_KINDS.get(row["kind"], row["kind"])
        row["days_left"] = max(0, DAYS - (now - deleted).days)
        row["can_restore"] = allowed(user, "trash.restore", row)
    return rows


def replace_payload(db: sqlite_utils.Database, trash_id: int, payload: str) -> None:
    """Put new rows (JSON, as `remove` stores them) into an entry: an erasure's reach."""
    with write(db):
        db.execute("update trash set payload = ? where id = ?", [payload, trash_id])


def drop_entry(db: sqlite_utils.Database, trash_id: int) -> None:
    """Take an entry out of the papirkurv for good (an erasure's reach)."""
    with write(db):
        db.execute("delete from trash where id = ?", [trash_id])
