import json

import pytest

from advocacy import audit, audit_list
from advocacy.accounts import accounts
from advocacy.db import connect, write
from advocacy.errors import PermissionDenied
from advocacy.migrations import migrate
from tests.conftest import politician


def _last(db):
    return db.execute(
        "select user_id, action, table_name, row_id, changes from audit_log order by id desc"
    ).fetchone()


def test_create_update_delete_are_logged_with_who_and_which_fields(people):
    db, leader = people.db, people.leader
    audit.set_actor(db, leader.id)
    with write(db):
        pid = db["politicians"].insert(
            {"name": "Synnøve Test", "kommunenummer": "0301", "party_code": "V"}).last_pk
    user_id, action, table, row_id, changes = _last(db)
    assert (user_id, action, table, row_id) == (leader.id, "create", "politicians", str(pid))
    assert {"name", "kommunenummer", "party_code"} <= set(json.loads(changes))

    with write(db):
        db["politicians"].update(pid, {"phone": "90000000", "notes": "Ny"})
    assert _last(db)[1:] == ("update", "politicians", str(pid), '["phone", "notes"]')

    with write(db):
        db["politicians"].delete(pid)
    assert _last(db)[1:3] == ("delete", "politicians")


def test_the_log_holds_field_names_not_values(people):
    db = people.db
    with write(db):
        db["politicians"].insert({"name": "Hemmelig Hansen", "kommunenummer": "0301"})
    dump = "\n".join(str(r) for r in db.execute("select * from audit_log"))
    assert "Hemmelig Hansen" not in dump


def test_an_update_that_changes_nothing_is_not_logged(people):
    db = people.db
    pid = politician(db, people.leader, "Anne Ås", "3301")
    before = db["audit_log"].count
    db["politicians"].update(pid, {"name": "Anne Ås"})
    assert db["audit_log"].count == before


def test_chain_verifies_and_detects_tampering(people, db_path):
    db = people.db
    assert audit.verify(db).ok
    # Tamper below SQL's reach: drop the guard trigger as an attacker with file access would.
    raw = connect(db_path)
    raw.execute("drop trigger audit_log_no_update")
    raw.execute("update audit_log set changes = '[\"name\"]' where id = 3")
    result = audit.verify(raw)
    assert (result.ok, result.first_bad_id) == (False, 3)
    assert "rad 3" in result.message


def test_deleting_a_row_breaks_the_chain(people, db_path):
    politician(people.db, people.leader, "Anne Ås", "3301")  # row 6, after those of `people`
    assert [r[0] for r in people.db.execute(
        "select id from audit_log order by id")] == [1, 2, 3, 4, 5, 6]
    raw = connect(db_path)
    raw.execute("drop trigger audit_log_no_delete")
    raw.execute("delete from audit_log where id = 5")
    assert audit.verify(raw).first_bad_id == 6


def test_triggers_follow_new_columns(db):
    db.execute("alter table politicians add column twitter text")
    audit.install_triggers(db)
    pid = db["politicians"].insert({"name": "A", "kommunenummer": "0301"}).last_pk
    db["politicians"].update(pid, {"twitter": "@a"})
    assert _last(db)[4] == '["twitter"]'


def test_migrate_reinstalls_missing_triggers(db):
    db.execute("drop trigger audit_meetings_insert")
    migrate(db)
    assert audit.triggers_installed(db)


def test_only_leadership_reads_the_log(people):
    pid = politician(people.db, people.leader, "Anne Ås", "3301")
    assert [(r["action"], r["row_id"]) for r in audit_list.entries(
        people.db, people.leader, table="politicians")] == [("create", str(pid))]
    with pytest.raises(PermissionDenied):
        audit_list.entries(people.db, people.member)


def test_password_hash_changes_are_logged_by_name_only(people):
    db = people.db
    uid = accounts.create_user(db, "ny.bruker", "skrivegruppe", "hemmelig123")
    row = db.execute(
        "select changes from audit_log where table_name = 'users' and row_id = ?", [str(uid)]
    ).fetchone()
    assert "password_hash" in json.loads(row[0])
    assert "$argon2" not in row[0]


def test_verify_audit_command(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "a.db"
    run("demo", "--db", str(path))
    result = run("verify-audit", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "kjeden stemmer" in result.stdout
    raw = connect(path)
    raw.execute("drop trigger audit_log_no_update")
    raw.execute("update audit_log set user_id = 99 where id = 2")
    raw.close()
    result = run("verify-audit", "--db", str(path))
    assert result.returncode == 1
    assert "brytes ved rad 2" in result.stdout



def test_newspapers_and_arguments_are_logged(people):
    db, leader, writer = people.db, people.leader, people.writer
    from advocacy.writing import argument_bank, newspapers

    audit.set_actor(db, leader.id)
    paper = newspapers.save_newspaper(db, leader, {"name": "Revyavisa", "area": "Testby"})
    logged = db.execute(
        "select user_id, action, changes from audit_log where table_name = 'newspapers' "
        "and row_id = ?", [str(paper)]).fetchall()
    assert [(u, a) for u, a, _ in logged] == [(leader.id, "create")]
    assert "Revyavisa" not in logged[0][2] and "name" in json.loads(logged[0][2])
    audit.set_actor(db, writer.id)
    argument = argument_bank.propose(db, writer, {
        "title": "Færre skjenketimer gir færre voldstilfeller",
        "body": "Forskning fra Norge viser nedgang i vold.", "sources": "Rossow & Norström 2012",
        "checked_on": "2026-01-10"})
    assert _last(db)[:4] == (writer.id, "create", "arguments", str(argument))


def test_an_existing_database_gets_its_head_from_the_current_chain(people, db_path):
    import sqlite3

    from advocacy.startup import open_database

    raw = sqlite3.connect(db_path, isolation_level=None)  # as before the head existed
    raw.execute("drop trigger audit_log_head")
    raw.execute("drop table audit_head")
    raw.execute("delete from _sqlite_migrations where name = 'm110_audit_chain_head'")
    rows = raw.execute("select count(*) from audit_log").fetchone()[0]
    raw.close()
    db = open_database(db_path)
    assert audit.verify(db).ok
    assert db.execute("select count from audit_head").fetchone()[0] == rows + 1
    assert _last(db)[1:] == ("head", "audit_head", None, json.dumps({"rader": rows}))
    db.close()


def test_every_write_extends_the_head(people):
    db = people.db
    before = db.execute("select count, mac from audit_head").fetchone()
    with write(db):
        db["politicians"].insert({"name": "Hode Test", "kommunenummer": "0301"})
    after = db.execute("select count, last_hash, mac from audit_head").fetchone()
    last = db.execute("select hash from audit_log order by id desc limit 1").fetchone()[0]
    assert after[0] == before[0] + 1 and after[1] == last and after[2] != before[1]
    assert audit.verify(db).ok
