"""The register of schema steps and the helpers every step uses."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils import Migrations

from advocacy import clock

migrations = Migrations("advocacy")

NOW = f"({clock.SQL_NOW})"  # the column defaults of the steps


def run_sql(db: sqlite_utils.Database, script: str) -> None:
    """Run a multi-statement script inside the current transaction.

    `executescript` would COMMIT first and break the migration's transaction, so statements are
    split (triggers included, thanks to `complete_statement`) and run one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"Incomplete SQL statement: {statement!r}")
