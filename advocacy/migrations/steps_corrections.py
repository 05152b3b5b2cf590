"""Corrections (rettelser) of the append-only histories. Steps m092–m093.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql
from advocacy.migrations.steps_privacy import _NOT_ERASING

# The columns a correction must leave as they were: the recorded fact itself. A column added to
# one of these tables later must be added here too (by a new step), or an update could change it.
_FACTS = {
    "positions": ("id", "kommunenummer", "lever_id", "value", "decided_on", "source", "note",
                  "recorded_by", "recorded_at", "is_demo"),
    "stances": ("id", "politician_id", "lever_id", "topic", "stance", "stated_on", "source",
                "recorded_by", "recorded_at"),
}

# A correction marks a row once, with who and why; afterwards the only change let through is
# the account of the corrector going (on delete set null). Unmarking is refused: a correction
# made by mistake is put right by recording the value again, so the history tells it.
_CORRECTION_ONCE = """(
    (old.corrected_at is null and new.corrected_at is not null
     and trim(coalesce(new.correction_reason, '')) != '')
    or (new.corrected_at is old.corrected_at and new.correction_reason is old.correction_reason
        and (new.corrected_by is old.corrected_by or new.corrected_by is null)))"""


@migrations()
def m092_corrections_mark_history_rows(db):
    # Positions and stances stay append-only, except for the one step of marking a wrong row as
    # corrected. Adopted statements keep their frozen text (m034/m060); their correction columns
    # get the same once-only rule.
    sql = []
    for table, facts in _FACTS.items():
        unchanged = " and ".join(f"new.{c} is old.{c}" for c in facts)
        sql.append(f"""
drop trigger {table}_no_update;
create trigger {table}_no_update before update on {table}
when not ({unchanged} and {_CORRECTION_ONCE}) and {_NOT_ERASING}
begin
    select raise(abort, '{table} is append-only');
end;""")
    sql.append(f"""
create trigger statements_correction_once before update of corrected_at, corrected_by,
    correction_reason on statements
when not {_CORRECTION_ONCE} and {_NOT_ERASING}
begin
    select raise(abort, 'a statement version is corrected once');
end;""")
    # Every status, export, map and calendar reads the current valid position: a partial index
    # keeps that one covering index seek per municipality and lever, as positions_current was.
    # corrected_at is always null inside it, but SQLite (3.40) counts an index as covering only
    # if it holds every column the query names. positions_decided served only counts and
    # changes by date, which now leave corrected rows out too.
    sql.append("""
create index positions_valid on positions(kommunenummer, lever_id, decided_on, id, corrected_at)
    where corrected_at is null;
drop index positions_decided;
create index positions_valid_decided on positions(decided_on, lever_id, corrected_at)
    where corrected_at is null;
create index positions_corrected on positions(corrected_at) where corrected_at is not null;
""")
    run_sql(db, "\n".join(sql))
