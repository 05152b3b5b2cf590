import sqlite3

import pytest

from advocacy import backup
from advocacy.db import connect
from advocacy.errors import DatabaseError
from tests.conftest import politician
from tests.literal_records import meeting
from tests.test_cli import run, stats


@pytest.fixture
def in_use(people):
    """The database with two politicians and one meeting, made from literal rows."""
    anne = politician(people.db, people.leader, "Anne Ås", "3301")
    politician(people.db, people.leader, "Bjørn Berg", "4601")
    meeting(people.db, people.member, "2026-10-01", "3301", [anne], "Om skjenketiden")
    return people.db


def names(db):
    return [name for (name,) in db.execute("select name from politicians order by id")]


def test_backup_is_a_verified_copy_taken_while_in_use(in_use, tmp_path):
    out = backup.backup(in_use, tmp_path / "kopi.db")
    copy = connect(out)
    assert names(copy) == names(in_use) == ["Anne Ås", "Bjørn Berg"]
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_corrupt_file_and_keeps_the_database(in_use, db_path, tmp_path):
    broken = tmp_path / "ødelagt.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert in_use["meetings"].count == 1
    with pytest.raises(DatabaseError, match="ikke en hel Påvirk-database"):
        backup.restore(broken, db_path)
    assert connect(db_path)["meetings"].count == 1


def test_restore_refuses_a_foreign_database(tmp_path, db_path, db):
    other = tmp_path / "annen.db"
    sqlite3.connect(other).execute("create table x (y)").connection.commit()
    with pytest.raises(DatabaseError, match="mangler tabellene"):
        backup.restore(other, db_path)


def test_backup_and_restore_from_the_command_line(tmp_path):
    path, copy = tmp_path / "a.db", tmp_path / "kopi.db"
    assert run("demo", "--db", str(path)).returncode == 0
    result = run("backup", "--out", str(copy), "--db", str(path))
    assert result.returncode == 0, result.stderr
    original = stats(path)
    db = connect(path)
    db.execute("delete from meetings")
    db.close()
    assert stats(path)["meetings"] == "0"
    result = run("restore", str(copy), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert stats(path) == original
    assert (tmp_path / "a.db.before-restore").exists()


def test_restore_of_garbage_from_the_command_line_changes_nothing(tmp_path):
    path, junk = tmp_path / "a.db", tmp_path / "junk.db"
    run("init-db", "--db", str(path))
    junk.write_text("nei")
    before = stats(path)
    result = run("restore", str(junk), "--db", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert stats(path) == before
