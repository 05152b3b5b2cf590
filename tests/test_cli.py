"""The command line as a user runs it: real files, real exit codes and output (in this process,
tests/cli_run.py; one test starts a real process)."""

import os
import subprocess
import sys

import pytest

from advocacy.db import ROOT
from tests.cli_run import run


def test_the_command_runs_as_a_process(tmp_path):
    path = tmp_path / "a.db"
    result = subprocess.run([sys.executable, "-m", "advocacy", "init-db", "--db", str(path)],
                            cwd=ROOT, env=dict(os.environ), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert path.exists()
    bad = subprocess.run([sys.executable, "-m", "advocacy", "frobnicate"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def stats(path):
    result = run("stats", "--db", str(path))
    assert result.returncode == 0, result.stderr
    return dict(line.split(": ") for line in result.stdout.splitlines())


def test_init_db_then_stats(tmp_path):
    path = tmp_path / "a.db"
    result = run("init-db", "--db", str(path))
    assert result.returncode == 0, result.stderr
    counts = stats(path)
    assert counts["municipalities"] == "357"
    assert counts["counties"] == "15"
    assert counts["parties"] == "12"
    assert counts["users"] == "0"  # no default account outside demo mode


def test_init_db_twice_changes_nothing(tmp_path):
    path = tmp_path / "a.db"
    run("init-db", "--db", str(path))
    first = stats(path)
    assert run("init-db", "--db", str(path)).returncode == 0
    assert stats(path) == first


def test_db_path_from_environment(tmp_path):
    path = tmp_path / "env.db"
    assert run("init-db", env={"ADVOCACY_DB": str(path)}).returncode == 0
    assert path.exists()


def test_demo_adds_flagged_data(tmp_path):
    path = tmp_path / "a.db"
    result = run("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "leder (leder)" in result.stdout
    counts = stats(path)
    assert int(counts["politicians"]) >= 35
    assert int(counts["meetings"]) >= 10


def test_create_user_reads_password_from_environment(tmp_path):
    path = tmp_path / "a.db"
    run("init-db", "--db", str(path))
    result = run("create-user", "kari", "--role", "leder", "--db", str(path),
                 env={"ADVOCACY_PASSWORD": "hemmelig123"})
    assert result.returncode == 0, result.stderr
    assert "kari" in result.stdout
    assert stats(path)["users"] == "1"


def test_create_user_reads_password_from_stdin(tmp_path):
    path = tmp_path / "a.db"
    run("init-db", "--db", str(path))
    result = run("create-user", "ola", "--role", "skrivegruppe", "--db", str(path),
                 input="hemmelig123\n", unset=["ADVOCACY_PASSWORD"])
    assert result.returncode == 0, result.stderr
    assert stats(path)["users"] == "1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create-user", "ola", "--role", "sjef"], "Ukjent rolle «sjef»"),
        (["create-user", "ola", "--role", "lokallag"], "må høre til et lokallag"),
        (["create-user", "ola", "--role", "lokallag", "--chapter", "Ingen"], "finnes ikke"),
    ],
)
def test_bad_user_arguments_change_nothing(tmp_path, args, message):
    path = tmp_path / "a.db"
    run("init-db", "--db", str(path))
    before = stats(path)
    result = run(*args, "--db", str(path), env={"ADVOCACY_PASSWORD": "hemmelig123"})
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert stats(path) == before


def test_wrong_arguments_exit_nonzero_without_traceback():
    result = run("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    missing = run("create-user")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_missing_database_folder(tmp_path):
    result = run("stats", "--db", str(tmp_path / "nope" / "a.db"))
    assert result.returncode == 1
    assert "Mappen for databasen finnes ikke" in result.stderr
    assert "Traceback" not in result.stderr


def test_stats_on_a_missing_file_does_not_create_it(tmp_path):
    result = run("stats", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 1
    assert "finnes ikke" in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_not_a_database(tmp_path):
    path = tmp_path / "a.db"
    path.write_text("ikke en database\n" * 20)
    result = run("stats", "--db", str(path))
    assert result.returncode == 1
    assert "ikke en SQLite-database" in result.stderr
    assert path.read_text() == "ikke en database\n" * 20
