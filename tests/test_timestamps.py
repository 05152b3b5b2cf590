"""One timestamp format: every stored moment is «2026-12-02T13:20:05Z» (advocacy/clock.py), and
step m142 rewrote the forms stored before it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advocacy import audit, clock
from advocacy.db import connect
from advocacy.migrations import migrate
from advocacy.startup import open_database

# Not moments: an event's start and end are local times as typed; sqlite-utils' own table.
_NOT_MOMENTS = {("events", "starts_at"), ("events", "ends_at"), ("_sqlite_migrations", "applied_at")}


def moment_columns(db) -> list[tuple[str, str]]:
    return [(t, c.name) for t in db.table_names() if "_fts" not in t
            for c in db[t].columns
            if (c.name == "at" or c.name.endswith("_at") or c.name == "locked_until")
            and (t, c.name) not in _NOT_MOMENTS]


def test_stamp_and_parse():
    moment = dt.datetime(2026, 12, 2, 14, 20, 5, 123456, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert clock.stamp(moment) == "2026-12-02T13:20:05Z"
    assert clock.parse("2026-12-02T13:20:05Z") == dt.datetime(2026, 12, 2, 13, 20, 5, tzinfo=dt.UTC)
    for old in ("2026-12-02T13:20:05.123Z", "2026-12-02T13:20:05+00:00"):
        with pytest.raises(ValueError):
            clock.parse(old)


def _as_before_m142(db) -> None:
    """The database as a version before m142 left it: the step not applied, and the audit
    triggers stamping milliseconds."""
    db.execute("delete from _sqlite_migrations where name = 'm142_one_timestamp_format'")
    for name, sql in audit.expected_triggers(db, audit._NOW_BEFORE_M142).items():
        db.execute(f"drop trigger if exists [{name}]")
        db.execute(sql)


def test_m142_rewrites_the_three_old_forms_and_keeps_the_chain(tmp_path):
    path = tmp_path / "old.db"
    open_database(path).close()
    db = connect(path)
    _as_before_m142(db)
    with db.conn:
        db.execute("insert into chapters (id, name, organisation, created_at) values "
                   "(1, 'A', 'Org', '2026-12-02T13:20:05Z'), "
                   "(2, 'B', 'Org', '2026-12-02T13:20:05.123Z'), "
                   "(3, 'C', 'Org', '2026-07-02T13:20:05.123456+00:00'), "
                   "(4, 'D', 'Org', '2026-07-02T15:20:05+02:00')")
        db.execute("insert into users (id, username, full_name, role, password_hash, created_at,"
                   " last_login_at) values (1, 'kari', 'Kari', 'leder', 'x',"
                   " '2026-01-05T08:00:00.500Z', '2026-03-01T10:11:12+00:00')")
        db.execute("insert into positions (id, kommunenummer, lever_id, value, recorded_at) values"
                   " (1, '0301', 'alkoholfrie_arenaer', 'ja', '2026-02-03T04:05:06.789Z')")
        db.execute("insert into login_failures (username, failures, last_failure_at, locked_until)"
                   " values ('kari', 6, '2026-03-01T10:11:12.345678+00:00',"
                   " '2026-03-01T10:11:42.345678+00:00')")
        db.execute("insert into trash (id, kind, row_id, label, payload, deleted_at) values"
                   " (1, 'mote', 9, 'Møte 9', ?, '2099-03-04T05:06:07.890Z')",  # not yet purged
                   [json.dumps([{"table": "meetings", "row": {
                       "id": 9, "held_on": "2026-03-01", "created_at": "2026-03-01T12:00:00Z",
                       "updated_at": "2026-03-02T12:00:00+00:00"}}], ensure_ascii=False)])
        db.execute("insert into settings (key, value) values "
                   "('last_erasure', '2026-03-05T06:07:08.901Z'), "
                   "('events_changed_at', '2026-03-05T06:07:08.901234+00:00')")
    log_rows = db.execute("select count(*) from audit_log").fetchone()[0]
    db.close()

    database = open_database(path)
    assert database.execute("select id, created_at from chapters order by id").fetchall() == [
        (1, "2026-12-02T13:20:05Z"), (2, "2026-12-02T13:20:05Z"),
        (3, "2026-07-02T13:20:05Z"), (4, "2026-07-02T13:20:05Z")]
    assert database.execute("select created_at, last_login_at from users").fetchall() == [
        ("2026-01-05T08:00:00Z", "2026-03-01T10:11:12Z")]
    assert database.execute("select recorded_at from positions").fetchall() == [
        ("2026-02-03T04:05:06Z",)]
    assert database.execute("select last_failure_at, locked_until from login_failures"
                            ).fetchall() == [("2026-03-01T10:11:12Z", "2026-03-01T10:11:42Z")]
    deleted_at, payload = database.execute("select deleted_at, payload from trash").fetchone()
    assert deleted_at == "2099-03-04T05:06:07Z"
    assert json.loads(payload) == [{"table": "meetings", "row": {
        "id": 9, "held_on": "2026-03-01", "created_at": "2026-03-01T12:00:00Z",
        "updated_at": "2026-03-02T12:00:00Z"}}]
    assert database.execute("select key, value from settings where key like '%erasure%'"
                            " or key like 'events%' order by key").fetchall() == [
        ("last_erasure", "2026-03-05T06:07:08Z")]
    # The rewrite logged nothing (only the form changed), start-up found no altered trigger,
    # the old rows keep their milliseconds and the chain holds.
    assert database.execute("select count(*) from audit_log").fetchone()[0] == log_rows
    assert audit.damaged_triggers(database) == []
    assert audit.verify(database).ok
    database["chapters"].update(1, {"name": "A2"})  # chapters are not audited: a user is
    database["users"].update(1, {"full_name": "Kari N"})
    last = database.execute("select at, action from audit_log order by id desc limit 1").fetchone()
    assert clock.PATTERN.fullmatch(last[0]) and last[1] == "update"
    assert audit.verify(database).ok
    database.close()


def test_start_up_before_m142_finds_no_altered_trigger(tmp_path):
    path = tmp_path / "old.db"
    open_database(path).close()
    db = connect(path)
    _as_before_m142(db)
    db.conn.commit()
    assert audit.damaged_triggers(db) == []
    migrate(db)
    assert audit.damaged_triggers(db) == []
    assert db.execute("select count(*) from audit_log where action = 'triggers'").fetchone() == (0,)
    db.close()
