"""Attacks on the change log by someone with the database file but not the server key: each is
done with plain sqlite3 (no app functions, guard triggers dropped first), and `verify-audit`
must fail with a Norwegian message; start-up must put dropped triggers back."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest

from advocacy import audit, backup, startup, texts
from advocacy.cli import main
from advocacy.db import write
from advocacy.demo import demo
from advocacy.startup import open_database


@pytest.fixture
def path(tmp_path, monkeypatch):
    monkeypatch.delenv(audit.KEY_ENV, raising=False)
    path = tmp_path / "advocacy.db"
    db = open_database(path)
    demo.load(db)
    db.close()
    return path


def attacker(path) -> sqlite3.Connection:
    """A plain connection, as anyone with the file has: none of the app's functions."""
    return sqlite3.connect(path, isolation_level=None)


def verify_audit(path, capsys) -> tuple[int, str]:
    code = main(["verify-audit", "--db", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def log_rows(path) -> int:
    conn = attacker(path)
    try:
        return conn.execute("select count(*) from audit_log").fetchone()[0]
    finally:
        conn.close()


def tamper(path, edit) -> None:
    """Drop the log's guards, make the edit, and put the guards back as they were, so only the
    chain and its head can tell."""
    conn = attacker(path)
    guards = dict(conn.execute("select name, sql from sqlite_master where type = 'trigger' "
                               "and name like 'audit_log_no_%'"))
    for name in guards:
        conn.execute(f"drop trigger {name}")
    edit(conn)
    for sql in guards.values():
        conn.execute(sql)
    conn.close()


def rehash(conn: sqlite3.Connection) -> None:
    """Recompute the whole chain with the app's own hash function."""
    prev = None
    rows = conn.execute("select id, at, user_id, action, table_name, row_id, changes "
                        "from audit_log order by id").fetchall()
    for row_id, *fields in rows:
        new = audit._hash(prev, *fields)
        conn.execute("update audit_log set prev_hash = ?, hash = ? where id = ?",
                     [prev, new, row_id])
        prev = new


def test_the_untouched_database_verifies(path, capsys):
    code, out = verify_audit(path, capsys)
    assert code == 0
    assert texts.AUDIT_OK.format(rows=log_rows(path)) in out


def test_the_key_is_outside_the_database_and_only_the_owner_reads_it(path):
    key_file = audit.key_path(path.resolve())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes()
    assert len(key) == audit.KEY_BYTES
    assert key not in path.read_bytes()
    assert key.hex() not in path.read_bytes().decode("latin-1")


def test_cutting_the_tail_is_detected(path, capsys):
    rows = log_rows(path)
    tamper(path, lambda conn: conn.execute(
        "delete from audit_log where id in (select id from audit_log order by id desc limit 3)"))
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_COUNT.format(rows=rows - 3, head=rows) in out
    assert log_rows(path) == rows - 3  # the check wrote nothing


def test_emptying_the_log_is_detected(path, capsys):
    rows = log_rows(path)
    tamper(path, lambda conn: conn.execute("delete from audit_log"))
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_COUNT.format(rows=0, head=rows) in out
    assert log_rows(path) == 0


def test_emptying_the_log_and_its_head_is_detected(path, capsys):
    tamper(path, lambda conn: conn.execute("delete from audit_log").execute(
        "delete from audit_head"))
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISSING in out


def test_an_edit_rehashed_with_the_apps_own_function_is_detected(path, capsys):
    rows = log_rows(path)

    def edit(conn):
        conn.execute("update audit_log set changes = '[\"forfalsket\"]' where id = 3")
        rehash(conn)

    tamper(path, edit)
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISMATCH in out
    assert "brytes ved rad" not in out  # the plain chain is whole again: only the head knows
    assert log_rows(path) == rows


def test_a_head_rewritten_without_the_key_stays_wrong_after_the_apps_next_write(path, capsys):
    # The attacker cuts the tail and sets count and last hash to match; the MAC cannot be
    # forged, and the app's next write (which extends the head) does not make it right.
    def edit(conn):
        conn.execute("delete from audit_log where id = (select max(id) from audit_log)")
        count, last = conn.execute("select count(*), (select hash from audit_log order by id "
                                   "desc limit 1) from audit_log").fetchone()
        conn.execute("update audit_head set count = ?, last_hash = ?", [count, last])

    tamper(path, edit)
    db = open_database(path)
    with write(db):
        db["politicians"].insert({"name": "Ny Etter Angrep", "kommunenummer": "0301"})
    db.close()
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISMATCH in out


@pytest.mark.parametrize("trigger", ["audit_politicians_update", "audit_log_no_update",
                                     "audit_log_no_delete", "audit_log_head"])
def test_a_dropped_trigger_fails_the_check_and_start_up_puts_it_back(path, capsys, trigger):
    conn = attacker(path)
    conn.execute(f"drop trigger {trigger}")
    conn.close()
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_TRIGGER_MISSING.format(name=trigger) in out

    conn = attacker(path)
    conn.execute(f"drop trigger if exists {trigger}")
    conn.close()
    startup.prepare(path, seed_demo=False)
    conn = attacker(path)
    names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")}
    restored = conn.execute("select changes from audit_log where action = 'triggers' "
                            "order by id desc").fetchone()
    conn.close()
    assert trigger in names
    assert json.loads(restored[0]) == [trigger]
    assert verify_audit(path, capsys)[0] == 0


def test_restored_guards_refuse_edits_again(path):
    conn = attacker(path)
    conn.execute("drop trigger audit_log_no_update")
    conn.execute("drop trigger audit_log_no_delete")
    conn.close()
    startup.prepare(path, seed_demo=False)
    conn = attacker(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("update audit_log set user_id = null")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("delete from audit_log")
    conn.close()


def test_a_restored_table_trigger_logs_again(path, capsys):
    conn = attacker(path)
    conn.execute("drop trigger audit_politicians_insert")
    conn.close()
    db = open_database(path)
    rows = db["audit_log"].count
    with write(db):
        pid = db["politicians"].insert({"name": "Logget Igjen", "kommunenummer": "0301"}).last_pk
    last = db.execute("select action, table_name, row_id from audit_log order by id desc").fetchone()
    assert db["audit_log"].count == rows + 1
    assert last == ("create", "politicians", str(pid))
    db.close()
    assert verify_audit(path, capsys)[0] == 0


def test_a_trigger_replaced_by_one_that_logs_nothing_is_found(path, capsys):
    conn = attacker(path)
    conn.execute("drop trigger audit_politicians_delete")
    conn.execute("create trigger audit_politicians_delete after delete on politicians "
                 "begin select 1; end")
    conn.close()
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_TRIGGER_MISSING.format(name="audit_politicians_delete") in out
    conn = attacker(path)
    sql = conn.execute("select sql from sqlite_master where name = 'audit_politicians_delete'"
                       ).fetchone()[0]
    conn.close()
    assert "insert into audit_log" in sql


def test_another_key_does_not_verify(path, capsys, monkeypatch):
    monkeypatch.setenv(audit.KEY_ENV, "x" * 40)
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISMATCH in out


def test_a_key_that_is_too_short_is_refused_in_norwegian(path, capsys, monkeypatch):
    monkeypatch.setenv(audit.KEY_ENV, "kort")
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_ENV_KEY_TOO_SHORT in out


def test_a_lost_key_file_is_named_in_the_failure(path, capsys):
    audit.key_path(path.resolve()).unlink()
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISMATCH in out
    assert "fantes ikke og er laget på nytt" in out


def test_restore_on_the_same_server_keeps_the_head(path, tmp_path, capsys):
    copy = tmp_path / "kopi.db"
    db = open_database(path)
    backup.backup(db, copy)
    with write(db):
        db["politicians"].insert({"name": "Etter Kopien", "kommunenummer": "0301"})
    db.close()
    assert main(["restore", str(copy), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert texts.AUDIT_REKEYED not in out
    assert verify_audit(path, capsys)[0] == 0


def test_restore_onto_another_server_signs_the_head_anew_and_says_so(path, tmp_path, capsys):
    copy = tmp_path / "kopi.db"
    db = open_database(path)
    backup.backup(db, copy)
    db.close()
    other = tmp_path / "ny-server"
    other.mkdir()
    target = other / "advocacy.db"
    open_database(target).close()  # the new server has a database and a key of its own
    assert main(["restore", str(copy), "--db", str(target)]) == 0
    assert texts.AUDIT_REKEYED in capsys.readouterr().out
    conn = attacker(target)
    assert conn.execute("select count(*) from audit_log where action = 'rekey'").fetchone() == (1,)
    conn.close()
    assert verify_audit(target, capsys)[0] == 0


def test_restore_of_a_tampered_copy_is_not_signed_anew(path, tmp_path, capsys):
    copy = tmp_path / "kopi.db"
    db = open_database(path)
    backup.backup(db, copy)
    db.close()
    tamper(copy, lambda conn: conn.execute(
        "delete from audit_log where id = (select max(id) from audit_log)"))
    # Whoever edits the copy can drop its checksum file too (it would refuse the copy otherwise).
    backup.checksum_path(copy).unlink()
    assert main(["restore", str(copy), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert texts.AUDIT_NOT_REKEYED in out and texts.AUDIT_REKEYED not in out
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert "viser" in out


def test_dropping_the_head_is_detected_and_the_app_still_writes(path, capsys):
    def edit(conn):
        conn.execute("delete from audit_log")
        conn.execute("drop trigger audit_log_head")
        conn.execute("drop table audit_head")

    tamper(path, edit)
    code, out = verify_audit(path, capsys)
    assert code == 1
    assert texts.AUDIT_HEAD_MISSING in out
    db = open_database(path)
    with write(db):
        db["politicians"].insert({"name": "Skriver Fortsatt", "kommunenummer": "0301"})
    db.close()
    assert verify_audit(path, capsys)[0] == 1


def test_forgetting_the_head_step_does_not_reset_the_head(path, capsys):
    def edit(conn):
        conn.execute("delete from audit_log where id = (select max(id) from audit_log)")
        conn.execute("delete from _sqlite_migrations where name = 'm110_audit_chain_head'")

    tamper(path, edit)
    code, out = verify_audit(path, capsys)  # start-up runs the step again
    assert code == 1
    assert "viser" in out


def test_a_truncated_key_file_is_refused_in_norwegian_on_opening(path, capsys):
    audit.key_path(path.resolve()).write_bytes(b"kort")
    assert main(["stats", "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "Nøkkelfilen" in err and "for kort (4 byte)" in err
    assert "Traceback" not in out + err
