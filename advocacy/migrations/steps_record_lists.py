"""Long lists of documents, politicians and events. Steps m130–m134.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql
from advocacy.migrations.steps_meetings import fts_sql

# --- Documents, politicians and events as long lists: steps m130–m134 ---


@migrations()
def m130_event_search_and_document_sorts(db):
    # Kalender's list searches 10,000 events' titles, places and who is responsible: an FTS5
    # index in the same layout as m010's (folded case and accents, prefix words). Dokumenter
    # sorts 20,000 records by title or sent date and pages far into them: an index walks to
    # the page instead of sorting every record on each rerun.
    run_sql(db, fts_sql("events", ("title", "place", "responsible", "description")))
    run_sql(
        db,
        """
create index if not exists documents_title on documents(title, id);
create index if not exists documents_sent on documents(sent_on, id);
""",
    )
