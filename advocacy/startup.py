"""Opening the database the way the app and the CLI both need it: migrated, reference data in."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from advocacy import audit, reference
from advocacy.db import connect, default_path, refresh_statistics
from advocacy.demo import demo
from advocacy.migrations import migrate
from advocacy.privacy import trash


def open_database(
    path: str | Path | None = None, *, create: bool = True, seed_demo: bool = False
) -> sqlite_utils.Database:
    """Connect, put back any missing or altered audit trigger (logged), apply pending
    migrations and bring reference data up to date.

    `seed_demo` adds the demo data when the file is new (the app's first start). Raises
    DatabaseError with a Norwegian message for a missing folder, a file that is not a
    database, or a database from a newer version; nothing is changed in those cases.
    """
    path = Path(path) if path else default_path()
    is_new = not path.exists() or path.stat().st_size == 0
    db = connect(path, create=create)
    try:
        migrate(db)
        reference.load(db)
        if seed_demo and is_new:
            demo.load(db)
        trash.purge(db)
        refresh_statistics(db)
    except BaseException:
        db.close()
        raise
    return db


def prepare(path: str | Path, *, seed_demo: bool) -> None:
    """Bring the file up to date (migrations, reference data, demo data if new) on a connection
    of its own, closed again: the app then reads and writes through its shared database."""
    open_database(path, seed_demo=seed_demo).close()


def verify_audit(path: str | Path | None = None) -> audit.Verification:
    """Check the change log of the file at `path`: its triggers as they are on disk, before
    start-up (`open_database`) puts any missing one back, then its chain and head."""
    path = Path(path) if path else default_path()
    raw = connect(path, create=False)
    try:
        damaged = audit.damaged_triggers(raw)
    finally:
        raw.close()
    db = open_database(path, create=False)
    try:
        return audit.verify(db, damaged)
    finally:
        db.close()
