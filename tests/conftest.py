"""Shared fixtures: a temporary database file per test, migrated and with reference data; the
demo data built once per session and copied into each test that asks for it."""

from __future__ import annotations

import contextlib
import functools
import shutil
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from streamlit.components.v2 import manifest_scanner

from advocacy.accounts import accounts
from advocacy.audit_key import key_path
from advocacy.demo import demo
from advocacy.politicians import politicians
from advocacy.startup import open_database

# Production hashes cost 64 MiB and three passes (~0.3 s): the suite logs in thousands of
# times. Tests hash at the lowest cost argon2 allows; the production cost is tested on its own
# (tests/test_password_cost.py) and every server and CLI the tests start as a process uses it.
TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def pytest_configure(config):
    accounts._hasher = accounts._BoundedHasher(accounts.HASH_SLOTS, TEST_HASHER)
    # Every AppTest scans all installed packages' metadata for Streamlit components (~0.3 s of
    # CPU each, the largest part of a page test); what is installed does not change during a
    # session, so the scan runs once. A real server (the browser tests) scans as always.
    manifest_scanner.scan_component_manifests = functools.cache(
        manifest_scanner.scan_component_manifests)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A migrated database with the demo data, made once: copied, never opened by a test."""
    path = tmp_path_factory.mktemp("demo-template") / "advocacy.db"
    database = open_database(path)
    demo.load(database)
    database.close()  # the last connection: the WAL is folded into the file
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory):
    """A migrated database with only the reference data, made once (every migration step runs
    here, not in each test): copied, never opened by a test."""
    path = tmp_path_factory.mktemp("empty-template") / "advocacy.db"
    open_database(path).close()
    return path


@contextlib.contextmanager
def statements_run(database):
    """The SQL statements `database` runs inside the block, as sqlite traces them: for tests
    of how much work a call does (a count of queries, not a wall-clock time)."""
    seen: list[str] = []
    database.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        database.conn.set_trace_callback(None)


def copy_demo(template, path) -> None:
    """A template database (and the key of its change log) at `path`."""
    shutil.copyfile(template, path)
    shutil.copyfile(key_path(template), key_path(path))


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "advocacy.db"
    monkeypatch.setenv("ADVOCACY_DB", str(path))
    return path


@pytest.fixture
def db(db_path, request):
    template = "demo_template" if "demo_db" in request.fixturenames else "empty_template"
    copy_demo(request.getfixturevalue(template), db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db):
    """The database with the demo data (copied in before `db` opened it)."""
    assert demo.is_enabled(db)
    return db


@pytest.fixture
def leader(demo_db):
    return accounts.authenticate(demo_db, "leder", demo.DEMO_PASSWORD)


@pytest.fixture
def chapter_member(demo_db):
    return accounts.authenticate(demo_db, "lokallag", demo.DEMO_PASSWORD)


@pytest.fixture
def writer(demo_db):
    return accounts.authenticate(demo_db, "skrivegruppe", demo.DEMO_PASSWORD)


# --- Politicians and meetings ---


@pytest.fixture
def drammen_politicians(demo_db):
    """Ids of two demo politicians in Drammen (3301), the chapter member's municipality."""
    return [r[0] for r in demo_db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 2")]


# --- Literal data a test makes itself (no demo) ---

OWN_CHAPTERS = [("Lag Drammen", "IOGT", "3301"), ("Lag Bergen", "IOGT", "4601")]
# username, full name, role, chapter
OWN_USERS = [
    ("sjef", "Lise Leder", "leder", None),
    ("drammen", "Dag Drammen", "lokallag", "Lag Drammen"),
    ("bergen", "Berit Bergen", "lokallag", "Lag Bergen"),
    ("skriver", "Siv Skriver", "skrivegruppe", None),
]


def make_people(db) -> SimpleNamespace:
    """Two chapters and one user of each kind in `db`, made through `accounts` from the literal
    rows above: `.leader`, `.member` (Lag Drammen, 3301), `.other_member` (Lag Bergen, 4601),
    `.writer`, the chapters' ids `.drammen`, `.bergen`, and the database `.db`."""
    chapters = [accounts.create_chapter(db, name, org, knr) for name, org, knr in OWN_CHAPTERS]
    users = [accounts.get_user(db, accounts.create_user(db, username, role, "passord123",
                                                        full_name=name, chapter=chapter))
             for username, name, role, chapter in OWN_USERS]
    return SimpleNamespace(db=db, leader=users[0], member=users[1], other_member=users[2],
                           writer=users[3], drammen=chapters[0], bergen=chapters[1])


@pytest.fixture
def people(db):
    """The empty migrated database with `make_people`'s chapters and users."""
    return make_people(db)


def politician(db, user, name, kommune, **raw) -> int:
    """A politician made through `politicians.create_politician` from literal fields."""
    return politicians.create_politician(db, user, {"name": name, "kommune": kommune, **raw})
