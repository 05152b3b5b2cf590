"""The house in order: one timestamp format. Steps m142–m149.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

import datetime as dt
import json

from advocacy import audit
from advocacy.migrations.base import migrations
from advocacy.migrations.steps_privacy import ERASURE_FLAG

# Every column that holds a moment, as the schema stood at m141. Left out: the audit log's `at`
# (each row's hash covers it and the log is append-only: its older rows keep their
# milliseconds), an event's start and end (local times as typed, not moments), and
# `_sqlite_migrations.applied_at` (sqlite-utils' own table).
_MOMENTS = {
    "arguments": ("proposed_at", "decided_at"),
    "campaigns": ("created_at",),
    "chapters": ("created_at",),
    "documents": ("created_at", "updated_at"),
    "drafts": ("updated_at",),
    "letter_history": ("at",),
    "login_client_failures": ("last_failure_at",),
    "login_failures": ("last_failure_at", "locked_until"),
    "login_sessions": ("created_at", "last_seen_at", "expires_at", "revoked_at"),
    "meetings": ("created_at", "updated_at"),
    "politicians": ("created_at", "updated_at"),
    "positions": ("recorded_at", "corrected_at"),
    "stances": ("recorded_at", "corrected_at"),
    "statement_history": ("at",),
    "statement_recipients": ("recorded_at",),
    "statement_responses": ("recorded_at",),
    "statements": ("created_at", "updated_at", "corrected_at"),
    "templates": ("uploaded_at",),
    "trash": ("deleted_at", "restored_at"),
    "users": ("created_at", "last_login_at"),
}
_ONE_FORMAT = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z"


def _one_format(value):
    """«2026-12-02T13:20:05.123Z», «…05.123456+00:00», «…05+01:00» or a zoneless «2026-12-02
    13:20:05» (SQLite's own, UTC) as «2026-12-02T13:20:05Z»; anything else as it was."""
    if not isinstance(value, str) or len(value) < 16 or value[10] not in "T ":
        return value
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@migrations()
def m142_one_timestamp_format(db):
    # Three forms had come to be stored side by side in one column («…Z», «…%fZ» and Python's
    # «…+00:00», some with microseconds), which sort wrongly as text. Every moment is written
    # as «2026-12-02T13:20:05Z» from now on (advocacy/clock.py); this rewrites the stored ones.
    # Only the form changes, not the moment (fractions of a second are dropped), so the audit
    # triggers are off meanwhile (no «endret» row for every record; migrate() puts them back),
    # and the erasure flag lets the append-only histories take the new form.
    tables = set(db.table_names())
    db.execute("insert into settings (key, value) values (?, '1')", [ERASURE_FLAG])
    for table in audit.AUDITED:
        db.execute(f"drop trigger if exists [audit_{table}_update]")
    for table, columns in _MOMENTS.items():
        if table not in tables:
            continue
        present = {c.name for c in db[table].columns}
        for column in (c for c in columns if c in present):
            rows = db.execute(
                f"select rowid, [{column}] from [{table}] where [{column}] is not null "  # noqa: S608
                f"and [{column}] not glob '{_ONE_FORMAT}'").fetchall()
            for rowid, value in rows:
                db.execute(f"update [{table}] set [{column}] = ? where rowid = ?",  # noqa: S608
                           [_one_format(value), rowid])
    # The rows waiting in the papirkurv come back with their moments as stored now.
    for trash_id, payload in db.execute("select id, payload from trash").fetchall():
        items = json.loads(payload)
        for item in items:
            row = item["row"]
            for column in _MOMENTS.get(item["table"], ()):
                if column in row:
                    row[column] = _one_format(row[column])
        rewritten = json.dumps(items, ensure_ascii=False)
        if rewritten != payload:
            db.execute("update trash set payload = ? where id = ?", [rewritten, trash_id])
    erased = db.execute("select value from settings where key = 'last_erasure'").fetchone()
    if erased:
        db.execute("update settings set value = ? where key = 'last_erasure'",
                   [_one_format(erased[0])])
    # An event's change in place is counted now (`events_changes`), no longer stamped.
    db.execute("delete from settings where key = 'events_changed_at'")
    db.execute("delete from settings where key = ?", [ERASURE_FLAG])
    audit.install_triggers(db)
