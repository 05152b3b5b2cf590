"""Shared fixtures: a temporary database file per test, migrated and with reference data."""

from __future__ import annotations

import pytest

from advocacy import accounts, demo
from advocacy.startup import open_database


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "advocacy.db"
    monkeypatch.setenv("ADVOCACY_DB", str(path))
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db):
    demo.load(db)
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


# --- Politicians and meetings (issue 4) ---


@pytest.fixture
def drammen_politicians(demo_db):
    """Ids of two demo politicians in Drammen (3301), the chapter member's municipality."""
    return [r[0] for r in demo_db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 2")]
