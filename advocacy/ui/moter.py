"""Møter: meetings and other contacts with politicians, and their follow-ups."""

import streamlit as st

from advocacy import meetings, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("moter")
db = context.db()

st.title(texts.PAGE_TITLES["moter"])
if user.chapter_name and not user.is_leader:
    st.caption(f"Møter for {user.chapter_name}")
table(
    meetings.list_meetings(db, user),
    {"held_on": "Dato", "kind": "Type", "chapter": "Lokallag", "kommune": "Kommune",
     "politicians": "Politikere", "summary": "Sammendrag", "followup_due": "Oppfølging innen",
     "followup_done_on": "Fulgt opp"},
    dates=["held_on", "followup_due", "followup_done_on"],
    labels={"kind": texts.MEETING_KINDS},
    key="moter_table",
)
