"""Privacy and security. Steps m060–m069.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

# --- Privacy and security: steps m060_ … m069_ ---

ERASURE_FLAG = "erasure_in_progress"
_NOT_ERASING = f"not exists (select 1 from settings where key = '{ERASURE_FLAG}')"  # noqa: S608


@migrations()
def m060_erasure_passes_frozen_rows(db):
    # A data-protection erasure must reach rows that are otherwise frozen: a sent letter's copy,
    # an adopted statement's words, the append-only stance, position and status histories. The
    # erasing transaction writes a flag row into `settings` and removes it before committing, so
    # the flag is never visible outside that one transaction; every other path is refused as
    # before. The audit log itself is NOT opened: erasures are logged like any change.
    run_sql(
        db,
        """
drop trigger documents_sent_copy_frozen;
create trigger documents_sent_copy_frozen before update of docx, fields, template on documents
when old.docx is not null and (new.docx is not old.docx or new.fields is not old.fields
                               or new.template is not old.template) and {NOT_ERASING}
begin
    select raise(abort, 'documents: the sent copy is frozen');
end;
drop trigger statements_adopted_text_frozen;
create trigger statements_adopted_text_frozen before update on statements
when old.adopted_on is not null and (
    new.title is not old.title or new.adopted_by is not old.adopted_by
    or new.meeting_date is not old.meeting_date or new.place is not old.place
    or new.position is not old.position or new.grounds is not old.grounds
    or new.demands is not old.demands or new.demands_to is not old.demands_to
    or new.reservations is not old.reservations or new.contact is not old.contact
    or new.adopted_on is not old.adopted_on or new.version is not old.version
    or new.parent_id is not old.parent_id) and {NOT_ERASING}
begin
    select raise(abort, 'adopted statement text is frozen');
end;
drop trigger statement_history_no_update;
create trigger statement_history_no_update before update on statement_history
when {NOT_ERASING}
begin
    select raise(abort, 'statement_history is append-only');
end;
drop trigger stances_no_update;
create trigger stances_no_update before update on stances
when {NOT_ERASING}
begin
    select raise(abort, 'stances is append-only');
end;
drop trigger positions_no_update;
create trigger positions_no_update before update on positions
when {NOT_ERASING}
begin
    select raise(abort, 'positions is append-only');
end;
""".replace("{NOT_ERASING}", _NOT_ERASING),
    )


@migrations()
def m061_erasure_passes_letter_history(db):
    # The reader-letter history (m050) is append-only like the others and must likewise let a
    # data-protection erasure replace a name in its notes. Every later append-only trigger must
    # carry the same clause.
    run_sql(
        db,
        """
drop trigger letter_history_no_update;
create trigger letter_history_no_update before update on letter_history
when {NOT_ERASING}
begin
    select raise(abort, 'letter_history is append-only');
end;
""".replace("{NOT_ERASING}", _NOT_ERASING),
    )
