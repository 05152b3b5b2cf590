"""Shared fixtures: a temporary database file per test, migrated and with reference data; the
demo data built once per session and copied into each test that asks for it."""

from __future__ import annotations

import shutil

import pytest
from argon2 import PasswordHasher

from advocacy.accounts import accounts
from advocacy.audit_key import key_path
from advocacy.demo import demo
from advocacy.startup import open_database

# Production hashes cost 64 MiB and three passes (~0.3 s): the suite logs in thousands of
# times. Tests hash at the lowest cost argon2 allows; the production cost is tested on its own
# (tests/test_password_cost.py) and every server and CLI the tests start as a process uses it.
TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def pytest_configure(config):
    accounts._hasher = accounts._BoundedHasher(accounts.HASH_SLOTS, TEST_HASHER)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A migrated database with the demo data, made once: copied, never opened by a test."""
    path = tmp_path_factory.mktemp("demo-template") / "advocacy.db"
    database = open_database(path)
    demo.load(database)
    database.close()  # the last connection: the WAL is folded into the file
    return path


def copy_demo(template, path) -> None:
    """The demo database (and the key of its change log) at `path`."""
    shutil.copyfile(template, path)
    shutil.copyfile(key_path(template), key_path(path))


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "advocacy.db"
    monkeypatch.setenv("ADVOCACY_DB", str(path))
    return path


@pytest.fixture
def db(db_path, request):
    if "demo_db" in request.fixturenames:
        copy_demo(request.getfixturevalue("demo_template"), db_path)
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
