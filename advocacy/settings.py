"""The `settings` table, the one module that writes it: small named values of the whole
installation. `demo_mode` (the demo data is loaded), the flags that let a demo removal or an
erasure past the append-only triggers for the length of their transaction, the last erasure's
time (erasure_marks) and the calendar's change counter (events).

Each function joins the caller's transaction (`write` nests as a savepoint), so a flag set
and cleared around a piece of work is never seen outside it.
"""

from __future__ import annotations

import json

import sqlite_utils

from advocacy.db import write


def get(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select value from settings where key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def put(db: sqlite_utils.Database, key: str, value: str) -> None:
    with write(db):
        db.execute("insert or replace into settings (key, value) values (?, ?)", [key, value])


def remove(db: sqlite_utils.Database, *keys: str) -> None:
    with write(db):
        db.execute("delete from settings where key in (select value from json_each(?))",
                   [json.dumps(list(keys))])


def count_up(db: sqlite_utils.Database, key: str) -> None:
    """Add one to a counter (made at 1)."""
    with write(db):
        db.execute("insert into settings (key, value) values (?, 1)"
                   " on conflict (key) do update set value = value + 1", [key])
