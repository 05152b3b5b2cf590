"""Numbered, append-only schema steps.

Never edit a step that has landed: databases in the field have already run it. Add a new step
at the end of its module's range instead (`m074_…` in steps_scale.py, say); steps run in number
order. `migrate(db)` applies the pending steps and refuses a database that has steps this
version does not know (made by a newer Påvirk).
"""

from __future__ import annotations

import sqlite_utils

from advocacy import audit, texts
from advocacy.db import write
from advocacy.errors import DatabaseError
from advocacy.migrations import (  # noqa: F401 - imported for the steps they register
    steps_audit,
    steps_corrections,
    steps_documents,
    steps_foundation,
    steps_house,
    steps_lists,
    steps_lists_a,
    steps_login,
    steps_meetings,
    steps_policy,
    steps_privacy,
    steps_record_lists,
    steps_scale,
    steps_statements,
    steps_trust,
    steps_writing,
)
from advocacy.migrations.base import NOW, migrations, run_sql  # noqa: F401 - the public helpers
from advocacy.migrations.steps_privacy import ERASURE_FLAG  # noqa: F401 - used by advocacy.privacy.erasure

# Steps run in number order (m001, m002, m003, m010, …), whatever order their modules were
# imported in: that is the order every database in the field has applied them in.
migrations._migrations.sort(key=lambda step: step.name)


def known_names() -> list[str]:
    # Migrations has no public list of registered steps; its repr is for people.
    return [m.name for m in migrations._migrations]


def unknown_applied(db: sqlite_utils.Database) -> list[str]:
    """Steps recorded in the database that this version of the code does not have."""
    known = set(known_names())
    return [m.name for m in migrations.applied(db) if m.name not in known]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending steps; return their names. Refuses a database from a newer version.

    The whole run holds the write lock (BEGIN IMMEDIATE), so two processes starting at once
    cannot both apply the same step.
    """
    newer = unknown_applied(db)
    if newer:
        raise DatabaseError(
            texts.DB_NEWER_SCHEMA.format(path=db.conn.execute("pragma database_list").fetchone()[2],
                                         names=", ".join(newer))
        )
    with write(db):
        # Before the steps: afterwards a step may have changed columns, and so the triggers'
        # definitions, for good reason. A trigger missing now was dropped behind our back.
        audit.restore_triggers(db)
        pending = [m.name for m in migrations.pending(db)]
        migrations.apply(db)
        if pending or not audit.triggers_installed(db):
            audit.install_triggers(db)
    return pending
