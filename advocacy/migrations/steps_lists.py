"""Long lists searched, filtered and sorted at national scale. Steps m140–m149.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from .base import migrations, run_sql


@migrations()
def m140_meeting_followup_order(db):
    # Møter sorted by «Oppfølging innen»: the page's fifty from an index instead of sorting
    # 50,000 meetings on every rerun.
    run_sql(db, "create index if not exists meetings_followup_due on meetings(followup_due, id);")
