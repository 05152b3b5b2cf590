"""Møter: log meetings with politicians, follow them up and write the follow-up letter."""

import streamlit as st

from advocacy import accounts, meetings, texts
from advocacy.errors import AdvocacyError
from advocacy.ui import context
from advocacy.ui.followup_view import render_followups
from advocacy.ui.meeting_detail import render_meeting
from advocacy.ui.meeting_form import meeting_form
from advocacy.ui.safe_text import md
from advocacy.ui.search_view import render_search
from advocacy.ui.widgets import open_requested, pager, table

user = context.require_page("moter")
db = context.db()

VIEWS = ["Møter", "Nytt møte", "Oppfølging", "Søk"]
OPEN = "moter_open"  # the meeting shown under the list
PENDING = "moter_pending_open"  # set before a rerun: widgets' state can only change before them
PAGE_SIZE = 50  # a national list runs to 50,000 meetings: a page at a time, newest first

st.session_state.setdefault("moter_view", VIEWS[0])
st.title(texts.PAGE_TITLES["moter"])
# A link from search (or elsewhere) opens one record: ?mote=12.
open_requested(db, user, "moter", "mote", VIEWS[0])
if user.chapter_name and not user.is_leader:
    st.caption(f"Møter for {md(user.chapter_name)}")
view = st.segmented_control("Visning", VIEWS, key="moter_view",
                            label_visibility="collapsed") or VIEWS[0]

if view == "Nytt møte":
    new_id = meeting_form(db, user, "new")
    if new_id:
        st.session_state[PENDING] = new_id
        st.rerun()
elif view == "Oppfølging":
    render_followups(db, user)
elif view == "Søk":
    render_search(db, user, "moter_search")
else:
    chapter_id = None
    if user.is_leader:
        chapters = accounts.chapter_names(db)
        chapter_id = st.selectbox("Lokallag", [None, *chapters], key="moter_chapter",
                                  format_func=lambda c: "Alle lokallag" if c is None
                                  else chapters[c], placeholder=texts.CHOOSE_ONE)
    total = meetings.count_meetings(db, user, chapter_id=chapter_id)
    st.caption(f"{texts.format_number(total)} møter, de nyeste først")
    offset = pager(total, PAGE_SIZE, "moter_side", filters=chapter_id)
    rows = meetings.list_meetings(db, user, PAGE_SIZE, chapter_id=chapter_id, offset=offset)
    table(
        rows,
        {"held_on": "Dato", "kind": "Type", "chapter": "Lokallag", "kommune": "Kommune",
         "politicians": "Politikere", "summary": "Sammendrag", "followup_due": "Oppfølging innen",
         "followup_done_on": "Fulgt opp"},
        dates=["held_on", "followup_due", "followup_done_on"],
        labels={"kind": texts.MEETING_KINDS},
        key="moter_table",
    )
    labels = {r["id"]: f"{texts.format_short_date(r['held_on'])} – {r['kommune']}: "
                       f"{r['politicians'] or ''}" for r in rows}
    selected = st.session_state.get(OPEN)
    if selected is not None and selected not in labels:
        labels[selected] = f"Møte {selected}"  # a linked meeting beyond the list's window
    if labels:
        chosen = st.selectbox("Åpne møte", list(labels), format_func=lambda i: labels[i],
                              key=OPEN, index=None, placeholder=texts.CHOOSE_MEETING)
        if chosen is not None:
            st.divider()
            try:
                render_meeting(db, user, chosen)
            except AdvocacyError as exc:
                st.error(md(exc.message))
