"""Oversikt: key figures for the country, follow-ups and chapter activity."""

import streamlit as st

from advocacy import meetings, overview, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("oversikt")
db = context.db()

st.title(texts.PAGE_TITLES["oversikt"])
figures = overview.key_figures(db, user)

cols = st.columns(5)
cols[0].metric("Kommuner med registrert politikk",
               f"{figures['municipalities_with_positions']} av {figures['municipalities']}")
cols[1].metric("Vedtak siste 90 dager", figures["positions_last_90_days"])
cols[2].metric("Politikere i registeret", texts.format_number(figures["politicians"]))
cols[3].metric("Publiserte leserinnlegg", figures["published_letters"])
if figures["overdue_followups"] is not None:
    cols[4].metric("Forfalte oppfølginger", figures["overdue_followups"])

if user.role in ("leder", "lokallag"):
    st.subheader("Forfalte oppfølginger")
    table(
        meetings.overdue_followups(db, user),
        {"held_on": "Møtedato", "followup_due": "Frist", "chapter": "Lokallag",
         "kommune": "Kommune", "owner": "Ansvarlig"},
        dates=["held_on", "followup_due"],
        key="overdue_table",
    )

st.subheader("Aktivitet per lokallag")
table(
    overview.meetings_per_chapter(db),
    {"chapter": "Lokallag", "meetings": "Møter", "last_meeting": "Siste møte"},
    dates=["last_meeting"],
    key="chapter_activity",
)
