"""Policy profiles and overview. Steps m020–m029.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

# --- Policy profiles and overview: steps m020–m029 ---

@migrations()
def m020_positions_by_date(db):
    # "Changes in the last 90 days" and the overview filter positions by decision date across
    # all municipalities; positions_current leads with kommunenummer and cannot serve that.
    run_sql(db, """
create index if not exists positions_decided on positions(decided_on, lever_id);
create index if not exists documents_kommunenummer on documents(kommunenummer);
""")
