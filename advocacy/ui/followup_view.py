"""Follow-ups due and overdue, per chapter and per owner; mark done; calendar download."""

from __future__ import annotations

import functools

import streamlit as st

from advocacy import texts
from advocacy.meetings import followups, meetings
from advocacy.ui import meeting_answers
from advocacy.ui.chapter_choice import chapter_select
from advocacy.ui.widgets import table

SHOWN = 200  # thousands are open nationally: the most urgent first, the .ics file has all


def render_followups(db, user) -> None:
    left, right = st.columns(2)
    chapter_id = chapter_select(db, user, texts.FOLLOWUPS_CHAPTER, texts.FOLLOWUPS_ALL_CHAPTERS,
                                where=left, key="followup_chapter")
    owners = meetings.owner_choices(db, chapter_id or user.chapter_id)
    owner_id = right.selectbox(texts.FOLLOWUPS_OWNER, [None, *owners], key="followup_owner",
                               format_func=lambda o: texts.FOLLOWUPS_ALL_OWNERS if o is None else owners[o], placeholder=texts.CHOOSE_ONE)
    rows = followups.open_followups(db, user, chapter_id=chapter_id, owner_id=owner_id,
                                    limit=SHOWN)
    total, overdue = followups.open_counts(db, user, chapter_id=chapter_id, owner_id=owner_id)
    st.caption(texts.FOLLOWUPS_COUNTS.format(total=texts.format_number(total),
                                             overdue=texts.format_number(overdue)))
    if total > len(rows):
        st.caption(texts.LIST_SHOWING_FIRST.format(shown=len(rows),
                                                   total=texts.format_number(total)))
    for row in rows:
        row["no_reply_text"] = texts.NO_REPLY_BADGE if row["no_reply"] else ""
    table(rows, texts.FOLLOWUPS_COLUMNS,
          dates=["followup_due", "held_on"], labels={"status": texts.FOLLOWUP_STATUS},
          key="followups_table")
    st.download_button(
        texts.FOLLOWUPS_CALENDAR,
        data=functools.partial(followups.followups_ics, db, user, chapter_id=chapter_id,
                               owner_id=owner_id),
        file_name=texts.FOLLOWUPS_CALENDAR_FILE, mime="text/calendar", key="followups_ics",
        icon=":material/calendar_month:", on_click="ignore", disabled=not rows)
    if not rows:
        return
    labels = {r["id"]: f"{texts.format_short_date(r['followup_due'])} – {r['kommune']}: "
                       f"{r['politicians'] or ''}" for r in rows}
    left, right = st.columns([3, 1])
    chosen = left.selectbox(texts.FOLLOWUPS_CHOOSE, list(labels), format_func=lambda i: labels[i],
                            key="followup_choice", placeholder=texts.CHOOSE_ONE)
    right.write("")
    held = {r["id"]: r["held_on"] for r in rows}
    meeting_answers.mark_done_button(db, user, chosen, held[chosen], "followup_done",
                                     container=right, label=texts.FOLLOWUPS_MARK_DONE)
