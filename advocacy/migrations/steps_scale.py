"""Performance at national scale. Steps m070–m079.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

# --- Performance at national scale: steps m070–m079 ---


@migrations()
def m070_national_scale_indexes(db):
    # overview.activity_version asks for max(updated_at) of meetings and documents on every
    # rerun of Oversikt; without an index that reads both tables whole. Leadership's meeting
    # list is the newest 200 of all chapters: held_on lets it stop after 200 instead of sorting
    # 50,000 meetings.
    run_sql(
        db,
        """
create index if not exists meetings_held on meetings(held_on, id);
create index if not exists meetings_updated on meetings(updated_at);
create index if not exists documents_updated on documents(updated_at);
""",
    )


@migrations()
def m071_directory_order_index(db):
    # The politician directory is listed by municipality name and shows the first 200: walking
    # the municipalities in name order stops after 200 instead of sorting 10,000 politicians.
    run_sql(db, "create index if not exists municipalities_navn on municipalities(navn, kommunenummer);")


@migrations()
def m072_chapter_followup_index(db):
    # A chapter's overdue follow-ups (Oversikt, Møter): without it SQLite walks every open
    # follow-up in the country and looks up each meeting's chapter, 15 ms a rerun at 10,000.
    run_sql(db, "create index if not exists meetings_chapter_followup "
                "on meetings(chapter_id, followup_done_on, followup_due);")


@migrations()
def m073_document_owner_indexes(db):
    # A writer's own letters and a chapter's documents: without these every page of Brev og
    # innlegg read all 20,000 documents of a national archive to find a writer's forty.
    run_sql(db, """
create index if not exists documents_author on documents(author_id, updated_at);
create index if not exists documents_chapter on documents(chapter_id, updated_at);
""")
