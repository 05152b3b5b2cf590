import pytest

from advocacy.db import connect
from advocacy.errors import DatabaseError
from advocacy.migrations import known_names, migrate
from advocacy.policy import positions
from advocacy.startup import open_database


def _schema(db):
    return sorted(db.execute("select type, name, sql from sqlite_master").fetchall(),
                  key=lambda r: (r[0], r[1]))


def test_migrate_applies_every_step_once(tmp_path):
    db = connect(tmp_path / "x.db")
    assert migrate(db) == known_names()
    schema = _schema(db)
    assert migrate(db) == []
    assert _schema(db) == schema


def test_all_design_tables_exist(db):
    expected = {
        "counties", "municipalities", "parties", "levers", "positions", "chapters", "users",
        "politicians", "stances", "meetings", "meeting_politicians", "meeting_levers",
        "newspapers", "documents", "statements", "campaigns", "events", "templates",
        "audit_log",
    }
    assert expected <= set(db.table_names())


def test_database_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "x.db"
    db = connect(path)
    migrate(db)
    db["_sqlite_migrations"].insert(
        {"migration_set": "advocacy", "name": "m999_from_the_future", "applied_at": "2030-01-01"}
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="nyere versjon.*m999_from_the_future"):
        open_database(path)
    assert path.read_bytes() == before


def test_positions_are_append_only(people):
    db = people.db
    positions.record_position(db, people.leader, "3301", "skjenketid_gr12", "02:00", "2025-01-01",
                              "Sak 12/25")
    rows = [("3301", "skjenketid_gr12", "02:00")]
    with pytest.raises(Exception, match="append-only"):
        db.execute("update positions set value = '03:00'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("delete from positions")
    assert db.execute("select kommunenummer, lever_id, value from positions").fetchall() == rows


def test_audit_log_is_append_only(db):
    db["audit_log"].insert({"action": "create", "table_name": "meetings", "row_id": "1"})
    with pytest.raises(Exception, match="append-only"):
        db.execute("update audit_log set action = 'delete'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("delete from audit_log")


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        db["politicians"].insert({"name": "Ola", "kommunenummer": "9999"})


def test_vocabularies_are_checked(db):
    with pytest.raises(Exception, match="CHECK"):
        db["users"].insert({"username": "x", "full_name": "X", "role": "sjef",
                            "password_hash": "x"})


def test_steps_run_in_number_order_across_their_modules():
    """The steps live in one module per capability; they still run m001, m002, … as databases in
    the field ran them when they were one file."""
    from advocacy.migrations import known_names

    names = known_names()
    assert names == sorted(names)
    assert names[:4] == ["m001_initial", "m002_audit_chain", "m003_login_failures",
                         "m010_full_text_search"]
    assert len(names) == len(set(names))
