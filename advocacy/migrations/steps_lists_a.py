"""Search and sorting over the Innlegg and Uttalelser lists. Steps m125–m129.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql
from advocacy.migrations.steps_meetings import fts_sql

# --- The Innlegg and Uttalelser lists: steps m125–m129 ---


@migrations()
def m125_statement_search(db):
    # The statements archive is searched by its words and who adopted it. A full-text index in
    # the same layout as the others (sqlite-utils' names, `remove_diacritics 2`), so a search
    # does not fold every statement's whole text on each keystroke at national scale.
    run_sql(db, fts_sql("statements", ("title", "adopted_by", "position", "grounds",
                                        "demands", "reservations")))


@migrations()
def m126_letter_dates(db):
    # Innlegg sorts by the date sent or published, newest first, and filters on when it was
    # sent: the index walks them in order instead of sorting ten thousand letters.
    run_sql(
        db,
        """
create index if not exists documents_sent on documents(sent_on);
create index if not exists documents_published on documents(published_on);
""",
    )
