"""Documents. Steps m040–m049.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

# --- Documents: steps m040_ … m049_ ---


@migrations()
def m040_documents_frozen_copy(db):
    # The .docx that went out is kept on the record so the organisation can always see exactly
    # what was sent or adopted. The trigger makes that copy (and the fields and template it was
    # made from) unchangeable in the database itself, whatever code path tries; adopted_on holds
    # the adoption date of a statement, docx_filename the name the copy is downloaded under.
    run_sql(
        db,
        """
alter table documents add column adopted_on text;
alter table documents add column docx_filename text;
create trigger documents_sent_copy_frozen before update of docx, fields, template on documents
when old.docx is not null and (new.docx is not old.docx or new.fields is not old.fields
                               or new.template is not old.template)
begin
    select raise(abort, 'documents: the sent copy is frozen');
end;
""",
    )
