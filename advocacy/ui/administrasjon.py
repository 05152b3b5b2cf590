"""Administrasjon (leadership): users and chapters."""

import streamlit as st

from advocacy import accounts, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("administrasjon")
db = context.db()

st.title(texts.PAGE_TITLES["administrasjon"])
st.subheader("Brukere")
table(
    accounts.list_users(db, user),
    {"brukernavn": "Brukernavn", "navn": "Navn", "rolle": "Rolle", "lokallag": "Lokallag",
     "aktiv": "Aktiv", "sist_innlogget": "Sist innlogget"},
    labels={"rolle": texts.ROLE_LABELS, "aktiv": {1: "ja", 0: "nei"}},
    dates=["sist_innlogget"],
    key="users_table",
)
st.subheader("Lokallag")
table(
    accounts.list_chapters(db),
    {"name": "Lokallag", "organisation": "Organisasjon", "kommune": "Kommune",
     "members": "Brukere", "meetings": "Møter"},
    key="chapters_table",
)
