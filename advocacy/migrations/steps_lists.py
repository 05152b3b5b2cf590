"""Long lists searched, filtered and sorted at national scale. Steps m140–m149.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.listing import nb
from advocacy.migrations.base import migrations, run_sql


@migrations()
def m140_meeting_followup_order(db):
    # Møter sorted by «Oppfølging innen»: the page's fifty from an index instead of sorting
    # 50,000 meetings on every rerun.
    run_sql(db, "create index if not exists meetings_followup_due on meetings(followup_due, id);")


@migrations()
def m141_norwegian_order_indexes(db):
    # Names and titles sort in Norwegian order (listing.nb: æ, ø, å after z): an index on the
    # same expression lets Møter by municipality walk the 357 names, and Dokumenter by title
    # its index, instead of sorting every row on each rerun.
    run_sql(db, f"""
create index if not exists municipalities_navn_nb on municipalities({nb("navn")});
create index if not exists documents_title_nb on documents({nb("title")}, id);
create index if not exists chapters_name_nb on chapters({nb("name")});
""")
