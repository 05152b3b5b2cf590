"""Møter: log meetings with politicians, follow them up and write the follow-up letter."""

import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import meeting_list
from advocacy.policy import municipalities
from advocacy.ui import context
from advocacy.ui.chapter_choice import chapter_filter
from advocacy.ui.followup_view import render_followups
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.meeting_detail import render_meeting
from advocacy.ui.meeting_form import meeting_form
from advocacy.ui.safe_text import md
from advocacy.ui.search_view import render_search
from advocacy.ui.widgets import open_requested, table

user = context.require_page("moter")
db = context.db()

VIEWS = [
    texts.MOTER_VIEW_LIST,
    texts.MOTER_VIEW_NEW,
    texts.MOTER_VIEW_FOLLOWUPS,
    texts.MOTER_VIEW_SEARCH,
]
OPEN = "moter_open"  # the meeting shown under the list
PENDING = "moter_pending_open"  # set before a rerun: widgets' state can only change before them

st.session_state.setdefault("moter_view", VIEWS[0])
st.title(texts.PAGE_TITLES["moter"])
# A link from search (or elsewhere) opens one record: ?mote=12.
open_requested(db, user, "moter", "mote", VIEWS[0])
if user.chapter_name and not permissions.allowed(user, "chapter.all"):
    st.caption(texts.MOTER_FOR_CHAPTER.format(chapter=md(user.chapter_name)))
view = st.segmented_control(texts.MOTER_VIEW, VIEWS, key="moter_view",
                            label_visibility="collapsed") or VIEWS[0]

if view == texts.MOTER_VIEW_NEW:
    new_id = meeting_form(db, user, "new")
    if new_id:
        st.session_state[PENDING] = new_id
        st.rerun()
elif view == texts.MOTER_VIEW_FOLLOWUPS:
    render_followups(db, user)
elif view == texts.MOTER_VIEW_SEARCH:
    render_search(db, user, "moter_search")
else:
    kommuner = municipalities.names(db)
    chosen_kommune = st.session_state.get("moter_list_f_kommune")
    choices = [Choice("kommune", texts.MOTER_MUNICIPALITY, kommuner, texts.ALL_MUNICIPALITIES)]
    choices += chapter_filter(db, user, texts.MOTER_CHAPTER, texts.ALL_CHAPTERS)
    choices += [
        Choice(
            "politiker",
            texts.MOTER_POLITICIAN,
            meeting_list.politicians_in(db, chosen_kommune),
            texts.MOTER_CHOOSE_MUNICIPALITY_FIRST
            if not chosen_kommune
            else texts.MOTER_ALL_POLITICIANS,
        ),
        Choice("type", texts.MOTER_KIND, texts.MEETING_KINDS, texts.ALL_KINDS_LABEL),
        Choice(
            "oppfolging", texts.MOTER_FOLLOWUP_STATE, texts.MEETING_FOLLOWUP_STATES, texts.MOTER_ALL
        ),
    ]
    query = ask("moter_list", meeting_list.SPEC, choices, period=texts.MOTER_PERIOD,
                search=texts.MOTER_SEARCH)
    found = meeting_list.find(db, user, query)
    rows = found.rows
    table(
        rows,
        {
            "held_on": texts.MOTER_DATE,
            "kind": texts.MOTER_KIND,
            "chapter": texts.MOTER_CHAPTER,
            "kommune": texts.MOTER_MUNICIPALITY,
            "politicians": texts.MOTER_POLITICIANS,
            "summary": texts.MOTER_SUMMARY,
            "followup_due": texts.MOTER_FOLLOWUP_DUE,
            "followup_done_on": texts.MOTER_FOLLOWED_UP,
        },
        dates=["held_on", "followup_due", "followup_done_on"],
        labels={"kind": texts.MEETING_KINDS},
        key="moter_table",
    )
    pages("moter_list", found, query, texts.MEETINGS_NOUN)
    labels = {r["id"]: f"{texts.format_short_date(r['held_on'])} – {r['kommune']}: "
                       f"{r['politicians'] or ''}" for r in rows}
    selected = st.session_state.get(OPEN)
    if selected is not None and selected not in labels:
        labels[selected] = texts.MOTER_MEETING_NUMBER.format(
            id=selected
        )  # a linked meeting beyond the list's window
    if labels:
        chosen = st.selectbox(
            texts.MOTER_OPEN_MEETING,
            list(labels),
            format_func=lambda i: labels[i],
            key=OPEN,
            index=None,
            placeholder=texts.CHOOSE_MEETING,
        )
        if chosen is not None:
            st.divider()
            try:
                render_meeting(db, user, chosen)
            except AdvocacyError as exc:
                st.error(md(exc.message))
