"""Politicians, meetings and follow-ups. Steps m010–m019.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

# --- Politicians, meetings and follow-ups: steps m010–m019 ---

# Full-text indexes in sqlite-utils' own layout (`<table>_fts`, external content, triggers named
# `<table>_ai/_ad/_au`), so `table.search()` and `enable_fts(..., replace=True)` (needed after a
# `transform()`, which drops the triggers) keep working. Written as SQL because `enable_fts`
# uses executescript, which would commit in the middle of the migration.
# `remove_diacritics 2`: a volunteer typing "Alesund" still finds Ålesund (ø and æ are letters of
# their own to Unicode, not o and a with a mark: "Tromso" does not find Tromsø).
_FTS_COLUMNS = {
    "meetings": ("summary", "topics", "asks", "promises", "outcome", "our_participants"),
    "politicians": ("name", "party_text", "committee", "notes"),
    "documents": ("title", "body", "fields"),
}


def fts_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    # Only the fixed names of _FTS_COLUMNS are formatted in.
    return f"""
create virtual table [{table}_fts] using fts5 (
    {cols}, content=[{table}], tokenize='unicode61 remove_diacritics 2'
);
create trigger [{table}_ai] after insert on [{table}] begin
    insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new});
end;
create trigger [{table}_ad] after delete on [{table}] begin
    insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old});
end;
create trigger [{table}_au] after update on [{table}] begin
    insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old});
    insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new});
end;
insert into [{table}_fts] ([{table}_fts]) values ('rebuild');
"""  # noqa: S608


@migrations()
def m010_full_text_search(db):
    for table, columns in _FTS_COLUMNS.items():
        run_sql(db, fts_sql(table, columns))


@migrations()
def m011_replies_and_stance_history(db):
    # "No reply after 14 days" needs to know when (if ever) the politician answered; stances keep
    # their history, so a changed stance is a new row, never an edit of the old one.
    run_sql(
        db,
        """
alter table meetings add column reply_received_on text;
create index meetings_followup on meetings(followup_done_on, followup_due);
create index stances_history on stances(politician_id, lever_id, topic, stated_on, id);
create index politicians_name on politicians(name collate nocase, kommunenummer);
create trigger stances_no_update before update on stances
begin
    select raise(abort, 'stances is append-only');
end;
""",
    )
