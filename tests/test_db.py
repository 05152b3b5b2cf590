import sqlite3
import threading

import pytest

from advocacy.db import connect, table_counts, write
from advocacy.errors import DatabaseError


def test_connect_sets_wal_foreign_keys_and_busy_timeout(tmp_path):
    db = connect(tmp_path / "x.db")
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma busy_timeout").fetchone()[0] >= 5000


def test_write_commits_on_success_and_rolls_back_on_error(tmp_path):
    db = connect(tmp_path / "x.db")
    db.execute("create table t (id integer primary key, v text not null)")
    with write(db):
        db["t"].insert({"v": "a"})
    with pytest.raises(ZeroDivisionError), write(db):
        db["t"].insert({"v": "b"})
        raise ZeroDivisionError
    assert [r["v"] for r in db["t"].rows] == ["a"]
    assert not db.conn.in_transaction


def test_nested_write_is_one_transaction(tmp_path):
    db = connect(tmp_path / "x.db")
    db.execute("create table t (v text)")
    with pytest.raises(RuntimeError), write(db):
        db["t"].insert({"v": "outer"})
        with write(db):
            db["t"].insert({"v": "inner"})
        raise RuntimeError("abort everything")
    assert db["t"].count == 0


def test_write_begins_immediate_so_a_second_writer_waits(tmp_path):
    path = tmp_path / "x.db"
    first = connect(path)
    first.execute("create table t (v integer)")
    second = sqlite3.connect(path, timeout=0, isolation_level=None)
    with write(first):
        # The write lock is held from BEGIN, before any write statement ran.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.execute("begin immediate")
    second.execute("begin immediate")
    second.execute("rollback")


def test_concurrent_read_then_write_loses_nothing(tmp_path):
    path = tmp_path / "x.db"
    setup = connect(path)
    setup.execute("create table counter (n integer)")
    setup["counter"].insert({"n": 0})
    errors = []

    def bump():
        db = connect(path)
        try:
            for _ in range(25):
                with write(db):
                    n = db.execute("select n from counter").fetchone()[0]
                    db.execute("update counter set n = ?", [n + 1])
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert setup.execute("select n from counter").fetchone()[0] == 100


def test_missing_folder_is_refused_and_nothing_created(tmp_path):
    with pytest.raises(DatabaseError, match="Mappen for databasen finnes ikke"):
        connect(tmp_path / "nope" / "x.db")
    assert not (tmp_path / "nope").exists()


def test_missing_file_is_refused_when_create_is_false(tmp_path):
    with pytest.raises(DatabaseError, match="Databasefilen finnes ikke"):
        connect(tmp_path / "x.db", create=False)
    assert not (tmp_path / "x.db").exists()


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a shopping list, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="ikke en SQLite-database"):
        connect(path)
    assert path.read_bytes() == before


def test_table_counts_leaves_out_bookkeeping_and_fts_shadow_tables(tmp_path):
    db = connect(tmp_path / "x.db")
    db["notes"].insert({"text": "hei"})
    db["notes"].enable_fts(["text"])
    db["_private"].insert({"x": 1})
    assert table_counts(db) == {"notes": 1}
